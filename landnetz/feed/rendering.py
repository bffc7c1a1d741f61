"""Posts and comments as HTML (the sanitised Markdown subset) and as short plain text."""

import html
import re

from django.utils.html import strip_tags
from django.utils.safestring import SafeString
from django.utils.text import Truncator

from landnetz.core.markdown import render_markdown
from landnetz.feed import mentions

_SPACES = re.compile(r"\s+")
URL = re.compile(r"https?://[^\s<>\"'()\[\]]+[^\s<>\"'()\[\].,;:!?]", re.IGNORECASE)


def render(text: str, mentioned: dict, viewer) -> SafeString:
    """The text for ``viewer``: Markdown rendered and sanitised (``core.markdown``: no raw
    HTML, no pictures, only http/https/mailto/tel links), mentions with current names."""
    return render_markdown(mentions.prepare(text, mentioned, viewer))


def plain(text: str) -> str:
    """The text without Markdown, mentions as names (for titles, search and excerpts)."""
    prepared = mentions.MENTION.sub(lambda match: "@" + (match.group(1) or ""), text or "")
    return _SPACES.sub(" ", html.unescape(strip_tags(render_markdown(prepared)))).strip()


def excerpt(text: str, length: int = 80) -> str:
    return Truncator(plain(text)).chars(length)


def first_url(text: str) -> str:
    """The first web address in the text (for the link preview), or ""."""
    match = URL.search(text or "")
    return match.group(0)[:500] if match else ""
