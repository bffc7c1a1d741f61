import html
import re

from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import SafeData, mark_safe

from landnetz.core.languages import LANGUAGE_NAMES
from landnetz.core.markdown import LTR_FRAGMENT, render_markdown
from landnetz.core.validators import BIDI_CONTROLS

register = template.Library()

_TAG = re.compile(r"(<[^>]*>)")
_NO_BIDI = str.maketrans(dict.fromkeys(map(ord, BIDI_CONTROLS)))


@register.filter
def bdi(value):
    """User text in HTML, isolated: ``{{ member.display_name|bdi }}``.

    A name, organisation name, address or link text of one direction must not reorder
    the text around it (an Arabic name next to a German label), and text-direction
    characters stored before they were refused are removed. See docs/security.md.
    """
    if value is None or value == "":
        return ""
    return format_html("<bdi>{}</bdi>", str(value).translate(_NO_BIDI))


@register.filter
def isolate(value) -> str:
    """User text where no element can go (``<title>``, ``alt``, ``aria-label``): FSI … PDI."""
    if value is None or value == "":
        return ""
    return "\u2068" + str(value).translate(_NO_BIDI) + "\u2069"


def _isolate_text(text: str) -> str:
    parts, start = [], 0
    for match in LTR_FRAGMENT.finditer(text):
        parts.append(escape(text[start : match.start()]))
        parts.append(format_html('<bdi dir="ltr">{}</bdi>', match.group(0)))
        start = match.end()
    parts.append(escape(text[start:]))
    return "".join(parts)


@register.filter
def isolate_ltr(value):
    """Text in HTML with its web and e-mail addresses isolated left-to-right:
    ``{{ message.message|isolate_ltr }}`` ("… an name@example.org gesendet" on an Arabic page).

    Plain text is escaped; HTML that is already safe (allauth renders its messages from
    templates) keeps its tags, and only the text between them is touched.
    """
    if value is None or value == "":
        return ""
    if not isinstance(value, SafeData):
        return mark_safe(_isolate_text(str(value)))  # noqa: S308 - escaped in _isolate_text
    pieces = _TAG.split(str(value))
    return mark_safe(  # noqa: S308 - tags kept as they were (safe), text escaped again
        "".join(piece if index % 2 else _isolate_text(html.unescape(piece)) for index, piece in enumerate(pieces))
    )


@register.filter(name="markdown")
def markdown_filter(text: str):
    """Render user Markdown as sanitised HTML: ``{{ page.body|markdown }}``."""
    return render_markdown(text)


@register.simple_tag
def field_ids(field) -> str:
    """The ids an input is described by: its help text and its errors."""
    ids = []
    if field.help_text:
        ids.append(f"{field.auto_id}_helptext")
    if field.errors:
        ids.append(f"{field.auto_id}_error")
    return " ".join(ids)


def _kind(widget) -> str:
    from django import forms

    if widget.is_hidden:
        return "hidden"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if isinstance(widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
        return "choices"
    if isinstance(widget, forms.Select):
        return "select"
    return "input"


@register.filter
def widget_kind(field) -> str:
    return _kind(field.field.widget)


_WIDGET_CLASSES = {
    "checkbox": "kern-form-check__checkbox",
    "select": "kern-form-input__select",
    "input": "kern-form-input__input",
    "choices": "",
}


@register.simple_tag
def kern_widget(field):
    """Render a form widget with KERN classes, linked to its hint and error texts."""
    kind = _kind(field.field.widget)
    css = _WIDGET_CLASSES.get(kind, "")
    attrs: dict[str, str] = {}
    if css:
        attrs["class"] = f"{css} {css}--error" if field.errors else css
    described_by = field_ids(field)
    if described_by:
        attrs["aria-describedby"] = described_by
    if field.errors:
        attrs["aria-invalid"] = "true"
    return field.as_widget(attrs=attrs)


@register.filter
def language_name(code: str) -> str:
    """The name of a spoken language (code from ``core.languages``) in the page's language."""
    return str(LANGUAGE_NAMES.get(code, code))
