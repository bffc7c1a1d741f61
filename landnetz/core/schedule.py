"""Jobs that run on a schedule: one entry point for cron or a systemd timer.

Apps register jobs in ``AppConfig.ready`` (``register("daily", "…", callable)``);
``manage.py run_scheduled daily`` (every morning) and ``run_scheduled weekly`` (Mondays)
run them. Each job returns how many things it handled, for the log.
"""

from collections.abc import Callable

PERIODS = ("daily", "weekly")

_jobs: dict[str, dict[str, Callable[[], int]]] = {period: {} for period in PERIODS}


def register(period: str, name: str, job: Callable[[], int]) -> None:
    if period not in PERIODS:
        raise ValueError(f"unknown period {period!r}")
    _jobs[period][name] = job


def jobs(period: str) -> dict[str, Callable[[], int]]:
    return dict(_jobs[period])
