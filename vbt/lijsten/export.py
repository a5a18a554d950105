"""Writing a list as a CSV or XLSX download.

The apps define their columns (Dutch headers) and give the rows as plain values (str, int, bool,
date, datetime, None), read in one query with values_list().iterator(): no model instances and no
query per row, so 100k rows cost one query. CSV streams; XLSX is written to a temporary file.
"""

import csv
import datetime
import io
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from itertools import islice

from django.core.exceptions import FieldDoesNotExist
from django.db import connection
from django.db.models import (
    BooleanField,
    Case,
    CharField,
    DateField,
    DateTimeField,
    F,
    Func,
    Q,
    Value,
    When,
)
from django.db.models.constants import LOOKUP_SEP
from django.http import FileResponse, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .paginering import PARAMETER as PAGINA
from .paginering import url_met

PARAMETER = "formaat"
CSV = "csv"
XLSX = "xlsx"
FORMATEN = (CSV, XLSX)

# A cell starting with one of these is read as a formula by Excel and LibreOffice
# ("=HYPERLINK(...)"): prefix an apostrophe so it stays text (CSV injection, OWASP).
FORMULE_TEKENS = ("=", "+", "-", "@", "\t", "\r")
# Control characters XML (and so XLSX) cannot hold; openpyxl refuses them.
ONGELDIGE_XML_TEKENS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


@dataclass(frozen=True)
class Kolom:
    """One column: its Dutch header, the field(s) read with values_list(), and how the value(s)
    become the cell (default: as is)."""

    kop: str
    veld: str | tuple[str, ...]
    breedte: int = 15  # XLSX column width, in characters
    omzetten: Callable | None = None
    # A choice field's (value, label) pairs: the cell shows the label, translated once per
    # export (not once per row).
    keuzes: tuple | None = None

    def omzetter(self) -> Callable | None:
        if self.keuzes is None:
            return self.omzetten
        labels = {waarde: str(label) for waarde, label in self.keuzes}
        return lambda waarde: labels.get(waarde, waarde)


class LokaleTekst(Func):
    """A date or moment as the text the CSV shows ("dd-mm-jjjj" or "dd-mm-jjjj uu:mm", local
    time), made by PostgreSQL: thousands of rows then skip Python's time zone arithmetic.
    Other databases give the value itself and the CSV converts it in Python (_csv_cel)."""

    def __init__(self, veld: str, *, moment: bool):
        super().__init__(F(veld), output_field=CharField())
        self.moment = moment

    def as_sql(self, compiler, connection, **extra):
        return compiler.compile(self.source_expressions[0])

    def as_postgresql(self, compiler, connection, **extra):
        sql, params = compiler.compile(self.source_expressions[0])
        if self.moment:
            zone = timezone.get_current_timezone_name()
            return f"to_char(({sql}) AT TIME ZONE %s, 'DD-MM-YYYY HH24:MI')", [*params, zone]
        return f"to_char({sql}, 'DD-MM-YYYY')", params


def waar_als(voorwaarde: Q) -> Case:
    """A yes/no column computed by the database (no query per row): True where `voorwaarde`
    holds for the row."""
    return Case(
        When(voorwaarde, then=Value(True)), default=Value(False), output_field=BooleanField()
    )


def _datum_soort(model, pad: str) -> str | None:
    """ "moment", "datum" or None for the model field at the end of a lookup path."""
    try:
        *relaties, naam = pad.split(LOOKUP_SEP)
        for relatie in relaties:
            model = model._meta.get_field(relatie).related_model
        veld = model._meta.get_field(naam)
    except (FieldDoesNotExist, AttributeError):
        return None  # an annotation or pk: left as it is
    if isinstance(veld, DateTimeField):
        return "moment"
    if isinstance(veld, DateField):
        return "datum"
    return None


def rijen_van(queryset, kolommen, chunk: int = 2000, *, datums_als_tekst: bool = False):
    """The rows of `queryset` (already filtered and ordered) as lists of cell values, in one
    query; values_list() ignores select_related and builds no model instances.
    datums_als_tekst: dates and moments as the CSV's text, by the database where it can."""
    velden = []
    for kolom in kolommen:
        velden.extend(kolom.veld if isinstance(kolom.veld, tuple) else (kolom.veld,))
    if datums_als_tekst and connection.vendor == "postgresql":
        tekst = {}
        for nummer, veld in enumerate(velden):
            soort = _datum_soort(queryset.model, veld)
            if soort is not None:
                tekst[f"_csv_{nummer}"] = LokaleTekst(veld, moment=soort == "moment")
        if tekst:
            queryset = queryset.annotate(**tekst)
            velden = [f"_csv_{n}" if f"_csv_{n}" in tekst else v for n, v in enumerate(velden)]
    waarden = queryset.values_list(*velden).iterator(chunk_size=chunk)
    if not any(isinstance(kolom.veld, tuple) for kolom in kolommen):
        # One value per column: the row as read, with only the converted columns replaced.
        omzetten = [(i, f) for i, f in enumerate(k.omzetter() for k in kolommen) if f is not None]
        for rij in waarden:
            rij = list(rij)
            for i, omzet in omzetten:
                rij[i] = omzet(rij[i])
            yield rij
        return
    # Per column, worked out once: where its value(s) sit in the row and how they convert.
    plan, i = [], 0
    for kolom in kolommen:
        if isinstance(kolom.veld, tuple):
            plan.append((i, i + len(kolom.veld), kolom.omzetter()))
            i += len(kolom.veld)
        else:
            plan.append((i, None, kolom.omzetter()))
            i += 1
    for rij_waarden in waarden:
        rij = []
        for begin, eind, omzet in plan:
            if eind is not None:
                rij.append(omzet(*rij_waarden[begin:eind]))
            elif omzet is not None:
                rij.append(omzet(rij_waarden[begin]))
            else:
                rij.append(rij_waarden[begin])
        yield rij


def neutraliseer(tekst: str) -> str:
    return f"'{tekst}" if tekst.startswith(FORMULE_TEKENS) else tekst


def _lokaal(moment: datetime.datetime) -> datetime.datetime:
    return timezone.localtime(moment) if timezone.is_aware(moment) else moment


def _csv_cel(waarde) -> str:
    if waarde is None:
        return ""
    if isinstance(waarde, bool):
        return _("ja") if waarde else _("nee")
    if isinstance(waarde, datetime.datetime):
        return _lokaal(waarde).strftime("%d-%m-%Y %H:%M")
    if isinstance(waarde, datetime.date):
        return waarde.strftime("%d-%m-%Y")
    if isinstance(waarde, int | float):
        return str(waarde)
    return neutraliseer(str(waarde))


CSV_BLOK = 500


def _snelle_csv_cel():
    """`_csv_cel` for the cells csv.writer cannot write as they are (csv_antwoord passes None,
    ints and texts without a formula sign straight on), with the translations and the time zone
    looked up once per download. Choice labels arrive translated (Kolom.omzetter)."""
    ja, nee = _("ja"), _("nee")
    tz = timezone.get_current_timezone()
    datum_tijd, datum = datetime.datetime, datetime.date

    def cel(waarde):
        soort = type(waarde)
        if soort is str:
            return neutraliseer(waarde)
        if soort is bool:
            return ja if waarde else nee
        if soort is datum_tijd:
            if waarde.utcoffset() is not None:
                waarde = waarde.astimezone(tz)
            # As strftime("%d-%m-%Y %H:%M"), without its cost per call.
            return (
                f"{waarde.day:02d}-{waarde.month:02d}-{waarde.year} "
                f"{waarde.hour:02d}:{waarde.minute:02d}"
            )
        if soort is datum:
            return f"{waarde.day:02d}-{waarde.month:02d}-{waarde.year}"
        return _csv_cel(waarde)

    return cel


def _xlsx_cel(waarde):
    if isinstance(waarde, bool):
        return _("ja") if waarde else _("nee")
    if isinstance(waarde, datetime.datetime):
        # Excel has no time zones: the local time, as the list shows it.
        return _lokaal(waarde).replace(tzinfo=None)
    if waarde is None or isinstance(waarde, int | float | datetime.date):
        return waarde
    return neutraliseer(ONGELDIGE_XML_TEKENS.sub("", str(waarde)))


def bestandsnaam(basis: str, formaat: str) -> str:
    return f"{basis}-{timezone.localdate():%Y-%m-%d}.{formaat}"


def csv_antwoord(basis: str, kolommen, rijen) -> StreamingHttpResponse:
    """UTF-8 with a byte order mark and ';' between fields: how Dutch Excel opens a CSV."""
    buffer = io.StringIO()
    schrijver = csv.writer(buffer, delimiter=";")
    cel = _snelle_csv_cel()
    rijen = iter(rijen)

    def geschreven() -> str:
        tekst = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return tekst

    def regels():
        schrijver.writerow([str(k.kop) for k in kolommen])
        yield "\ufeff" + geschreven()
        # Rows go out in blocks (one chunk per row made the response machinery the hot spot),
        # written by csv.writer in C. It writes None as "" and an int as its digits itself, and
        # a text without a formula sign as is, so only the other cells need `cel`.
        formule = FORMULE_TEKENS
        while blok := list(islice(rijen, CSV_BLOK)):
            schrijver.writerows(
                [
                    w
                    if w is None or (type(w) is str and not w.startswith(formule)) or type(w) is int
                    else cel(w)
                    for w in rij
                ]
                for rij in blok
            )
            yield geschreven()

    antwoord = StreamingHttpResponse(regels(), content_type="text/csv; charset=utf-8")
    antwoord["Content-Disposition"] = f'attachment; filename="{bestandsnaam(basis, CSV)}"'
    return antwoord


def xlsx_antwoord(basis: str, titel: str, kolommen, rijen) -> FileResponse:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    boek = Workbook(write_only=True)
    blad = boek.create_sheet(title=str(titel)[:31])
    for nummer, kolom in enumerate(kolommen, start=1):
        blad.column_dimensions[get_column_letter(nummer)].width = kolom.breedte
    blad.freeze_panes = "A2"
    vet = Font(bold=True)
    koppen = []
    for kolom in kolommen:
        cel = WriteOnlyCell(blad, value=str(kolom.kop))
        cel.font = vet
        koppen.append(cel)
    blad.append(koppen)
    for rij in rijen:
        cellen = []
        for waarde in rij:
            waarde = _xlsx_cel(waarde)
            if isinstance(waarde, datetime.date):
                cel = WriteOnlyCell(blad, value=waarde)
                is_moment = isinstance(waarde, datetime.datetime)
                cel.number_format = "dd-mm-yyyy hh:mm" if is_moment else "dd-mm-yyyy"
                waarde = cel
            cellen.append(waarde)
        blad.append(cellen)
    # A temporary file rather than memory: a 100k-row export stays out of the process's RAM.
    bestand = tempfile.TemporaryFile()  # noqa: SIM115 - FileResponse closes it when sent
    boek.save(bestand)
    bestand.seek(0)
    return FileResponse(
        bestand,
        as_attachment=True,
        filename=bestandsnaam(basis, XLSX),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


def exporteer(formaat: str, *, basis: str, titel: str, kolommen, rijen):
    if formaat == XLSX:
        return xlsx_antwoord(basis, titel, kolommen, rijen)
    return csv_antwoord(basis, kolommen, rijen)


def formaat_van(request) -> str | None:
    formaat = request.GET.get(PARAMETER, "")
    return formaat if formaat in FORMATEN else None


def export_urls(request, url_naam: str) -> dict[str, str]:
    """The export links of a list page: the same filters and sorting, every page."""
    basis = reverse(url_naam)
    return {
        formaat: basis + url_met(request.GET, **{PARAMETER: formaat, PAGINA: None})
        for formaat in FORMATEN
    }


ONBEKEND_FORMAAT = gettext_lazy(
    "Kies een exportformaat: CSV of Excel (formaat=csv of formaat=xlsx)."
)


def lijst_export(request, *, maak_filterset, lijst_url_naam, basis, titel, kolommen):
    """The export view's work: the format (400 if missing or unknown), the list's own FilterSet
    over the list's own scoped queryset (400 on an invalid filter, never an unfiltered export),
    then every row in the list's order."""
    terug = reverse(lijst_url_naam) + url_met(request.GET, **{PARAMETER: None})
    formaat = formaat_van(request)
    if formaat is None:
        return ongeldig(request, melding=ONBEKEND_FORMAAT, terug=terug)
    filterset = maak_filterset()
    if not filterset.is_valid():
        return ongeldig(
            request,
            melding=_("Een filter is ongeldig. Pas het filter in de lijst aan."),
            fouten=filterset.errors,
            terug=terug,
        )
    rijen = rijen_van(filterset.qs, kolommen, datums_als_tekst=formaat == CSV)
    return exporteer(formaat, basis=basis, titel=titel, kolommen=kolommen, rijen=rijen)


def ongeldig(request, *, melding, terug: str, fouten=None):
    """400: the export cannot be made as asked (unknown format, an invalid filter)."""
    return render(
        request,
        "export_ongeldig.html",
        {"melding": melding, "fouten": fouten, "terug": terug},
        status=400,
    )
