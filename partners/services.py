"""Writes on partners and staff."""

from django.contrib.auth.models import Group
from django.db import transaction

from .constants import BEHEERDERS_GROEP, Rol
from .models import Medewerker, Partner
from .rechten import beheerders_groep_bijwerken


@transaction.atomic
def medewerker_rechten_bijwerken(*, medewerker: Medewerker) -> Medewerker:
    """Derive admin access from the role: a beheerder is staff and in the beheerders group."""
    beheerder = medewerker.rol == Rol.BEHEERDER
    staff = beheerder or medewerker.is_superuser
    if medewerker.is_staff != staff:
        medewerker.is_staff = staff
        medewerker.save(update_fields=["is_staff"])
    groep = Group.objects.filter(name=BEHEERDERS_GROEP).first() or beheerders_groep_bijwerken()
    if beheerder:
        medewerker.groups.add(groep)
    else:
        medewerker.groups.remove(groep)
    return medewerker


@transaction.atomic
def medewerker_aanmaken(
    *,
    username: str,
    partner: Partner,
    rol: str = Rol.MEDEWERKER,
    password: str | None = None,
    first_name: str = "",
    last_name: str = "",
    email: str = "",
) -> Medewerker:
    medewerker = Medewerker(
        username=username,
        partner=partner,
        rol=rol,
        first_name=first_name,
        last_name=last_name,
        email=email,
    )
    if password:
        medewerker.set_password(password)
    else:
        medewerker.set_unusable_password()
    medewerker.full_clean(exclude=["password"])
    medewerker.save()
    return medewerker_rechten_bijwerken(medewerker=medewerker)
