"""Optimistic versions: every row a form can change carries `versie`, bumped by each write, so
a form based on an older state is refused rather than overwriting what someone else did."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


class VerouderdFormulier(ValidationError):
    """The object changed since the form was shown: refuse rather than overwrite (HTTP 409)."""


def controleer_versie(obj, versie: int | None, bericht: str | None = None) -> None:
    """Refuse a form based on an older state of `obj` (its `versie` moved on since)."""
    if versie is not None and int(versie) != obj.versie:
        raise VerouderdFormulier(
            bericht
            or _(
                "Iemand anders heeft dit intussen gewijzigd. Bekijk de nieuwe stand en probeer "
                "het opnieuw."
            ),
            code="verouderd",
        )


def opslaan(obj, velden: list[str]) -> None:
    """Save these fields and the next version."""
    obj.versie += 1
    obj.save(update_fields=[*velden, "versie"])


def vergrendeld(model, pk):
    """Re-read the row under a lock so concurrent writes on it run one after the other."""
    return model.objects.select_for_update().get(pk=pk)
