"""Rendered form HTML from a small per-process cache.

Crispy renders a field through several templates (~1 ms a field, more for a long <select>),
while a form's HTML only changes with what it is made of. The key holds all of that: the form's
class and options, the language, and per field its label, help text, widget attributes, choices
(as text, read from the database on every request, so a renamed buurt is a new key) and the
value it shows. A form with errors is never cached, and the CSRF token lives outside the cached
part. An entry holds exactly what its key describes, so whoever shares a key would see the same
HTML anyway. It lives in the process-local "html" cache (settings.CACHES) for ten minutes at
most: a form may list residents who take part, and an erased resident must not linger.
"""

import hashlib
from collections.abc import Callable

from django.core.cache import caches
from django.utils.functional import Promise
from django.utils.translation import get_language


def als_tekst(waarde) -> str:
    """Choices, attributes, labels (lazy translations too) as one stable text."""
    if isinstance(waarde, (str, Promise)):
        return "s" + repr(str(waarde))
    if isinstance(waarde, dict):
        waarde = sorted(waarde.items())
    if isinstance(waarde, (int, float, bool, type(None))):
        return repr(waarde)
    if isinstance(waarde, (list, tuple, set, frozenset)) or hasattr(waarde, "__iter__"):
        return "(" + ",".join(als_tekst(w) for w in waarde) + ")"
    return type(waarde).__name__ + repr(str(waarde))  # dates, model instances, ...


def _widgets(widget):
    return [widget, *getattr(widget, "widgets", ())]


def velden_sleutel(form, *, met_waarden: bool) -> tuple:
    """Everything the rendered fields are made of. With met_waarden, also the value each field
    shows (for an unbound form: its initial value)."""
    velden = []
    for naam, veld in form.fields.items():
        deel = (
            naam,
            type(veld).__name__,
            type(veld.widget).__name__,
            str(veld.label),
            str(veld.help_text),
            # The widget's choices are what it renders (a form may set them itself).
            als_tekst(getattr(veld.widget, "choices", ())),
            als_tekst([sorted(w.attrs.items()) for w in _widgets(veld.widget)]),
            veld.required,
            veld.disabled,
            veld.show_hidden_initial,
        )
        if met_waarden:
            deel += (als_tekst(form[naam].value()),)
        velden.append(deel)
    return (
        type(form).__module__,
        type(form).__qualname__,
        form.prefix,
        str(form.auto_id),
        form.label_suffix,
        get_language(),
        tuple(velden),
    )


def gecacht(sleutel: tuple, maak: Callable[[], str]) -> str:
    cache = caches["html"]
    naam = "html:" + hashlib.sha256(repr(sleutel).encode()).hexdigest()
    html = cache.get(naam)
    if html is None:
        html = maak()
        cache.set(naam, html)
    return html
