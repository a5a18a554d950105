"""Calendar arithmetic the apps share."""

import calendar
from datetime import date
from typing import TypeVar

D = TypeVar("D", bound=date)


def maanden_terug(dag: D, maanden: int) -> D:
    """The same day `maanden` calendar months earlier (later when negative), on the month's
    last day when it is shorter; a date or a datetime (time and zone kept)."""
    jaar, maand = divmod(dag.year * 12 + dag.month - 1 - maanden, 12)
    maand += 1
    laatste = calendar.monthrange(jaar, maand)[1]
    return dag.replace(year=jaar, month=maand, day=min(dag.day, laatste))
