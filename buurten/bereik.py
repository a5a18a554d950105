"""The scope of one user: which teams they work in and which buurten they may see.

Made once per request (`BereikMiddleware` puts it on `request.bereik`) and passed explicitly to
the selectors and access checks, as Open Zaak passes its authorisations to a queryset. The ids
are literal lists on purpose: `buurt_id IN (3, 7, 12)` plans in a fraction of the time of the
subquery over teams and members, and picks the right index (the lists' speed rests on it).
"""

from dataclasses import dataclass

from django.utils.functional import SimpleLazyObject

from partners.constants import Rol

from .models import Team


@dataclass(frozen=True)
class Bereik:
    medewerker_id: int | None = None
    rol: str | None = None
    partner_id: int | None = None
    # The user's own teams (where they act) and those teams' buurten (what they see).
    team_ids: frozenset[int] = frozenset()
    buurt_ids: tuple[int, ...] = ()

    @property
    def is_beheerder(self) -> bool:
        """A beheerder sees every buurt, but acts in their own teams only (if any)."""
        return self.rol == Rol.BEHEERDER

    @property
    def is_teamleider(self) -> bool:
        return self.rol == Rol.TEAMLEIDER

    @property
    def is_leeg(self) -> bool:
        """Anonymous or inactive: sees nothing, may do nothing."""
        return self.medewerker_id is None

    def is_lid(self, team) -> bool:
        return team.pk in self.team_ids

    def ziet_buurt(self, buurt_id: int) -> bool:
        return self.is_beheerder or buurt_id in self.buurt_ids

    def filter_buurt(self, qs, veld: str = "buurt_id"):
        """`qs` limited to the visible buurten (`veld`: the lookup of the row's buurt id)."""
        if self.is_leeg:
            return qs.none()
        if self.is_beheerder:
            return qs
        return qs.filter(**{f"{veld}__in": self.buurt_ids})


GEEN_BEREIK = Bereik()


def bereik_van(user) -> Bereik:
    """The scope of `user`, in one small query (their teams with those teams' buurten)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return GEEN_BEREIK
    paren = list(Team.objects.filter(leden=user).values_list("pk", "buurten").order_by())
    return Bereik(
        medewerker_id=user.pk,
        rol=user.rol,
        partner_id=user.partner_id,
        team_ids=frozenset(team for team, _buurt in paren),
        buurt_ids=tuple(sorted({buurt for _team, buurt in paren if buurt is not None})),
    )


class BereikMiddleware:
    """`request.bereik`: the user's scope, read on first use and then kept for the request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.bereik = SimpleLazyObject(lambda: bereik_van(request.user))
        return self.get_response(request)
