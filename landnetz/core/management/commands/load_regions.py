from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from landnetz.core.services import load_regions

DATA_DIR = Path(__file__).resolve().parents[2] / "data"


class Command(BaseCommand):
    help = (
        "Load the regions (Kreise), municipalities (Gemeinden) and postcodes of one Land from the "
        "Destatis Gemeindeverzeichnis and the OpenStreetMap postcode list. Idempotent."
    )

    def add_arguments(self, parser):
        parser.add_argument("--land", default=settings.LANDNETZ_LAND_KEY, help="Land key, e.g. 15")
        parser.add_argument("--gemeinden", type=Path, help="Destatis CSV (default: bundled file)")
        parser.add_argument("--postcodes", type=Path, help="postcode CSV (default: bundled file)")

    def handle(self, *args, land: str, gemeinden: Path | None, postcodes: Path | None, **options):
        gemeinden = gemeinden or DATA_DIR / f"gemeinden-{land}.csv"
        postcodes = postcodes or DATA_DIR / f"plz-{land}.csv"
        if not gemeinden.exists():
            raise CommandError(
                f"No municipality file for Land {land}: "
                "pass --gemeinden ../shared/data/gemeindeverzeichnis-destatis.csv"
            )
        result = load_regions(
            land=land, gemeinden_csv=gemeinden, postcodes_csv=postcodes if postcodes.exists() else None
        )
        if result.regions == 0:
            raise CommandError(f"No regions found for Land {land} in {gemeinden}")
        self.stdout.write(
            f"Land {land}: {result.regions} regions, {result.municipalities} municipalities, "
            f"{result.postcodes} postcodes"
        )
