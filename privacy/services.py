"""Personal data of residents (AVG, DESIGN §5): retention, inzage and erasure.

Erasing a resident clears their contact details, consent and identity hash but keeps the row,
so supports still point at it and every count (aantal_bewoners) stays as it was. With the hash
gone the same person backing a signal later is a new resident. The event log and the contact
access log hold ids only, so they need no erasing.
"""

import logging
from datetime import datetime

from django.conf import settings
from django.contrib.admin.models import CHANGE, LogEntry
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from acties.constants import VERBETERPUNT_OPEN
from signalen.constants import SIGNAAL_GESLOTEN, SIGNAAL_OPEN, GebeurtenisSoort, SignaalStatus
from signalen.models import Bewoner, ContactInzage, Gebeurtenis, Signaal, Steun
from vbt.datums import maanden_terug

log = logging.getLogger("vbt.privacy")

# The events that close a signal; the latest one is its closing moment.
SLUITENDE_GEBEURTENISSEN = (
    GebeurtenisSoort.SIGNAAL_AFGEWEZEN,
    GebeurtenisSoort.SIGNAAL_VERLOPEN,
    GebeurtenisSoort.SIGNAAL_DOORVERWEZEN,
)
GEWIST = {
    "sleutel": None,
    "naam": "",
    "telefoon": "",
    "email": "",
    "wil_terugkoppeling": False,
    "toestemming_op": None,
    "toestemming_kanaal": "",
}


def bewaargrens(nu: datetime | None = None) -> datetime:
    # Calendar months in local time, so summer time does not shift the limit by an hour.
    return maanden_terug(timezone.localtime(nu), settings.VBT_BEWAARTERMIJN_MAANDEN)


def signalen_die_bewoners_nodig_hebben(grens: datetime) -> QuerySet[Signaal]:
    """Open signals, signals of an open point, and those closed after `grens`."""
    recent_gesloten = Exists(
        Gebeurtenis.objects.filter(
            signaal=OuterRef("pk"), wat__in=SLUITENDE_GEBEURTENISSEN, wanneer__gt=grens
        )
    )
    return Signaal.objects.filter(
        Q(status__in=sorted(SIGNAAL_OPEN))
        | Q(status=SignaalStatus.VERBETERPUNT)
        & (
            Q(verbeterpunt__status__in=sorted(VERBETERPUNT_OPEN))
            | Q(verbeterpunt__status_sinds__gt=grens)
        )
        # A closed signal without its closing event (imported data) counts from its logging.
        | Q(status__in=sorted(SIGNAAL_GESLOTEN)) & (recent_gesloten | Q(geregistreerd_op__gt=grens))
    )


def te_wissen_bewoners(grens: datetime) -> QuerySet[Bewoner]:
    """Residents not yet erased whose every signal (as melder or supporter) closed before
    `grens`."""
    nodig = signalen_die_bewoners_nodig_hebben(grens)
    return Bewoner.objects.filter(gewist_op__isnull=True, aangemaakt_op__lte=grens).filter(
        ~Exists(nodig.filter(melder=OuterRef("pk"))),
        ~Exists(Steun.objects.filter(bewoner=OuterRef("pk"), signaal__in=nodig)),
    )


def bewaartermijn_toepassen(
    *, nu: datetime | None = None, droog: bool = False, batch: int = 1000
) -> int:
    """Erase every resident past the retention period; returns how many (would be) erased.
    Each batch is one transaction, so a long run never holds locks for long."""
    nu = nu or timezone.now()
    grens = bewaargrens(nu)
    if droog:
        return te_wissen_bewoners(grens).count()
    totaal = 0
    while True:
        with transaction.atomic():
            qs = te_wissen_bewoners(grens).order_by("pk")
            ids = list(qs.values_list("pk", flat=True)[:batch])
            if not ids:
                break
            totaal += Bewoner.objects.filter(pk__in=ids, gewist_op__isnull=True).update(
                **GEWIST, gewist_op=nu
            )
    log.info("Bewaartermijn: %d bewoner(s) gewist, grens %s", totaal, grens.isoformat())
    return totaal


def _eis_beheerder(door) -> None:
    if not (door.is_authenticated and door.is_active and door.is_beheerder):
        raise PermissionDenied(_("Alleen een beheerder behandelt verzoeken van bewoners."))


@transaction.atomic
def bewoner_inzage(*, bewoner: Bewoner, door, pagina: str) -> dict:
    """Everything held about one resident (an inzageverzoek), as plain data for JSON.
    Showing contact details is logged like every other view of them."""
    _eis_beheerder(door)
    ContactInzage.objects.create(
        wie=door, bewoner=bewoner, pagina=pagina[:200], reden=_("Inzageverzoek (AVG)")
    )
    log.info("Inzage bewoner: bewoner=%s door=%s", bewoner.pk, door.pk)

    def signaal(s, rol):
        return {
            "id": s.pk,
            "rol": rol,
            "geregistreerd_op": s.geregistreerd_op.isoformat(),
            "buurt": s.buurt.naam,
            "thema": s.thema.naam,
            "status": s.status,
        }

    gemeld = Signaal.objects.filter(melder=bewoner).select_related("buurt", "thema")
    steun = bewoner.steun.select_related("signaal__buurt", "signaal__thema").order_by("pk")
    inzages = bewoner.inzages.select_related("wie").order_by("wanneer", "pk")
    return {
        "bewoner": {
            "id": bewoner.pk,
            "aangemaakt_op": bewoner.aangemaakt_op.isoformat(),
            "gewist_op": bewoner.gewist_op.isoformat() if bewoner.gewist_op else None,
            "identiteitssleutel": bewoner.sleutel,
            "naam": bewoner.naam,
            "telefoon": bewoner.telefoon,
            "email": bewoner.email,
            "wil_terugkoppeling": bewoner.wil_terugkoppeling,
            "toestemming_op": bewoner.toestemming_op.isoformat()
            if bewoner.toestemming_op
            else None,
            "toestemming_kanaal": bewoner.toestemming_kanaal,
        },
        "signalen": [signaal(s, "melder") for s in gemeld]
        + [signaal(st.signaal, "steun") for st in steun],
        "steun": [
            {
                "id": st.pk,
                "signaal": st.signaal_id,
                "datum": st.datum.isoformat(),
                "kanaal": st.kanaal,
                "wil_meedoen": st.wil_meedoen,
                "geregistreerd_op": st.geregistreerd_op.isoformat(),
                "ingetrokken_op": st.ingetrokken_op.isoformat() if st.ingetrokken_op else None,
            }
            for st in steun
        ],
        "inzages_contactgegevens": [
            {
                "wanneer": i.wanneer.isoformat(),
                "wie": i.wie.get_username(),
                "pagina": i.pagina,
                "reden": i.reden,
            }
            for i in inzages
        ],
    }


@transaction.atomic
def bewoner_wissen(*, bewoner: Bewoner, door) -> Bewoner:
    """Erase one resident now, on their request (recht op vergetelheid). Supports and counts
    stay; the erasure is recorded in the admin history and the log, without personal data."""
    _eis_beheerder(door)
    nu = timezone.now()
    Bewoner.objects.filter(pk=bewoner.pk).update(**GEWIST, gewist_op=nu)
    bewoner.refresh_from_db()
    LogEntry.objects.log_actions(
        user_id=door.pk,
        queryset=[bewoner],
        action_flag=CHANGE,
        change_message=_("Gewist op verzoek van de bewoner (vergetelheid)."),
        single_object=True,
    )
    log.info("Bewoner gewist op verzoek: bewoner=%s door=%s", bewoner.pk, door.pk)
    return bewoner
