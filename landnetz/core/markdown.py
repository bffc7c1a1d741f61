"""User text: a Markdown subset rendered to HTML and sanitised with an allow-list."""

import re

import nh3
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

# Raw HTML in the source is escaped by markdown-it; nh3 then keeps only these tags.
ALLOWED_TAGS = {
    "p", "br", "strong", "em", "ul", "ol", "li", "a", "h2", "h3", "h4",
    "blockquote", "code", "pre", "hr", "table", "thead", "tbody", "tr", "th", "td", "bdi",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title", "dir"}, "th": {"scope"}, "bdi": {"dir"}}
# Only what the renderer below writes; users cannot write attributes (raw HTML is escaped).
ALLOWED_VALUES = {"dir": {"ltr", "auto"}}

# Left-to-right fragments that must not be reordered inside right-to-left text (an Arabic
# page would show "https://example.org/a/b" as ".//:https" around it): web and e-mail
# addresses. Trailing punctuation belongs to the sentence, not to the address.
LTR_FRAGMENT = re.compile(
    r"(?:https?://|mailto:|www\.)[^\s<>\"]*[^\s<>\".,;:!?)\]}'»“”]"
    # An address starts where a run of its characters starts: tried from every letter of a
    # long word, the match would take quadratic time (5 000 letters: 0.3 s per page view).
    r"|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
)

_renderer = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")


def _isolate(token: Token) -> list[Token]:
    """A text token split so that every address in it sits in <bdi dir="ltr">."""
    parts, start = [], 0
    for match in LTR_FRAGMENT.finditer(token.content):
        if match.start() > start:
            parts.append(Token("text", "", 0, content=token.content[start : match.start()]))
        parts.append(Token("bdi_open", "bdi", 1, attrs={"dir": "ltr"}))
        parts.append(Token("text", "", 0, content=match.group(0)))
        parts.append(Token("bdi_close", "bdi", -1))
        start = match.end()
    if start < len(token.content):
        parts.append(Token("text", "", 0, content=token.content[start:]))
    return parts


def _link_direction(children: list[Token], index: int) -> str:
    """ltr for a link that shows an address, auto (isolated, direction from its text) else."""
    text = []
    for token in children[index + 1 :]:
        if token.type == "link_close":
            break
        text.append(token.content)
    shown = "".join(text).strip()
    return "ltr" if shown and LTR_FRAGMENT.fullmatch(shown) else "auto"


def _isolate_ltr_fragments(state: StateCore) -> None:
    for block in state.tokens:
        if block.type != "inline" or not block.children:
            continue
        children: list[Token] = []
        in_link = 0
        for index, token in enumerate(block.children):
            if token.type == "link_open":
                token.attrSet("dir", _link_direction(block.children, index))
                in_link += 1
            elif token.type == "link_close":
                in_link -= 1
            if token.type == "text" and not in_link and LTR_FRAGMENT.search(token.content):
                children.extend(_isolate(token))
            else:
                children.append(token)
        block.children = children


_renderer.core.ruler.push("isolate_ltr_fragments", _isolate_ltr_fragments)


def _allowed_value(element: str, attribute: str, value: str) -> str | None:
    allowed = ALLOWED_VALUES.get(attribute)
    return value if allowed is None or value in allowed else None


def render_markdown(text: str) -> SafeString:
    html = _renderer.render(text or "")
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=_allowed_value,
        url_schemes={"http", "https", "mailto", "tel"},
        link_rel="noopener noreferrer nofollow",
    )
    return mark_safe(cleaned)  # noqa: S308 - sanitised by nh3 just above
