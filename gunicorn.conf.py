"""gunicorn's settings: `gunicorn vbt.wsgi` reads this file from the working directory. Each
value comes from an environment variable read like vbt/settings/env.py (default and help text;
listed in the README). Options given on the command line still win.

Workers are gunicorn's processes (a background task worker arrives with another issue; it will
be a separate process next to these, not one of them).
"""

from vbt.settings.env import env_int

# Processes: one per core is enough for this CPU-bound app when PostgreSQL shares the machine.
workers = env_int(
    "GUNICORN_WORKERS", 3, help_tekst="gunicorn: worker processes (about one per core)."
)
# More than one thread per process makes gunicorn's gthread worker: a slow request (an export)
# no longer holds a whole process.
threads = env_int("GUNICORN_THREADS", 1, help_tekst="gunicorn: threads per worker process.")
# A request still running after this many seconds is ended by restarting its worker, the last
# line of defence behind the database's own timeouts (DATABASE_STATEMENT_TIMEOUT,
# DATABASE_CONNECT_TIMEOUT), which answer 503 sooner.
timeout = env_int(
    "GUNICORN_TIMEOUT",
    30,
    help_tekst="gunicorn: seconds a request may take before its worker is restarted; keep it "
    "above DATABASE_STATEMENT_TIMEOUT.",
)
graceful_timeout = env_int(
    "GUNICORN_GRACEFUL_TIMEOUT",
    30,
    help_tekst="gunicorn: seconds running requests get to finish on a restart or stop.",
)
