"""Reading a map of buurten (buurten/_kaart_figuur.html) and its table back out of a page."""

import re
from dataclasses import dataclass


@dataclass
class Gebied:
    """A buurt on the map that is a link."""

    href: str
    code: str
    titel: str
    kleur: str
    current: bool

    @property
    def naam(self) -> str:
        return self.titel.split(":")[0]


def vlakken(html: str) -> list[Gebied]:
    """The buurten on the map that are links, in document (keyboard) order."""
    return [
        Gebied(href.replace("&amp;", "&"), code, titel, kleur, " aria-current" in rest)
        for href, code, rest, titel, kleur in re.findall(
            r'<a href="([^"]*)" data-buurt="\d+" data-cbs-code="([^"]*)"([^>]*)><title>([^<]*)'
            r'</title><path d="[^"]+" fill="([^"]+)"/></a>',
            html,
        )
    ]


def svg(html: str) -> str:
    blok = re.search(r'<svg class="kaart-svg".*?</svg>', html, re.S)
    return blok.group(0) if blok else ""


def kaarttabel(html: str, tabel_id: str | None = None) -> list[list[str]]:
    """The body rows of the map's table as lists of cell texts."""
    patroon = rf'<table[^>]*id="{tabel_id}"' if tabel_id else r"<table[^>]*kaart-tabel"
    blok = re.search(patroon + r".*?<tbody>(.*?)</tbody>", html, re.S)
    assert blok, tabel_id
    rijen = re.findall(r"<tr[^>]*>(.*?)</tr>", blok.group(1), re.S)
    return [
        [
            re.sub(r"<[^>]+>", "", cel).strip()
            for cel in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", rij, re.S)
        ]
        for rij in rijen
    ]
