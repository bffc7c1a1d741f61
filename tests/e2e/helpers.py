"""Helpers for the browser journeys: axe-core checks, page visits, log-in, e-mail and TOTP.

Every page a journey reaches goes through `check_page` (directly, via `visit`, or via
`submit`/`follow`, which wrap a click that navigates): it checks the status, that there is
exactly one <h1>, that <html lang> and dir fit the URL's language, and runs axe-core.
"""

from __future__ import annotations

import re
import time
from functools import cache
from pathlib import Path
from urllib.parse import urlparse

from django.conf import settings
from playwright.sync_api import Locator, Page

ASSETS = Path(__file__).parent / "assets"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
RTL_LANGUAGES = set(settings.LANGUAGES_BIDI)
LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}

# Runs in the page. Returns only what the failure message needs (no DOM nodes).
_AXE_RUN = """
async (tags) => {
  const results = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
  return results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    helpUrl: v.helpUrl,
    nodes: v.nodes.map((n) => ({target: n.target, html: n.html, summary: n.failureSummary})),
  }));
}
"""


_DUPLICATE_IDS = """
() => {
  const seen = new Map();
  for (const element of document.querySelectorAll('[id]')) seen.set(element.id, (seen.get(element.id) || 0) + 1);
  return [...seen].filter(([, count]) => count > 1).map(([id]) => id);
}
"""


class AccessibilityError(AssertionError):
    pass


@cache
def _axe_source() -> str:
    return (ASSETS / "axe.min.js").read_text(encoding="utf-8")


def format_violations(url: str, violations: list[dict]) -> str:
    lines = [f"axe-core found {len(violations)} WCAG 2.1 A/AA violation(s) on {url}:"]
    for violation in violations:
        rule = f"{violation['id']} [{violation['impact']}]"
        lines.append(f"  - {rule} {violation['help']} ({violation['helpUrl']})")
        for node in violation["nodes"][:10]:
            target = " ".join(str(part) for part in node["target"])
            lines.append(f"      at {target}")
            lines.append(f"         {node['html'][:200]}")
            for summary_line in (node["summary"] or "").splitlines():
                lines.append(f"         {summary_line.strip()}")
        if len(violation["nodes"]) > 10:
            lines.append(f"      … and {len(violation['nodes']) - 10} more element(s)")
    return "\n".join(lines)


def axe(page: Page) -> None:
    """Inject axe-core (4.14.1, tests/e2e/assets) and fail on any WCAG 2.0/2.1 A/AA violation."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # The context bypasses the CSP, so an inline script tag is allowed here.
        page.add_script_tag(content=_axe_source())
    violations = page.evaluate(_AXE_RUN, AXE_TAGS)
    if violations:
        raise AccessibilityError(format_violations(page.url, violations))


def language_of(url: str) -> str | None:
    segment = urlparse(url).path.strip("/").split("/", 1)[0]
    return segment if segment in LANGUAGE_CODES else None


def check_page(page: Page, lang: str | None = None) -> None:
    """One <h1>, <html lang/dir> matching the language of the URL (or `lang`), no axe violations."""
    lang = lang or language_of(page.url)
    assert lang, f"cannot tell the language of {page.url}"
    h1_count = page.locator("h1").count()
    assert h1_count == 1, f"{page.url} has {h1_count} <h1> elements, expected exactly one"
    html = page.locator("html")
    assert html.get_attribute("lang") == lang, (
        f"{page.url}: <html lang={html.get_attribute('lang')!r}>, expected {lang!r}"
    )
    expected_dir = "rtl" if lang in RTL_LANGUAGES else "ltr"
    assert html.get_attribute("dir") == expected_dir, (
        f"{page.url}: <html dir={html.get_attribute('dir')!r}>, expected {expected_dir!r}"
    )
    # axe-core 4.14 no longer checks this (WCAG 2.2 dropped 4.1.1), but a repeated id still
    # breaks <label for>, aria-describedby and in-page links: a form field rendered twice.
    duplicates = page.evaluate(_DUPLICATE_IDS)
    assert not duplicates, f"{page.url}: ids used more than once: {duplicates}"
    axe(page)


def _check_status(page: Page, response, expected_status: int | None) -> None:
    assert response is not None, f"no response for {page.url}"
    if expected_status is None:
        assert response.status < 400, f"{response.url} answered {response.status}"
    else:
        assert response.status == expected_status, (
            f"{response.url} answered {response.status}, expected {expected_status}"
        )


def visit(page: Page, url: str, *, expected_status: int | None = None, lang: str | None = None):
    """Open `url`, check the status (< 400 unless `expected_status`), then `check_page`."""
    response = page.goto(url)
    _check_status(page, response, expected_status)
    check_page(page, lang)
    return response


def submit(
    page: Page,
    target: str | Locator,
    *,
    expected_status: int | None = None,
    lang: str | None = None,
):
    """Click something that navigates (submit button, link), then check the page reached."""
    locator = page.locator(target) if isinstance(target, str) else target
    with page.expect_navigation() as navigation:
        locator.click()
    response = navigation.value
    _check_status(page, response, expected_status)
    check_page(page, lang)
    return response


follow = submit


def form_with(page: Page, field_name: str) -> Locator:
    """The <form> in <main> that holds the field `field_name`."""
    return page.locator("main form", has=page.locator(f"[name='{field_name}']"))


def submit_button(page: Page, field_name: str) -> Locator:
    # Not a button that adds a row to the form without saving ("Add another language").
    return form_with(page, field_name).locator("button[type=submit]:not([data-formset-add])").first


# --- Accounts -----------------------------------------------------------------------


def totp_code(secret: str) -> str:
    """The current code for `secret`, as an authenticator app would show it.

    allauth accepts only the current period's code (no tolerance): close to the end of a
    period, wait for the next one, so that the code is still valid when the form arrives.
    """
    from allauth.mfa import app_settings
    from allauth.mfa.totp.internal.auth import (
        format_hotp_value,
        hotp_value,
        yield_hotp_counters_from_time,
    )

    left = app_settings.TOTP_PERIOD - time.time() % app_settings.TOTP_PERIOD
    if left < 3:
        time.sleep(left + 0.1)
    counters = list(yield_hotp_counters_from_time())
    current = counters[len(counters) // 2]  # the window is symmetric around "now"
    return format_hotp_value(hotp_value(secret, current))


def fresh_totp_code(secret: str, used: set[str]) -> str:
    """A code that this test has not used yet.

    allauth accepts each code once (replay guard, kept in the cache for one TOTP period).
    Rather than waiting up to 30 s for the next period, forget the used codes: the cache is
    the live server's, as it runs in this process. The replay guard itself is not what these
    journeys test.
    """
    from django.core.cache import cache

    code = totp_code(secret)
    if code in used:
        cache.clear()
    used.add(code)
    return code


def log_in(
    page: Page,
    lang: str,
    email: str,
    password: str,
    *,
    totp_secret: str | None = None,
    used_codes=None,
):
    """Log in through the real form (and the two-factor step when `totp_secret` is given)."""
    visit(page, f"/{lang}/accounts/login/")
    page.fill("[name=login]", email)
    page.fill("[name=password]", password)
    submit(page, submit_button(page, "password"))
    if totp_secret is not None:
        assert "/accounts/2fa/authenticate/" in page.url, f"expected the two-factor step, got {page.url}"
        page.fill(
            "[name=code]",
            fresh_totp_code(totp_secret, used_codes if used_codes is not None else set()),
        )
        submit(page, submit_button(page, "code"))
    assert_logged_in(page)


def reauthenticate(page: Page, password: str) -> None:
    """Confirm the password where allauth asks for it again (e.g. before activating TOTP)."""
    assert "/accounts/reauthenticate/" in page.url, f"expected the password confirmation, got {page.url}"
    page.fill("[name=password]", password)
    submit(page, submit_button(page, "password"))


def assert_logged_in(page: Page) -> None:
    assert page.locator("header form[action$='/accounts/logout/']").count() == 1, (
        f"not logged in on {page.url}: {page.locator('main').inner_text()[:500]}"
    )


def open_menu(page: Page) -> None:
    """On a narrow screen the header's navigation is folded into a "Menu" <details>: open it."""
    toggle = page.locator("header details.ln-menu:not([open]) > summary")
    if toggle.count() and toggle.is_visible():
        toggle.click()


def log_out(page: Page):
    open_menu(page)
    response = submit(page, "header form[action$='/accounts/logout/'] button[type=submit]")
    assert page.locator("header form[action$='/accounts/logout/']").count() == 0, "still logged in after logging out"
    return response


# --- E-mail -------------------------------------------------------------------------


def wait_for_mail(to: str, count_before: int, timeout: float = 5.0):
    """The first message to `to` that arrived after `count_before` messages were in the outbox."""
    from django.core import mail

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for message in mail.outbox[count_before:]:
            if to in message.to:
                return message
        time.sleep(0.05)
    subjects = [(m.to, m.subject) for m in mail.outbox]
    raise AssertionError(f"no e-mail to {to} arrived; outbox: {subjects}")


def outbox_size() -> int:
    from django.core import mail

    return len(mail.outbox)


def link_in(message, path_part: str) -> str:
    bodies = [message.body] + [content for content, _mimetype in getattr(message, "alternatives", [])]
    for body in bodies:
        match = re.search(rf"https?://[^\s\"'<>]*{re.escape(path_part)}[^\s\"'<>]*", body)
        if match:
            return match.group(0)
    raise AssertionError(f"no link containing {path_part!r} in the e-mail {message.subject!r}:\n{message.body}")


ARABIC_SCRIPT = re.compile(r"[\u0600-\u06FF]")
GERMAN_WORDS = re.compile(r"\b(Sie|Ihre?|deine?|bitte|Bitte|E-Mail|Passwort|bestätigen|Konto|zurückzusetzen|Hallo)\b")


def assert_mail_language(message, lang: str) -> None:
    text = f"{message.subject}\n{message.body}"
    if lang == "ar":
        assert ARABIC_SCRIPT.search(message.subject), f"subject not in Arabic: {message.subject!r}"
        assert len(ARABIC_SCRIPT.findall(message.body)) > 20, f"body not in Arabic:\n{message.body}"
    elif lang == "de":
        assert GERMAN_WORDS.search(message.subject), f"subject not in German: {message.subject!r}"
        assert len(GERMAN_WORDS.findall(text)) >= 3, f"body not in German:\n{message.body}"
    else:  # pragma: no cover - only de and ar journeys exist
        raise ValueError(lang)
