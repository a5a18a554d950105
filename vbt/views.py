"""Views and view helpers the apps share."""

from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.db import connection
from django.http import HttpResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from .versie import VerouderdFormulier


@login_not_required
@never_cache
@require_GET
def gezond(request):
    """Health check for a load balancer: the app answers and reaches its database."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")


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
