"""Views and view helpers the apps share: the health check, the error pages, and what every
form view does after a service (the next URL, errors on the form, a stale version)."""

import logging
import sys

from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.utils.http import url_has_allowed_host_and_scheme
from django.views import defaults
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import requires_csrf_token
from django.views.decorators.http import require_GET

from . import gezondheid
from .versie import VerouderdFormulier

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


def volgende_url(request, standaard: str) -> str:
    """Where to go after a form: the `next` parameter if it is a path on this site, else
    `standaard` (the object's page). Anything else (another host, a scheme, a bare word that
    redirect() would take for a view name) falls back, so a saved write never ends in an
    error."""
    doel = request.POST.get("next") or request.GET.get("next") or ""
    if (
        doel.startswith("/")
        and not doel.startswith("//")
        and url_has_allowed_host_and_scheme(
            doel, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
    ):
        return doel
    return standaard


def fout_op_formulier(form, fout: ValidationError) -> int:
    """Put a service's ValidationError on the form; return the status to answer with (409 for
    a stale form, else 400)."""
    if hasattr(fout, "error_dict"):
        for veld, fouten in fout.error_dict.items():
            form.add_error(veld if veld in form.fields else None, fouten)
    else:
        form.add_error(None, fout)
    return 409 if isinstance(fout, VerouderdFormulier) else 400


def met_nieuwe_versie(form, versie: int, **kwargs):
    """After a stale form: keep the user's input but carry the current version (so a resubmit
    after looking at the new state is accepted), and show why it was refused."""
    fouten = form.non_field_errors()
    data = form.data.copy()
    data[form.add_prefix("versie")] = str(versie)
    nieuw = form.__class__(data, prefix=form.prefix, **kwargs)
    nieuw.is_valid()
    nieuw.add_error(None, fouten)
    return nieuw
