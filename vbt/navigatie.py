"""The main navigation, by role. Project-level because it links every app's pages."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from partners.constants import Rol

ALLE_TEAMROLLEN = frozenset({Rol.MEDEWERKER, Rol.TEAMLEIDER})


@dataclass(frozen=True)
class Item:
    label: str
    url_naam: str
    rollen: frozenset


ITEMS = (
    Item(_("Start"), "home", frozenset(Rol)),
    Item(_("Signalen"), "signalen:signaal_lijst", frozenset(Rol)),
    Item(_("Signaal registreren"), "signalen:signaal_nieuw", ALLE_TEAMROLLEN),
    Item(_("Triage"), "acties:triage", frozenset({Rol.TEAMLEIDER})),
    Item(_("Verbeterpunten"), "acties:verbeterpunt_lijst", frozenset(Rol)),
    Item(_("Activiteiten"), "signalen:activiteit_lijst", frozenset(Rol)),
    Item(_("Acties"), "acties:actie_lijst", frozenset(Rol)),
    Item(_("Inzicht"), "inzicht:dashboard", frozenset(Rol)),
    Item(_("Beheer"), "admin:index", frozenset({Rol.BEHEERDER})),
)


def navigatie(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"navigatie": []}
    items = []
    for item in ITEMS:
        if user.rol not in item.rollen:
            continue
        url = reverse(item.url_naam)
        actief = request.path == url if url == "/" else request.path.startswith(url)
        items.append({"label": item.label, "url": url, "actief": actief})
    # Only the most specific match is current ("/signalen/nieuw/" is not also "/signalen/").
    actieve = [i for i in items if i["actief"]]
    if len(actieve) > 1:
        langste = max(actieve, key=lambda i: len(i["url"]))
        for item in actieve:
            item["actief"] = item is langste
    return {"navigatie": items}
