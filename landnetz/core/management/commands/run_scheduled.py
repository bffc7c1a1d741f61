from django.core.management.base import BaseCommand

from landnetz.core import schedule


class Command(BaseCommand):
    help = "Run the scheduled jobs of a period (cron or systemd timer): digests, retention."

    def add_arguments(self, parser):
        parser.add_argument("period", choices=schedule.PERIODS)

    def handle(self, *args, period: str, **options):
        failed = []
        for name, job in schedule.jobs(period).items():
            try:
                handled = job()
            except Exception as error:  # one failing job must not stop the others
                failed.append(name)
                self.stderr.write(f"{name}: failed ({type(error).__name__}: {error})")
            else:
                self.stdout.write(f"{name}: {handled}")
        if failed:
            raise SystemExit(1)
