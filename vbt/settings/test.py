"""Tests: fast hashing, mail in memory, naive datetimes are errors."""

import warnings

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-secret-key-" + "y" * 40
VBT_STEUN_PEPPER = "test-pepper"
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

warnings.filterwarnings(
    "error", r"DateTimeField .* received a naive datetime", RuntimeWarning, r"django\.db\.models"
)

# Serve static files straight from static/ (no collectstatic), also for the live server.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True

# Axes stays on (it is behaviour under test). Django's test client.login() calls authenticate()
# without a request, which AxesBackend refuses; this subclass lets only that case through.
AUTHENTICATION_BACKENDS = [
    "tests.axes_backend.AxesBackendVoorTestclient",
    "django.contrib.auth.backends.ModelBackend",
]

# The measuring tools (manage.py seed_bench): never in production.
INSTALLED_APPS = [*INSTALLED_APPS, "bench"]  # noqa: F405
