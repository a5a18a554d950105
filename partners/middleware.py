"""Request-level security rules: session limits, compulsory two-factor, no caching, 403 log."""

import logging

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django_otp import user_has_device

from .beveiliging import INGELOGD_OM, client_ip
from .constants import Rol

log = logging.getLogger("vbt.beveiliging")

LAATST_VERNIEUWD = "vbt_sessie_vernieuwd"

# Pages a user who still has to set up two-factor may reach (besides public pages).
TWEEFACTOR_VRIJ = {"login", "logout", "admin:logout"}


class SessieMaximumMiddleware:
    """Log out a session 10 hours (VBT_SESSIE_MAXIMUM) after login, however active it was.

    The 30-minute idle limit is the session's own age, renewed when the session is saved: this
    middleware marks it modified once a minute (VBT_SESSIE_VERNIEUWEN) of activity, so an active
    user stays logged in without a database write on every page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            nu = int(timezone.now().timestamp())
            ingelogd_om = request.session.get(INGELOGD_OM)
            if ingelogd_om is None:
                request.session[INGELOGD_OM] = nu  # a session from before this rule existed
            elif nu - ingelogd_om > settings.VBT_SESSIE_MAXIMUM.total_seconds():
                log.info(
                    "Sessie na maximale duur beëindigd: id=%s ip=%s",
                    request.user.pk,
                    client_ip(request),
                )
                logout(request)  # LoginRequiredMiddleware then sends them to the login page
                messages.info(request, _("Uw sessie is verlopen. Log opnieuw in."))
            else:
                laatst = request.session.get(LAATST_VERNIEUWD, 0)
                if nu - laatst >= settings.VBT_SESSIE_VERNIEUWEN.total_seconds():
                    request.session[LAATST_VERNIEUWD] = nu  # saved, so expiry starts again
        return self.get_response(request)


def tweefactor_verplicht_voor(gebruiker) -> bool:
    if not settings.VBT_2FA_VERPLICHT:
        return False
    return settings.VBT_2FA_IEDEREEN or gebruiker.rol in (Rol.BEHEERDER, Rol.TEAMLEIDER)


class TweeFactorVerplichtMiddleware:
    """With VBT_2FA_VERPLICHT, beheerders and teamleiders (or everyone, VBT_2FA_IEDEREEN) reach
    only the two-factor set-up until they have a device, and need their code once they do."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        gebruiker = request.user
        if not gebruiker.is_authenticated or gebruiker.is_verified():
            return None
        if not getattr(view_func, "login_required", True):
            return None  # public pages (health check, login) stay reachable
        match = request.resolver_match
        if match and (match.namespace == "two_factor" or match.view_name in TWEEFACTOR_VRIJ):
            return None
        if not tweefactor_verplicht_voor(gebruiker):
            return None
        if user_has_device(gebruiker, confirmed=True):
            # Has a device but this session never gave a code: log in again, with the code.
            logout(request)
            return redirect_to_login(request.get_full_path())
        return redirect("two_factor:setup")


class GeenCacheMiddleware:
    """Pages for a logged-in user may hold personal data: no browser or proxy may keep them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        gebruiker = getattr(request, "user", None)
        if gebruiker is not None and gebruiker.is_authenticated:
            if not response.has_header("Cache-Control"):
                response["Cache-Control"] = "no-store, private"
            patch_vary_headers(response, ("Cookie",))
        return response


class GeweigerdLogMiddleware:
    """Log every refused request: who, what, from where (the record carries when). Never the
    request body or query string.

    A 403 is a forbidden action on a visible object; a logged-in user's 404 is most often an
    object outside their scope (deny by default answers that with 404), so it is logged too.
    """

    BERICHTEN = {
        403: "Toegang geweigerd",
        404: "Niet gevonden of buiten bereik",
    }

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        gebruiker = getattr(request, "user", None)
        ingelogd = gebruiker is not None and gebruiker.is_authenticated
        if response.status_code == 403 or (response.status_code == 404 and ingelogd):
            log.warning(
                "%s: gebruiker=%s id=%s methode=%s pad=%s ip=%s",
                self.BERICHTEN[response.status_code],
                gebruiker.get_username() if ingelogd else "anoniem",
                gebruiker.pk if ingelogd else "-",
                request.method,
                request.path,
                client_ip(request),
            )
        return response
