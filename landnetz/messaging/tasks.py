"""Thin task wrappers (Django's tasks API; django-tasks-db runs deferred tasks in production)."""

from datetime import datetime

from django.tasks import task

from landnetz.messaging import notices


@task()
def send_unread_notice(participant_id: int) -> bool:
    result = notices.send_unread_notice(participant_id)
    if isinstance(result, datetime):
        schedule_notice(participant_id, result)
    return result is True


def can_defer() -> bool:
    return send_unread_notice.get_backend().supports_defer


def schedule_notice(participant_id: int, run_after: datetime) -> None:
    """Ask again at ``run_after``. A backend that cannot defer (the "immediate" one of small
    installs) leaves it to ``manage.py send_unread_message_notices`` (cron) and the daily
    schedule, which send every notice that is due."""
    if can_defer():
        send_unread_notice.using(run_after=run_after).enqueue(participant_id)
