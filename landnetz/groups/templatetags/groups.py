from django import template

from landnetz.groups.search import kind_label

register = template.Library()

register.filter("group_kind", kind_label)
