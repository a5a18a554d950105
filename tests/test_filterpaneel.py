"""The rendered filter panel comes from a per-process cache (vbt.filterpaneel): it must never
show another scope's choices, a stale name, or hide a form error."""

import pytest

from buurten.models import Buurt

LIJSTEN = ["/signalen/", "/verbeterpunten/", "/activiteiten/", "/acties/"]


def _buurtkeuzes(html: str) -> str:
    begin = html.index('<select name="buurt"')
    return html[begin : html.index("</select>", begin)]


@pytest.mark.parametrize("url", LIJSTEN)
def test_paneel_volgt_de_keuzes_van_de_gebruiker(wereld, client_voor, url):
    eigen = _buurtkeuzes(client_voor(wereld["medewerker_gemeente"]).get(url).content.decode())
    ander = _buurtkeuzes(client_voor(wereld["ander_team"]).get(url).content.decode())
    assert f'<option value="{wereld.buurt_a.pk}"' in eigen
    assert f'<option value="{wereld.buurt_b.pk}"' not in eigen
    assert f'<option value="{wereld.buurt_b.pk}"' in ander
    assert f'<option value="{wereld.buurt_a.pk}"' not in ander


@pytest.mark.parametrize("url", LIJSTEN)
def test_hernoemde_buurt_staat_meteen_in_het_paneel(wereld, client_voor, url):
    client = client_voor(wereld["medewerker_gemeente"])
    client.get(url)  # fills the cache
    Buurt.objects.filter(pk=wereld.buurt_a.pk).update(naam="Nieuwe Buurtnaam")
    assert "Nieuwe Buurtnaam" in client.get(url).content.decode()


@pytest.mark.parametrize("url", LIJSTEN)
def test_fout_in_filter_wordt_getoond_ook_na_een_goed_verzoek(wereld, client_voor, url):
    client = client_voor(wereld["medewerker_gemeente"])
    client.get(url, {"buurt": wereld.buurt_a.pk})
    antwoord = client.get(url, {"buurt": wereld.buurt_b.pk})
    assert antwoord.status_code == 400
    html = antwoord.content.decode()
    assert "Een filter is ongeldig" in html
    assert "is-invalid" in html  # the field itself carries the error, not a cached clean panel
