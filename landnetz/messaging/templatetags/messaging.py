from django import template

from landnetz.messaging.text import preview, render_body

register = template.Library()


@register.filter
def message_body(text: str):
    """A message as HTML: paragraphs, line breaks, links (``messaging.text``)."""
    return render_body(text)


@register.filter
def message_preview(text: str):
    """The beginning of a message on one line."""
    return preview(text)
