"""The page frame on small screens and in Arabic: the folding menu, the language control,
and left-to-right fragments (web and e-mail addresses) isolated inside right-to-left text."""

import pytest
from django.contrib.messages import constants
from django.contrib.messages.storage.base import Message
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe

from landnetz.core.context_processors import landnetz
from landnetz.core.markdown import render_markdown
from landnetz.core.models import LegalPage
from landnetz.core.templatetags.landnetz import isolate_ltr
from tests.html import parse

# --- Markdown --------------------------------------------------------------------------


def _isolated(html) -> list[str]:
    return [element.text() for element in parse(str(html)).find_all("bdi", dir="ltr")]


def test_a_bare_url_is_isolated_left_to_right():
    html = render_markdown("Siehe https://example.org/a/b")
    assert _isolated(html) == ["https://example.org/a/b"]
    assert parse(str(html)).find("p").text() == "Siehe https://example.org/a/b"


def test_punctuation_after_an_address_stays_with_the_sentence():
    html = render_markdown("Mehr unter https://example.org/a/b. Oder (www.example.org/c), sonst info@example.org!")
    assert _isolated(html) == ["https://example.org/a/b", "www.example.org/c", "info@example.org"]


def test_links_are_isolated_and_an_address_shown_as_link_text_is_left_to_right():
    html = parse(str(render_markdown("<https://example.org/x> und [نص عربي](https://example.org/y)")))
    shown, arabic = html.find_all("a")
    assert (shown["href"], shown["dir"]) == ("https://example.org/x", "ltr")
    assert (arabic["href"], arabic["dir"]) == ("https://example.org/y", "auto")
    assert not html.find_all("bdi")  # a link's text is not wrapped a second time
    assert "nofollow" in shown["rel"]


def test_code_and_text_without_addresses_are_unchanged():
    assert str(render_markdown("Nur Text, *kursiv*.")) == "<p>Nur Text, <em>kursiv</em>.</p>\n"
    assert not _isolated(render_markdown("`https://example.org`"))


def test_members_cannot_write_direction_markup_themselves():
    html = str(render_markdown('<bdi dir="rtl">x</bdi> <a dir="rtl" href="https://e.org">y</a>'))
    elements = list(parse(html).iter())
    assert not [element for element in elements if element.get("dir") == "rtl" or element.tag == "a"]
    assert "&lt;bdi" in html
    assert [element.get("dir") for element in parse(html).find_all("bdi")] == ["ltr"]  # only the address


def test_a_url_in_markdown_on_an_arabic_page_is_isolated(client, db):
    LegalPage.objects.filter(slug="datenschutz", language="ar").update(body="Siehe https://example.org/a/b")
    response = client.get("/ar/legal/datenschutz/")
    document = parse(response.content)
    assert document.find("html")["dir"] == "rtl"
    isolated = document.find("article").find_all("bdi", dir="ltr")
    assert [element.text() for element in isolated] == ["https://example.org/a/b"]


# --- Messages and other text of the frame ------------------------------------------------


def test_isolate_ltr_escapes_plain_text_and_isolates_addresses():
    html = str(isolate_ltr('Gesendet an "name@example.org" <b> & https://example.org/?a=1&b=2.'))
    assert html == (
        '&quot;<bdi dir="ltr">name@example.org</bdi>&quot; &lt;b&gt; &amp; '
        '<bdi dir="ltr">https://example.org/?a=1&amp;b=2</bdi>.'
    ).join(["Gesendet an ", ""])


def test_isolate_ltr_keeps_the_tags_of_safe_html():
    html = str(isolate_ltr(mark_safe("An <strong>name@example.org</strong> &amp; mehr")))
    assert html == 'An <strong><bdi dir="ltr">name@example.org</bdi></strong> &amp; mehr'


def test_messages_isolate_e_mail_addresses():
    messages = [Message(constants.SUCCESS, "Wir haben eine E-Mail an olena@example.org gesendet.")]
    html = parse(render_to_string("includes/messages.html", {"messages": messages}))
    assert [element.text() for element in html.find_all("bdi", dir="ltr")] == ["olena@example.org"]


# --- Header ----------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/ar/regions/", "/ar/regions/stendal/"])
def test_the_menu_folds_into_a_details_element_and_marks_the_current_section(client, regions, path):
    document = parse(client.get(path).content)
    header = document.find("header")
    menu = header.find("details", class_="ln-menu")
    assert "open" not in menu.attrs  # folded on phones; CSS shows it on wide screens
    assert menu.find("summary", class_="ln-menu__toggle").text()
    nav = menu.find("nav", class_="ln-nav")
    assert nav.find("a", aria_current="page")["href"] == "/ar/regions/"
    # The language control is in the menu, the search is not (it stays visible).
    assert menu.find("select", id="ln-language-select")
    assert not menu.find_all("form", role="search")
    assert header.find("form", role="search")


@pytest.mark.django_db
def test_the_language_select_has_a_visible_label(client, regions):
    document = parse(client.get("/ar/").content)
    (label,) = [element for element in document.find_all("label") if element.get("for") == "ln-language-select"]
    assert "kern-sr-only" not in (label.get("class") or "")
    assert label.text()
    form = document.find("form", class_="ln-language")
    assert form.find("button", type="submit")  # works without JavaScript


def test_lists_in_running_text_use_the_arabic_comma_on_arabic_pages(rf):
    request = rf.get("/ar/")
    with translation.override("ar"):
        assert landnetz(request)["list_separator"] == "، "
    with translation.override("de"):
        assert landnetz(request)["list_separator"] == ", "
