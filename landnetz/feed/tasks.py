"""Thin task wrappers (Django's tasks API; django-tasks-db runs them in production)."""

from django.tasks import task

from landnetz.feed.services import previews


@task()
def fetch_link_preview(post_id: int) -> bool:
    return previews.refresh(post_id)
