import random

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from landnetz.accounts.models import User
from landnetz.core.models import Municipality, Region
from landnetz.demo.personas import (
    DEMO_ADMIN_TOTP_SECRET,
    DEMO_PASSWORD,
    FIRST_NAMES,
    LAST_NAMES,
    PERSONAS,
)

EXTRA_MEMBERS = 60


class Command(BaseCommand):
    help = "Load the Sachsen-Anhalt demo network (regions, personas, invented members). Idempotent."

    def add_arguments(self, parser):
        parser.add_argument("--quiet-logins", action="store_true", help="do not print the demo logins")

    @transaction.atomic
    def handle(self, *args, quiet_logins: bool = False, **options):
        if not Region.objects.exists():
            call_command("load_regions", stdout=self.stdout)
        municipalities = {m.ags: m for m in Municipality.objects.select_related("region")}
        now = timezone.now()
        for email, name, ags, language, large_text, coordinates, admin in PERSONAS:
            municipality = municipalities[ags]
            user = self._member(email, name, municipality, language, now)
            user.large_text = large_text
            user.is_staff = user.is_superuser = admin
            user.save()
            if coordinates:
                user.coordinated_regions.set(Region.objects.filter(ags=coordinates))
            if admin and not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
                TOTP.activate(user, DEMO_ADMIN_TOTP_SECRET)

        # Invented members spread over all regions, more where more people live.
        rng = random.Random(15)  # noqa: S311 - reproducible demo data, not security
        places = list(municipalities.values())
        weights = [max(m.population, 1000) for m in places]
        for index in range(EXTRA_MEMBERS):
            first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
            place = rng.choices(places, weights)[0]
            email = f"member{index + 1:03d}@example.org"
            self._member(email, f"{first} {last}", place, "de", now)

        if not quiet_logins:
            self.stdout.write(self.style.SUCCESS("\nDemo network loaded. Log in with any of these accounts:"))
            for email, name, ags, *_ in PERSONAS:
                self.stdout.write(f"  {email:<28} {name:<18} {municipalities[ags].name}")
            self.stdout.write(f"  Password for all demo accounts: {DEMO_PASSWORD}")
            self.stdout.write(
                f"  The admin's two-factor login uses the TOTP secret {DEMO_ADMIN_TOTP_SECRET}\n"
                "  (add it to an authenticator app, or run: manage.py demo_totp_code)\n"
            )

    def _member(self, email, name, municipality, language, now) -> User:
        user, created = User.objects.get_or_create(
            email=email,
            defaults={
                "display_name": name,
                "region": municipality.region,
                "municipality": municipality,
                "preferred_language": language,
                "privacy_consent_at": now,
                "privacy_consent_version": settings.LANDNETZ_PRIVACY_DEFAULT_VERSION,
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
            EmailAddress.objects.get_or_create(
                user=user, email=email, defaults={"verified": True, "primary": True}
            )
        return user
