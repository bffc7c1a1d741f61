from django import template

from landnetz.organisations.search import kind_label

register = template.Library()

register.filter("organisation_kind", kind_label)
