"""Message text as HTML: plain text with its line breaks, web addresses as links.

Messages are written like a letter or a chat, not in Markdown (a "*" or "1." means what it
says). The text is escaped; paragraphs (blank lines) and line breaks are kept; web
addresses (``https://…``, ``www.…``) become links and e-mail addresses ``mailto:`` links,
all isolated left-to-right (``dir="ltr"``) so that an Arabic message does not reorder
them. The result goes through the same nh3 allow-list as the Markdown of the site.
"""

import re

import nh3
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from landnetz.core.markdown import LTR_FRAGMENT

_PARAGRAPHS = re.compile(r"\n[ \t]*\n\s*")
TAGS = {"p", "br", "a", "bdi"}
ATTRIBUTES = {"a": {"href", "dir"}, "bdi": {"dir"}}


def _href(address: str) -> str | None:
    if address.startswith(("https://", "http://", "mailto:")):
        return address
    if address.startswith("www."):
        return "https://" + address
    if "@" in address:
        return "mailto:" + address
    return None


def _line(text: str) -> str:
    parts, start = [], 0
    for match in LTR_FRAGMENT.finditer(text):
        parts.append(escape(text[start : match.start()]))
        address = match.group(0)
        href = _href(address)
        if href:
            parts.append(f'<a href="{escape(href)}" dir="ltr">{escape(address)}</a>')
        else:
            parts.append(f'<bdi dir="ltr">{escape(address)}</bdi>')
        start = match.end()
    parts.append(escape(text[start:]))
    return "".join(parts)


def render_body(text: str) -> SafeString:
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        return mark_safe("")  # noqa: S308 - empty
    paragraphs = [
        "<p>" + "<br>".join(_line(line) for line in paragraph.split("\n")) + "</p>"
        for paragraph in _PARAGRAPHS.split(text)
    ]
    cleaned = nh3.clean(
        "".join(paragraphs),
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )
    return mark_safe(cleaned)  # noqa: S308 - escaped above, then sanitised by nh3


def preview(text: str, length: int = 90) -> str:
    """The beginning of a message on one line, for lists (plain text, escaped by templates)."""
    line = " ".join((text or "").split())
    return line if len(line) <= length else line[: length - 1].rstrip() + "…"
