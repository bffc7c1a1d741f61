from django.core.management.base import BaseCommand

from landnetz.messaging.notices import send_due_notices


class Command(BaseCommand):
    help = (
        "E-mail members about messages that have stayed unread for MESSAGING_UNREAD_MAIL_MINUTES. "
        "Run it every few minutes (cron) when TASKS_BACKEND is 'immediate'; with the database "
        "backend a deferred task does it, and this command only catches what is left."
    )

    def handle(self, *args, **options):
        sent = send_due_notices()
        self.stdout.write(f"{sent} e-mail notices about unread messages")
