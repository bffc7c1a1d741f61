from django.core.management.base import BaseCommand, CommandError

from landnetz.search import index, registry


class Command(BaseCommand):
    help = "Rebuild the site search index: every registered kind, or the kinds named."

    def add_arguments(self, parser):
        parser.add_argument("kinds", nargs="*", help="kind names, e.g. person organisation (default: all)")

    def handle(self, *args, kinds=(), **options):
        known = {kind.name for kind in registry.kinds()}
        unknown = sorted(set(kinds) - known)
        if unknown:
            raise CommandError(f"Unknown kinds: {', '.join(unknown)}. Known: {', '.join(sorted(known))}")
        self.stdout.write(f"{index.rebuild(kinds)} documents indexed")
