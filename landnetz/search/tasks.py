"""Thin task wrappers (Django's tasks API; django-tasks-db runs them in production)."""

from django.tasks import task

from landnetz.search import index


@task()
def refresh_entries_mentioning(words: list[str]) -> int:
    """After a vocabulary change: index again what mentions one of these words."""
    return index.reindex_mentioning(words)
