from django import template

from landnetz.feed.search import kind_label

register = template.Library()


@register.filter
def post_kind(entry) -> str:
    """The kind of post of a search entry, in the active language."""
    return kind_label(entry)
