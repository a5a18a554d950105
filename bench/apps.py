from django.apps import AppConfig


class BenchConfig(AppConfig):
    """Measuring tools only (seed_bench): installed in development and tests, never in
    production."""

    name = "bench"
    verbose_name = "Benchmark"
