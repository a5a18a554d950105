"""The rendered fields of a list's filter panel, from the per-process HTML cache.

A FilterSet that mixes in `GecachtPaneel` offers `velden_html`; lijst/_filters.html uses it when
it is set, and renders the fields itself otherwise.
"""

from django.template.loader import render_to_string

from .htmlcache import als_tekst, gecacht, velden_sleutel


class GecachtPaneel:
    """For a django-filter FilterSet whose choices are plain values (ChoiceFilter with a list),
    so reading them for the key costs no query per field."""

    @property
    def velden_html(self) -> str:
        """The filter fields as rendered by lijst/_filter_velden.html; the key is the form (see
        vbt.htmlcache) plus the request's parameters. A form with errors: "" (not cached)."""
        form = self.form
        if form.errors:
            return ""
        data = self.data
        paren = data.lists() if hasattr(data, "lists") else ((k, [v]) for k, v in data.items())
        gegevens = tuple(sorted((k, als_tekst(v)) for k, v in paren))
        sleutel = (
            "filterpaneel",
            type(self).__qualname__,
            gegevens,
            velden_sleutel(form, met_waarden=False),
        )
        return gecacht(
            sleutel, lambda: render_to_string("lijst/_filter_velden.html", {"filter": self})
        )
