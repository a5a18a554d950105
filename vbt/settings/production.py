"""Production: everything secret or host-specific must come from the environment."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .env import env_bool, env_int, env_verplicht

DEBUG = False
SECRET_KEY = env_verplicht("SECRET_KEY", help_tekst="Django secret key. Required.")
VBT_STEUN_PEPPER = env_verplicht(
    "VBT_STEUN_PEPPER", help_tekst="Secret pepper for the resident identity hash. Required."
)
if not ALLOWED_HOSTS:  # noqa: F405
    raise ImproperlyConfigured("Environment variable ALLOWED_HOSTS is required in production.")

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

SECURE_SSL_REDIRECT = env_bool(
    "SECURE_SSL_REDIRECT", True, help_tekst="Redirect http to https (off only behind a proxy "
    "that already does, or for a local benchmark)."
)
if env_bool(
    "SECURE_PROXY_SSL_HEADER", False, help_tekst="Trust X-Forwarded-Proto from the proxy."
):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env_int(
    "SECURE_HSTS_SECONDS", 31536000, help_tekst="HSTS max-age in seconds."
)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = env_bool(
    "SESSION_COOKIE_SECURE", True, help_tekst="Send cookies over https only."
)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE

# In production beheerders and teamleiders cannot work without a second factor.
VBT_2FA_VERPLICHT = env_bool(
    "VBT_2FA_VERPLICHT",
    True,
    help_tekst="Require two-factor authentication of beheerders and teamleiders.",
)
