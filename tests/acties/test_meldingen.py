"""E-mail: on assignment (after commit only) and the daily digest of overdue and soon-due
actions."""

import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

from acties import services
from tests.acties.helpers import ActieFactory, actie, over
from tests.partners.factories import MedewerkerFactory


@override_settings(VBT_SITE_URL="https://vbt.example.nl")
def test_mail_bij_toewijzen_na_commit(wereld, punt, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        a = actie(wereld, punt, verantwoordelijke=wereld["medewerker_gemeente"])
    assert mail.outbox == []  # nothing before the commit
    for callback in callbacks:
        callback()
    assert len(mail.outbox) == 1
    bericht = mail.outbox[0]
    assert bericht.to == ["gemeente@example.org"]
    assert "Actie aan u toegewezen" in bericht.subject
    assert f"https://vbt.example.nl/acties/{a.pk}/" in bericht.body
    assert "Extra afvalbakken plaatsen" in bericht.body
    assert "Er is een actie aan u toegewezen" in bericht.body


def test_geen_mail_als_de_transactie_terugdraait(wereld, punt, django_capture_on_commit_callbacks):
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        actie(wereld, punt, verantwoordelijke=wereld["medewerker_gemeente"])
        raise RuntimeError("iets anders gaat mis")
    assert mail.outbox == []


def test_mail_bij_wijzigen_van_verantwoordelijke(wereld, punt, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        a = actie(wereld, punt, partner=wereld.politie)
    assert mail.outbox == []  # no one assigned yet
    with django_capture_on_commit_callbacks(execute=True):
        a = services.actie_bijwerken(
            actie=a, door=wereld["teamleider"], verantwoordelijke=wereld["medewerker_politie"]
        )
    assert [m.to for m in mail.outbox] == [["politie@example.org"]]
    with django_capture_on_commit_callbacks(execute=True):  # same person again: no new mail
        services.actie_bijwerken(
            actie=a,
            door=wereld["teamleider"],
            verantwoordelijke=wereld["medewerker_politie"],
            omschrijving="Andere tekst",
        )
    assert len(mail.outbox) == 1


def test_geen_mail_bij_jezelf_toewijzen_of_zonder_adres(
    wereld, punt, django_capture_on_commit_callbacks
):
    zonder = MedewerkerFactory(username="zonder", partner=wereld.gemeente, email="")
    wereld.team_a.leden.add(zonder)
    with django_capture_on_commit_callbacks(execute=True):
        actie(
            wereld,
            punt,
            door="medewerker_gemeente",
            verantwoordelijke=wereld["medewerker_gemeente"],
        )
        actie(wereld, punt, verantwoordelijke=zonder)
    assert mail.outbox == []


def test_herinnering_een_mail_per_persoon(wereld, punt):
    gemeente, politie = wereld["medewerker_gemeente"], wereld["medewerker_politie"]
    maak = lambda **kw: ActieFactory(verbeterpunt=punt, **kw)  # noqa: E731
    maak(
        eigenaar_partner=wereld.gemeente,
        verantwoordelijke=gemeente,
        deadline=over(-3),
        omschrijving="Te laat gemeente",
    )
    maak(
        eigenaar_partner=wereld.gemeente,
        verantwoordelijke=gemeente,
        deadline=over(7),
        omschrijving="Binnenkort gemeente",
    )
    maak(
        eigenaar_partner=wereld.gemeente,
        verantwoordelijke=gemeente,
        deadline=over(8),
        omschrijving="Nog lang niet",
    )
    maak(
        eigenaar_partner=wereld.gemeente,
        verantwoordelijke=gemeente,
        deadline=over(-3),
        status="gereed",
        resultaat="Klaar",
        omschrijving="Al klaar",
    )
    maak(
        eigenaar_partner=wereld.politie,
        verantwoordelijke=politie,
        deadline=over(1),
        omschrijving="Politie morgen",
    )
    maak(eigenaar_partner=wereld.trajekt, deadline=over(-1), omschrijving="Niemand")
    zonder = MedewerkerFactory(username="zonder", partner=wereld.corporatie, email="")
    wereld.team_a.leden.add(zonder)
    maak(eigenaar_partner=wereld.corporatie, verantwoordelijke=zonder, deadline=over(-1))
    maak(
        eigenaar_partner=wereld.trajekt,
        verantwoordelijke=wereld["medewerker_trajekt"],
        deadline=over(30),
    )

    call_command("herinner_acties", stdout=io.StringIO())

    per_adres = {m.to[0]: m for m in mail.outbox}
    assert sorted(per_adres) == ["gemeente@example.org", "politie@example.org"]
    gemeente_mail = per_adres["gemeente@example.org"]
    assert "1 te laat, 1 binnenkort" in gemeente_mail.subject
    assert "Te laat gemeente" in gemeente_mail.body
    assert "Binnenkort gemeente" in gemeente_mail.body
    assert "Nog lang niet" not in gemeente_mail.body
    assert "Al klaar" not in gemeente_mail.body
    assert gemeente_mail.body.index("Te laat gemeente") < gemeente_mail.body.index("Binnenkort")
    assert "Politie morgen" in per_adres["politie@example.org"].body
    assert "Politie morgen" not in gemeente_mail.body


def test_herinnering_zonder_acties_stuurt_niets(wereld):
    call_command("herinner_acties", stdout=io.StringIO())
    assert mail.outbox == []
