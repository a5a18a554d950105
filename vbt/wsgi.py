"""WSGI entry point for gunicorn: `gunicorn vbt.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vbt.settings.production")

application = get_wsgi_application()
