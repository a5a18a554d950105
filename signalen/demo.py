"""The demo's themes (the signals, points and actions follow in acties.demo)."""

from django.db import transaction

from partners.models import Partner

from .models import Thema

THEMAS = [
    ("Zwerfvuil", "Afval op straat, rond containers en in het groen.", None),
    (
        "Illegale dumping huisvuil",
        "Dumping naast containers: taak van de gemeente.",
        "Gemeente Maastricht",
    ),
    ("Verkeersveiligheid", "Hard rijden, onoverzichtelijke kruisingen, parkeren.", None),
    ("Overlast jongeren", "Hangplekken, lawaai 's avonds.", None),
    ("Verlichting", "Donkere plekken, kapotte lantaarnpalen.", None),
    ("Groen en speelplekken", "Onderhoud van groen, speeltoestellen.", None),
    ("Woonoverlast", "Overlast tussen buren in huurwoningen.", "Servatius"),
    ("Ontmoeting in de buurt", "Plekken en activiteiten om elkaar te leren kennen.", None),
]


@transaction.atomic
def themas_laden() -> dict[str, Thema]:
    themas = {}
    for naam, omschrijving, partner_naam in THEMAS:
        partner = Partner.objects.filter(naam=partner_naam).first() if partner_naam else None
        themas[naam], _ = Thema.objects.get_or_create(
            naam=naam,
            defaults={"omschrijving": omschrijving, "standaard_primaire_partner": partner},
        )
    return themas
