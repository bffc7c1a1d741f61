"""Demo groups: open, closed and secret groups of the personas and invented members.

Written through the models (no e-mails, no notifications while loading); the search index
is rebuilt by ``load_demo`` afterwards. Idempotent: groups are found by their address,
memberships by group and member. Runs first of the content loaders: the news of the
demo (feed) posts into these groups.
"""

from landnetz.accounts.models import User
from landnetz.core.models import Region
from landnetz.groups.models import Group, GroupMembership

# (address, name, kind, region slug, description language, description, admin e-mails,
#  member e-mails, invented members from the region (count), e-mails that asked to join)
GROUPS = [
    (
        "netzwerk-integration-altmark",
        "Netzwerk Integration Altmark",
        "closed",
        "stendal",
        "de",
        "Arbeitsgruppe der Integrationsakteure im Landkreis Stendal: Integrationskoordination, "
        "Jobcenter, Migrationsberatung, Vereine und Ehrenamtliche.\n\n"
        "- Treffen jeden ersten Dienstag im Monat, abwechselnd in Stendal und Tangermünde\n"
        "- Protokolle und Termine der **Welcome Tables** in Havelberg und Osterburg\n"
        "- Absprachen, wer welche Sprechstunde in den Dörfern übernimmt",
        ["coordinator@example.org"],
        ["roomowner@example.org", "volunteer@example.org", "mariam.rahimi@example.org", "hamid.sultani@example.org"],
        5,
        ["anja.richter@example.org"],
    ),
    (
        "sprachcafe-ehrenamtliche-tangerhuette",
        "Sprachcafé-Ehrenamtliche Tangerhütte",
        "open",
        "stendal",
        "de",
        "Wir organisieren das Sprachcafé im Gemeindehaus Tangerhütte, donnerstags 16 bis 18 Uhr. "
        "Hier stimmen wir ab, wer Kuchen mitbringt, wer die Kinderecke betreut und welche Themen "
        "wir üben (Arzttermin, Elternabend, Bus nach Stendal). Neue Helferinnen und Helfer sind "
        "herzlich willkommen – einfach beitreten.",
        ["volunteer@example.org"],
        ["newcomer@example.org", "anja.richter@example.org"],
        3,
        [],
    ),
    (
        "kennenlernreise-arbeitgeber-burgenlandkreis",
        "Kennenlernreise Arbeitgeber Burgenlandkreis",
        "closed",
        "burgenlandkreis",
        "de",
        "Vorbereitung der nächsten **Kennenlernreise**: Ein Bus holt Interessierte in Weißenfels, "
        "Zeitz und Naumburg ab und fährt zu drei Betrieben in Teuchern und Hohenmölsen. "
        "In der Gruppe sammeln wir Betriebe, Abholpunkte, Sprachmittlung und Anmeldungen.",
        ["migrantorg@example.org"],
        ["employer@example.org", "georgi.dimitrov@example.org", "counsellor@example.org"],
        4,
        [],
    ),
    (
        # A secret group's address ends in random letters (see groups.services); fixed here.
        "fallbesprechung-migrationsberatung-5e1c9a07",
        "Fallbesprechung Migrationsberatung",
        "secret",
        "burgenlandkreis",
        "de",
        "Vertraulicher Austausch der Migrationsberatung im Burgenlandkreis zu schwierigen Fällen "
        "(ohne Namen der Ratsuchenden): Aufenthalt, Familiennachzug, Anerkennung von Abschlüssen. "
        "Nur auf Einladung.",
        ["counsellor@example.org"],
        ["mariam.rahimi@example.org"],
        2,
        [],
    ),
    (
        "ukrainische-familien-altmark",
        "Українські родини в Альтмарку",
        "open",
        "stendal",
        "uk",
        "Група для українських родин у Штендалі, Тангерхютте та околицях. Ділимося порадами: "
        "де знайти дитячого лікаря, як записатися на інтеграційний курс, коли їде автобус до "
        "Штендаля. Пишіть українською або німецькою.",
        ["newcomer@example.org"],
        ["oksana.melnyk@example.org", "volunteer@example.org"],
        2,
        [],
    ),
    (
        "eltern-arabisch-naumburg",
        "أولياء الأمور العرب في ناومبورغ",
        "open",
        "burgenlandkreis",
        "ar",
        "مجموعة لأولياء الأمور الناطقين بالعربية في ناومبورغ وفايسنفلس. نتبادل المعلومات عن "
        "المدارس ورياض الأطفال ومواعيد الاستشارة، وننظم لقاءً شهريًا في مقر الجمعية في فايسنفلس.",
        ["migrantorg@example.org"],
        ["counsellor@example.org"],
        3,
        [],
    ),
    (
        "arbeitskreis-ausbildung-altmarkkreis-salzwedel",
        "Arbeitskreis Ausbildung Altmarkkreis Salzwedel",
        "closed",
        "altmarkkreis-salzwedel",
        "de",
        "Betriebe aus Gardelegen, Salzwedel und Klötze, die Auszubildende mit Fluchtgeschichte "
        "begleiten: Erfahrungen mit berufsbezogenen Sprachkursen, Berufsschule und Ausbildungsduldung.",
        ["employer@example.org"],
        [],
        3,
        ["oksana.melnyk@example.org"],
    ),
    (
        "landesrunde-integrationskoordination",
        "Landesrunde Integrationskoordination",
        "closed",
        "",
        "de",
        "Austausch der Integrationskoordinatorinnen und -koordinatoren aller Landkreise und "
        "kreisfreien Städte Sachsen-Anhalts: Förderprogramme, Berichte, gute Beispiele aus den Regionen.",
        ["coordinator@example.org"],
        ["admin@example.org"],
        2,
        [],
    ),
]


def _invented_members(region: Region | None, count: int) -> list:
    members = User.objects.filter(email__startswith="member", is_active=True)
    if region is not None:
        members = members.filter(region=region)
    return list(members.order_by("email")[:count])


def load(*, rng, stdout) -> None:
    regions = {region.slug: region for region in Region.objects.all()}
    users = {user.email: user for user in User.objects.filter(email__contains="@example.org")}
    created = 0
    for slug, name, kind, region_slug, language, description, admins, members, invented, asked in GROUPS:
        region = regions.get(region_slug) if region_slug else None
        if region_slug and region is None:
            continue
        first_admin = users.get(admins[0])
        group, new = Group.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "kind": kind,
                "region": region,
                "description": description,
                "description_language": language,
                "created_by": first_admin,
            },
        )
        created += new
        people = [(email, "admin", "active") for email in admins]
        people += [(email, "member", "active") for email in members]
        people += [(user.email, "member", "active") for user in _invented_members(region, invented)]
        people += [(email, "member", "requested") for email in asked]
        for email, role, status in people:
            user = users.get(email) or User.objects.filter(email=email).first()
            if user is not None:
                GroupMembership.objects.get_or_create(group=group, user=user, defaults={"role": role, "status": status})
    stdout.write(f"Groups: {created} created ({len(GROUPS)} in the demo)")
