"""Browser fixtures: Debian's Chromium, driven by Playwright (sync API), against the live server.

Playwright's browsers are never downloaded (no `playwright install`): the suite uses the
system Chromium at /usr/bin/chromium. Without it the tests are skipped locally and fail in
CI (CI set to anything but "", "0" or "false", see tests/ci.py), so a CI image without
Chromium cannot pass silently.
"""

import os
from pathlib import Path

import pytest

from tests.ci import in_ci

# Playwright's sync API runs an asyncio event loop in this thread, which makes Django's
# async-unsafe guard refuse ORM calls from test code and fixtures. Nothing here is async.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-results" / "e2e"
DEFAULT_TIMEOUT_MS = 15_000


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"_e2e_report_{report.when}", report)
    return report


@pytest.fixture(scope="session")
def _migration_data(django_db_setup):
    """What the migrations put into the test database, as serialized for `serialized_rollback`.

    Taken before Playwright starts: once its event loop runs, Django's context-local
    `connections` hand out a fresh connection object in this thread, which lacks the
    `_test_serialized_contents` that Django's serialized rollback reads, so Django would
    silently skip restoring e.g. the legal pages after the previous test's flush.
    """
    from django.db import connections

    return {
        alias: connections[alias]._test_serialized_contents
        for alias in connections
        if hasattr(connections[alias], "_test_serialized_contents")
    }


@pytest.fixture(scope="session")
def browser(_migration_data):
    if not CHROMIUM.exists():
        message = f"Chromium not found at {CHROMIUM} (install the Debian package 'chromium')"
        if in_ci():
            pytest.fail(message, pytrace=False)
        pytest.skip(message)

    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def _migration_data_restored(request, transactional_db, _migration_data):
    """Django's serialized rollback, done here when Django could not (see `_migration_data`)."""
    from django.db import connections

    marker = request.node.get_closest_marker("django_db")
    if not (marker and marker.kwargs.get("serialized_rollback")):
        return
    for alias, contents in _migration_data.items():
        connection = connections[alias]
        if not hasattr(connection, "_test_serialized_contents"):
            # Also makes the flush after the test skip post_migrate, as Django's own does.
            connection._test_serialized_contents = contents
            connection.creation.deserialize_db_from_string(contents)


@pytest.fixture(autouse=True)
def _e2e_database(_migration_data_restored, regions):
    """Data from migrations and the regions back after the previous test's flush; rate limits
    and used TOTP codes forgotten.

    The live server runs in a thread of this process, so its locmem cache is this one.
    """
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def new_context(browser, live_server):
    """Make a browser context (closed after the test); keyword arguments go to new_context()."""
    contexts = []

    def make(**options):
        options = {
            "base_url": live_server.url,
            "bypass_csp": True,  # axe-core is injected as an inline script
            "viewport": {"width": 1280, "height": 900},
            **options,
        }
        context = browser.new_context(**options)
        context.set_default_timeout(DEFAULT_TIMEOUT_MS)
        context.set_default_navigation_timeout(DEFAULT_TIMEOUT_MS)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def browser_locale():
    """The browser's language (Accept-Language); tests may override it by parametrising."""
    return "en-US"


@pytest.fixture
def context(new_context, browser_locale):
    return new_context(locale=browser_locale)


@pytest.fixture
def page(context, request):
    page = context.new_page()
    yield page
    report = getattr(request.node, "_e2e_report_call", None)
    if report is not None and report.failed and not page.is_closed():
        # Keep what the browser saw for the failure (test-results/ is git-ignored).
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        name = "".join(c if c.isalnum() or c in "-_." else "_" for c in request.node.nodeid.split("::", 1)[-1])
        try:
            page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
            (ARTIFACTS / f"{name}.html").write_text(page.content(), encoding="utf-8")
        except Exception:  # noqa: BLE001 - artefacts are best effort
            pass
