"""E-mail about actions: an assignment, and the digest of overdue and soon-due actions.

Mail is sent after the transaction that caused it commits (the services use on_commit), so a
rolled-back change never produces mail. Texts are Dutch via gettext and hold no resident data.
"""

import logging
from collections import defaultdict
from datetime import date, timedelta

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .constants import BINNENKORT_DAGEN

logger = logging.getLogger("vbt.acties")


def actie_url(actie) -> str:
    return settings.VBT_SITE_URL.rstrip("/") + reverse("acties:actie_detail", args=[actie.pk])


def toewijzing_melden(*, actie_id: int) -> bool:
    """Tell the responsible person an action was assigned to them. False when not sent."""
    from .models import Actie

    actie = (
        Actie.objects.select_related("verantwoordelijke", "eigenaar_partner", "verbeterpunt__buurt")
        .filter(pk=actie_id)
        .first()
    )
    if actie is None or actie.verantwoordelijke is None:
        return False
    mens = actie.verantwoordelijke
    if not mens.email or not mens.is_active:
        return False
    with translation.override(settings.LANGUAGE_CODE):
        onderwerp = _("Actie aan u toegewezen: %(punt)s") % {"punt": actie.verbeterpunt.titel[:80]}
        tekst = render_to_string(
            "acties/mail/toegewezen.txt",
            {"actie": actie, "mens": mens, "url": actie_url(actie)},
        )
    EmailMessage(onderwerp, tekst, to=[mens.email]).send()
    logger.info("toewijzing gemeld actie=%s aan=%s", actie.pk, mens.pk)
    return True


def herinneringen_versturen(*, vandaag: date | None = None) -> int:
    """One digest per person of their open actions that are overdue or due within
    BINNENKORT_DAGEN days. Skips people without e-mail, inactive people and people with none.
    Returns the number of mails sent."""
    from .models import Actie

    vandaag = vandaag or timezone.localdate()
    acties = (
        Actie.objects.open()
        .filter(deadline__lte=vandaag + timedelta(days=BINNENKORT_DAGEN))
        .filter(verantwoordelijke__isnull=False, verantwoordelijke__is_active=True)
        .exclude(verantwoordelijke__email="")
        .select_related("verantwoordelijke", "eigenaar_partner", "verbeterpunt__buurt")
        .order_by("verantwoordelijke_id", "deadline", "pk")
    )
    per_mens = defaultdict(list)
    for actie in acties:
        per_mens[actie.verantwoordelijke].append(actie)
    berichten = []
    with translation.override(settings.LANGUAGE_CODE):
        for mens, lijst in per_mens.items():
            te_laat = [a for a in lijst if a.deadline < vandaag]
            binnenkort = [a for a in lijst if a.deadline >= vandaag]
            onderwerp = _("Uw acties: %(te_laat)d te laat, %(binnenkort)d binnenkort") % {
                "te_laat": len(te_laat),
                "binnenkort": len(binnenkort),
            }
            tekst = render_to_string(
                "acties/mail/herinnering.txt",
                {
                    "mens": mens,
                    "te_laat": [(a, actie_url(a)) for a in te_laat],
                    "binnenkort": [(a, actie_url(a)) for a in binnenkort],
                    "dagen": BINNENKORT_DAGEN,
                    "site_url": settings.VBT_SITE_URL,
                },
            )
            berichten.append(EmailMessage(onderwerp, tekst, to=[mens.email]))
    if berichten:
        get_connection().send_messages(berichten)
    logger.info("herinneringen verstuurd aantal=%s", len(berichten))
    return len(berichten)
