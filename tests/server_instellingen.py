"""Settings of the real servers the tests of issue 14 start (gunicorn, tests/bedrijfsvoering):
the production settings, with the secrets and hosts from the environment as in production,
except for two things a test run cannot have:

- the password hasher: the test process makes its users with the test settings' fast MD5
  hasher (production's PBKDF2 takes a second per login on this machine), so the server must
  accept those hashes;
- static files from the finders, not a collectstatic manifest (none is built for a test run).
"""

from vbt.settings.production import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
