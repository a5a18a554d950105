"""Form widgets the apps share."""

import django_filters
from django import forms


class DatumInvoer(forms.DateInput):
    """The browser's date picker; the value in ISO format, which is what it expects."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class DatumBereik(django_filters.widgets.DateRangeWidget):
    """Two date pickers (from / up to and including), each with its own accessible name."""

    def __init__(self, van: str, tot: str, attrs=None):
        widgets = (DatumInvoer(attrs={"aria-label": van}), DatumInvoer(attrs={"aria-label": tot}))
        forms.MultiWidget.__init__(self, widgets, attrs)
