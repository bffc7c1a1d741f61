"""Demo news: posts in German, Ukrainian, Arabic and Russian by the personas and invented
members, to the network, to regions and in the demo groups, with comments, replies,
reactions and mentions; one announcement by the coordinator is pinned for Stendal.

Written through the models (no notifications, no e-mails, no link previews while loading);
``load_demo`` rebuilds the search index afterwards. Idempotent: a post is found by its
author and its text, a comment by its post, author and text.
"""

from datetime import timedelta

from django.utils import timezone

from landnetz.accounts.models import User
from landnetz.core.models import Region
from landnetz.feed.models import Comment, Mention, Post, Reaction
from landnetz.groups.models import Group
from landnetz.organisations.models import Membership

ARABIC_SPEAKER = "@arabic"  # an invented member in the Landkreis Stendal with an Arabic first name
ARABIC_NAMES = ("Ahmad", "Rasha", "Khaled", "Lina", "Yusuf", "Nour")
PINNED = "coordinator@example.org"

# (author, language, kind, target: "network" | "region:<slug>" | "group:<address>", organisation name or "",
#  hours ago, text, [(author, language, text, [(author, language, text)])], [reacting members and kind])
POSTS = [
    (
        "coordinator@example.org",
        "de",
        "announcement",
        "region:stendal",
        "Integrationskoordination Landkreis Stendal",
        30,
        "**Neue Sprechstunde der Integrationskoordination**\n\n"
        "Ab sofort bin ich jeden Dienstag von 9 bis 12 Uhr im Landratsamt Stendal für Sie da – "
        "ohne Termin. Donnerstags fahre ich abwechselnd nach Havelberg und Osterburg.\n\n"
        "- Fragen zu Sprachkursen, Anerkennung und Arbeit\n"
        "- Wer ist wofür zuständig?\n"
        "- Sprachmittlung für Dari und Farsi: @[Mariam Rahimi] kommt mit\n\n"
        "Bitte sagen Sie es weiter!",
        [
            ("volunteer@example.org", "de", "Danke, Frau Behrendt! Ich hänge den Termin im Sprachcafé aus.", []),
            (
                "newcomer@example.org",
                "uk",
                "Дякую! Чи можна прийти з дітьми?",
                [("coordinator@example.org", "de", "Ja, natürlich – es gibt eine Spielecke im Wartebereich.")],
            ),
        ],
        [("volunteer@example.org", "thanks"), ("roomowner@example.org", "like"), ("newcomer@example.org", "heart")],
    ),
    (
        "volunteer@example.org",
        "de",
        "news",
        "region:stendal",
        "Sprachcafé Tangerhütte",
        52,
        "Liebe Leute, beim Sprachcafé im Gemeindehaus Tangerhütte waren gestern 23 Menschen aus "
        "sieben Ländern! Wir haben geübt, wie man beim Arzt einen Termin ausmacht. "
        "Nächstes Mal: der Elternabend in der Schule. Kuchen bringt diesmal Familie Melnyk mit.",
        [
            (
                "newcomer@example.org",
                "uk",
                "Було дуже приємно! Мої діти чекають на наступний раз 😊",
                [("volunteer@example.org", "de", "Wir freuen uns auf Sie, Frau Kovalenko!")],
            ),
            (
                "anja.richter@example.org",
                "de",
                "Wenn Sie mögen, komme ich einmal vorbei und erkläre, wie eine Praxis funktioniert.",
                [],
            ),
        ],
        [("newcomer@example.org", "heart"), ("coordinator@example.org", "like"), ("anja.richter@example.org", "like")],
    ),
    (
        "newcomer@example.org",
        "uk",
        "request",
        "group:ukrainische-familien-altmark",
        "",
        20,
        "Добрий день! Хтось знає дитячого лікаря у Штендалі чи Тангерхютте, який зараз приймає "
        "нових пацієнтів? Моєму синові потрібен огляд для школи.",
        [
            (
                "oksana.melnyk@example.org",
                "uk",
                "Спробуйте дитячу практику біля вокзалу у Штендалі, там була вільна черга в понеділок зранку. "
                "Якщо треба, я можу допомогти з дзвінком німецькою.",
                [("newcomer@example.org", "uk", "Дуже дякую, Оксано! Напишу вам.")],
            ),
            (
                "volunteer@example.org",
                "de",
                "Fragen Sie auch Frau Dr. Richter beim Sprachcafé, sie kennt die Praxen hier.",
                [],
            ),
        ],
        [("oksana.melnyk@example.org", "like"), ("volunteer@example.org", "heart")],
    ),
    (
        "migrantorg@example.org",
        "ar",
        "news",
        "group:eltern-arabisch-naumburg",
        "",
        44,
        "مرحبًا بالجميع! لقاؤنا الشهري لأولياء الأمور يوم السبت القادم الساعة الثالثة في مقر الجمعية في "
        "فايسنفلس. سنتحدث عن التسجيل في المدارس الثانوية ونوضح رسالة المدرسة حول الرحلة الصفية. "
        "الأطفال مرحب بهم، وسيكون هناك شاي وكعك.",
        [
            (
                "counsellor@example.org",
                "ar",
                "سأحضر أيضًا وأجيب عن أسئلة حول لمّ الشمل والإقامة.",
                [("migrantorg@example.org", "ar", "شكرًا جزيلًا يا فريدة!")],
            ),
        ],
        [("counsellor@example.org", "heart")],
    ),
    (
        "employer@example.org",
        "de",
        "offer",
        "region:altmarkkreis-salzwedel",
        "Metallbau Gräfe GmbH",
        70,
        "Wir bilden ab 1. August wieder aus: **zwei Plätze als Metallbauer/in** in Gardelegen. "
        "Deutsch auf B1-Niveau reicht zum Start – den berufsbezogenen Sprachkurs machen Sie bei uns "
        "im Betrieb, zwei Nachmittage pro Woche. Ein Praktikum vorab ist jederzeit möglich.\n\n"
        "Melden Sie sich gern bei mir oder über das Jobcenter Altmarkkreis Salzwedel.",
        [("oksana.melnyk@example.org", "de", "Ich gebe das an meinen Integrationskurs in Gardelegen weiter.", [])],
        [("oksana.melnyk@example.org", "like"), ("coordinator@example.org", "like")],
    ),
    (
        "counsellor@example.org",
        "de",
        "announcement",
        "region:burgenlandkreis",
        "Caritas Migrationsberatung Naumburg",
        96,
        "Die **mobile Migrationsberatung** ist im März unterwegs:\n\n"
        "- Zeitz, Bürgerhaus: 5. und 19. März, 10–13 Uhr\n"
        "- Hohenmölsen, Rathaus: 12. März, 9–12 Uhr\n"
        "- Teuchern, Gemeindezentrum: 26. März, 14–17 Uhr\n\n"
        "Beratung auf Deutsch, Arabisch, Dari und Farsi. Bitte bringen Sie Ihre Briefe mit.",
        [
            (
                "georgi.dimitrov@example.org",
                "de",
                "Gibt es auch Beratung auf Bulgarisch? Viele Kollegen in Zeitz fragen.",
                [
                    (
                        "counsellor@example.org",
                        "de",
                        "Ich frage beim Bulgarischen Kulturverein Zeitz nach einer Sprachmittlung.",
                    )
                ],
            )
        ],
        [("migrantorg@example.org", "thanks"), ("georgi.dimitrov@example.org", "like")],
    ),
    (
        "oksana.melnyk@example.org",
        "ru",
        "request",
        "region:altmarkkreis-salzwedel",
        "",
        12,
        "Кто-нибудь едет в четверг утром из Гарделегена в Магдебург? Нужна попутка на экзамен telc B1 "
        "к 9 часам. Готова заплатить за бензин.",
        [("employer@example.org", "de", "Ein Kollege fährt donnerstags um 7 Uhr nach Magdeburg – ich frage ihn.", [])],
        [("employer@example.org", "like")],
    ),
    (
        "roomowner@example.org",
        "de",
        "offer",
        "region:stendal",
        "Freiwillige Feuerwehr Bismark",
        120,
        "Unser Schulungsraum im Feuerwehrhaus Bismark (40 Plätze, barrierefrei) ist an den "
        "Wochenenden im April noch frei – kostenlos für Begegnungsabende, Sprachcafés oder "
        "Elterntreffen. Beamer und Küche sind da. Schreiben Sie mir einfach.",
        [("volunteer@example.org", "de", "Das wäre schön für ein Frühlingsfest mit dem Sprachcafé!", [])],
        [("coordinator@example.org", "thanks"), ("volunteer@example.org", "like")],
    ),
    (
        ARABIC_SPEAKER,
        "ar",
        "request",
        "region:stendal",
        "",
        8,
        "مساء الخير، أبحث عن دورة لغة ألمانية مسائية في ستندال، لأنني أعمل في الصباح في مخبز في "
        "تانغرمونده. هل يعرف أحدكم دورة بعد الساعة الخامسة؟",
        [
            (
                "coordinator@example.org",
                "de",
                "Die Volkshochschule Stendal hat einen Abendkurs ab April. Kommen Sie gern dienstags in meine Sprechstunde, dann melden wir Sie an.",
                [],
            )
        ],
        [("coordinator@example.org", "like")],
    ),
    (
        "admin@example.org",
        "de",
        "news",
        "network",
        "",
        200,
        "Willkommen im **Landnetz Sachsen-Anhalt**! Hier finden Sie Menschen und Organisationen, die "
        "Neuzugewanderten helfen – von Salzwedel bis Zeitz. Schreiben Sie Neuigkeiten an das ganze "
        "Netzwerk, an Ihre Region oder in Ihre Gruppen, und folgen Sie Menschen, deren Beiträge Sie "
        "interessieren.",
        [("mariam.rahimi@example.org", "de", "Schön, dass es das jetzt gibt!", [])],
        [("coordinator@example.org", "heart"), ("counsellor@example.org", "like"), ("migrantorg@example.org", "like")],
    ),
    (
        "coordinator@example.org",
        "de",
        "news",
        "group:netzwerk-integration-altmark",
        "",
        26,
        "Protokoll vom Treffen in Tangermünde:\n\n"
        "1. Welcome Table Havelberg: nächster Termin 14. April, @[Jens Kowalski] fragt nach dem Raum der Feuerwehr.\n"
        "2. Sprechstunden in den Dörfern: Osterburg übernimmt künftig die Migrationsberatung.\n"
        "3. Fördermittel für Sprachmittlung: Antrag bis Ende des Monats.",
        [("roomowner@example.org", "de", "Der Raum in Bismark ist am 14. April frei, ich trage es ein.", [])],
        [("roomowner@example.org", "like")],
    ),
    (
        "counsellor@example.org",
        "de",
        "news",
        "group:fallbesprechung-migrationsberatung-5e1c9a07",
        "",
        34,
        "Fallbesprechung am Mittwoch: Familiennachzug bei subsidiärem Schutz und die neue Wartezeit "
        "bei der Botschaft. Bitte bringen Sie anonymisierte Fälle mit.",
        [("mariam.rahimi@example.org", "de", "Ich bringe zwei Fälle aus Stendal mit.", [])],
        [],
    ),
    (
        "mariam.rahimi@example.org",
        "de",
        "offer",
        "network",
        "",
        60,
        "Ich dolmetsche ehrenamtlich **Dari und Farsi** bei Arztbesuchen und Elterngesprächen im "
        "Landkreis Stendal, auch am Telefon. Schreiben Sie mir mindestens zwei Tage vorher.",
        [("hamid.sultani@example.org", "de", "Und ich helfe gern bei Paschtu aus.", [])],
        [
            ("coordinator@example.org", "thanks"),
            ("anja.richter@example.org", "heart"),
            ("hamid.sultani@example.org", "like"),
        ],
    ),
]


def _arabic_speaker() -> User | None:
    stendal = Region.objects.filter(slug="stendal").first()
    for name in ARABIC_NAMES:
        found = User.objects.filter(email__startswith="member", region=stendal, display_name__startswith=name + " ")
        if (user := found.order_by("email").first()) is not None:
            return user
    return None


def _user(email: str, users: dict) -> User | None:
    if email == ARABIC_SPEAKER:
        return _arabic_speaker()
    return users.get(email) or User.objects.filter(email=email).first()


def _with_mentions(text: str) -> tuple[str, list[User]]:
    """``@[Name]`` of a member written as the stored mention ``@[Name](id)``."""
    mentioned = []
    for user in User.objects.filter(display_name__in=_named(text), is_active=True):
        text = text.replace(f"@[{user.display_name}]", f"@[{user.display_name}]({user.pk})")
        mentioned.append(user)
    return text, mentioned


def _named(text: str) -> list[str]:
    names, start = [], 0
    while (begin := text.find("@[", start)) != -1:
        end = text.find("]", begin)
        if end == -1:
            break
        names.append(text[begin + 2 : end])
        start = end
    return names


def _target(target: str) -> dict | None:
    if target == "network":
        return {"target": Post.Target.NETWORK}
    kind, _sep, key = target.partition(":")
    if kind == "region":
        region = Region.objects.filter(slug=key).first()
        return None if region is None else {"target": Post.Target.REGION, "region": region}
    group = Group.objects.filter(slug=key).first()
    return None if group is None else {"target": Post.Target.GROUP, "group": group}


def _speaking_for(author: User, name: str):
    if not name:
        return None
    membership = (
        Membership.objects.filter(user=author, organisation__name=name, role="admin", status="active")
        .select_related("organisation")
        .first()
    )
    return membership.organisation if membership else None


def load(*, rng, stdout) -> None:
    users = {user.email: user for user in User.objects.filter(email__contains="@example.org")}
    now = timezone.now()
    created = 0
    for author_email, language, kind, target, organisation, hours, text, comments, reactions in POSTS:
        author, where = _user(author_email, users), _target(target)
        if author is None or where is None:
            continue
        body, mentioned = _with_mentions(text)
        moment = now - timedelta(hours=hours)
        post, new = Post.objects.get_or_create(
            author=author,
            body=body,
            defaults={
                "body_language": language,
                "kind": kind,
                "organisation": _speaking_for(author, organisation),
                "created_at": moment,
                **where,
            },
        )
        created += new
        if new and author_email == PINNED and kind == "announcement":
            post.pinned_until = now + timedelta(days=21)
            post.save(update_fields=["pinned_until"])
        for user in mentioned:
            Mention.objects.get_or_create(post=post, comment=None, user=user)
        for number, (commenter, comment_language, comment_text, replies) in enumerate(comments):
            comment = _comment(post, None, commenter, comment_language, comment_text, users, moment, number + 1)
            if comment is None:
                continue
            for reply_number, (replier, reply_language, reply_text) in enumerate(replies):
                _comment(post, comment, replier, reply_language, reply_text, users, moment, number + 2 + reply_number)
        for member, reaction in reactions:
            reactor = _user(member, users)
            if reactor is not None:
                Reaction.objects.get_or_create(post=post, user=reactor, kind=reaction)
    stdout.write(f"News: {created} posts created ({len(POSTS)} in the demo, one pinned for Landkreis Stendal)")


def _comment(post, parent, email, language, text, users, moment, hours_later) -> Comment | None:
    author = _user(email, users)
    if author is None:
        return None
    comment, _new = Comment.objects.get_or_create(
        post=post,
        parent=parent,
        author=author,
        body=text,
        defaults={"body_language": language, "created_at": moment + timedelta(hours=hours_later)},
    )
    return comment
