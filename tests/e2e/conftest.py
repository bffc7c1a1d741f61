"""Browser fixtures: Debian's Chromium driven by Playwright (sync API) against pytest-django's live server.

Playwright's browsers are never downloaded (no `playwright install`): the suite uses the
system Chromium at /usr/bin/chromium. Without it the tests are skipped locally and fail on
CI (CI=true), so a CI image without Chromium cannot pass silently.
"""

import os
from pathlib import Path

import pytest

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
def browser():
    if not CHROMIUM.exists():
        message = f"Chromium not found at {CHROMIUM} (install the Debian package 'chromium')"
        if os.environ.get("CI") == "true":
            pytest.fail(message, pytrace=False)
        pytest.skip(message)

    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(autouse=True)
def _e2e_database(request, transactional_db, regions):
    """Regions back in place after the previous test's flush; rate limits and used TOTP codes forgotten.

    The live server runs in a thread of this process, so its locmem cache is this one.
    """
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def context(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url,
        bypass_csp=True,  # axe-core is injected as an inline script
        viewport={"width": 1280, "height": 900},
    )
    context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    context.set_default_navigation_timeout(DEFAULT_TIMEOUT_MS)
    yield context
    context.close()


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
