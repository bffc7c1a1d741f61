from django.core.management.base import BaseCommand
from django.db import connection


class Command(BaseCommand):
    help = (
        "Refresh the query planner's statistics (ANALYZE). Run it after large imports and daily "
        "from cron on SQLite installations; PostgreSQL's autovacuum does it on its own."
    )

    def handle(self, *args, **options):
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
            if connection.vendor == "sqlite":
                cursor.execute("PRAGMA optimize")
        self.stdout.write(f"Statistics refreshed ({connection.vendor})")
