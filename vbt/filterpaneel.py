"""The rendered fields of a list's filter panel, from a small per-process cache.

Crispy renders a field through several templates (~1 ms a field, more for a long <select>),
while the panel's HTML only changes with its choices and the request's parameters. A FilterSet
that mixes in `GecachtPaneel` offers `velden_html`; lijst/_filters.html uses it when it is set.
"""

from django.template.loader import render_to_string
from django.utils.functional import Promise
from django.utils.translation import get_language

_VELDEN_HTML: dict = {}
_VELDEN_HTML_MAX = 500


def _als_tekst(waarde) -> str:
    """Choices, attributes, labels (lazy translations too) as one stable text."""
    if isinstance(waarde, (str, Promise)):
        return "s" + repr(str(waarde))
    if isinstance(waarde, dict):
        waarde = sorted(waarde.items())
    if isinstance(waarde, (int, float, bool, type(None))):
        return repr(waarde)
    return "(" + ",".join(_als_tekst(w) for w in waarde) + ")"


def _widgets(widget):
    return [widget, *getattr(widget, "widgets", ())]


class GecachtPaneel:
    """For a django-filter FilterSet whose choices are plain values (ChoiceFilter with a list),
    so reading them for the key costs no query per field."""

    @property
    def velden_html(self) -> str:
        """The filter fields as rendered by lijst/_filter_velden.html. The key holds everything
        the HTML is made of: the language, the request's parameters and, per field, its label,
        help text, widget attributes and choices as text (read from the database on every
        request, so a renamed buurt or theme is a new key). A form with errors is not cached:
        "" (the template then renders the fields itself)."""
        form = self.form
        if form.errors:
            return ""
        velden = tuple(
            (
                naam,
                str(veld.label),
                str(veld.help_text),
                _als_tekst(getattr(veld, "choices", ())),
                _als_tekst(getattr(veld.widget, "choices", ())),
                _als_tekst([sorted(w.attrs.items()) for w in _widgets(veld.widget)]),
                veld.required,
            )
            for naam, veld in form.fields.items()
        )
        data = self.data
        paren = data.lists() if hasattr(data, "lists") else ((k, [v]) for k, v in data.items())
        gegevens = tuple(sorted((k, _als_tekst(v)) for k, v in paren))
        sleutel = (type(self).__qualname__, get_language(), gegevens, velden)
        html = _VELDEN_HTML.get(sleutel)
        if html is None:
            html = render_to_string("lijst/_filter_velden.html", {"filter": self})
            if len(_VELDEN_HTML) >= _VELDEN_HTML_MAX:
                _VELDEN_HTML.clear()
            _VELDEN_HTML[sleutel] = html
        return html
