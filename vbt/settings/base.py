"""Settings shared by every environment. Environment-specific files import * from here."""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from .env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent

DEBUG = env_bool("DEBUG", False, help_tekst="Debug mode; never true in production.")
SECRET_KEY = env_str(
    "SECRET_KEY", None, help_tekst="Django secret key: signs sessions and tokens. Required."
)
# Rotation: put the old key here while SECRET_KEY holds the new one; sessions and tokens signed
# with the old key stay valid until the old key is removed.
SECRET_KEY_FALLBACKS = env_list(
    "SECRET_KEY_FALLBACKS",
    [],
    help_tekst="Comma-separated previous secret keys, still accepted while rotating SECRET_KEY.",
)
ALLOWED_HOSTS = env_list(
    "ALLOWED_HOSTS", [], help_tekst="Comma-separated host names this site answers to."
)
CSRF_TRUSTED_ORIGINS = env_list(
    "CSRF_TRUSTED_ORIGINS", [], help_tekst="Comma-separated origins (https://host) for CSRF."
)

# The pepper keys the resident identity hash (HMAC). It lives only in the environment, never in
# the database, so a database dump alone cannot be used to test guesses of who backed what.
VBT_STEUN_PEPPER = env_str(
    "VBT_STEUN_PEPPER",
    None,
    help_tekst="Secret pepper for the resident identity hash. Required in production; "
    "changing it makes existing residents unrecognisable (see README: rotation).",
)

# AVG retention: residents whose signals and points all closed this long ago lose their contact
# details and identity hash (`manage.py bewaartermijn`, run daily).
VBT_BEWAARTERMIJN_MAANDEN = env_int(
    "VBT_BEWAARTERMIJN_MAANDEN",
    24,
    help_tekst="Months after the last of a resident's signals or points closed before their "
    "contact details and identity hash are erased (manage.py bewaartermijn).",
)

# The dashboard's figures (aggregates over every signal in the user's scope) are computed once
# per scope, team filter and period and then kept this long (inzicht/cijfers.py); the page says
# when they were computed. 0 computes them on every request.
VBT_DASHBOARD_CACHE_SECONDEN = env_int(
    "VBT_DASHBOARD_CACHE_SECONDEN",
    300,
    help_tekst="Seconds the dashboard's figures are kept per scope before they are computed "
    "again; 0 computes them on every request.",
)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_filters",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "two_factor",
    "partners",
    "buurten",
    "signalen",
    "acties",
    "inzicht",
    "privacy",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "buurten.bereik.BereikMiddleware",
    # Deny by default: every view needs a logged-in user unless marked login_not_required.
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "partners.middleware.SessieMaximumMiddleware",
    "partners.middleware.TweeFactorVerplichtMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "partners.middleware.GeenCacheMiddleware",
    "partners.middleware.GeweigerdLogMiddleware",
    # Last, so it sees the login view's response and turns a flagged lockout into the 429 page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "vbt.urls"
WSGI_APPLICATION = "vbt.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "vbt.navigatie.navigatie",
            ],
            "libraries": {
                "snelle_urls": "vbt.templatetags.snelle_urls",
            },
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str(
            "DATABASE_URL",
            f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
            help_tekst="Database URL, e.g. postgres://user:pass@host:5432/vbt. "
            "Default: a SQLite file db.sqlite3 in the project folder.",
        ),
        conn_max_age=env_int(
            "DATABASE_CONN_MAX_AGE", 60, help_tekst="Seconds to keep a database connection open."
        ),
        # A kept connection that died (database restarted, network cut) is noticed at the start
        # of the next request and replaced, instead of failing that request.
        conn_health_checks=env_bool(
            "DATABASE_CONN_HEALTH_CHECKS",
            True,
            help_tekst="Check a kept database connection before each request reuses it.",
        ),
    )
}
DATABASE_CONNECT_TIMEOUT = env_int(
    "DATABASE_CONNECT_TIMEOUT",
    5,
    help_tekst="PostgreSQL: seconds to wait for a new connection before the page answers 503.",
)
DATABASE_STATEMENT_TIMEOUT = env_int(
    "DATABASE_STATEMENT_TIMEOUT",
    20,
    help_tekst="PostgreSQL: seconds one SQL statement may run before it is cancelled (the page "
    "answers 503); keep it below GUNICORN_TIMEOUT. 0: no limit (long management commands).",
)
DATABASE_SQLITE_TIMEOUT = env_int(
    "DATABASE_SQLITE_TIMEOUT",
    20,
    help_tekst="SQLite: seconds a write waits for another one to finish before the page "
    "answers 503.",
)
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    _opties = DATABASES["default"].setdefault("OPTIONS", {})
    # The only server-side cursors here (exports, .iterator()) read every row: plan for all of
    # them, not for PostgreSQL's default first 10% (a fast-start plan, ~1.6x slower on a
    # 2 000-row export). A connection pooler in transaction mode may refuse startup options;
    # set them on the role there instead (ALTER ROLE ... SET cursor_tuple_fraction = 1).
    _startopties = ["-c cursor_tuple_fraction=1"]
    if DATABASE_STATEMENT_TIMEOUT > 0:
        # A query that runs away is cancelled (OperationalError -> the 503 page) before
        # gunicorn's own timeout kills the worker without an answer.
        _startopties.append(f"-c statement_timeout={DATABASE_STATEMENT_TIMEOUT * 1000}")
    _opties["options"] = " ".join(_startopties)
    _opties["connect_timeout"] = DATABASE_CONNECT_TIMEOUT
elif DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite as a real embedded default (issue 14): in WAL mode readers never wait for the
    # writer; every transaction takes the write lock when it begins (IMMEDIATE), so concurrent
    # writers queue for up to `timeout` seconds. With SQLite's default (DEFERRED) a transaction
    # that read first and then wrote failed at once with "database is locked" when another
    # wrote meanwhile: eight team leads promoting one signal got HTTP 500s. WAL is kept in the
    # file; an in-memory database (the tests) ignores it.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        transaction_mode="IMMEDIATE",
        timeout=DATABASE_SQLITE_TIMEOUT,
        init_command="PRAGMA journal_mode=WAL",
    )
# Per process: each worker keeps its own copy of the dashboard's figures, which is enough for
# figures that may be minutes old anyway (no new service to run). A deployment on several
# servers that wants one copy for all sets a shared cache here (Redis, or Django's database
# cache); the rest of the application keeps nothing there (axes counts in the database).
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "vbt-dashboard",
    },
}

# More than one server (issue 14): with REDIS_URL every server shares one Redis for the
# dashboard's figures (computed once for all) and for sessions (cached_db: read from Redis,
# kept in the database too, so a Redis restart logs no one out). Without it nothing changes:
# database sessions, a cache per process.
REDIS_URL = env_str(
    "REDIS_URL",
    None,
    help_tekst="redis://host:6379/0 for sessions and the dashboard's figures shared by every "
    "server; empty: database sessions and a cache per process.",
)
VBT_CACHE_PREFIX = env_str(
    "VBT_CACHE_PREFIX",
    "vbt",
    help_tekst="Prefix of every key this application writes in Redis (several deployments or "
    "test runs in one Redis).",
)
if REDIS_URL:
    CACHES["default"] = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": VBT_CACHE_PREFIX,
        # A Redis that does not answer fails the request quickly (a 503, vbt.views) instead of
        # holding a worker.
        "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "partners.Medewerker"
# Axes first: it refuses a locked-out username+IP before the password is even checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands"))]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend",
    help_tekst="Django e-mail backend (development uses the console backend).",
)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost", help_tekst="SMTP host for notifications.")
EMAIL_PORT = env_int("EMAIL_PORT", 25, help_tekst="SMTP port.")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False, help_tekst="Use STARTTLS for SMTP.")
DEFAULT_FROM_EMAIL = env_str(
    "DEFAULT_FROM_EMAIL", "vbt@localhost", help_tekst="Sender address of notifications."
)
VBT_SITE_URL = env_str(
    "VBT_SITE_URL",
    "http://127.0.0.1:8000",
    help_tekst="Public base URL, used for links in e-mails.",
)

# Login throttling (django-axes): 5 failures for one username from one IP lock that combination
# for 15 minutes; a success resets the count. The response never says whether the user exists.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "partners.beveiliging.geblokkeerd_antwoord"
# The two-factor login wizard prefixes its fields with the step name ("auth-username"), while
# authenticate() passes plain "username": one callable reads both.
AXES_USERNAME_CALLABLE = "partners.beveiliging.axes_gebruikersnaam"
AXES_PASSWORD_FORM_FIELD = "auth-password"
AXES_SENSITIVE_PARAMETERS = ["auth-password", "password"]

# Two-factor authentication (django-otp, django-two-factor-auth): TOTP plus backup codes.
VBT_2FA_VERPLICHT = env_bool(
    "VBT_2FA_VERPLICHT",
    False,
    help_tekst="Beheerders and teamleiders must set up two-factor authentication before they "
    "can use the application (true in production unless overridden).",
)
VBT_2FA_IEDEREEN = env_bool(
    "VBT_2FA_IEDEREEN",
    False,
    help_tekst="With VBT_2FA_VERPLICHT: require two-factor authentication of every user.",
)
TWO_FACTOR_LOGIN_TIMEOUT = 300  # seconds between the password step and the code step

# Sessions: 30 minutes of inactivity, at most 10 hours after login whatever the activity
# (partners.middleware.SessieMaximumMiddleware). The middleware renews the session at most once
# a minute instead of SESSION_SAVE_EVERY_REQUEST, which would cost a write on every page.
SESSION_COOKIE_AGE = 30 * 60
SESSION_SAVE_EVERY_REQUEST = False
VBT_SESSIE_VERNIEUWEN = timedelta(minutes=1)
VBT_SESSIE_MAXIMUM = timedelta(hours=10)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# Strict CSP: every script, style, font and image comes from our own static files (DESIGN §7).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"standaard": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "standaard"}},
    "root": {"handlers": ["console"], "level": "INFO"},
    "loggers": {
        "django": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "vbt": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "axes": {"handlers": ["console"], "level": "WARNING", "propagate": False},
    },
}
