"""Development: safe defaults so `make run` works with no configuration at all."""

import os

# Defaults for development only; an explicit environment variable still wins.
os.environ.setdefault("DEBUG", "true")
os.environ.setdefault("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")

from .base import *  # noqa: F403

SECRET_KEY = SECRET_KEY or "dev-only-niet-voor-productie-" + "x" * 40  # noqa: F405
VBT_STEUN_PEPPER = VBT_STEUN_PEPPER or "dev-only-pepper"  # noqa: F405
ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]"]  # noqa: F405

# The measuring tools (manage.py seed_bench): never in production.
INSTALLED_APPS = [*INSTALLED_APPS, "bench"]  # noqa: F405
