"""seed_bench: a realistic, consistent data set, built quickly (issue 7)."""

from collections import Counter

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count

from acties.models import Actie, Verbeterpunt
from bench import dataset as bench
from buurten.models import Buurt, Team
from partners.constants import Rol
from partners.models import Medewerker
from signalen.constants import SignaalStatus
from signalen.models import Bewoner, Gebeurtenis, Signaal, Steun

N = 200


@pytest.fixture
def gevuld(db):
    call_command("seed_bench", signalen=N, seed=3, verbosity=0, stdout=None)


def test_aantallen_en_verhoudingen(gevuld):
    assert Signaal.objects.filter(geregistreerd_door__username__startswith="bench-").count() == N
    bench_signalen = Signaal.objects.filter(geregistreerd_door__username__startswith="bench-")
    steun = Steun.objects.filter(signaal__in=bench_signalen).count()
    assert 2.5 * N <= steun <= 3.5 * N  # about 3 per signal
    assert Verbeterpunt.objects.filter(bron_signaal__in=bench_signalen).count() == N // 10
    assert Actie.objects.filter(verbeterpunt__bron_signaal__in=bench_signalen).count() == 3 * (
        N // 10
    )
    assert Medewerker.objects.filter(username__startswith="bench-").count() == 300
    assert Team.objects.count() == 12
    # Every buurt has a team, and the signals are skewed: the busiest buurt has several times
    # the average.
    assert not Buurt.objects.filter(teams__isnull=True).exists()
    per_buurt = Counter(bench_signalen.values_list("buurt_id", flat=True))
    assert max(per_buurt.values()) >= 3 * N / Buurt.objects.count()
    # The roles the benchmark logs in as.
    assert Medewerker.objects.get(username=bench.BENCH_MEDEWERKER).rol == Rol.MEDEWERKER
    assert Medewerker.objects.get(username=bench.BENCH_TEAMLEIDER).rol == Rol.TEAMLEIDER
    beheerder = Medewerker.objects.get(username=bench.BENCH_BEHEERDER)
    assert beheerder.is_beheerder and beheerder.is_staff
    assert beheerder.check_password(bench.BENCH_WACHTWOORD)


def test_tellers_en_toestanden_kloppen(gevuld):
    signalen = Signaal.objects.filter(geregistreerd_door__username__startswith="bench-")
    for signaal in signalen.annotate(n=Count("steun")):
        assert signaal.aantal_bewoners == signaal.n
        assert (signaal.draagvlak_bereikt_op is not None) == (signaal.n >= signaal.steundrempel)
        if signaal.status in (SignaalStatus.NIEUW, SignaalStatus.DRAAGVLAK_BEREIKT):
            assert signaal.verloopt_op > signaal.geregistreerd_op
        if signaal.status == SignaalStatus.DRAAGVLAK_BEREIKT:
            assert signaal.n >= signaal.steundrempel
    for punt in Verbeterpunt.objects.filter(bron_signaal__in=signalen).select_related(
        "bron_signaal"
    ):
        assert punt.bron_signaal.status == SignaalStatus.VERBETERPUNT
        assert punt.bron_signaal.verbeterpunt_id == punt.pk
        assert punt.aantal_bewoners == punt.bron_signaal.aantal_bewoners
        meedoend = Steun.objects.filter(signaal=punt.bron_signaal, wil_meedoen=True).count()
        assert punt.aantal_meedoeners == meedoend
    # Supports come from distinct residents per signal, each with its own key.
    assert Bewoner.objects.filter(sleutel__isnull=True).count() == 0
    # The detail pages read a realistic timeline.
    assert Gebeurtenis.objects.filter(signaal__in=signalen).count() >= N * 4
    # New rows after the seed get fresh ids (the id sequences were moved on).
    assert Bewoner.objects.create(sleutel="na-de-seed").pk > 0


def test_weigert_tweede_keer_en_slaat_over_als_gevuld(gevuld):
    with pytest.raises(CommandError, match="al gevuld"):
        call_command("seed_bench", signalen=10, verbosity=0)
    call_command("seed_bench", signalen=10, als_leeg=True, verbosity=0)
    assert Signaal.objects.filter(geregistreerd_door__username__startswith="bench-").count() == N
