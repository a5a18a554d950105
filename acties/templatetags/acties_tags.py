"""Template pieces other pages include: the actions and notes of a point.

{% load acties_tags %}
{% acties_van_verbeterpunt verbeterpunt %}
{% notities_van_verbeterpunt verbeterpunt %}
"""

from django import template

from signalen.selectors import notities_van_verbeterpunt as _notities
from signalen.toegang import is_teamleider_van, mag_registreren

from .. import selectors
from ..constants import ActieStatus
from ..forms import ActieFormulier, AfrondFormulier, NotitieFormulier
from ..toegang import mag_acties_beheren
from ..views import verbeterpunt_url as _verbeterpunt_url

register = template.Library()


@register.simple_tag
def verbeterpunt_url(pk):
    return _verbeterpunt_url(pk)


@register.filter
def is_integraal(verbeterpunt) -> bool:
    return selectors.is_integraal(verbeterpunt)


def actie_partners_van(acties) -> set[int]:
    return {
        a.eigenaar_partner_id
        for a in acties
        if a.eigenaar_partner_id and a.status != ActieStatus.VERVALLEN
    }


def acties_fragment(user, verbeterpunt, *, volgende: str = "") -> dict:
    """Context of acties/_acties_van_verbeterpunt.html."""
    acties = list(selectors.acties_van_verbeterpunt(user, verbeterpunt))
    context = {
        "verbeterpunt": verbeterpunt,
        "acties": acties,
        # The same rule as selectors.is_integraal, on the rows already loaded.
        "integraal": len(actie_partners_van(acties)) >= 2,
        "actie_formulier": None,
        "afrond_formulier": None,
        "volgende": volgende,
    }
    if verbeterpunt.is_open and mag_acties_beheren(user, verbeterpunt.team):
        context["actie_formulier"] = ActieFormulier(user=user, verbeterpunt=verbeterpunt)
        if is_teamleider_van(user, verbeterpunt.team):
            context["afrond_formulier"] = AfrondFormulier(initial={"versie": verbeterpunt.versie})
    return context


def notities_fragment(user, verbeterpunt, *, volgende: str = "") -> dict:
    """Context of acties/_notities.html."""
    formulier = None
    if mag_registreren(user, verbeterpunt.team):
        formulier = NotitieFormulier(partner=user.partner)
    return {
        "verbeterpunt": verbeterpunt,
        "notities": _notities(user, verbeterpunt),
        "notitie_formulier": formulier,
        "volgende": volgende,
    }


@register.inclusion_tag("acties/_acties_van_verbeterpunt.html", takes_context=True)
def acties_van_verbeterpunt(context, verbeterpunt):
    request = context["request"]
    return {
        **acties_fragment(request.user, verbeterpunt, volgende=request.get_full_path()),
        "request": request,
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("acties/_notities.html", takes_context=True)
def notities_van_verbeterpunt(context, verbeterpunt):
    request = context["request"]
    return {
        **notities_fragment(request.user, verbeterpunt, volgende=request.get_full_path()),
        "request": request,
        "csrf_token": context.get("csrf_token"),
    }
