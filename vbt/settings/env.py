"""Read configuration from environment variables, in one place.

Each read names the variable, its default and what it is for; `VARIABELEN` collects them so the
README and `manage.py` checks can list every variable the application reads.
"""

import os

from django.core.exceptions import ImproperlyConfigured

VARIABELEN: dict[str, str] = {}

_WAAR = {"1", "true", "yes", "ja", "on"}
_ONWAAR = {"0", "false", "no", "nee", "off", ""}


def _lees(naam: str, help_tekst: str) -> str | None:
    VARIABELEN[naam] = help_tekst
    return os.environ.get(naam)


def env_str(naam: str, default: str | None = None, *, help_tekst: str) -> str | None:
    waarde = _lees(naam, help_tekst)
    return default if waarde is None else waarde


def env_verplicht(naam: str, *, help_tekst: str) -> str:
    waarde = _lees(naam, help_tekst)
    if not waarde:
        raise ImproperlyConfigured(f"Environment variable {naam} is required: {help_tekst}")
    return waarde


def env_bool(naam: str, default: bool, *, help_tekst: str) -> bool:
    waarde = _lees(naam, help_tekst)
    if waarde is None:
        return default
    waarde = waarde.strip().lower()
    if waarde in _WAAR:
        return True
    if waarde in _ONWAAR:
        return False
    raise ImproperlyConfigured(f"Environment variable {naam} must be true or false, not {waarde!r}")


def env_int(naam: str, default: int, *, help_tekst: str) -> int:
    waarde = _lees(naam, help_tekst)
    if waarde is None or waarde == "":
        return default
    try:
        return int(waarde)
    except ValueError as exc:
        raise ImproperlyConfigured(f"Environment variable {naam} must be a whole number") from exc


def env_list(naam: str, default: list[str], *, help_tekst: str) -> list[str]:
    waarde = _lees(naam, help_tekst)
    if waarde is None:
        return default
    return [deel.strip() for deel in waarde.split(",") if deel.strip()]
