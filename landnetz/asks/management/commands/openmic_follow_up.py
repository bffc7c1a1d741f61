from django.core.management.base import BaseCommand

from landnetz.asks import services


class Command(BaseCommand):
    help = (
        "OpenMIC questions without an answer: ask a wider circle (after ASKS_WIDEN_AFTER_HOURS) and tell "
        "the region's coordinators (after ASKS_ESCALATE_AFTER_DAYS). Run it every hour; "
        "`run_scheduled daily` runs it too."
    )

    def handle(self, *args, **options):
        widened = services.widen_unanswered()
        raised = services.escalate_unanswered()
        self.stdout.write(f"widened: {widened}, raised to coordinators: {raised}")
