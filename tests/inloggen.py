"""Log in through the real login page (a two-factor wizard), as a browser would."""

from django.urls import reverse


def inlog_gegevens(username: str, password: str) -> dict:
    """POST data for the password step of the login page: fields prefixed `auth-`, plus the
    wizard's current step (its prefix is derived from the view's class name, InlogView)."""
    return {
        "inlog_view-current_step": "auth",
        "auth-username": username,
        "auth-password": password,
    }


def code_gegevens(token: str, stap: str = "token") -> dict:
    """POST data for the code step (`token`: authenticator app, `backup`: a backup code)."""
    return {"inlog_view-current_step": stap, f"{stap}-otp_token": token}


def inloggen(client, username: str, password: str, **kwargs):
    """POST the password step; extra kwargs (follow, REMOTE_ADDR=...) go to client.post."""
    return client.post(reverse("login"), inlog_gegevens(username, password), **kwargs)
