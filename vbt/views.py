import logging
import sys

from django.contrib.auth.decorators import login_not_required
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.views import defaults
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import requires_csrf_token
from django.views.decorators.http import require_GET

from . import gezondheid

log = logging.getLogger("vbt.storing")

# Seconds a client (or a person) is asked to wait before trying again after a 503.
OPNIEUW_NA = 30


@login_not_required
@never_cache
@require_GET
def gezond(request):
    """Health check for a load balancer: JSON, 200 when the database answers and every migration
    is applied, 503 otherwise. Anonymous, no session, one small query."""
    toestand = gezondheid.toestand()
    goed = toestand["database"] == gezondheid.OK and toestand["migraties"] == gezondheid.OK
    return JsonResponse(
        {"status": "ok" if goed else "storing", **toestand}, status=200 if goed else 503
    )


def _storingsfouten() -> tuple[type[BaseException], ...]:
    soorten: tuple[type[BaseException], ...] = (OperationalError, InterfaceError)
    try:
        from redis.exceptions import ConnectionError as RedisVerbinding
        from redis.exceptions import TimeoutError as RedisTijd
    except ImportError:  # redis is only needed with REDIS_URL
        return soorten
    return (*soorten, RedisVerbinding, RedisTijd)


STORINGSFOUTEN = _storingsfouten()


def is_database_storing(fout: BaseException | None) -> bool:
    """The database (or Redis, with REDIS_URL) cannot be reached or gave up: connection refused
    or cut, connect or statement timeout, SQLite still locked after its timeout; also when
    another error wraps it."""
    gezien = 0
    while fout is not None and gezien < 5:
        if isinstance(fout, STORINGSFOUTEN):
            return True
        fout = fout.__cause__ or fout.__context__
        gezien += 1
    return False


def tijdelijk_niet_beschikbaar():
    """The 503 page: standalone (no user, no database), Dutch, no internals."""
    antwoord = HttpResponse(
        loader.get_template("503.html").render(), status=503, content_type="text/html"
    )
    antwoord["Retry-After"] = str(OPNIEUW_NA)
    antwoord["Cache-Control"] = "no-store"
    return antwoord


@requires_csrf_token
def serverfout(request, template_name=defaults.ERROR_500_TEMPLATE_NAME):
    """handler500: every uncaught exception of a view or middleware comes here. A database that
    is down or too slow answers 503 ("tijdelijk niet beschikbaar"), anything else the 500 page.
    Django has logged the exception (django.request) before calling this."""
    if is_database_storing(sys.exc_info()[1]):
        log.warning("Database niet beschikbaar: %s %s -> 503", request.method, request.path)
        return tijdelijk_niet_beschikbaar()
    return defaults.server_error(request, template_name)
