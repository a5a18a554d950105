import threading
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.utils import timezone

from acties import services as punt_services
from acties.constants import VerbeterpuntStatus
from acties.models import Verbeterpunt
from buurten.bereik import bereik_van
from signalen import services
from signalen.constants import GebeurtenisSoort, SignaalStatus
from signalen.models import Bewoner, Gebeurtenis, Signaal, Steun
from tests.buurten.factories import SubgebiedFactory
from tests.signalen.factories import ThemaFactory
from tests.signalen.helpers import bewoner, gesteund_signaal, signaal_in, steun
from vbt.versie import VerouderdFormulier


def _gebeurtenissen(signaal):
    return list(signaal.gebeurtenissen.values_list("wat", flat=True))


class TestRegistreren:
    def test_signaal_neemt_drempel_en_termijn_van_team_over(self, wereld):
        wereld.team_a.steundrempel = 4
        wereld.team_a.termijn_weken = 6
        wereld.team_a.save()
        signaal = signaal_in(wereld)
        assert (signaal.team, signaal.steundrempel, signaal.termijn_weken) == (wereld.team_a, 4, 6)
        assert signaal.verloopt_op - signaal.geregistreerd_op == timedelta(weeks=6)
        assert signaal.status == SignaalStatus.NIEUW
        assert _gebeurtenissen(signaal) == [GebeurtenisSoort.SIGNAAL_GEREGISTREERD]

    def test_latere_wijziging_van_team_verandert_open_signaal_niet(self, wereld):
        signaal = signaal_in(wereld)
        wereld.team_a.steundrempel = 5
        wereld.team_a.save()
        steun(wereld, signaal, 1, 2, 3)
        signaal.refresh_from_db()
        assert signaal.steundrempel == 3
        assert signaal.status == SignaalStatus.DRAAGVLAK_BEREIKT

    def test_melder_telt_mee(self, wereld):
        signaal = signaal_in(wereld, melder=bewoner(1))
        assert signaal.aantal_bewoners == 1
        steun(wereld, signaal, 1, 2)  # bewoner 1 is the reporter: counted once
        signaal.refresh_from_db()
        assert signaal.aantal_bewoners == 2
        assert signaal.status == SignaalStatus.NIEUW

    def test_subgebied_van_andere_buurt_geweigerd(self, wereld):
        andere = SubgebiedFactory(buurt=wereld.buurt_b)
        with pytest.raises(ValidationError) as fout:
            services.signaal_registreren(
                door=wereld["medewerker_gemeente"],
                buurt=wereld.buurt_a,
                subgebied=andere,
                thema=ThemaFactory(),
                omschrijving="x",
                kanaal="telefoon",
            )
        assert "hoort niet bij de gekozen buurt" in str(fout.value)
        assert not Signaal.objects.exists()

    def test_buurt_van_ander_team_geweigerd(self, wereld):
        with pytest.raises(PermissionDenied):
            services.signaal_registreren(
                door=wereld["ander_team"],
                buurt=wereld.buurt_a,
                subgebied=wereld.buurt_a.subgebieden.get(),
                thema=ThemaFactory(),
                omschrijving="x",
                kanaal="telefoon",
            )

    def test_beheerder_registreert_geen_signalen(self, wereld):
        wereld.team_a.leden.add(wereld["beheerder"])
        with pytest.raises(PermissionDenied):
            signaal_in(wereld, door=wereld["beheerder"])

    def test_ongeldige_postcode_melder_geeft_nederlandse_fout_en_niets_opgeslagen(self, wereld):
        with pytest.raises(ValidationError) as fout:
            signaal_in(wereld, melder=bewoner(1, postcode="123"))
        assert "postcode" in str(fout.value)
        assert not Signaal.objects.exists()
        assert not Bewoner.objects.exists()


class TestSteun:
    def test_drempel_precies_gehaald_zet_moment_een_keer(self, wereld):
        signaal = signaal_in(wereld)
        steun(wereld, signaal, 1, 2)
        signaal.refresh_from_db()
        assert (signaal.status, signaal.aantal_bewoners) == (SignaalStatus.NIEUW, 2)
        assert signaal.draagvlak_bereikt_op is None
        steun(wereld, signaal, 3)
        signaal.refresh_from_db()
        assert signaal.status == SignaalStatus.DRAAGVLAK_BEREIKT
        eerste = signaal.draagvlak_bereikt_op
        assert eerste is not None
        steun(wereld, signaal, 4)
        signaal.refresh_from_db()
        assert signaal.draagvlak_bereikt_op == eerste
        assert _gebeurtenissen(signaal).count(GebeurtenisSoort.DRAAGVLAK_BEREIKT) == 1

    def test_zelfde_bewoner_via_ander_kanaal_geweigerd(self, wereld):
        signaal = signaal_in(wereld)
        steun(wereld, signaal, 1)
        with pytest.raises(ValidationError) as fout:
            services.steun_registreren(
                signaal=signaal,
                door=wereld["medewerker_politie"],
                bewoners=[bewoner(1, postcode="6221ab")],
                kanaal="telefoon",
            )
        assert "steunt dit signaal al" in str(fout.value)
        assert Steun.objects.count() == 1

    def test_dubbele_bewoner_in_een_formulier_weigert_alles(self, wereld):
        signaal = signaal_in(wereld)
        with pytest.raises(ValidationError) as fout:
            steun(wereld, signaal, 1, 2, 1)
        assert "Bewoner 3 steunt dit signaal al." in fout.value.messages
        assert not Steun.objects.exists()

    def test_twee_bewoners_op_een_adres_tellen_twee_keer(self, wereld):
        signaal = signaal_in(wereld)
        services.steun_registreren(
            signaal=signaal,
            door=wereld["medewerker_trajekt"],
            bewoners=[
                services.BewonerInvoer(postcode="6221AB", huisnummer="7", naam="A. Jansen"),
                services.BewonerInvoer(postcode="6221AB", huisnummer="7", naam="B. Jansen"),
            ],
            kanaal="deur_tot_deur",
        )
        signaal.refresh_from_db()
        assert signaal.aantal_bewoners == 2

    def test_ongeldig_huisnummer_noemt_de_rij(self, wereld):
        signaal = signaal_in(wereld)
        with pytest.raises(ValidationError) as fout:
            services.steun_registreren(
                signaal=signaal,
                door=wereld["medewerker_trajekt"],
                bewoners=[bewoner(1), services.BewonerInvoer("6221AB", "nul", "X")],
                kanaal="deur_tot_deur",
            )
        assert fout.value.messages[0].startswith("Bewoner 2:")
        assert not Steun.objects.exists()

    def test_intrekken_markeert_herbeoordelen_zonder_degradatie(self, wereld):
        signaal = gesteund_signaal(wereld)
        eerste = signaal.draagvlak_bereikt_op
        services.steun_intrekken(
            steun=signaal.steun.first(), door=wereld["medewerker_trajekt"], reden="Verhuisd"
        )
        signaal.refresh_from_db()
        assert signaal.status == SignaalStatus.DRAAGVLAK_BEREIKT
        assert signaal.herbeoordelen
        assert signaal.aantal_bewoners == 2
        assert signaal.draagvlak_bereikt_op == eerste
        steun(wereld, signaal, 9)
        signaal.refresh_from_db()
        assert not signaal.herbeoordelen

    def test_ingetrokken_bewoner_kan_opnieuw_steunen(self, wereld):
        signaal = signaal_in(wereld)
        [eerste] = steun(wereld, signaal, 1)
        services.steun_intrekken(steun=eerste, door=wereld["medewerker_trajekt"], reden="Per abuis")
        steun(wereld, signaal, 1)
        signaal.refresh_from_db()
        assert signaal.aantal_bewoners == 1
        assert signaal.steun.count() == 2

    def test_intrekken_vraagt_reden(self, wereld):
        signaal = signaal_in(wereld)
        [eerste] = steun(wereld, signaal, 1)
        with pytest.raises(ValidationError):
            services.steun_intrekken(steun=eerste, door=wereld["medewerker_trajekt"], reden=" ")

    def test_contactgegevens_alleen_met_toestemming(self, wereld):
        signaal = signaal_in(wereld)
        services.steun_registreren(
            signaal=signaal,
            door=wereld["medewerker_trajekt"],
            bewoners=[
                bewoner(1, contact_naam="Els", telefoon="0612345678"),
                bewoner(2, toestemming=True, contact_naam="Piet", email="piet@example.org"),
            ],
            kanaal="deur_tot_deur",
        )
        zonder, met = (s.bewoner for s in signaal.steun.order_by("pk"))
        assert (zonder.naam, zonder.telefoon, zonder.toestemming_op) == ("", "", None)
        assert (met.naam, met.email, met.toestemming_kanaal) == (
            "Piet",
            "piet@example.org",
            "deur_tot_deur",
        )

    def test_verouderd_formulier_geweigerd(self, wereld):
        signaal = signaal_in(wereld)
        oude_versie = signaal.versie
        steun(wereld, signaal, 1)
        with pytest.raises(VerouderdFormulier):
            services.steun_registreren(
                signaal=signaal,
                door=wereld["medewerker_trajekt"],
                bewoners=[bewoner(2)],
                kanaal="telefoon",
                versie=oude_versie,
            )
        assert Steun.objects.count() == 1

    def test_ander_team_mag_geen_steun_registreren(self, wereld):
        signaal = signaal_in(wereld)
        with pytest.raises(PermissionDenied):
            steun(wereld, signaal, 1, door=wereld["ander_team"])


class TestTriage:
    def test_doorverwezen_signaal_haalt_nooit_draagvlak(self, wereld):
        signaal = signaal_in(wereld)
        services.signaal_doorverwijzen(
            signaal=signaal, partner=wereld.gemeente, door=wereld["teamleider"]
        )
        signaal.refresh_from_db()
        assert (signaal.status, signaal.doorverwezen_naar) == (
            SignaalStatus.DOORVERWEZEN,
            wereld.gemeente,
        )
        assert not signaal.herbeoordelen
        assert not services.draagvlak_van_signaal(signaal).voldoet

    def test_melder_mag_doorverwijzen_ter_beoordeling(self, wereld):
        signaal = signaal_in(wereld, door=wereld["medewerker_politie"])
        services.signaal_doorverwijzen(
            signaal=signaal, partner=wereld.gemeente, door=wereld["medewerker_politie"]
        )
        signaal.refresh_from_db()
        assert signaal.herbeoordelen

    def test_andere_medewerker_mag_niet_doorverwijzen(self, wereld):
        signaal = signaal_in(wereld)
        with pytest.raises(PermissionDenied):
            services.signaal_doorverwijzen(
                signaal=signaal, partner=wereld.gemeente, door=wereld["medewerker_politie"]
            )
        signaal.refresh_from_db()
        assert signaal.status == SignaalStatus.NIEUW

    def test_afwijzen_vraagt_reden_en_teamleider(self, wereld):
        signaal = signaal_in(wereld)
        with pytest.raises(ValidationError):
            services.signaal_afwijzen(signaal=signaal, door=wereld["teamleider"], reden="")
        with pytest.raises(PermissionDenied):
            services.signaal_afwijzen(
                signaal=signaal, door=wereld["medewerker_gemeente"], reden="x"
            )
        services.signaal_afwijzen(signaal=signaal, door=wereld["teamleider"], reden="Geen VBT")
        signaal.refresh_from_db()
        assert (signaal.status, signaal.reden) == (SignaalStatus.AFGEWEZEN, "Geen VBT")

    def test_heropenen_geeft_nieuwe_termijn_en_telt_bestaande_steun(self, wereld):
        signaal = gesteund_signaal(wereld)
        services.signaal_afwijzen(signaal=signaal, door=wereld["teamleider"], reden="Te vroeg")
        signaal.refresh_from_db()
        services.signaal_heropenen(signaal=signaal, door=wereld["teamleider"], reden="Toch wel")
        signaal.refresh_from_db()
        assert signaal.status == SignaalStatus.DRAAGVLAK_BEREIKT
        assert signaal.verloopt_op > timezone.now() + timedelta(weeks=9)

    def test_illegale_overgang_geweigerd(self, wereld):
        signaal = signaal_in(wereld)
        with pytest.raises(ValidationError) as fout:
            services.signaal_heropenen(signaal=signaal, door=wereld["teamleider"], reden="x")
        assert "kan niet naar" in str(fout.value)

    def test_verlopen_alleen_nieuwe_signalen_over_termijn(self, wereld):
        oud = signaal_in(wereld)
        gesteund = gesteund_signaal(wereld)
        vers = signaal_in(wereld)
        later = timezone.now() + timedelta(weeks=11)
        Signaal.objects.filter(pk=vers.pk).update(verloopt_op=later + timedelta(days=1))
        assert services.signalen_verlopen(nu=later) == 1
        assert services.signalen_verlopen(nu=later) == 0  # safe to run again
        statussen = dict(Signaal.objects.values_list("pk", "status"))
        assert statussen == {
            oud.pk: SignaalStatus.VERLOPEN,
            gesteund.pk: SignaalStatus.DRAAGVLAK_BEREIKT,
            vers.pk: SignaalStatus.NIEUW,
        }
        assert Gebeurtenis.objects.filter(wat=GebeurtenisSoort.SIGNAAL_VERLOPEN).count() == 1
        oud.refresh_from_db()
        assert not services.draagvlak_van_signaal(oud).voldoet

    def test_verloop_commando(self, wereld):
        from io import StringIO

        from django.core.management import call_command

        signaal = signaal_in(wereld)
        Signaal.objects.filter(pk=signaal.pk).update(verloopt_op=timezone.now())
        uit = StringIO()
        call_command("verloop_signalen", stdout=uit)
        assert "1 signaal verlopen" in uit.getvalue()
        signaal.refresh_from_db()
        assert signaal.status == SignaalStatus.VERLOPEN


class TestPromoveren:
    def test_nieuw_verbeterpunt(self, wereld):
        signaal = gesteund_signaal(wereld)
        punt = punt_services.signaal_promoveren(
            signaal=signaal, door=wereld["teamleider"], titel="Zwerfvuil flat"
        )
        signaal.refresh_from_db()
        assert (signaal.status, signaal.verbeterpunt) == (SignaalStatus.VERBETERPUNT, punt)
        assert (punt.titel, punt.buurt, punt.team, punt.aantal_bewoners) == (
            "Zwerfvuil flat",
            wereld.buurt_a,
            wereld.team_a,
            3,
        )
        assert punt.status == VerbeterpuntStatus.VASTGESTELD
        assert GebeurtenisSoort.VERBETERPUNT_AANGEMAAKT in punt.gebeurtenissen.values_list(
            "wat", flat=True
        )

    def test_geweigerd_zonder_draagvlak_met_redenen(self, wereld):
        signaal = gesteund_signaal(wereld, aantal=2)
        with pytest.raises(ValidationError) as fout:
            punt_services.signaal_promoveren(signaal=signaal, door=wereld["teamleider"])
        assert "2 van 3 bewoners steunen dit signaal" in fout.value.messages
        assert not Verbeterpunt.objects.exists()

    def test_geweigerd_na_intrekken_onder_drempel(self, wereld):
        signaal = gesteund_signaal(wereld)
        services.steun_intrekken(
            steun=signaal.steun.first(), door=wereld["medewerker_trajekt"], reden="Verhuisd"
        )
        with pytest.raises(ValidationError):
            punt_services.signaal_promoveren(signaal=signaal, door=wereld["teamleider"])

    def test_medewerker_mag_niet_promoveren(self, wereld):
        signaal = gesteund_signaal(wereld)
        with pytest.raises(PermissionDenied):
            punt_services.signaal_promoveren(signaal=signaal, door=wereld["medewerker_gemeente"])
        assert not Verbeterpunt.objects.exists()

    def test_teamleider_van_ander_team_mag_niet(self, wereld):
        from tests.partners.factories import MedewerkerFactory

        leider_b = MedewerkerFactory(partner=wereld.gemeente, teamleider=True)
        wereld.team_b.leden.add(leider_b)
        with pytest.raises(PermissionDenied):
            punt_services.signaal_promoveren(signaal=gesteund_signaal(wereld), door=leider_b)

    def test_koppelen_aan_bestaand_punt_telt_bewoners_een_keer(self, wereld):
        eerste = gesteund_signaal(wereld)
        punt = punt_services.signaal_promoveren(signaal=eerste, door=wereld["teamleider"])
        tweede = signaal_in(wereld, omschrijving="Afval naast de containers")
        steun(wereld, tweede, 3, 4, 5)  # bewoner 3 backed both
        tweede.refresh_from_db()
        zelfde = punt_services.signaal_promoveren(
            signaal=tweede, door=wereld["teamleider"], verbeterpunt=punt
        )
        assert zelfde == punt
        punt.refresh_from_db()
        assert punt.aantal_bewoners == 5
        assert punt.signalen.count() == 2

    def test_koppelen_aan_punt_van_andere_buurt_geweigerd(self, wereld):
        from tests.signalen.factories import VerbeterpuntFactory

        ander = VerbeterpuntFactory()
        with pytest.raises(ValidationError):
            punt_services.signaal_promoveren(
                signaal=gesteund_signaal(wereld), door=wereld["teamleider"], verbeterpunt=ander
            )

    def test_twee_keer_promoveren_geeft_een_punt(self, wereld):
        signaal = gesteund_signaal(wereld)
        punt_services.signaal_promoveren(signaal=signaal, door=wereld["teamleider"])
        with pytest.raises(ValidationError) as fout:
            punt_services.signaal_promoveren(signaal=signaal, door=wereld["teamleider"])
        assert "al een verbeterpunt" in str(fout.value)
        assert Verbeterpunt.objects.count() == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_gelijktijdig_promoveren_geeft_precies_een_punt(wereld):
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL; SQLite serialises writes anyway")
    signaal = gesteund_signaal(wereld)
    barriere = threading.Barrier(4)
    uitkomsten = []

    def promoveer():
        from django.db import connection as conn

        try:
            barriere.wait()
            punt_services.signaal_promoveren(signaal=signaal, door=wereld["teamleider"])
            uitkomsten.append("punt")
        except ValidationError:
            uitkomsten.append("geweigerd")
        finally:
            conn.close()

    draden = [threading.Thread(target=promoveer) for _ in range(4)]
    for draad in draden:
        draad.start()
    for draad in draden:
        draad.join()
    assert sorted(uitkomsten) == ["geweigerd", "geweigerd", "geweigerd", "punt"]
    assert Verbeterpunt.objects.count() == 1


class TestVerbeterpuntStatus:
    def _punt(self, wereld, meedoen=False):
        signaal = signaal_in(wereld)
        steun(wereld, signaal, 1, 2, 3, meedoen=meedoen)
        signaal.refresh_from_db()
        return punt_services.signaal_promoveren(signaal=signaal, door=wereld["teamleider"])

    def _naar(self, wereld, punt, naar, reden=""):
        return punt_services.verbeterpunt_status_wijzigen(
            verbeterpunt=punt, naar=naar, door=wereld["teamleider"], reden=reden
        )

    def test_in_uitvoering_pas_met_meedoende_bewoner(self, wereld):
        punt = self._punt(wereld)
        self._naar(wereld, punt, VerbeterpuntStatus.PLAN_VAN_AANPAK)
        with pytest.raises(ValidationError) as fout:
            self._naar(wereld, punt, VerbeterpuntStatus.IN_UITVOERING)
        assert "Nog geen bewoner wil meedoen" in str(fout.value)
        steun(wereld, punt.bron_signaal, 8, meedoen=True)
        punt = self._naar(wereld, punt, VerbeterpuntStatus.IN_UITVOERING)
        punt = self._naar(wereld, punt, VerbeterpuntStatus.AFGEROND)
        assert punt.afgerond_op is not None

    def test_illegale_overgang_en_redenen(self, wereld):
        punt = self._punt(wereld, meedoen=True)
        with pytest.raises(ValidationError):
            self._naar(wereld, punt, VerbeterpuntStatus.AFGEROND)
        with pytest.raises(ValidationError) as fout:
            self._naar(wereld, punt, VerbeterpuntStatus.GESTAAKT)
        assert "reden" in fout.value.message_dict
        punt = self._naar(wereld, punt, VerbeterpuntStatus.GESTAAKT, reden="Geen trekker")
        with pytest.raises(ValidationError):
            self._naar(wereld, punt, VerbeterpuntStatus.PLAN_VAN_AANPAK)
        punt = self._naar(wereld, punt, VerbeterpuntStatus.PLAN_VAN_AANPAK, reden="Nieuwe kans")
        assert punt.status == VerbeterpuntStatus.PLAN_VAN_AANPAK

    def test_medewerker_mag_status_niet_wijzigen(self, wereld):
        punt = self._punt(wereld)
        with pytest.raises(PermissionDenied):
            punt_services.verbeterpunt_status_wijzigen(
                verbeterpunt=punt,
                naar=VerbeterpuntStatus.PLAN_VAN_AANPAK,
                door=wereld["medewerker_politie"],
            )

    def test_loopt_spaak_zonder_trekker_na_termijn(self, wereld):
        punt = self._punt(wereld)
        assert not punt.loopt_spaak
        Verbeterpunt.objects.filter(pk=punt.pk).update(spaak_na=timezone.now())
        punt.refresh_from_db()
        assert punt.loopt_spaak
        steun(wereld, punt.bron_signaal, 9, meedoen=True)
        punt.refresh_from_db()
        assert not punt.loopt_spaak


def test_gebeurtenis_is_alleen_toevoegen(wereld):
    signaal = signaal_in(wereld)
    gebeurtenis = signaal.gebeurtenissen.first()
    with pytest.raises(TypeError):
        gebeurtenis.save()
    with pytest.raises(TypeError):
        gebeurtenis.delete()
    with pytest.raises(TypeError):
        Gebeurtenis.objects.all().delete()
    with pytest.raises(TypeError):
        Gebeurtenis.objects.update(details={})


def test_gebeurtenis_bevat_geen_persoonsgegevens(wereld):
    signaal = signaal_in(
        wereld, melder=bewoner(1, toestemming=True, contact_naam="Geheim", telefoon="0699")
    )
    steun(wereld, signaal, 2, 3)
    tekst = str(list(Gebeurtenis.objects.values_list("details", flat=True)))
    assert "Geheim" not in tekst and "0699" not in tekst and "6221" not in tekst


def test_notitie_vertrouwelijk_alleen_eigen_partner(wereld):
    from acties.selectors import zichtbare_notities
    from signalen.selectors import gebeurtenissen_van_signaal

    signaal = signaal_in(wereld)
    punt_services.notitie_plaatsen(
        door=wereld["medewerker_politie"], tekst="Info politie", vertrouwelijk=True, signaal=signaal
    )
    punt_services.notitie_plaatsen(
        door=wereld["medewerker_gemeente"], tekst="Open", signaal=signaal
    )
    politie = wereld["medewerker_politie"]
    gemeente = wereld["medewerker_gemeente"]
    assert {n.tekst for n in zichtbare_notities(bereik_van(politie))} == {"Info politie", "Open"}
    assert {n.tekst for n in zichtbare_notities(bereik_van(gemeente))} == {"Open"}
    notitie_events = GebeurtenisSoort.NOTITIE_GEPLAATST
    assert [g.wat for g in gebeurtenissen_van_signaal(signaal, bereik_van(gemeente))].count(
        notitie_events
    ) == 1
    assert [g.wat for g in gebeurtenissen_van_signaal(signaal, bereik_van(politie))].count(
        notitie_events
    ) == 2


def test_contactinzage_is_alleen_toevoegen(wereld):
    from signalen.models import ContactInzage

    signaal = signaal_in(wereld, melder=bewoner(1, toestemming=True, contact_naam="Els"))
    inzage = services.contact_inzien(
        bewoner=signaal.melder, door=wereld["medewerker_gemeente"], pagina="/test/"
    )
    with pytest.raises(TypeError):
        inzage.save()
    with pytest.raises(TypeError):
        inzage.delete()
    with pytest.raises(TypeError):
        ContactInzage.objects.all().delete()


def test_intrekken_met_verouderd_formulier_geweigerd(wereld):
    signaal = signaal_in(wereld)
    [eerste] = steun(wereld, signaal, 1)
    signaal.refresh_from_db()
    oude_versie = signaal.versie
    steun(wereld, signaal, 2)
    with pytest.raises(VerouderdFormulier):
        services.steun_intrekken(
            steun=eerste, door=wereld["medewerker_trajekt"], reden="Verhuisd", versie=oude_versie
        )
    eerste.refresh_from_db()
    assert eerste.ingetrokken_op is None
