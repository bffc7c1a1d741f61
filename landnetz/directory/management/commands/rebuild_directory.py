from django.core.management.base import BaseCommand
from django.db import transaction

from landnetz.directory.indexing import rebuild


class Command(BaseCommand):
    help = "Rebuild the directory's search index from all profiles and organisations."

    @transaction.atomic
    def handle(self, *args, **options):
        self.stdout.write(f"{rebuild()} profiles and organisations indexed")
