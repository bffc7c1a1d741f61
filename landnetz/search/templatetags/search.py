from django import template

from landnetz.search import registry

register = template.Library()


@register.filter
def search_url(entry) -> str:
    """The page of a search result, as its kind builds it."""
    return registry.get(entry.kind).url(entry.key)


@register.filter
def search_template(entry) -> str:
    return registry.get(entry.kind).result_template
