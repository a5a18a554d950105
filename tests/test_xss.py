"""XSS: a script payload and an attribute-breaking payload in every free-text field is shown
escaped on every page that shows it (team pages, triage, home, the contact page, the admin) and
never raw. Exports (another branch) are checked when their URL exists."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from acties.models import Actie
from acties.services import notitie_plaatsen
from signalen.models import Signaal
from tests.objecten import maak_objecten

pytestmark = [pytest.mark.django_db, pytest.mark.security]

PAYLOADS = ['<script>alert("xss")</script>', '"><img src=x onerror=alert(1)>']


@pytest.fixture(params=PAYLOADS, ids=["script", "attribuut"])
def besmet(request, wereld):
    """Every free-text field carries the payload plus the field's name, so each can be found."""
    p = request.param

    def v(veld):
        return f"{p} {veld}"

    wereld.gemeente.naam = v("partner")
    wereld.gemeente.save()
    gemeente = wereld["medewerker_gemeente"]
    gemeente.first_name, gemeente.last_name = v("voornaam"), v("achternaam")
    gemeente.save()
    hele_buurt = wereld.buurt_a.subgebieden.get(soort="hele_buurt")
    hele_buurt.naam = v("subgebied")
    hele_buurt.save()
    o = maak_objecten(
        wereld,
        omschrijving=v("signaal"),
        contact_naam=v("contactnaam"),
        titel=v("titel"),
        punt_omschrijving=v("puntomschrijving"),
        actie_omschrijving=v("actie"),
        notitie_tekst=v("notitie"),
        verslag=v("verslag"),
        reden=v("reden"),
        thema_naam=v("thema"),
    )
    Actie.objects.filter(pk=o.actie.pk).update(resultaat=v("resultaat"))
    Signaal.objects.filter(pk=o.signaal.pk).update(reden=v("signaalreden"))
    # The confidential note is the police's; the admin (a gemeente beheerder) sees this one.
    o.open_notitie = notitie_plaatsen(
        door=gemeente, verbeterpunt=o.punt, tekst=v("open notitie"), vertrouwelijk=False
    )
    velden = [
        "partner",
        "voornaam",
        "achternaam",
        "subgebied",
        "signaal",
        "contactnaam",
        "titel",
        "puntomschrijving",
        "actie",
        "resultaat",
        "notitie",
        "verslag",
        "reden",
        "thema",
    ]
    return p, {veld: v(veld) for veld in velden}, o


def _paginas(wereld, o):
    """(user, url) for every page that shows one of the fields."""
    politie, leider, beheerder = (
        wereld["medewerker_politie"],
        wereld["teamleider"],
        wereld["beheerder"],
    )
    paginas = [
        (politie, reverse("home")),
        (leider, reverse("home")),
        (politie, reverse("signalen:signaal_lijst")),
        (politie, reverse("signalen:signaal_detail", args=[o.signaal.pk])),
        (politie, reverse("signalen:signaal_detail", args=[o.gesloten.pk])),
        (politie, reverse("signalen:signaal_nieuw")),
        (politie, reverse("signalen:steun_nieuw", args=[o.signaal.pk])),
        (politie, reverse("signalen:bewoner_contact", args=[o.signaal.pk, o.bewoner.pk])),
        (leider, reverse("acties:triage")),
        (leider, reverse("signalen:signaal_detail", args=[o.signaal.pk])),
        (politie, reverse("acties:verbeterpunt_lijst")),
        (politie, reverse("acties:verbeterpunt_detail", args=[o.punt.pk])),
        (politie, reverse("signalen:activiteit_lijst")),
        (politie, reverse("signalen:activiteit_detail", args=[o.activiteit.pk])),
        (politie, reverse("acties:actie_lijst")),
        (politie, reverse("acties:actie_detail", args=[o.actie.pk])),
        (leider, reverse("acties:actie_bewerken", args=[o.actie.pk])),
        (leider, reverse("acties:actie_nieuw", args=[o.punt.pk])),
        (leider, reverse("acties:actie_status", args=[o.actie.pk])),
        (politie, reverse("inzicht:dashboard")),
        (politie, reverse("inzicht:buurtrapport", args=[o.punt.buurt_id])),
    ]
    for model, pk in [
        ("signalen_signaal", o.signaal.pk),
        ("signalen_signaal", o.gesloten.pk),
        ("acties_verbeterpunt", o.punt.pk),
        ("signalen_activiteit", o.activiteit.pk),
        ("signalen_thema", o.thema.pk),
        ("acties_notitie", o.open_notitie.pk),
        ("signalen_gebeurtenis", None),
        ("signalen_contactinzage", None),
        ("acties_actie", o.actie.pk),
        ("buurten_subgebied", o.subgebied.pk),
        ("partners_partner", wereld.gemeente.pk),
        ("partners_medewerker", wereld["medewerker_gemeente"].pk),
    ]:
        paginas.append((beheerder, reverse(f"admin:{model}_changelist")))
        if pk is not None:
            paginas.append((beheerder, reverse(f"admin:{model}_change", args=[pk])))
    return paginas


def test_elk_vrij_tekstveld_wordt_ontsnapt_getoond(wereld, client, besmet):
    payload, waarden, o = besmet
    inhoud_per_pagina = {}
    for gebruiker, url in _paginas(wereld, o):
        client.force_login(gebruiker)
        antwoord = client.get(url)
        assert antwoord.status_code == 200, url
        inhoud = antwoord.content.decode()
        assert payload not in inhoud, f"onontsnapte payload op {url} ({gebruiker})"
        inhoud_per_pagina[(gebruiker.username, url)] = inhoud
    alles = "\n".join(inhoud_per_pagina.values())
    niet_getoond = [veld for veld, waarde in waarden.items() if escape(waarde) not in alles]
    assert not niet_getoond, f"velden nergens (ontsnapt) getoond: {niet_getoond}"
    contactpagina = inhoud_per_pagina[
        (
            "politie",
            reverse("signalen:bewoner_contact", args=[o.signaal.pk, o.bewoner.pk]),
        )
    ]
    assert escape(waarden["contactnaam"]) in contactpagina


EXPORTS = (
    "signalen:signaal_export",
    "acties:verbeterpunt_export",
    "signalen:activiteit_export",
    "acties:actie_export",
)


@pytest.mark.parametrize("formaat", ["csv", "xlsx"])
@pytest.mark.parametrize("naam", EXPORTS)
def test_exports_worden_nooit_als_html_getoond(wereld, client, besmet, naam, formaat):
    """A CSV or XLSX is downloaded, never rendered by the browser: no HTML content type, an
    attachment, and nosniff so the browser does not guess."""
    payload, _waarden, _o = besmet
    client.force_login(wereld["medewerker_politie"])
    antwoord = client.get(reverse(naam), {"formaat": formaat})
    assert antwoord.status_code == 200
    assert "html" not in antwoord["Content-Type"]
    assert antwoord["Content-Disposition"].startswith("attachment")
    assert antwoord["X-Content-Type-Options"] == "nosniff"
