"""URLconf for the error page tests: the real URLs plus views that fail on purpose."""

from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.db import IntegrityError, InterfaceError, OperationalError
from django.http import Http404
from django.urls import path

from vbt import urls as vbt_urls


@login_not_required
def verboden(request):
    raise PermissionDenied("geheime reden")


@login_not_required
def niet_gevonden(request):
    raise Http404("geheime reden")


@login_not_required
def ongeldig(request):
    raise SuspiciousOperation("geheime reden")


@login_not_required
def kapot(request):
    raise RuntimeError("geheime reden")


@login_not_required
def database_weg(request):
    raise OperationalError("geheime reden: could not connect to server at 10.0.0.5:5432")


@login_not_required
def verbinding_dicht(request):
    raise InterfaceError("geheime reden: connection already closed")


@login_not_required
def verpakt(request):
    try:
        raise OperationalError("geheime reden: canceling statement due to statement timeout")
    except OperationalError as fout:
        raise RuntimeError("geheime reden") from fout


@login_not_required
def redis_weg(request):
    from redis.exceptions import ConnectionError as RedisVerbinding

    raise RedisVerbinding("geheime reden: Error 111 connecting to 10.0.0.6:6379")


@login_not_required
def dubbel(request):
    raise IntegrityError("geheime reden: duplicate key")


urlpatterns = [
    path("test/database-weg/", database_weg),
    path("test/verbinding-dicht/", verbinding_dicht),
    path("test/verpakt/", verpakt),
    path("test/redis-weg/", redis_weg),
    path("test/dubbel/", dubbel),
    path("test/403/", verboden),
    path("test/404/", niet_gevonden),
    path("test/400/", ongeldig),
    path("test/500/", kapot),
    *vbt_urls.urlpatterns,
]

# The same handlers as the real URLconf (Django's defaults when it sets none).
for _naam in ("handler400", "handler403", "handler404", "handler500"):
    if hasattr(vbt_urls, _naam):
        globals()[_naam] = getattr(vbt_urls, _naam)
