"""Generate the benchmark data set: members with profiles, organisations, audit entries.

Everything is created with ``bulk_create`` and one precomputed password hash, so that
100 000 members take seconds, not hours. The data is invented but shaped like the real
network: German, Ukrainian and Arabic names, members spread over the real municipalities
of the Land (weighted by population), a profile for every member (sector, job title, bio,
topics, spoken languages), organisations with one admin each, a few coordinators, audit
entries by them. The site search index is filled with ``search.index.rebuild``.

A finished data set is recorded in the table ``bench_meta``; a later run with the same
scale and ``DATA_VERSION`` reuses it. Bump ``DATA_VERSION`` whenever the generator changes
(for example when a new model gets bench rows), so that cached data sets are rebuilt.
"""

import json
import random
import sys
import time
from dataclasses import asdict, dataclass
from datetime import timedelta
from decimal import Decimal

from django.contrib.auth.hashers import make_password
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify

from bench import exchange

DATA_VERSION = 9  # bump when generated data changes
SEED = 20260101
BATCH_SIZE = 5_000
EMAIL_DOMAIN = "bench.example.org"
ADMIN_EMAIL = f"bench-admin@{EMAIL_DOMAIN}"

# At scale 1 the large data set holds these numbers; the small one 1/100 of them.
LARGE_MEMBERS = 100_000
LARGE_AUDIT_ENTRIES = 10_000
LARGE_ORGANISATIONS = 10_000
SMALL_DIVISOR = 100

GERMAN_FIRST = [
    "Anja", "Bernd", "Claudia", "Dirk", "Elke", "Frank", "Gabriele", "Heiko", "Ines", "Jörg",
    "Kerstin", "Lars", "Monika", "Nico", "Petra", "Ralf", "Silke", "Torsten", "Ute", "Volker",
    "Sabine", "Thomas", "Katrin", "Jens", "Helga", "Uwe", "Birgit", "Matthias", "Susanne", "Jürgen",
    "Lea", "Paul", "Marie", "Felix", "Hannah", "Lukas", "Sophie", "Maximilian", "Emma", "Jonas",
]  # fmt: skip
GERMAN_LAST = [
    "Müller", "Schulze", "Lehmann", "Krüger", "Richter", "Wolf", "Neumann", "Schwarz",
    "Zimmermann", "Braun", "Hartmann", "Lange", "Werner", "Köhler", "Franke", "Schröder",
    "Behrendt", "Wiesner", "Gräfe", "Lorenz", "Schmidt", "Fischer", "Weber", "Meyer", "Wagner",
    "Becker", "Schulz", "Hoffmann", "Koch", "Bauer", "Klein", "Schäfer", "Kowalski", "Förster",
]  # fmt: skip
# (Latin transliteration, Cyrillic)
UKRAINIAN_FIRST = [
    ("Olena", "Олена"), ("Oksana", "Оксана"), ("Dmytro", "Дмитро"), ("Iryna", "Ірина"),
    ("Andrij", "Андрій"), ("Natalija", "Наталія"), ("Taras", "Тарас"), ("Mykola", "Микола"),
    ("Halyna", "Галина"), ("Serhij", "Сергій"), ("Tetiana", "Тетяна"), ("Oleksandr", "Олександр"),
    ("Yulija", "Юлія"), ("Bohdan", "Богдан"), ("Svitlana", "Світлана"), ("Volodymyr", "Володимир"),
    ("Kateryna", "Катерина"), ("Vasyl", "Василь"), ("Larysa", "Лариса"), ("Petro", "Петро"),
]  # fmt: skip
UKRAINIAN_LAST = [
    ("Kovalenko", "Коваленко"), ("Shevchenko", "Шевченко"), ("Bondarenko", "Бондаренко"),
    ("Tkachenko", "Ткаченко"), ("Melnyk", "Мельник"), ("Kravets", "Кравець"),
    ("Boyko", "Бойко"), ("Kovalchuk", "Ковальчук"), ("Oliynyk", "Олійник"),
    ("Lysenko", "Лисенко"), ("Moroz", "Мороз"), ("Savchenko", "Савченко"),
    ("Rudenko", "Руденко"), ("Marchenko", "Марченко"), ("Polishchuk", "Поліщук"),
]  # fmt: skip
# (Latin transliteration, Arabic)
ARABIC_FIRST = [
    ("Samir", "سمير"), ("Farida", "فريدة"), ("Ahmad", "أحمد"), ("Rasha", "رشا"),
    ("Khaled", "خالد"), ("Lina", "لينا"), ("Yusuf", "يوسف"), ("Nour", "نور"), ("Mariam", "مريم"),
    ("Omar", "عمر"), ("Huda", "هدى"), ("Mahmoud", "محمود"), ("Amal", "أمل"), ("Bilal", "بلال"),
    ("Salma", "سلمى"), ("Karim", "كريم"), ("Aya", "آية"), ("Hassan", "حسن"), ("Rania", "رانيا"),
]  # fmt: skip
ARABIC_LAST = [
    ("Haddad", "حداد"), ("Al-Hassan", "الحسن"), ("Khalil", "خليل"), ("Darwish", "درويش"),
    ("Mansour", "منصور"), ("Nasser", "ناصر"), ("Ibrahim", "إبراهيم"), ("Saleh", "صالح"),
    ("Hamdan", "حمدان"), ("Youssef", "يوسف"), ("Aziz", "عزيز"), ("Othman", "عثمان"),
    ("Al-Ali", "العلي"), ("Suleiman", "سليمان"), ("Qasim", "قاسم"),
]  # fmt: skip

# (share of members, first names, last names, [(language, share)], share written in native script)
NAME_GROUPS = [
    (0.6, GERMAN_FIRST, GERMAN_LAST, [("de", 0.95), ("en", 0.05)], 0.0),
    (0.2, UKRAINIAN_FIRST, UKRAINIAN_LAST, [("uk", 0.75), ("ru", 0.1), ("de", 0.15)], 0.4),
    (0.2, ARABIC_FIRST, ARABIC_LAST, [("ar", 0.75), ("de", 0.15), ("en", 0.1)], 0.4),
]
AUDIT_VERBS = [
    "coordinator.assigned",
    "coordinator.removed",
    "legal_page.saved",
    "member.deactivated",
    "member.region_changed",
]
LEGAL_PAGE_REPRS = [
    "Legal notice (de)",
    "Privacy statement (de)",
    "Accessibility statement (de)",
    "Easy-to-read information (de)",
]

# --- Profiles ------------------------------------------------------------------------------

# Who may see a profile: (visibility, share).
PROFILE_VISIBILITY = [("public", 0.45), ("members", 0.45), ("nobody", 0.10)]
# (sector, share, job titles); "" is a profile without a sector.
PROFILE_SECTORS = [
    ("administration", 0.12, [
        "Sachbearbeiterin Ausländerbehörde", "Sachbearbeiter Ausländerbehörde",
        "Integrationsbeauftragte", "Integrationskoordinator", "Mitarbeiterin Sozialamt",
        "Sachbearbeiter Leistungsabteilung", "Bürgermeisterin", "Fallmanager im Jobcenter",
    ]),
    ("business", 0.18, [
        "Personalreferentin", "Ausbildungsleiter", "Inhaberin einer Bäckerei", "Geschäftsführer",
        "Elektromeister", "Personalsachbearbeiterin", "Handwerksmeister", "Logistikleiterin",
    ]),
    ("civil_society", 0.22, [
        "Ehrenamtliche Sprachmittlerin", "Integrationslotse", "Integrationslotsin",
        "Vereinsvorsitzender", "Ehrenamtliche Deutschlehrerin", "Patin für Familien",
        "Flüchtlingshelfer", "Migrationsberaterin",
    ]),
    ("migrant_organisation", 0.08, [
        "Vorsitzende eines Migrantenvereins", "Kulturmittler", "Projektleiterin", "Berater",
        "Elternbegleiterin", "Vorstandsmitglied",
    ]),
    ("education", 0.14, [
        "Lehrerin", "Deutschlehrer (DaZ)", "Kursleiterin Integrationskurs", "Schulsozialarbeiter",
        "Erzieherin", "Berufsschullehrer", "Bildungsberaterin",
    ]),
    ("health", 0.10, [
        "Ärztin", "Hausarzt", "Pflegefachkraft", "Psychotherapeutin", "Hebamme", "Apotheker",
        "Medizinische Fachangestellte",
    ]),
    ("other", 0.06, ["Studentin", "Rentner", "Journalistin", "Pfarrer", "Übersetzerin"]),
    ("", 0.10, ["", "", "Studentin", "Auszubildender"]),
]  # fmt: skip
INTERPRETER_TITLES = [
    "Sprachmittlerin", "Sprachmittler", "Dolmetscherin", "Dolmetscher", "Sprach- und Kulturmittlerin",
]  # fmt: skip
BIO_OPENERS = [
    "Ich lebe seit {years} Jahren in {place}.",
    "Ich wohne in {place} und bin gern im Netzwerk aktiv.",
    "Seit {year} engagiere ich mich in {place}.",
    "Ich bin in {place} zu Hause und kenne die Angebote vor Ort.",
]
BIO_MIDDLES = [
    "Ich helfe gern bei Behördengängen und Anträgen.",
    "Mein Schwerpunkt ist {topic}.",
    "Ich begleite Familien bei der Wohnungssuche.",
    "Ich unterstütze bei der Anerkennung von Berufsabschlüssen.",
    "Ich organisiere ein Sprachcafé für Nachbarinnen und Nachbarn.",
    "Ich vermittle Praktika und Ausbildungsplätze.",
    "Ich berate zu Fragen rund um Kita und Schule.",
    "Ich begleite zu Arztterminen und übersetze dort.",
]
BIO_CLOSERS = ["Sprechen Sie mich gern an.", "Ich freue mich über Kontakt.", "Termine nach Absprache.", ""]
# Spoken languages per name group (same order as NAME_GROUPS): the first language, then
# further ones with their chances (at most three in all).
SPOKEN = [
    ("de", [("en", 0.45), ("ru", 0.06), ("fr", 0.05), ("pl", 0.03), ("es", 0.03), ("tr", 0.02)]),
    ("uk", [("ru", 0.7), ("de", 0.5), ("en", 0.2), ("pl", 0.05)]),
    ("ar", [("de", 0.55), ("en", 0.25), ("ku", 0.1), ("fa", 0.06), ("tr", 0.06)]),
]
DARI_SHARE = 0.05  # members who speak Dari ("prs"), whatever their name
INTERPRETER_SHARE = 0.30  # of the members who speak two languages or more
OTHER_LEVELS = ["fluent", "good", "good", "basic"]
MAX_PROFILE_TOPICS = 3
# The first members of every data set live in this place and are public (or members-only)
# Dari interpreters in civil society, so that the directory pages of the benchmark find
# something in the small data sets too (an empty result skips a query and looks like a
# query count that grows with the data). Three among 1 000 or 100 000 change nothing else.
ANCHOR_REGION, ANCHOR_PLACE = "stendal", "Stendal"
ANCHOR_VISIBILITY = ["public", "members", "public"]

# --- Organisations ---------------------------------------------------------------------------

# (kind, sector, share, name prefixes)
ORGANISATION_KINDS = [
    ("authority", "administration", 0.08, [
        "Stadtverwaltung", "Gemeindeverwaltung", "Ausländerbehörde", "Sozialamt", "Bürgerbüro",
    ]),
    ("jobcenter", "administration", 0.03, ["Jobcenter", "Agentur für Arbeit", "Berufsberatung"]),
    ("chamber", "business", 0.02, [
        "Handwerkskammer Servicestelle", "IHK-Servicestelle", "Kreishandwerkerschaft",
        "Unternehmerverband",
    ]),
    ("business", "business", 0.30, [
        "Bäckerei", "Autohaus", "Pflegedienst", "Elektro", "Metallbau", "Gärtnerei", "Logistik",
        "Hotel", "Tischlerei",
    ]),
    ("club", "civil_society", 0.16, [
        "Sportverein", "Heimatverein", "Kulturverein", "Förderverein", "Integrationsverein",
    ]),
    ("initiative", "civil_society", 0.10, [
        "Willkommensinitiative", "Sprachcafé", "Nachbarschaftshilfe", "Patenschaftsprojekt",
    ]),
    ("migrant_organisation", "migrant_organisation", 0.06, [
        "Afghanischer Kulturverein", "Ukrainische Gemeinde", "Syrischer Verein",
        "Deutsch-Arabischer Freundeskreis", "Eritreische Gemeinschaft",
    ]),
    ("church", "civil_society", 0.05, [
        "Evangelische Kirchengemeinde", "Katholische Pfarrei", "Islamische Gemeinde", "Diakonie",
    ]),
    ("school", "education", 0.08, [
        "Grundschule", "Sekundarschule", "Volkshochschule", "Sprachschule", "Berufsschule",
    ]),
    ("counselling", "civil_society", 0.05, [
        "Migrationsberatung", "Jugendmigrationsdienst", "Flüchtlingsberatung", "Schuldnerberatung",
    ]),
    ("health", "health", 0.05, [
        "Hausarztpraxis", "Kinderarztpraxis", "Apotheke", "Physiotherapie", "Pflegeheim",
    ]),
    ("other", "other", 0.02, ["Bibliothek", "Jugendclub", "Tafel", "Stadtteilzentrum"]),
]  # fmt: skip
ORGANISATION_SENTENCES = [
    "Wir beraten auf Deutsch und in weiteren Sprachen.",
    "Neue Mitglieder und Ehrenamtliche sind herzlich willkommen.",
    "Wir bilden aus und bieten Praktikumsplätze an.",
    "Termine gibt es nach Vereinbarung, auch mit Sprachmittlung.",
    "Wir arbeiten eng mit der Integrationskoordination im Landkreis zusammen.",
    "Unsere Räume sind barrierefrei erreichbar.",
]
ORGANISATION_VISIBILITY = [("public", 0.85), ("members", 0.15)]
ORGANISATION_LANGUAGES = [
    ("en", 0.35), ("ar", 0.15), ("uk", 0.15), ("ru", 0.12), ("prs", 0.05), ("fa", 0.05),
    ("tr", 0.05), ("ku", 0.04), ("fr", 0.04),
]  # fmt: skip
VERIFIED_SHARE = 0.4


@dataclass(frozen=True)
class Plan:
    """What one data set holds."""

    size: str
    scale: float
    members: int
    audit_entries: int
    organisations: int
    version: int = DATA_VERSION


def plan_for(size: str, scale: float) -> Plan:
    members = LARGE_MEMBERS * scale
    audit_entries = LARGE_AUDIT_ENTRIES * scale
    organisations = LARGE_ORGANISATIONS * scale
    if size == "small":
        members, audit_entries, organisations = (
            members / SMALL_DIVISOR,
            audit_entries / SMALL_DIVISOR,
            organisations / SMALL_DIVISOR,
        )
    return Plan(size, scale, max(1, round(members)), max(1, round(audit_entries)), max(1, round(organisations)))


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --- Cache marker ----------------------------------------------------------------------


def _ensure_meta_table() -> None:
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE IF NOT EXISTS bench_meta (name VARCHAR(50) PRIMARY KEY, value TEXT NOT NULL)")


def _stored(name: str) -> dict | None:
    _ensure_meta_table()
    with connection.cursor() as cursor:
        cursor.execute("SELECT value FROM bench_meta WHERE name = %s", [name])
        row = cursor.fetchone()
    return json.loads(row[0]) if row else None


def _store(name: str, value: dict) -> None:
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM bench_meta WHERE name = %s", [name])
        cursor.execute("INSERT INTO bench_meta (name, value) VALUES (%s, %s)", [name, json.dumps(value)])


def stored_plan() -> dict | None:
    return _stored("dataset")


def _store_plan(plan: Plan) -> None:
    _store("dataset", asdict(plan))
    # The tables were emptied and filled anew: the exchange data is generated after them.
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM bench_meta WHERE name = %s", ["exchange"])


# --- Setup -------------------------------------------------------------------------------


def prepare_database(plan: Plan) -> bool:
    """Migrate, load regions and generate the data unless cached. True when generated now."""
    quiet = {"verbosity": 0, "stdout": sys.stderr}
    started = time.perf_counter()
    call_command("migrate", interactive=False, **quiet)
    cached = stored_plan() == asdict(plan)
    if not cached:
        # Another scale or an older generator: start from empty tables.
        call_command("flush", interactive=False, **quiet)
        _after_flush()
    call_command("load_regions", **quiet)
    log(f"[{plan.size}] migrated and loaded regions in {time.perf_counter() - started:.1f} s")
    if cached:
        log(f"[{plan.size}] reusing cached data set ({plan.members} members)")
        return _prepare_exchange(plan)
    started = time.perf_counter()
    with transaction.atomic():
        generate(plan)
        _store_plan(plan)
    # A maintained installation has planner statistics (see `manage.py optimize_database`).
    call_command("optimize_database", **quiet)
    if connection.vendor == "sqlite":
        # The generation went through the write-ahead log (hundreds of MB at scale 1):
        # write it into the database file and empty it, instead of keeping both on disk.
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    log(
        f"[{plan.size}] generated {plan.members} members with profiles, {plan.organisations} "
        f"organisations and {plan.audit_entries} audit entries "
        f"in {time.perf_counter() - started:.1f} s"
    )
    _prepare_exchange(plan)
    return True


def _prepare_exchange(plan: Plan) -> bool:
    """Groups, posts, messages and questions (bench.exchange), generated when their own
    version or the scale changed: the members and their search index stay."""
    from landnetz.accounts.models import User

    wanted = exchange.plan_for(plan.size, plan.scale)
    if _stored("exchange") == wanted:
        log(f"[{plan.size}] reusing cached exchange data ({wanted['posts']} posts)")
        return False
    started = time.perf_counter()
    member = plain_member()
    people = list(
        User.objects.filter(email__endswith=f"@{EMAIL_DOMAIN}")
        .exclude(email__in=[MEMBER_EMAIL, ADMIN_EMAIL])
        .values_list("pk", "region_id")
    )
    with transaction.atomic():
        exchange.clear()
        exchange.generate(wanted, member, people)
        _store("exchange", wanted)
    call_command("optimize_database", verbosity=0, stdout=sys.stderr)
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    log(f"[{plan.size}] generated the exchange data in {time.perf_counter() - started:.1f} s")
    return True


def _after_flush() -> None:
    """Put back what ``flush`` removes but the application relies on.

    ``flush`` empties every model table, also the rows that data migrations seeded (the
    topics, the default legal pages, the search vocabulary), and leaves SQLite's FTS5 table of the site search
    alone (it is no model table), whose old rows would clash with the new entry ids.
    """
    from importlib import import_module

    from django.apps import apps

    for module, function in [
        ("landnetz.core.migrations.0002_default_legal_pages", "insert_default_pages"),
        ("landnetz.core.migrations.0004_default_topics", "insert_topics"),
        ("landnetz.search.migrations.0005_vocabulary_seed", "seed"),
    ]:
        getattr(import_module(module), function)(apps, None)
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_fts")


MEMBER_EMAIL = f"bench-member@{EMAIL_DOMAIN}"


NOTIFICATIONS_PER_MEMBER = 2
# The bench member's own list grows with the data set (100× on the large one), so the
# notification list is measured at two sizes of the list itself, not only of the table.
BENCH_MEMBER_NOTIFICATIONS_DIVISOR = 50


def _generate_notifications(rng: random.Random, plan: Plan, member_rows) -> None:
    from landnetz.notifications.models import Notification

    kinds = ["organisations.join_request", "organisations.verified", "organisations.join_answered"]
    member = plain_member()
    recipients = [pk for pk, _name, _region in member_rows]
    own = max(1, plan.members // BENCH_MEMBER_NOTIFICATIONS_DIVISOR)
    rows = [
        Notification(
            recipient_id=member.pk if index < own else rng.choice(recipients),
            kind=rng.choice(kinds),
            actor_id=rng.choice(recipients),
            data={"organisation": f"Verein {rng.randint(1, 9999)}", "approved": rng.random() < 0.5},
            url_name="core:home",
            read_at=None if rng.random() < 0.3 else timezone.now(),
        )
        for index in range(own + plan.members * NOTIFICATIONS_PER_MEMBER)
    ]
    Notification.objects.bulk_create(rows, batch_size=BATCH_SIZE)


def plain_member():
    """A logged-in member without special rights: what pages needing a member see."""
    from landnetz.accounts.models import User
    from landnetz.core.queries import privacy_statement_version

    member, _ = User.objects.get_or_create(
        email=MEMBER_EMAIL,
        defaults={
            "display_name": "Bench Member",
            "password": make_password(None),
            "privacy_consent_at": timezone.now(),
            "privacy_consent_version": privacy_statement_version(),
        },
    )
    return member


def network_admin():
    """The network admin that pages needing an admin are requested as."""
    from landnetz.accounts.models import User
    from landnetz.core.queries import privacy_statement_version

    admin, _ = User.objects.get_or_create(
        email=ADMIN_EMAIL,
        defaults={
            "display_name": "Bench Admin",
            "is_staff": True,
            "is_superuser": True,
            "password": make_password(None),
            "privacy_consent_at": timezone.now(),
            "privacy_consent_version": privacy_statement_version(),
        },
    )
    return admin


# --- Generation --------------------------------------------------------------------------


def _weighted(rng: random.Random, choices: list[tuple[str, float]]) -> str:
    values, weights = zip(*choices, strict=True)
    return rng.choices(values, weights=weights)[0]


def _name(rng: random.Random) -> tuple[str, str, str, int]:
    """(display name, Latin form for the e-mail address, preferred language, name group)."""
    group_index = rng.choices(range(len(NAME_GROUPS)), weights=[g[0] for g in NAME_GROUPS])[0]
    _, firsts, lasts, languages, native_share = NAME_GROUPS[group_index]
    first, last = rng.choice(firsts), rng.choice(lasts)
    if isinstance(first, tuple):
        native = rng.random() < native_share
        latin = f"{first[0]} {last[0]}"
        display = f"{first[1]} {last[1]}" if native else latin
    else:
        latin = display = f"{first} {last}"
    return display, latin, _weighted(rng, languages), group_index


def generate(plan: Plan) -> None:
    from landnetz.accounts.models import User
    from landnetz.core.models import AuditEntry, Municipality
    from landnetz.core.queries import privacy_statement_version

    rng = random.Random(f"{SEED}-{plan.size}")
    now = timezone.now()
    password = make_password("x")  # one hash for everyone: hashing per row would take hours

    municipalities = list(Municipality.objects.values_list("pk", "region_id", "population"))
    if not municipalities:
        raise RuntimeError("No municipalities: load_regions did not load anything")
    weights = [max(population, 1) for _pk, _region, population in municipalities]
    places = rng.choices(municipalities, weights=weights, k=plan.members)
    anchor = (
        Municipality.objects.filter(region__slug=ANCHOR_REGION, name=ANCHOR_PLACE)
        .values_list("pk", "region_id", "population")
        .first()
    )
    anchors = min(len(ANCHOR_VISIBILITY), plan.members) if anchor else 0
    places[:anchors] = [anchor] * anchors

    started = time.perf_counter()
    members, groups = [], []
    for number, (municipality_id, region_id, _population) in enumerate(places, start=1):
        display, latin, language, group = _name(rng)
        joined = now - timedelta(seconds=rng.randrange(3 * 365 * 24 * 3600))
        groups.append(group)
        members.append(
            User(
                email=f"{slugify(latin).replace('-', '.')}.{number}@{EMAIL_DOMAIN}",
                display_name=display,
                password=password,
                region_id=region_id,
                municipality_id=municipality_id,
                preferred_language=language,
                large_text=rng.random() < 0.05,
                privacy_consent_at=joined,
                privacy_consent_version=privacy_statement_version(),
                date_joined=joined,
            )
        )
    User.objects.bulk_create(members, batch_size=BATCH_SIZE)
    # Every member row gets a profile; bulk_create returned the ids (SQLite and PostgreSQL).
    people = [(m.pk, m.municipality_id, group) for m, group in zip(members, groups, strict=True)]
    del members, groups
    _step(plan, "members", started)

    admin = network_admin()
    # A few coordinators (one per 500 members), each for the region they live in.
    member_rows = list(
        User.objects.filter(email__endswith=f"@{EMAIL_DOMAIN}")
        .exclude(pk=admin.pk)
        .order_by("pk")
        .values_list("pk", "display_name", "region_id")
    )
    coordinators = rng.sample(member_rows, k=max(1, len(member_rows) // 500))
    Through = User.coordinated_regions.through
    Through.objects.bulk_create(
        [Through(user_id=pk, region_id=region_id) for pk, _name, region_id in coordinators],
        batch_size=BATCH_SIZE,
    )
    actors = [admin.pk] + [pk for pk, _name, _region in coordinators]

    started = time.perf_counter()
    _generate_profiles(rng, people, anchors)
    _step(plan, "profiles", started)
    started = time.perf_counter()
    _generate_organisations(rng, plan, people, admin)
    _step(plan, "organisations", started)
    started = time.perf_counter()
    _generate_notifications(rng, plan, member_rows)
    _step(plan, "notifications", started)

    started = time.perf_counter()
    entries = []
    for _ in range(plan.audit_entries):
        verb = rng.choice(AUDIT_VERBS)
        if verb == "legal_page.saved":
            object_type, object_id = "core.legalpage", str(rng.randint(1, 4))
            object_repr, region_id, actor_id = rng.choice(LEGAL_PAGE_REPRS), None, admin.pk
            data = {"version": rng.randint(2, 20)}
        else:
            pk, display, region_id = rng.choice(member_rows)
            object_type, object_id, object_repr = "accounts.user", str(pk), display
            actor_id, data = rng.choice(actors), {}
        entries.append(
            AuditEntry(
                created_at=now - timedelta(seconds=rng.randrange(365 * 24 * 3600)),
                actor_id=actor_id,
                verb=verb,
                object_type=object_type,
                object_id=object_id,
                object_repr=object_repr,
                region_id=region_id,
                data=data,
            )
        )
    # created_at is auto_now_add, which would stamp every row with "now": switch it off
    # while inserting so that the log spans a year like a real one.
    created_at = AuditEntry._meta.get_field("created_at")
    created_at.auto_now_add = False
    try:
        AuditEntry.objects.bulk_create(entries, batch_size=BATCH_SIZE)
    finally:
        created_at.auto_now_add = True
    _step(plan, "audit entries", started)

    started = time.perf_counter()
    written = _index_directory()
    _step(plan, f"directory index ({written} entries)", started)


def _step(plan: Plan, what: str, started: float) -> None:
    log(f"[{plan.size}]   {what}: {time.perf_counter() - started:.1f} s")


def _chance(rng: random.Random, share: float) -> bool:
    return rng.random() < share


def _spoken_languages(rng: random.Random, group: int) -> list[tuple[str, str]]:
    """1–3 (code, level) pairs: the name group's language first, Dari for about 5 %."""
    first, extras = SPOKEN[group]
    codes = [first] + [code for code, share in extras if _chance(rng, share)]
    codes = codes[:3]
    if _chance(rng, DARI_SHARE):
        codes = codes[:2] + ["prs"]
    levels = ["native"] + [rng.choice(OTHER_LEVELS) for _ in codes[1:]]
    return list(zip(codes, levels, strict=True))


def _bio(rng: random.Random, place: str, topic: str) -> str:
    if _chance(rng, 0.2):
        return ""
    sentences = [
        rng.choice(BIO_OPENERS).format(years=rng.randint(1, 30), year=rng.randint(2005, 2025), place=place),
        *[middle.format(topic=topic) for middle in rng.sample(BIO_MIDDLES, k=rng.randint(1, 2))],
        rng.choice(BIO_CLOSERS),
    ]
    return " ".join(sentence for sentence in sentences if sentence)


def _generate_profiles(rng: random.Random, people: list[tuple[int, int, int]], anchors: int) -> None:
    """One profile per member, with topics and spoken languages, in batches.

    The first ``anchors`` members get the anchor profiles (see ANCHOR_VISIBILITY).
    """
    from landnetz.accounts.models import Profile, ProfileLanguage
    from landnetz.core.models import Municipality, Topic

    topics = list(Topic.objects.order_by("pk").values_list("pk", "name"))
    if not topics:
        raise RuntimeError("No topics: the data migration's topics are missing")
    place_names = dict(Municipality.objects.values_list("pk", "name"))
    sectors = [(sector, titles) for sector, _share, titles in PROFILE_SECTORS]
    sector_weights = [share for _sector, share, _titles in PROFILE_SECTORS]
    visibilities, visibility_weights = zip(*PROFILE_VISIBILITY, strict=True)
    TopicThrough = Profile.topics.through

    for start in range(0, len(people), BATCH_SIZE):
        batch = people[start : start + BATCH_SIZE]
        profiles, details = [], []
        for user_id, municipality_id, group in batch:
            sector, titles = rng.choices(sectors, weights=sector_weights)[0]
            chosen_topics = rng.sample(topics, k=rng.randint(0, MAX_PROFILE_TOPICS))
            languages = _spoken_languages(rng, group)
            interpreter = len(languages) >= 2 and _chance(rng, INTERPRETER_SHARE)
            title = rng.choice(titles)
            if interpreter and _chance(rng, 0.35):
                title = rng.choice(INTERPRETER_TITLES)
            topic_name = chosen_topics[0][1] if chosen_topics else rng.choice(topics)[1]
            visibility = rng.choices(visibilities, weights=visibility_weights)[0]
            if start + len(profiles) < anchors:
                visibility = ANCHOR_VISIBILITY[start + len(profiles)]
                sector, title, interpreter = "civil_society", rng.choice(INTERPRETER_TITLES), True
                languages = [("prs", "native"), ("de", "fluent")]
            profiles.append(
                Profile(
                    user_id=user_id,
                    visibility=visibility,
                    sector=sector,
                    job_title=title,
                    bio=_bio(rng, place_names.get(municipality_id, ""), topic_name),
                    is_interpreter=interpreter,
                    open_to_newcomers=_chance(rng, 0.3),
                )
            )
            details.append((chosen_topics, languages))
        Profile.objects.bulk_create(profiles, batch_size=BATCH_SIZE)
        ProfileLanguage.objects.bulk_create(
            [
                ProfileLanguage(profile_id=profile.pk, code=code, level=level)
                for profile, (_topics, languages) in zip(profiles, details, strict=True)
                for code, level in languages
            ],
            batch_size=BATCH_SIZE,
        )
        TopicThrough.objects.bulk_create(
            [
                TopicThrough(profile_id=profile.pk, topic_id=topic_id)
                for profile, (chosen, _languages) in zip(profiles, details, strict=True)
                for topic_id, _name in chosen
            ],
            batch_size=BATCH_SIZE,
        )


def _jitter(rng: random.Random, value):
    """A point near the municipality's centre: organisations have their own address."""
    if value is None:
        return None
    return (value + Decimal(rng.uniform(-0.02, 0.02))).quantize(Decimal("0.000001"))


def _generate_organisations(rng: random.Random, plan: Plan, people, admin) -> None:
    """Organisations spread like the members, each with one active admin from its place."""
    from landnetz.core.models import Municipality, Topic
    from landnetz.organisations.models import Membership, Organisation, OrganisationLanguage

    places = list(Municipality.objects.values_list("pk", "name", "population", "latitude", "longitude"))
    chosen_places = rng.choices(places, weights=[max(p[2], 1) for p in places], k=plan.organisations)
    residents: dict[int, list[int]] = {}
    for user_id, municipality_id, _group in people:
        residents.setdefault(municipality_id, []).append(user_id)
    topic_ids = list(Topic.objects.order_by("pk").values_list("pk", flat=True))
    kind_weights = [share for _kind, _sector, share, _prefixes in ORGANISATION_KINDS]

    organisations, details = [], []
    for number, (municipality_id, place, _population, latitude, longitude) in enumerate(chosen_places, start=1):
        kind, sector, _share, prefixes = rng.choices(ORGANISATION_KINDS, weights=kind_weights)[0]
        prefix = rng.choice(prefixes)
        # The running number keeps (name, municipality) and the slug unique.
        name = f"{prefix} {place} {number}"[:150]
        description = " ".join([f"{prefix} in {place}.", *rng.sample(ORGANISATION_SENTENCES, k=rng.randint(1, 3))])
        admin_id = rng.choice(residents.get(municipality_id) or [p[0] for p in people])
        verified = _chance(rng, VERIFIED_SHARE)
        organisations.append(
            Organisation(
                name=name,
                slug=slugify(name)[:170],
                kind=kind,
                sector=sector,
                description=description,
                municipality_id=municipality_id,
                latitude=_jitter(rng, latitude),
                longitude=_jitter(rng, longitude),
                visibility=_weighted(rng, ORGANISATION_VISIBILITY),
                verified_at=timezone.now() if verified else None,
                verified_by_id=admin.pk if verified else None,
                created_by_id=admin_id,
            )
        )
        extra = [code for code, share in ORGANISATION_LANGUAGES if _chance(rng, share)][:2]
        details.append((admin_id, ["de", *extra], rng.sample(topic_ids, k=rng.randint(0, 3))))
    Organisation.objects.bulk_create(organisations, batch_size=BATCH_SIZE)

    TopicThrough = Organisation.topics.through
    pairs = list(zip(organisations, details, strict=True))
    Membership.objects.bulk_create(
        [
            Membership(
                organisation_id=organisation.pk,
                user_id=admin_id,
                role=Membership.Role.ADMIN,
                status=Membership.Status.ACTIVE,
                is_contact_person=True,
            )
            for organisation, (admin_id, _codes, _topics) in pairs
        ],
        batch_size=BATCH_SIZE,
    )
    OrganisationLanguage.objects.bulk_create(
        [
            OrganisationLanguage(organisation_id=organisation.pk, code=code)
            for organisation, (_admin, codes, _topics) in pairs
            for code in codes
        ],
        batch_size=BATCH_SIZE,
    )
    TopicThrough.objects.bulk_create(
        [
            TopicThrough(organisation_id=organisation.pk, topic_id=topic_id)
            for organisation, (_admin, _codes, topics) in pairs
            for topic_id in topics
        ],
        batch_size=BATCH_SIZE,
    )


def _index_directory() -> int:
    """The site search index for every profile and organisation, in batches of 2 000."""
    from landnetz.search.index import rebuild

    return rebuild()
