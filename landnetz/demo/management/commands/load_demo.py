import random

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth.hashers import make_password
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from landnetz.accounts.models import Profile, ProfileLanguage, User
from landnetz.core.models import Municipality, Region, Topic
from landnetz.core.queries import privacy_statement_version
from landnetz.core.services import german_slug
from landnetz.demo.content import CONTENT_LOADERS
from landnetz.demo.network import (
    BIOS,
    JOBS_BY_SECTOR,
    LANGUAGE_MIX,
    NAMED_MEMBERS,
    PERSONA_PROFILES,
    SPECIAL_ORGANISATIONS,
    organisations_for,
)
from landnetz.demo.personas import (
    DEMO_ADMIN_TOTP_SECRET,
    DEMO_PASSWORD,
    FIRST_NAMES,
    LAST_NAMES,
    PERSONAS,
)
from landnetz.notifications.models import Notification
from landnetz.organisations.models import Membership, Organisation, OrganisationLanguage
from landnetz.search.index import rebuild

EXTRA_MEMBERS = 290


class Command(BaseCommand):
    _password_hash: str | None = None
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

        self._profiles(rng, municipalities)
        self._organisations(rng, municipalities)
        self._notifications()
        # Groups, news, conversations and OpenMIC questions (landnetz/demo/content.py),
        # each loader idempotent, before the search index is rebuilt.
        for load in CONTENT_LOADERS:
            load(rng=rng, stdout=self.stdout)
        indexed = rebuild()
        self.stdout.write(f"Directory: {indexed} profiles and organisations indexed")
        call_command("optimize_database", stdout=self.stdout)

        if not quiet_logins:
            self.stdout.write(self.style.SUCCESS("\nDemo network loaded. Log in with any of these accounts:"))
            for email, name, ags, *_ in PERSONAS:
                self.stdout.write(f"  {email:<28} {name:<18} {municipalities[ags].name}")
            self.stdout.write(f"  Password for all demo accounts: {DEMO_PASSWORD}")
            self.stdout.write(
                f"  The admin's two-factor login uses the TOTP secret {DEMO_ADMIN_TOTP_SECRET}\n"
                "  (add it to an authenticator app, or run: manage.py demo_totp_code)\n"
            )

    def _notifications(self) -> None:
        """A few notifications for the volunteer, so the list and the header count show something
        (written directly, like the rest of the demo: no e-mails go out while loading)."""
        volunteer = User.objects.get(email="volunteer@example.org")
        if Notification.objects.filter(recipient=volunteer).exists():
            return
        led = Membership.objects.filter(user=volunteer, role="admin").select_related("organisation").first()
        if led is None:
            return
        organisation = led.organisation
        newcomer = User.objects.get(email="newcomer@example.org")
        coordinator = User.objects.get(email="coordinator@example.org")
        members = {"organisations:members": {"slug": organisation.slug}}
        detail = {"organisations:detail": {"slug": organisation.slug}}
        for actor, kind, url in [
            (coordinator, "organisations.verified", detail),
            (newcomer, "organisations.join_request", members),
        ]:
            ((url_name, url_kwargs),) = url.items()
            Notification.objects.create(
                recipient=volunteer,
                kind=kind,
                actor=actor,
                data={"organisation": organisation.name},
                url_name=url_name,
                url_kwargs=url_kwargs,
            )

    def _profiles(self, rng, municipalities) -> None:
        """Personas, named members and every invented member get a profile (once)."""
        topics = {topic.slug: topic for topic in Topic.objects.all()}
        for email, values in PERSONA_PROFILES.items():
            self._profile(User.objects.get(email=email), *values, topics=topics)
        now = timezone.now()
        for email, name, ags, sector, job, topic_slugs, languages, interpreter, visibility in NAMED_MEMBERS:
            user = self._member(email, name, municipalities[ags], "de", now)
            self._profile(
                user,
                sector,
                job,
                rng.choice(BIOS),
                topic_slugs,
                languages,
                interpreter,
                True,
                visibility,
                topics=topics,
            )
        sectors = list(JOBS_BY_SECTOR)
        weights = [14, 10, 30, 8, 10, 6, 6]
        for user in User.objects.filter(email__startswith="member").order_by("email"):
            sector = rng.choices(sectors, weights)[0]
            languages = rng.choice(LANGUAGE_MIX)
            interpreter = len(languages) > 2 and rng.random() < 0.5
            visibility = rng.choices(["public", "members", "nobody"], [45, 45, 10])[0]
            self._profile(
                user,
                sector,
                rng.choice(JOBS_BY_SECTOR[sector]),
                rng.choice(BIOS),
                rng.sample(list(topics), k=rng.randint(0, 3)),
                languages,
                interpreter,
                rng.random() < 0.4,
                visibility,
                topics=topics,
            )

    def _profile(
        self, user, sector, job, bio, topic_slugs, languages, interpreter, open_to_newcomers, visibility, *, topics
    ) -> None:
        profile, created = Profile.objects.get_or_create(user=user)
        if not created:
            return
        profile.sector, profile.job_title, profile.bio = sector, job, bio
        profile.is_interpreter, profile.open_to_newcomers, profile.visibility = (
            interpreter,
            open_to_newcomers,
            visibility,
        )
        profile.contact_email = user.email
        profile.contact_email_visibility = "members"
        profile.office_hours = "Mo–Do 9–12 Uhr" if sector == "administration" else ""
        profile.office_hours_visibility = "public"
        profile.save()
        profile.topics.set([topics[slug] for slug in topic_slugs])
        ProfileLanguage.objects.bulk_create(
            ProfileLanguage(profile=profile, code=code, level=level) for code, level in languages
        )

    def _organisations(self, rng, municipalities) -> None:
        topics = {topic.slug: topic for topic in Topic.objects.all()}
        members = list(User.objects.filter(email__startswith="member").select_related("municipality"))
        specs = []
        for region in Region.objects.all():
            seat = max(region.municipalities.all(), key=lambda m: m.population)
            specs += [(spec, seat, None) for spec in organisations_for(region, seat, rng)]
        for name, ags, kind, sector, topic_slugs, languages, description, admin in SPECIAL_ORGANISATIONS:
            spec = dict(
                name=name, kind=kind, sector=sector, topics=topic_slugs, languages=languages, description=description
            )
            specs.append((spec, municipalities[ags], admin))
        for spec, place, admin_email in specs:
            if Organisation.objects.filter(name=spec["name"], municipality=place).exists():
                continue
            organisation = Organisation.objects.create(
                name=spec["name"],
                slug=german_slug(f"{spec['name']} {place.name}")[:160],
                kind=spec["kind"],
                sector=spec["sector"],
                description=spec["description"],
                municipality=place,
                postcode=place.postcode,
                street=rng.choice(["Markt", "Bahnhofstraße", "Hauptstraße", "Schulstraße", "Breite Straße"])
                + f" {rng.randint(1, 40)}",
                latitude=place.latitude,
                longitude=place.longitude,
                opening_hours="Mo–Fr 8–12 Uhr, Do 14–18 Uhr",
                verified_at=timezone.now() if spec["kind"] in {"jobcenter", "authority", "chamber", "school"} else None,
            )
            organisation.topics.set([topics[slug] for slug in spec["topics"]])
            OrganisationLanguage.objects.bulk_create(
                OrganisationLanguage(organisation=organisation, code=code) for code in spec["languages"]
            )
            admin = (
                User.objects.get(email=admin_email)
                if admin_email
                else rng.choice(
                    [m for m in members if m.municipality and m.municipality.region_id == place.region_id] or members
                )
            )
            Membership.objects.create(organisation=organisation, user=admin, role="admin", is_contact_person=True)
            for member in rng.sample(members, k=rng.randint(0, 3)):
                if member != admin:
                    Membership.objects.get_or_create(organisation=organisation, user=member)

    def _member(self, email, name, municipality, language, now) -> User:
        user, created = User.objects.get_or_create(
            email=email,
            defaults={
                "display_name": name,
                "region": municipality.region,
                "municipality": municipality,
                "preferred_language": language,
                "privacy_consent_at": now,
                "privacy_consent_version": privacy_statement_version(),
            },
        )
        if created:
            # Hash once, reuse: hashing is deliberately slow and the password is the same for all.
            if self._password_hash is None:
                self._password_hash = make_password(DEMO_PASSWORD)
            user.password = self._password_hash
            user.save()
            EmailAddress.objects.get_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
        return user
