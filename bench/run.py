"""Time Landnetz pages on a small and a large data set: `make bench` (see bench/README.md).

The parent process starts one worker per data set (``python -m bench.run --worker
small|large``) with ``DATABASE_URL`` pointing at that data set's own database. Each worker
migrates, loads the regions, generates the data unless cached, warms every page in
``PAGES`` up with Django's test client, counts its queries and reports ready. The parent
then asks the two workers by turns for one timing round each (every page once), so that
load from elsewhere on the machine falls on both data sets alike, and prints one
``BENCH`` line per page from the medians. Workers answer with JSON lines on stdout;
everything else they say goes to stderr.

Environment: BENCH_SCALE (default 1), BENCH_REPEAT (default 50), BENCH_DATABASE_URL
(PostgreSQL instead of SQLite files in bench/.data/), BENCH_PAGES (comma-separated page
names to time; default all).

A page whose URL answers 404 in a worker (or whose URL callable finds nothing) is skipped
with a WARNING instead of stopping the run; the exit code is then 1.
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
from collections.abc import Callable
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
    """One timed page.

    ``url`` is a path, or a callable without arguments that the worker calls once its data
    set is ready (for URLs naming generated objects); it returns the path, or None when the
    data set holds no fitting object. ``needs_admin`` requests the page as the network
    admin, ``needs_member`` as a plain logged-in member; otherwise anonymously.
    """

    name: str
    url: str | Callable[[], str | None]
    needs_admin: bool = False
    needs_member: bool = False


def first_public_profile() -> str | None:
    """The person page of the first public profile (by id) of an active member."""
    from landnetz.accounts.models import Profile

    user_id = (
        Profile.objects.filter(visibility="public", user__is_active=True)
        .order_by("pk")
        .values_list("user_id", flat=True)
        .first()
    )
    return None if user_id is None else f"/de/people/{user_id}/"


def first_public_organisation() -> str | None:
    """The page of the first public organisation (by id)."""
    from landnetz.organisations.models import Organisation

    slug = Organisation.objects.filter(visibility="public").order_by("pk").values_list("slug", flat=True).first()
    return None if slug is None else f"/de/organisations/{slug}/"


def member_group() -> str | None:
    """The page of the first of the bench member's 50 groups (bench.exchange)."""
    from bench.datagen import MEMBER_EMAIL
    from landnetz.groups.models import Group

    slug = (
        Group.objects.filter(memberships__user__email=MEMBER_EMAIL)
        .order_by("pk")
        .values_list("slug", flat=True)
        .first()
    )
    return None if slug is None else f"/de/groups/{slug}/"


def long_conversation() -> str | None:
    """The bench member's long group conversation (1 % of all messages)."""
    from bench.datagen import MEMBER_EMAIL
    from landnetz.messaging.models import Conversation

    pk = (
        Conversation.objects.filter(kind="group", participants__user__email=MEMBER_EMAIL)
        .order_by("pk")
        .values_list("pk", flat=True)
        .first()
    )
    return None if pk is None else f"/de/messages/{pk}/"


# The pages that are timed. Add a page with one line; `minimal` is the floor (base.html
# only) that floor_ratio divides by and must stay first.
PAGES = [
    Page(FLOOR_PAGE, "/de/bench/minimal/"),
    Page("home", "/de/"),
    Page("region_list", "/de/regions/"),
    Page("region_detail", "/de/regions/stendal/"),
    Page("login", "/de/accounts/login/"),
    Page("audit_log", "/de/audit/", needs_admin=True),
    Page(
        "directory_search",
        "/de/directory/?q=Sprachmittlerin&language=prs&region=stendal",
        needs_member=True,
    ),
    Page("directory_browse", "/de/directory/?sector=civil_society&region=stendal"),
    # Words from the search vocabulary (search.vocabulary): Ukrainian for German courses.
    Page("directory_search_uk", "/uk/directory/?q=курси+німецької&region=stendal"),
    Page("profile", first_public_profile),
    Page("organisation", first_public_organisation),
    Page("organisation_list", "/de/organisations/"),
    Page("notification_list", "/de/notifications/", needs_member=True),
    Page("site_search", "/de/search/?q=Sprachmittlerin", needs_member=True),
    Page("site_search_filtered", "/de/search/?q=Verein&kind=organisation"),
    # The exchange (bench.exchange): a member in 50 groups among 1 000 000 posts and
    # 2 000 000 messages.
    Page("feed", "/de/news/", needs_member=True),
    Page("group", member_group, needs_member=True),
    Page("conversation_list", "/de/messages/", needs_member=True),
    Page("long_conversation", long_conversation, needs_member=True),
    Page("openmic", "/de/openmic/", needs_member=True),
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


class PageNotFound(Exception):
    """A page's URL answered 404 in this data set: the page is skipped, not timed."""


def get(client, page: Page, url: str) -> None:
    response = client.get(url)
    if response.status_code == 404:
        raise PageNotFound(f"GET {url} answered 404")
    if response.status_code != 200:
        raise RuntimeError(f"{page.name}: GET {url} answered {response.status_code}")


def emit(message: dict) -> None:
    print(RESULT_PREFIX + json.dumps(message), flush=True)


def worker(size: str) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    # WhiteNoise warns about the missing var/static/ (collectstatic is not needed here).
    warnings.filterwarnings("ignore", message="No directory at", category=UserWarning)
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import clear_url_caches

    from bench import datagen

    plan = datagen.plan_for(size, scale())
    datagen.prepare_database(plan)
    admin = datagen.network_admin()
    member = datagen.plain_member()

    settings.ROOT_URLCONF = "bench.urls"
    clear_url_caches()
    anonymous = Client(raise_request_exception=True)
    as_admin = Client(raise_request_exception=True)
    as_admin.force_login(admin)
    as_member = Client(raise_request_exception=True)
    as_member.force_login(member)

    def client_for(page: Page) -> Client:
        return as_admin if page.needs_admin else as_member if page.needs_member else anonymous

    pages, skipped = [], {}
    for page in selected_pages():
        url = page.url() if callable(page.url) else page.url
        if url is None:
            skipped[page.name] = "the data set holds nothing to show"
        else:
            pages.append((page, client_for(page), url))

    queries = {}
    for page, client, url in list(pages):
        try:
            for _ in range(WARMUP):
                get(client, page, url)
        except PageNotFound as exc:
            if page.name == FLOOR_PAGE:
                raise
            skipped[page.name] = str(exc)
            pages.remove((page, client, url))
            continue
        # Counted on an extra request: capturing queries slows the timed ones down.
        with CaptureQueriesContext(connection) as captured:
            get(client, page, url)
        # Read now: captured_queries slices the connection's log, which the next request clears.
        queries[page.name] = len(captured.captured_queries)
    for name, reason in skipped.items():
        print(f"WARNING [{size}] page {name} skipped: {reason}", file=sys.stderr, flush=True)
    # What is alive now (Django, the app, caches) never becomes garbage: keep it out of the
    # collector's sight, so that collections cost the same on both data sets.
    gc.collect()
    gc.freeze()
    emit(
        {
            "engine": connection.vendor,
            "plan": {
                "members": plan.members,
                "audit_entries": plan.audit_entries,
                "organisations": plan.organisations,
            },
            "queries": queries,
            "skipped": skipped,
        }
    )

    floor_page, floor_client, floor_url = pages[0]
    for command in sys.stdin:
        if command.strip() != "round":
            break
        # One untimed request first: the other worker has just had the CPU and its caches.
        get(floor_client, floor_page, floor_url)
        timings = {}
        # Like timeit: no garbage collection inside the timed requests (a collection
        # triggered by one page's garbage would land on whichever page comes next); the
        # cyclic garbage of the round is collected after it, untimed.
        gc.disable()
        try:
            for page, client, url in pages:
                started = time.perf_counter()
                get(client, page, url)
                timings[page.name] = (time.perf_counter() - started) * 1000
        finally:
            gc.enable()
        gc.collect()
        emit(timings)


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


class Worker:
    """One worker process, spoken to line by line."""

    def __init__(self, size: str, database_url: str):
        self.size = size
        env = {**os.environ, "DATABASE_URL": database_url, "LANDNETZ_ENV": "test"}
        env.pop("DATABASE_URL_FILE", None)  # would win over DATABASE_URL (see config.env)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bench.run", "--worker", size],
            cwd=ROOT_DIR,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            bufsize=1,
        )

    def receive(self) -> dict:
        for line in self.process.stdout:
            if line.startswith(RESULT_PREFIX):
                return json.loads(line[len(RESULT_PREFIX) :])
            sys.stderr.write(line)  # stray output of the application
        code = self.process.wait()
        raise SystemExit(f"bench worker {self.size} stopped with exit code {code}")

    def round(self) -> dict[str, float]:
        self.process.stdin.write("round\n")
        self.process.stdin.flush()
        return self.receive()

    def stop(self) -> None:
        if self.process.poll() is None:
            try:
                self.process.stdin.write("quit\n")
                self.process.stdin.close()
                self.process.wait(timeout=30)
            except (OSError, subprocess.TimeoutExpired):
                self.process.kill()
                self.process.wait()


def run_workers(urls: dict[str, str]) -> dict[str, dict]:
    workers: dict[str, Worker] = {}
    results: dict[str, dict] = {}
    try:
        # Prepared one after the other (data generation is heavy), then timed by turns.
        for size in SIZES:
            workers[size] = Worker(size, urls[size])
            results[size] = workers[size].receive() | {"timings": []}
        started = time.perf_counter()
        for _ in range(repeat()):
            for size in SIZES:
                results[size]["timings"].append(workers[size].round())
        print(f"timed in {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)
    finally:
        for running in workers.values():
            running.stop()
    for result in results.values():
        result["median_ms"] = {
            name: statistics.median(timing[name] for timing in result["timings"]) for name in result["queries"]
        }
    return results


def report(results: dict[str, dict]) -> list[str]:
    small, large = results["small"], results["large"]
    floor = large["median_ms"][FLOOR_PAGE]
    lines = [
        f"BENCH_HEADER scale={scale():g} engine={large['engine']} "
        f"members_small={small['plan']['members']} members_large={large['plan']['members']} "
        f"audit_small={small['plan']['audit_entries']} "
        f"audit_large={large['plan']['audit_entries']} "
        f"organisations_small={small['plan']['organisations']} "
        f"organisations_large={large['plan']['organisations']} repeat={repeat()} "
        f"minimal_small_ms={small['median_ms'][FLOOR_PAGE]:.2f} minimal_large_ms={floor:.2f}"
    ]
    for page in selected_pages():
        if page.name == FLOOR_PAGE:
            continue
        reasons = [
            f"{size}: {results[size]['skipped'][page.name]}" for size in SIZES if page.name in results[size]["skipped"]
        ]
        if reasons:
            lines.append(f"WARNING name={page.name} skipped, not timed ({'; '.join(reasons)})")
            continue
        small_ms, large_ms = small["median_ms"][page.name], large["median_ms"][page.name]
        lines.append(
            f"BENCH name={page.name} queries={large['queries'][page.name]} "
            f"small_ms={small_ms:.2f} large_ms={large_ms:.2f} ratio={large_ms / small_ms:.2f} "
            f"floor_ratio={large_ms / floor:.2f}"
        )
        if small["queries"][page.name] != large["queries"][page.name]:
            lines.append(
                f"WARNING name={page.name} query count grows with the data: "
                f"small={small['queries'][page.name]} large={large['queries'][page.name]}"
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
    results = run_workers(urls)
    for line in report(results):
        print(line, flush=True)
    print(f"bench finished in {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)
    if any(result["skipped"] for result in results.values()):
        raise SystemExit(1)


if __name__ == "__main__":
    main()
