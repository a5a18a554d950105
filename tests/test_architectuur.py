"""The app chain of the README holds: each app imports only the apps to its left, plumbing (vbt)
imports no app, no app registers itself into another at start-up, and no template tag reads
the database. Read from the source, so a new import that breaks the chain fails here."""

import ast
from pathlib import Path

import pytest

BASIS = Path(__file__).resolve().parent.parent

# Left to right, as in the README: an app may import those before it.
KETEN = ["partners", "buurten", "signalen", "acties", "inzicht", "privacy"]
# The project's root: settings, the root URLconf and the navigation link every app.
WORTEL = {"vbt.urls", "vbt.wsgi", "vbt.navigatie"}
# Tools that only measure (never in production): they may read every app.
GEREEDSCHAP = {"bench"}


def _modules(pakket: str):
    for pad in sorted((BASIS / pakket).rglob("*.py")):
        if "migrations" in pad.parts:
            continue
        naam = ".".join(pad.relative_to(BASIS).with_suffix("").parts)
        yield naam.removesuffix(".__init__"), pad


def _geimporteerde_apps(pad: Path) -> set[str]:
    boom = ast.parse(pad.read_text(), filename=str(pad))
    namen = set()
    for knoop in ast.walk(boom):
        if isinstance(knoop, ast.Import):
            namen.update(alias.name for alias in knoop.names)
        elif isinstance(knoop, ast.ImportFrom) and knoop.level == 0 and knoop.module:
            namen.add(knoop.module)
    return {naam.split(".")[0] for naam in namen} & {*KETEN, *GEREEDSCHAP, "vbt"}


@pytest.mark.parametrize("app", KETEN)
def test_een_app_importeert_alleen_apps_links_ervan(app):
    mag = {*KETEN[: KETEN.index(app) + 1], "vbt"}
    fouten = [
        f"{module} importeert {sorted(verboden)}"
        for module, pad in _modules(app)
        if (verboden := _geimporteerde_apps(pad) - mag)
    ]
    assert not fouten


def test_vbt_is_gereedschap_zonder_apps():
    fouten = [
        f"{module} importeert {sorted(apps)}"
        for module, pad in _modules("vbt")
        if module not in WORTEL
        and not module.startswith("vbt.settings")
        and (apps := _geimporteerde_apps(pad) - {"vbt"})
    ]
    assert not fouten


def test_geen_app_haakt_zich_bij_het_starten_in_een_andere():
    """Only partners has a ready(), and it connects its own handlers to Django's signals."""
    met_ready = []
    for app in KETEN:
        boom = ast.parse((BASIS / app / "apps.py").read_text())
        if any(isinstance(k, ast.FunctionDef) and k.name == "ready" for k in ast.walk(boom)):
            met_ready.append(app)
    assert met_ready == ["partners"]
    bron = (BASIS / "partners" / "apps.py").read_text()
    assert _geimporteerde_apps(BASIS / "partners" / "apps.py") <= {"partners"}
    assert "signalen" not in bron and "acties" not in bron


def test_geen_templatetag_leest_de_database():
    bibliotheken = [
        pad
        for app in [*KETEN, "vbt"]
        for pad in (BASIS / app).rglob("templatetags/*.py")
        if pad.name != "__init__.py"
    ]
    assert bibliotheken, "the project's own tags (vbt.templatetags.snelle_urls) exist"
    for pad in bibliotheken:
        bron = pad.read_text()
        assert _geimporteerde_apps(pad) <= {"vbt"}, pad
        for verboden in ("models", "selectors", "objects", "connection"):
            assert verboden not in bron, f"{pad} noemt {verboden}"
