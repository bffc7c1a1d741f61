"""Generate the benchmark data set: many members and audit log entries.

Everything is created with ``bulk_create`` and one precomputed password hash, so that
100 000 members take seconds, not hours. The data is invented but shaped like the real
network: German, Ukrainian and Arabic names, members spread over the real municipalities
of the Land (weighted by population), a few coordinators, audit entries by them.

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

from django.contrib.auth.hashers import make_password
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify

DATA_VERSION = 1
SEED = 20260101
BATCH_SIZE = 5_000
EMAIL_DOMAIN = "bench.example.org"
ADMIN_EMAIL = f"bench-admin@{EMAIL_DOMAIN}"

# At scale 1 the large data set holds these numbers; the small one 1/100 of them.
LARGE_MEMBERS = 100_000
LARGE_AUDIT_ENTRIES = 10_000
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


@dataclass(frozen=True)
class Plan:
    """What one data set holds."""

    size: str
    scale: float
    members: int
    audit_entries: int
    version: int = DATA_VERSION


def plan_for(size: str, scale: float) -> Plan:
    members = LARGE_MEMBERS * scale
    audit_entries = LARGE_AUDIT_ENTRIES * scale
    if size == "small":
        members, audit_entries = members / SMALL_DIVISOR, audit_entries / SMALL_DIVISOR
    return Plan(size, scale, max(1, round(members)), max(1, round(audit_entries)))


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --- Cache marker ----------------------------------------------------------------------


def _ensure_meta_table() -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TABLE IF NOT EXISTS bench_meta "
            "(name VARCHAR(50) PRIMARY KEY, value TEXT NOT NULL)"
        )


def stored_plan() -> dict | None:
    _ensure_meta_table()
    with connection.cursor() as cursor:
        cursor.execute("SELECT value FROM bench_meta WHERE name = %s", ["dataset"])
        row = cursor.fetchone()
    return json.loads(row[0]) if row else None


def _store_plan(plan: Plan) -> None:
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM bench_meta WHERE name = %s", ["dataset"])
        cursor.execute(
            "INSERT INTO bench_meta (name, value) VALUES (%s, %s)",
            ["dataset", json.dumps(asdict(plan))],
        )


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
    call_command("load_regions", **quiet)
    log(f"[{plan.size}] migrated and loaded regions in {time.perf_counter() - started:.1f} s")
    if cached:
        log(f"[{plan.size}] reusing cached data set ({plan.members} members)")
        return False
    started = time.perf_counter()
    with transaction.atomic():
        generate(plan)
        _store_plan(plan)
    log(
        f"[{plan.size}] generated {plan.members} members and {plan.audit_entries} audit entries "
        f"in {time.perf_counter() - started:.1f} s"
    )
    return True


def network_admin():
    """The network admin that pages needing an admin are requested as."""
    from landnetz.accounts.models import User

    admin, _ = User.objects.get_or_create(
        email=ADMIN_EMAIL,
        defaults={
            "display_name": "Bench Admin",
            "is_staff": True,
            "is_superuser": True,
            "password": make_password(None),
            "privacy_consent_at": timezone.now(),
        },
    )
    return admin


# --- Generation --------------------------------------------------------------------------


def _weighted(rng: random.Random, choices: list[tuple[str, float]]) -> str:
    values, weights = zip(*choices, strict=True)
    return rng.choices(values, weights=weights)[0]


def _name(rng: random.Random) -> tuple[str, str, str]:
    """(display name, Latin form for the e-mail address, preferred language)."""
    group = rng.choices(NAME_GROUPS, weights=[g[0] for g in NAME_GROUPS])[0]
    _, firsts, lasts, languages, native_share = group
    first, last = rng.choice(firsts), rng.choice(lasts)
    if isinstance(first, tuple):
        native = rng.random() < native_share
        latin = f"{first[0]} {last[0]}"
        display = f"{first[1]} {last[1]}" if native else latin
    else:
        latin = display = f"{first} {last}"
    return display, latin, _weighted(rng, languages)


def generate(plan: Plan) -> None:
    from landnetz.accounts.models import User
    from landnetz.core.models import AuditEntry, Municipality

    rng = random.Random(f"{SEED}-{plan.size}")
    now = timezone.now()
    password = make_password("x")  # one hash for everyone: hashing per row would take hours

    municipalities = list(Municipality.objects.values_list("pk", "region_id", "population"))
    if not municipalities:
        raise RuntimeError("No municipalities: load_regions did not load anything")
    weights = [max(population, 1) for _pk, _region, population in municipalities]
    places = rng.choices(municipalities, weights=weights, k=plan.members)

    members = []
    for number, (municipality_id, region_id, _population) in enumerate(places, start=1):
        display, latin, language = _name(rng)
        joined = now - timedelta(seconds=rng.randrange(3 * 365 * 24 * 3600))
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
                privacy_consent_version=1,
                date_joined=joined,
            )
        )
    User.objects.bulk_create(members, batch_size=BATCH_SIZE)
    del members

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
