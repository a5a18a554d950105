"""The pages the benchmark measures. Adding a page is one line in PAGINAS.

`args` and `query` take the chosen bench data (see run.py, `Keuze`) and return the URL's
arguments and query string.
"""

from dataclasses import dataclass, field

ROLLEN = ("medewerker", "teamleider", "beheerder")
ADMIN = "admin signalen (changelist)"


@dataclass(frozen=True)
class Pagina:
    naam: str
    url_naam: str
    args: object = None  # keuze -> list
    query: object = None  # keuze -> dict
    rollen: tuple = ROLLEN
    # Budgets (issue 7): median and p95 of single requests, in ms; None = no latency budget.
    mediaan_ms: float | None = 50
    p95_ms: float | None = 150
    vergelijk_met_admin: bool = True
    extra: dict = field(default_factory=dict)


PAGINAS = [
    Pagina("home", "home"),
    Pagina("signalenlijst", "signalen:signaal_lijst"),
    Pagina(
        "signalenlijst buurt+thema",
        "signalen:signaal_lijst",
        query=lambda k: {"buurt": k.buurt, "thema": k.thema},
    ),
    Pagina("signalenlijst status", "signalen:signaal_lijst", query=lambda k: {"status": "nieuw"}),
    Pagina("signalenlijst zoeken", "signalen:signaal_lijst", query=lambda k: {"q": "zwerfvuil"}),
    Pagina("signaal detail", "signalen:signaal_detail", args=lambda k: [k.signaal]),
    Pagina("triage", "acties:triage", rollen=("teamleider",)),
    Pagina("verbeterpuntenlijst", "acties:verbeterpunt_lijst"),
    Pagina("verbeterpunt detail", "acties:verbeterpunt_detail", args=lambda k: [k.punt]),
    Pagina("actielijst", "acties:actie_lijst"),
    Pagina("activiteitenlijst", "signalen:activiteit_lijst"),
    # With its figures in the cache (inzicht/cijfers.py); run.py also times computing them.
    Pagina("dashboard", "inzicht:dashboard"),
    # With the map of the buurt in its wijk.
    Pagina("buurtrapport", "inzicht:buurtrapport", args=lambda k: [k.buurt]),
    Pagina(
        "export signalen (csv, buurt+thema)",
        "signalen:signaal_export",
        query=lambda k: {"formaat": "csv", "buurt": k.buurt, "thema": k.thema},
        rollen=("medewerker", "teamleider"),
    ),
    # The baseline a Django developer gets for free: not optimised, not held to a budget.
    Pagina(
        ADMIN,
        "admin:signalen_signaal_changelist",
        rollen=("beheerder",),
        mediaan_ms=None,
        p95_ms=None,
        vergelijk_met_admin=False,
    ),
]
