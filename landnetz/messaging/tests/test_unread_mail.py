"""The e-mail about a message that stays unread: deferred by MESSAGING_UNREAD_MAIL_MINUTES,
only if still unread and not muted, once per conversation until read, never with the text."""

import io
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from landnetz.messaging import notices, services, tasks
from landnetz.messaging.models import Participant
from landnetz.messaging.tests.helpers import allow
from landnetz.notifications.models import Notification

pytestmark = pytest.mark.django_db

BODY = "Wir treffen uns am Dienstag in der Bibliothek Tangerhütte."
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def row(conversation, user) -> Participant:
    return Participant.objects.get(conversation=conversation, user=user)


@pytest.fixture(autouse=True)
def _keep_the_test_connection(monkeypatch):
    """The worker closes connections older than CONN_MAX_AGE — after a jump in time that is
    the test's own connection, inside its transaction (PostgreSQL)."""
    monkeypatch.setattr("django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None)


def run_worker(capture) -> None:
    """What ``manage.py db_worker`` does in production: every task that is due, once."""
    with capture(execute=True):
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)


def notifications_of(user):
    return Notification.objects.filter(recipient=user, kind=notices.UNREAD)


@pytest.fixture
def conversation(volunteer, coordinator, django_capture_on_commit_callbacks):
    """The coordinator writes to the volunteer; the deferred task waits in the database."""
    allow(volunteer)
    with override_settings(TASKS=DATABASE_TASKS), django_capture_on_commit_callbacks(execute=True):
        conversation, _message = services.start_conversation(actor=coordinator, recipients=[volunteer], body=BODY)
    return conversation


@override_settings(TASKS=DATABASE_TASKS)
def test_still_unread_after_thirty_minutes_the_volunteer_gets_one_email(
    conversation, volunteer, coordinator, django_capture_on_commit_callbacks
):
    task = DBTaskResult.objects.get(task_path="landnetz.messaging.tasks.send_unread_notice")
    expected = row(conversation, volunteer).unread_since + timedelta(minutes=30)
    assert abs(task.run_after - expected) < timedelta(seconds=2)
    assert row(conversation, volunteer).notice == "scheduled"
    run_worker(django_capture_on_commit_callbacks)  # not due yet
    assert not notifications_of(volunteer).exists()
    with time_machine.travel(timezone.now() + timedelta(minutes=31)):
        run_worker(django_capture_on_commit_callbacks)  # the notice: a notification, its e-mail queued
        run_worker(django_capture_on_commit_callbacks)  # the e-mail task
    (notification,) = notifications_of(volunteer)
    assert notification.actor == coordinator and notification.data == {}
    (email,) = mail.outbox
    assert email.to == [volunteer.email]
    assert "Katrin Behrendt" in email.subject + email.body
    assert f"/messages/{conversation.pk}/" in email.body
    assert "Bibliothek" not in email.subject + email.body  # never the message itself
    assert row(conversation, volunteer).notice == "sent"
    # More messages before she reads: no second e-mail.
    with django_capture_on_commit_callbacks(execute=True):
        services.post_message(actor=coordinator, conversation=conversation, body="Und bringen Sie Kuchen mit?")
    assert not DBTaskResult.objects.filter(status="READY").exists()
    # Reading settles it: the notification is read, and the next message waits anew.
    services.mark_read(user=volunteer, participant=row(conversation, volunteer), up_to=10**12)
    notification.refresh_from_db()
    assert notification.read_at is not None and row(conversation, volunteer).notice == ""
    with django_capture_on_commit_callbacks(execute=True):
        services.post_message(actor=coordinator, conversation=conversation, body="Bis Dienstag!")
    assert row(conversation, volunteer).notice == "scheduled"


@override_settings(TASKS=DATABASE_TASKS)
def test_read_in_the_meantime_nothing_is_sent(conversation, volunteer, django_capture_on_commit_callbacks):
    with time_machine.travel(timezone.now() + timedelta(minutes=10)):
        services.mark_read(user=volunteer, participant=row(conversation, volunteer), up_to=10**12)
    with time_machine.travel(timezone.now() + timedelta(minutes=31)):
        run_worker(django_capture_on_commit_callbacks)
        run_worker(django_capture_on_commit_callbacks)
    assert not notifications_of(volunteer).exists() and not mail.outbox
    assert row(conversation, volunteer).notice == ""


@override_settings(TASKS=DATABASE_TASKS)
def test_muted_conversations_send_no_email(conversation, volunteer, coordinator, django_capture_on_commit_callbacks):
    services.set_muted(user=volunteer, participant=row(conversation, volunteer), muted=True)
    with django_capture_on_commit_callbacks(execute=True):
        services.post_message(actor=coordinator, conversation=conversation, body="Noch etwas")
    with time_machine.travel(timezone.now() + timedelta(minutes=31)):
        run_worker(django_capture_on_commit_callbacks)
        run_worker(django_capture_on_commit_callbacks)
        assert notices.send_due_notices() == 0
    assert not notifications_of(volunteer).exists() and not mail.outbox


@override_settings(TASKS=DATABASE_TASKS)
def test_a_task_that_comes_early_asks_again_later(conversation, volunteer, django_capture_on_commit_callbacks):
    """A message read and a new one written: the first task finds a younger unread message
    and is put off until that one is thirty minutes old."""
    (first_task,) = DBTaskResult.objects.all()
    participant = row(conversation, volunteer)
    Participant.objects.filter(pk=participant.pk).update(unread_since=timezone.now() + timedelta(minutes=5))
    conversation.messages.update(created_at=timezone.now() + timedelta(minutes=5))
    later_time = timezone.now() + timedelta(minutes=31)
    with time_machine.travel(later_time), django_capture_on_commit_callbacks(execute=True):
        assert tasks.send_unread_notice.call(participant.pk) is False
    later = DBTaskResult.objects.exclude(pk=first_task.pk).get()
    assert later.run_after > first_task.run_after + timedelta(minutes=4)
    assert not notifications_of(volunteer).exists()


def test_without_a_backend_that_defers_the_sweep_sends_what_is_due(
    volunteer, coordinator, django_capture_on_commit_callbacks
):
    """The "immediate" backend of small installs cannot run a task later: the command
    ``send_unread_message_notices`` (cron) and the daily schedule send every due notice."""
    assert not tasks.can_defer()
    allow(volunteer)
    conversation, _message = services.start_conversation(actor=coordinator, recipients=[volunteer], body=BODY)
    assert notices.send_due_notices() == 0  # not due yet
    with time_machine.travel(timezone.now() + timedelta(minutes=31)), django_capture_on_commit_callbacks(execute=True):
        call_command("send_unread_message_notices", stdout=io.StringIO())
    (notification,) = notifications_of(volunteer)
    assert len(mail.outbox) == 1 and "Bibliothek" not in mail.outbox[0].body
    with time_machine.travel(timezone.now() + timedelta(minutes=61)):
        assert notices.send_due_notices() == 0  # once until she reads


def test_the_sender_is_not_told_about_their_own_message(volunteer, coordinator):
    allow(volunteer)
    conversation, _message = services.start_conversation(actor=coordinator, recipients=[volunteer], body=BODY)
    assert row(conversation, coordinator).notice == ""
    with time_machine.travel(timezone.now() + timedelta(minutes=31)):
        assert notices.send_due_notices() == 1
    assert not notifications_of(coordinator).exists()
