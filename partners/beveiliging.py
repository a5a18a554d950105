"""Security plumbing around logging in: the lockout page, the security log, ending sessions.

Everything here logs to `vbt.beveiliging`: who (user id or the username tried), what, from which
IP. Never passwords, tokens or request bodies.
"""

import logging
from importlib import import_module

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.models import Session
from django.shortcuts import render
from django.utils import timezone

log = logging.getLogger("vbt.beveiliging")

# Session key under which the login time is kept (seconds since the epoch).
INGELOGD_OM = "vbt_ingelogd_om"


def client_ip(request) -> str:
    """The address axes also uses: REMOTE_ADDR (the proxy's when behind one)."""
    if request is None:
        return "-"
    return getattr(request, "axes_ip_address", None) or request.META.get("REMOTE_ADDR") or "-"


def axes_gebruikersnaam(request, credentials=None) -> str | None:
    """The username axes counts failures for: from authenticate()'s credentials, else the form."""
    if credentials and credentials.get("username"):
        return credentials["username"]
    if request is None:
        return None
    return getattr(request, "POST", {}).get("auth-username")


def geblokkeerd_antwoord(request, original_response=None, credentials=None):
    """Axes' lockout response: the same page whether or not the username exists."""
    minuten = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(
        request,
        "axes/geblokkeerd.html",
        {"minuten": minuten},
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )


def bij_inloggen(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        # The absolute session limit counts from here (SessieMaximumMiddleware).
        request.session[INGELOGD_OM] = int(timezone.now().timestamp())
    log.info(
        "Inloggen gelukt: gebruiker=%s id=%s ip=%s",
        user.get_username(),
        user.pk,
        client_ip(request),
    )


def bij_mislukt_inloggen(sender, credentials, request=None, **kwargs):
    # `credentials` is already cleansed by Django; take only the username from it.
    username = (credentials or {}).get("username", "")
    log.warning("Inloggen mislukt: gebruikersnaam=%r ip=%s", username, client_ip(request))


def bij_uitloggen(sender, request, user, **kwargs):
    if user is not None:
        log.info(
            "Uitgelogd: gebruiker=%s id=%s ip=%s", user.get_username(), user.pk, client_ip(request)
        )


def bij_blokkade(sender, request, username, ip_address, **kwargs):
    log.warning("Inloggen geblokkeerd: gebruikersnaam=%r ip=%s", username, ip_address)


def sessies_beeindigen(gebruiker_id) -> int:
    """Delete every live session of one user; returns how many.

    Every session is in the database (the db engine, or cached_db with Redis: then also in the
    cache, so each is deleted through the session engine, which removes both copies). Decodes
    each unexpired session: fine for the few hundred staff sessions this application has. (With
    many more, keep a user -> session-key table filled at login instead.)
    """
    sleutels = [
        sessie.session_key
        for sessie in Session.objects.filter(expire_date__gt=timezone.now()).iterator()
        if str(sessie.get_decoded().get(SESSION_KEY)) == str(gebruiker_id)
    ]
    winkel = import_module(settings.SESSION_ENGINE).SessionStore
    for sleutel in sleutels:
        winkel(session_key=sleutel).delete()
    return len(sleutels)


def onthoud_was_actief(sender, instance, raw=False, update_fields=None, **kwargs):
    instance._vbt_was_actief = None
    if raw or instance.pk is None or instance.is_active:
        return  # only a save that leaves the user inactive can be a deactivation
    if update_fields is not None and "is_active" not in update_fields:
        return
    instance._vbt_was_actief = (
        sender.objects.filter(pk=instance.pk).values_list("is_active", flat=True).first()
    )


def bij_deactiveren(sender, instance, created=False, raw=False, **kwargs):
    """A user switched off loses every open session at once, not at the next request."""
    if raw or created:
        return
    if getattr(instance, "_vbt_was_actief", None) and not instance.is_active:
        aantal = sessies_beeindigen(instance.pk)
        log.info("Medewerker gedeactiveerd: id=%s, %s sessie(s) beëindigd", instance.pk, aantal)
