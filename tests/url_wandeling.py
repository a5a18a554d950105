"""Walk the URL resolver and give every URL a concrete example path, so access tests can fail for
any URL nobody thought of."""

import re
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.resolvers import RegexPattern, RoutePattern

VOORBEELD_PER_CONVERTER = {"int": "1", "str": "x", "slug": "x", "path": "x/1", "uuid": "0" * 32}


@dataclass(frozen=True)
class Url:
    naam: str  # "namespace:name" or the pattern when unnamed
    pad: str


def _voorbeeld(pattern) -> str:
    if isinstance(pattern, RoutePattern):
        route = str(pattern)

        def vervang(match):
            converter = match.group(1) or "str"
            if converter == "uuid":
                return "00000000-0000-0000-0000-000000000000"
            return VOORBEELD_PER_CONVERTER.get(converter, "1")

        return re.sub(r"<(?:(\w+):)?\w+>", vervang, route)
    if isinstance(pattern, RegexPattern):
        regex = pattern.regex.pattern

        def groep(match):
            inhoud = match.group(2)
            if "|" in inhoud:
                return inhoud.split("|")[0]
            if r"\d" in inhoud:
                return "1"
            return "x"

        pad = re.sub(r"\(\?P<(\w+)>((?:[^()]|\([^()]*\))*)\)", groep, regex)
        return pad.lstrip("^").rstrip("$").replace("\\", "")
    raise TypeError(pattern)


def _wandel(patronen, prefix="", namespace=""):
    for patroon in patronen:
        deel = prefix + _voorbeeld(patroon.pattern)
        if isinstance(patroon, URLResolver):
            ns = namespace
            if patroon.namespace:
                ns = f"{namespace}{patroon.namespace}:"
            yield from _wandel(patroon.url_patterns, deel, ns)
        elif isinstance(patroon, URLPattern):
            naam = f"{namespace}{patroon.name}" if patroon.name else f"{namespace}{patroon.pattern}"
            yield Url(naam=naam, pad="/" + deel)


def alle_urls() -> list[Url]:
    urls = []
    for url in _wandel(get_resolver().url_patterns):
        resolve(url.pad)  # the example must really reach a view; fails loudly otherwise
        urls.append(url)
    return urls
