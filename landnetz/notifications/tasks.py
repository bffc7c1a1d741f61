"""Thin task wrappers (Django's tasks API; django-tasks-db runs them in production)."""

from django.tasks import task

from landnetz.notifications import mail


@task()
def send_notification_email(notification_id: int) -> bool:
    return mail.send_email_for(notification_id)


@task()
def send_digests(period: str) -> int:
    return mail.send_digests(period=period)
