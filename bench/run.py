"""Time Landnetz pages on a small and a large data set: `make bench` (see bench/README.md).

The parent process starts one worker per data set (``python -m bench.run --worker
small|large``) with ``DATABASE_URL`` pointing at that data set's own database. Each worker
migrates, loads the regions, generates the data unless cached, times every page in
``PAGES`` with Django's test client and prints its results as one JSON line. The parent
combines both into one ``BENCH`` line per page.

Environment: BENCH_SCALE (default 1), BENCH_REPEAT (default 50), BENCH_DATABASE_URL
(PostgreSQL instead of SQLite files in bench/.data/), BENCH_PAGES (comma-separated page
names to time; default all).
"""

import argparse
import gc
import json
import os
import statistics
import subprocess
import sys
import time
import warnings
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

BENCH_DIR = Path(__file__).resolve().parent
ROOT_DIR = BENCH_DIR.parent
DATA_DIR = BENCH_DIR / ".data"
SIZES = ("small", "large")
WARMUP = 5
RESULT_PREFIX = "BENCH_RESULT "
FLOOR_PAGE = "minimal"


@dataclass(frozen=True)
class Page:
    name: str
    url: str
    needs_admin: bool = False


# The pages that are timed. Add a page with one line; `minimal` is the floor (base.html
# only) that floor_ratio divides by and must stay first.
PAGES = [
    Page(FLOOR_PAGE, "/de/bench/minimal/"),
    Page("home", "/de/"),
    Page("region_list", "/de/regions/"),
    Page("region_detail", "/de/regions/stendal/"),
    Page("login", "/de/accounts/login/"),
    Page("audit_log", "/de/audit/", needs_admin=True),
]


def scale() -> float:
    value = float(os.environ.get("BENCH_SCALE", "1"))
    if value <= 0:
        raise SystemExit("BENCH_SCALE must be greater than 0")
    return value


def repeat() -> int:
    value = int(os.environ.get("BENCH_REPEAT", "50"))
    if value < 1:
        raise SystemExit("BENCH_REPEAT must be at least 1")
    return value


def selected_pages() -> list[Page]:
    wanted = {name.strip() for name in os.environ.get("BENCH_PAGES", "").split(",") if name.strip()}
    unknown = wanted - {page.name for page in PAGES}
    if unknown:
        raise SystemExit(f"BENCH_PAGES names unknown pages: {', '.join(sorted(unknown))}")
    return [page for page in PAGES if not wanted or page.name in wanted or page.name == FLOOR_PAGE]


# --- Worker: one data set, runs inside Django ----------------------------------------------


def time_page(client, page: Page, repetitions: int) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def get():
        response = client.get(page.url)
        if response.status_code != 200:
            raise RuntimeError(f"{page.name}: GET {page.url} answered {response.status_code}")
        return response

    for _ in range(WARMUP):
        get()
    # Queries are counted on a separate request: capturing them slows the timed ones down.
    with CaptureQueriesContext(connection) as captured:
        get()
    # Read now: captured_queries slices the connection's log, which the next request clears.
    query_count = len(captured.captured_queries)
    gc.collect()
    timings = []
    for _ in range(repetitions):
        started = time.perf_counter()
        get()
        timings.append((time.perf_counter() - started) * 1000)
    return {
        "queries": query_count,
        "median_ms": statistics.median(timings),
        "min_ms": min(timings),
    }


def worker(size: str) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    # WhiteNoise warns about the missing var/static/ (collectstatic is not needed here).
    warnings.filterwarnings("ignore", message="No directory at", category=UserWarning)
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.urls import clear_url_caches

    from bench import datagen

    plan = datagen.plan_for(size, scale())
    datagen.prepare_database(plan)
    admin = datagen.network_admin()

    settings.ROOT_URLCONF = "bench.urls"
    clear_url_caches()
    anonymous = Client(raise_request_exception=True)
    logged_in = Client(raise_request_exception=True)
    logged_in.force_login(admin)

    repetitions = repeat()
    results = {}
    started = time.perf_counter()
    for page in selected_pages():
        client = logged_in if page.needs_admin else anonymous
        results[page.name] = time_page(client, page, repetitions)
    datagen.log(f"[{size}] timed {len(results)} pages in {time.perf_counter() - started:.1f} s")
    report = {
        "size": size,
        "engine": connection.vendor,
        "plan": {"members": plan.members, "audit_entries": plan.audit_entries},
        "pages": results,
    }
    print(RESULT_PREFIX + json.dumps(report), flush=True)


# --- Parent: databases, workers, report -----------------------------------------------------


def database_urls() -> dict[str, str]:
    base = os.environ.get("BENCH_DATABASE_URL", "").strip()
    if not base:
        DATA_DIR.mkdir(exist_ok=True)
        return {size: f"sqlite:///{DATA_DIR / f'{size}.sqlite3'}" for size in SIZES}
    parts = urlsplit(base)
    if not parts.scheme.startswith("postgres"):
        raise SystemExit("BENCH_DATABASE_URL must be a postgres:// URL")
    name = parts.path.lstrip("/") or "landnetz_bench"
    urls = {size: urlunsplit(parts._replace(path=f"/{name}_{size}")) for size in SIZES}
    _create_postgres_databases(parts, [f"{name}_{size}" for size in SIZES])
    return urls


def _create_postgres_databases(parts, names: list[str]) -> None:
    import psycopg
    from psycopg import sql

    maintenance = urlunsplit(parts._replace(scheme="postgresql", path="/postgres"))
    with psycopg.connect(maintenance, autocommit=True) as conn:
        for name in names:
            exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
            if not exists:
                conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
                print(f"Created PostgreSQL database {name}", file=sys.stderr, flush=True)


def run_worker(size: str, database_url: str) -> dict:
    env = {**os.environ, "DATABASE_URL": database_url, "LANDNETZ_ENV": "test"}
    env.pop("DATABASE_URL_FILE", None)  # would win over DATABASE_URL (see config.env)
    completed = subprocess.run(
        [sys.executable, "-m", "bench.run", "--worker", size],
        cwd=ROOT_DIR,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
        check=False,
    )
    if completed.returncode != 0:
        sys.stderr.write(completed.stdout)
        raise SystemExit(f"bench worker {size} failed with exit code {completed.returncode}")
    for line in reversed(completed.stdout.splitlines()):
        if line.startswith(RESULT_PREFIX):
            return json.loads(line[len(RESULT_PREFIX) :])
    sys.stderr.write(completed.stdout)
    raise SystemExit(f"bench worker {size} printed no result")


def report(results: dict[str, dict]) -> list[str]:
    small, large = results["small"], results["large"]
    floor = large["pages"][FLOOR_PAGE]["median_ms"]
    lines = [
        f"BENCH_HEADER scale={scale():g} engine={large['engine']} "
        f"members_small={small['plan']['members']} members_large={large['plan']['members']} "
        f"audit_small={small['plan']['audit_entries']} "
        f"audit_large={large['plan']['audit_entries']} repeat={repeat()} "
        f"minimal_small_ms={small['pages'][FLOOR_PAGE]['median_ms']:.2f} "
        f"minimal_large_ms={floor:.2f}"
    ]
    for page in selected_pages():
        if page.name == FLOOR_PAGE:
            continue
        s, g = small["pages"][page.name], large["pages"][page.name]
        lines.append(
            f"BENCH name={page.name} queries={g['queries']} small_ms={s['median_ms']:.2f} "
            f"large_ms={g['median_ms']:.2f} ratio={g['median_ms'] / s['median_ms']:.2f} "
            f"floor_ratio={g['median_ms'] / floor:.2f}"
        )
        if s["queries"] != g["queries"]:
            lines.append(
                f"WARNING name={page.name} query count grows with the data: "
                f"small={s['queries']} large={g['queries']}"
            )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--worker", choices=SIZES, help="internal: time one data set")
    args = parser.parse_args()
    if args.worker:
        worker(args.worker)
        return
    selected_pages()  # fail early on unknown BENCH_PAGES
    started = time.perf_counter()
    urls = database_urls()
    # One after the other: parallel workers would disturb each other's timings.
    results = {size: run_worker(size, urls[size]) for size in SIZES}
    for line in report(results):
        print(line, flush=True)
    print(f"bench finished in {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)


if __name__ == "__main__":
    main()
