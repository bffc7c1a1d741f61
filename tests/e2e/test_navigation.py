"""Keyboard use, the language switcher and the weight of the home page."""

import gzip

import pytest

from tests.e2e.helpers import check_page, submit, visit

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# Everything the browser may put the focus on by Tab, in document order.
FOCUSABLE = (
    "a[href], button:not([disabled]), input:not([type=hidden]):not([disabled]), "
    "select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex='-1'])"
)
PAGE_WEIGHT_BUDGET = 150 * 1024


@pytest.mark.parametrize("lang", ["de", "ar"])
def test_skip_link_is_first_and_moves_focus_to_main(page, lang):
    visit(page, f"/{lang}/regions/")
    first_focusable = page.evaluate(f"() => document.querySelector({FOCUSABLE!r}).className")
    assert first_focusable == "ln-skip-link"

    page.keyboard.press("Tab")
    focused = page.evaluate("() => document.activeElement.className")
    assert focused == "ln-skip-link", f"first Tab focused {focused!r}"
    box = page.locator(".ln-skip-link").bounding_box()
    assert box is not None and box["y"] >= 0, "the focused skip link is not visible"

    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement && document.activeElement.id === 'main'")
    assert page.url.endswith("#main")
    # The next Tab continues inside <main>, not back in the header.
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.getElementById('main').contains(document.activeElement)")


# "ar": the browser's language differs from the page's; the switch must still follow the page.
@pytest.mark.parametrize("browser_locale", ["de-DE", "ar"])
def test_language_switcher(page, browser_locale):
    visit(page, "/de/regions/")
    page.select_option("#ln-language-select", label="English")
    submit(page, "form.ln-language button[type=submit]")
    assert page.url.endswith("/en/regions/"), page.url
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("#ln-language-select").input_value() == "en"


def test_home_page_weight(page):
    """The German home page, in a fresh context (cold cache), stays within 150 KB on the wire.

    The test server (runserver's handler and WhiteNoise serving from the finders) does not
    compress responses, whereas production does (WhiteNoise serves pre-compressed static
    files, and the pages are gzip/brotli-compressed by the proxy). So for every response
    without Content-Encoding this counts the gzip -6 size of its body instead of the raw
    size; a response that arrives compressed counts with its encoded size. Headers are not
    counted.
    """
    responses = []
    page.on("response", lambda r: responses.append(r))
    response = page.goto("/de/", wait_until="networkidle")
    assert response is not None and response.status == 200

    sizes = {}
    for resp in responses:
        if 300 <= resp.status < 400:
            continue
        body = resp.body()
        headers = resp.headers
        if headers.get("content-encoding") and headers.get("content-length"):
            sizes[resp.url] = int(headers["content-length"])
        else:
            sizes[resp.url] = len(gzip.compress(body, compresslevel=6))
    total = sum(sizes.values())
    report = "\n".join(
        f"  {size / 1024:7.1f} KB  {url}" for url, size in sorted(sizes.items(), key=lambda item: -item[1])
    )
    assert total <= PAGE_WEIGHT_BUDGET, f"/de/ weighs {total / 1024:.1f} KB compressed (budget 150 KB):\n{report}"
    assert any(url.endswith(".css") for url in sizes), f"no stylesheet loaded:\n{report}"

    # Measured first, then checked like every other page (axe adds no network requests).
    print(f"/de/ page weight: {total / 1024:.1f} KB compressed\n{report}")
    check_page(page, "de")
