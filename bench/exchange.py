"""The exchange in the benchmark data set (#9): groups, posts, conversations, OpenMIC questions.

Generated after the members (``bench.datagen``) and kept apart from them with a version of
its own (``EXCHANGE_VERSION``): changing what is generated here regenerates only these
tables, not the 100 000 members and their search index.

At scale 1 the large data set holds 5 000 groups, 1 000 000 posts (with comments and
reactions), 2 000 000 messages and 20 000 questions; the small one 1/100 of each. The
bench member (``datagen.plain_member``) lives in Stendal, is in 50 groups (all of the
small set's), follows a few members, takes part in 60 conversations and one long one
(1 % of all messages), and asked a few questions. Posts, groups and questions are not put
into the site search here: the pages timed read their own tables (indexing a million
posts would take most of an hour and is timed by the search pages already).
"""

import random
import sys
import time
from datetime import timedelta

from django.db import connection
from django.utils import timezone

EXCHANGE_VERSION = 1
BATCH = 5_000

LARGE_GROUPS = 5_000
LARGE_POSTS = 1_000_000
LARGE_MESSAGES = 2_000_000
LARGE_QUESTIONS = 20_000
MEMBER_GROUPS = 50
MEMBER_CONVERSATIONS = 60
MEMBER_FOLLOWS = 20
MESSAGES_PER_CONVERSATION = 20
LONG_CONVERSATION_SHARE = 0.01
COMMENTS_PER_POST = 0.2
REACTIONS_PER_POST = 0.3
ANSWERS_PER_QUESTION = 3
MEMBERS_PER_GROUP = 12
ANCHOR_REGION = "stendal"

GROUP_NAMES = [
    "Sprachcafé", "Netzwerk Integration", "Ehrenamt", "Patenschaften", "Jobbegleitung",
    "Elterncafé", "Fahrdienst", "Willkommenstisch", "Frauentreff", "Jugendtreff",
]  # fmt: skip
PLACES = [
    "Stendal", "Tangerhütte", "Salzwedel", "Gardelegen", "Naumburg", "Weißenfels", "Zeitz",
    "Wernigerode", "Halberstadt", "Bernburg", "Köthen", "Wittenberg", "Dessau", "Merseburg",
]  # fmt: skip
POST_TEXTS = [
    ("de", "Am Donnerstag treffen wir uns wieder zum Sprachcafé im Gemeindehaus. Alle sind willkommen."),
    ("de", "Wir suchen Ehrenamtliche, die Familien bei Behördengängen begleiten. Wer hat Zeit?"),
    ("de", "Neue Termine für die Migrationsberatung: dienstags und donnerstags nach Vereinbarung."),
    ("de", "Die Kita am Markt hat wieder freie Plätze. Anmeldung über das Familienbüro."),
    ("uk", "Шукаємо перекладача з української на німецьку для зустрічі у Jobcenter у понеділок."),
    ("uk", "Курси німецької мови з догляду за дитиною починаються в березні."),
    ("ar", "نبحث عن متطوعين لمساعدة العائلات في ملء الاستمارات يوم السبت."),
    ("ar", "مقهى اللغة يفتح أبوابه كل أربعاء في مركز الحي."),
    ("ru", "Кто может помочь с переездом в субботу? Нужна машина."),
]
MESSAGE_TEXTS = [
    ("de", "Guten Tag, können wir uns nächste Woche zur Beratung treffen?"),
    ("de", "Vielen Dank für Ihre Hilfe beim Antrag!"),
    ("uk", "Добрий день! Чи можу я прийти в четвер о десятій?"),
    ("ar", "شكراً جزيلاً، سأحضر الأوراق غداً."),
    ("de", "Der Termin beim Jobcenter ist am Montag um 9 Uhr."),
]
QUESTIONS = [
    ("de", "Wo gibt es in {place} einen Integrationskurs mit Kinderbetreuung?"),
    ("de", "Wer kennt eine Hausärztin in {place}, die Russisch spricht?"),
    ("uk", "Де в {place} можна обміняти українські водійські права?"),
    ("ar", "أين أجد طبيب أطفال يتحدث العربية في {place}؟"),
]
ANSWER_TEXTS = [
    ("de", "Fragen Sie bei der Volkshochschule nach, dort gibt es Kurse mit Kinderbetreuung."),
    ("de", "Die Migrationsberatung der Caritas hilft dabei, rufen Sie einfach an."),
    ("uk", "Потрібно звернутися до Führerscheinstelle у ландкрайсі."),
]


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def plan_for(size: str, scale: float) -> dict:
    divisor = 100 if size == "small" else 1

    def part(large: int) -> int:
        return max(1, round(large * scale / divisor))

    return {
        "version": EXCHANGE_VERSION,
        "scale": scale,
        "groups": max(MEMBER_GROUPS, part(LARGE_GROUPS)),
        "posts": part(LARGE_POSTS),
        "messages": part(LARGE_MESSAGES),
        "questions": part(LARGE_QUESTIONS),
    }


def clear() -> None:
    """Empty the exchange tables (the members stay)."""
    from landnetz.asks.models import Question
    from landnetz.feed.models import Follow, Post
    from landnetz.groups.models import Group
    from landnetz.messaging.models import Conversation, Message

    for model in (Message, Conversation, Post, Follow, Question, Group):
        model.objects.all().delete()


def _spread(rng: random.Random, now, days: int):
    return now - timedelta(seconds=rng.randrange(days * 24 * 3600))


def _without_auto_now(model, *fields):
    """bulk_create with the timestamps given (auto_now_add would stamp every row "now")."""

    class Switch:
        def __enter__(self):
            self.saved = [(field, field.auto_now_add) for field in map(model._meta.get_field, fields)]
            for field, _auto in self.saved:
                field.auto_now_add = False

        def __exit__(self, *exc):
            for field, auto in self.saved:
                field.auto_now_add = auto

    return Switch()


def generate(plan: dict, member, people: list[tuple[int, int]]) -> None:
    """``people``: (user id, region id) of the generated members."""
    from landnetz.asks.models import Answer, Question
    from landnetz.core.models import Region
    from landnetz.feed.models import Comment, Follow, Post, Reaction
    from landnetz.groups.models import Group, GroupMembership
    from landnetz.messaging.models import Conversation, Message, Participant

    rng = random.Random(f"exchange-{plan['posts']}")
    now = timezone.now()
    regions = list(Region.objects.values_list("pk", flat=True))
    anchor = Region.objects.get(slug=ANCHOR_REGION)
    type(member).objects.filter(pk=member.pk).update(region=anchor)
    user_ids = [pk for pk, _region in people]

    started = time.perf_counter()
    kinds = ["open"] * 6 + ["closed"] * 3 + ["secret"]
    groups = [
        Group(
            name=f"{rng.choice(GROUP_NAMES)} {rng.choice(PLACES)} {number}",
            slug=f"bench-gruppe-{number}",
            description="Wir treffen uns regelmäßig und tauschen uns aus.",
            kind=kinds[number % len(kinds)],
            region_id=rng.choice(regions),
            created_by_id=rng.choice(user_ids),
            created_at=_spread(rng, now, 900),
        )
        for number in range(1, plan["groups"] + 1)
    ]
    with _without_auto_now(Group, "created_at"):
        Group.objects.bulk_create(groups, batch_size=BATCH)
    group_ids = [group.pk for group in groups]
    mine = set(rng.sample(group_ids, MEMBER_GROUPS))
    memberships = [GroupMembership(group_id=pk, user_id=member.pk, role="member") for pk in sorted(mine)]
    for pk in group_ids:
        for index, user_id in enumerate(rng.sample(user_ids, min(MEMBERS_PER_GROUP, len(user_ids)))):
            memberships.append(GroupMembership(group_id=pk, user_id=user_id, role="admin" if index == 0 else "member"))
    GroupMembership.objects.bulk_create(memberships, batch_size=BATCH, ignore_conflicts=True)
    log(f"  groups ({len(group_ids)}, {len(memberships)} memberships): {time.perf_counter() - started:.1f} s")

    started = time.perf_counter()
    Follow.objects.bulk_create(
        [
            Follow(follower_id=member.pk, followed_id=pk)
            for pk in rng.sample(user_ids, min(MEMBER_FOLLOWS, len(user_ids)))
        ],
        batch_size=BATCH,
    )
    post_ids = []
    for first in range(0, plan["posts"], BATCH):
        rows = []
        for _ in range(min(BATCH, plan["posts"] - first)):
            language, body = rng.choice(POST_TEXTS)
            draw = rng.random()
            target = "network" if draw < 0.05 else "region" if draw < 0.45 else "group"
            rows.append(
                Post(
                    author_id=rng.choice(user_ids),
                    kind=rng.choice(["news", "news", "request", "offer"]),
                    body=body,
                    body_language=language,
                    target=target,
                    region_id=rng.choice(regions) if target == "region" else None,
                    group_id=rng.choice(group_ids) if target == "group" else None,
                    created_at=_spread(rng, now, 730),
                )
            )
        Post.objects.bulk_create(rows, batch_size=BATCH)
        post_ids.extend(post.pk for post in rows)
    log(f"  posts ({len(post_ids)}): {time.perf_counter() - started:.1f} s")

    started = time.perf_counter()
    comments = [
        Comment(post_id=rng.choice(post_ids), author_id=rng.choice(user_ids), body="Danke für den Hinweis!")
        for _ in range(round(len(post_ids) * COMMENTS_PER_POST))
    ]
    Comment.objects.bulk_create(comments, batch_size=BATCH)
    reactions = [
        Reaction(post_id=rng.choice(post_ids), user_id=rng.choice(user_ids), kind="like")
        for _ in range(round(len(post_ids) * REACTIONS_PER_POST))
    ]
    Reaction.objects.bulk_create(reactions, batch_size=BATCH, ignore_conflicts=True)
    del comments, reactions, post_ids
    log(f"  comments and reactions: {time.perf_counter() - started:.1f} s")

    started = time.perf_counter()
    _generate_messages(rng, plan, member, user_ids, now, Conversation, Participant, Message)
    log(f"  messages ({plan['messages']}): {time.perf_counter() - started:.1f} s")

    started = time.perf_counter()
    questions = []
    for number in range(plan["questions"]):
        language, text = rng.choice(QUESTIONS)
        solved = rng.random() < 0.5
        questions.append(
            Question(
                asker_id=member.pk if number < 5 else rng.choice(user_ids),
                title=text.format(place=rng.choice(PLACES)),
                body="",
                body_language=language,
                region_id=rng.choice(regions) if rng.random() < 0.8 else None,
                status="solved" if solved else "open",
                answer_count=ANSWERS_PER_QUESTION,
                created_at=_spread(rng, now, 365),
            )
        )
    with _without_auto_now(Question, "created_at"):
        Question.objects.bulk_create(questions, batch_size=BATCH)
    answers = []
    for question in questions:
        for _ in range(ANSWERS_PER_QUESTION):
            language, text = rng.choice(ANSWER_TEXTS)
            answers.append(
                Answer(question_id=question.pk, author_id=rng.choice(user_ids), body=text, language=language)
            )
    Answer.objects.bulk_create(answers, batch_size=BATCH)
    log(f"  questions ({len(questions)}, {len(answers)} answers): {time.perf_counter() - started:.1f} s")


def _generate_messages(rng, plan, member, user_ids, now, Conversation, Participant, Message) -> None:
    long_messages = max(MESSAGES_PER_CONVERSATION, round(plan["messages"] * LONG_CONVERSATION_SHARE))
    others = plan["messages"] - long_messages
    # At tiny scales there are fewer pairs of members than conversations wanted.
    possible = len(user_ids) * (len(user_ids) - 1) // 2 + len(user_ids)
    count = min(possible, max(MEMBER_CONVERSATIONS, others // MESSAGES_PER_CONVERSATION))
    pairs: set[tuple[int, int]] = set()
    partners = rng.sample(user_ids, min(MEMBER_CONVERSATIONS, len(user_ids)))
    for partner in partners:
        pairs.add(tuple(sorted((member.pk, partner))))
    while len(pairs) < count:
        first, second = rng.sample(user_ids, 2)
        pairs.add(tuple(sorted((first, second))))
    conversations = [
        Conversation(kind="direct", direct_key=f"{first}:{second}", last_message_at=_spread(rng, now, 365))
        for first, second in sorted(pairs)
    ]
    conversations.append(Conversation(kind="group", title="Sprachcafé Planung", last_message_at=now))
    Conversation.objects.bulk_create(conversations, batch_size=BATCH)
    long = conversations[-1]
    participants = []
    for conversation in conversations[:-1]:
        first, second = map(int, conversation.direct_key.split(":"))
        for user_id in (first, second):
            participants.append(
                Participant(
                    conversation_id=conversation.pk,
                    user_id=user_id,
                    last_activity_at=conversation.last_message_at,
                    unread_count=rng.choice([0, 0, 0, 2]),
                )
            )
    group_people = [member.pk, *rng.sample(user_ids, min(5, len(user_ids)))]
    participants += [Participant(conversation_id=long.pk, user_id=pk, last_activity_at=now) for pk in group_people]
    Participant.objects.bulk_create(participants, batch_size=BATCH)
    del participants

    def messages_of(conversation, senders, number, start):
        for index in range(number):
            language, body = rng.choice(MESSAGE_TEXTS)
            yield Message(
                conversation_id=conversation.pk,
                sender_id=senders[index % len(senders)],
                body=body,
                body_language=language,
                created_at=start + timedelta(minutes=index),
            )

    batch = []
    per = max(1, others // len(conversations[:-1]))
    for conversation in conversations[:-1]:
        senders = list(map(int, conversation.direct_key.split(":")))
        batch.extend(messages_of(conversation, senders, per, conversation.last_message_at - timedelta(minutes=per)))
        if len(batch) >= BATCH * 4:
            Message.objects.bulk_create(batch, batch_size=BATCH)
            batch = []
    batch.extend(messages_of(long, group_people, long_messages, now - timedelta(minutes=long_messages)))
    Message.objects.bulk_create(batch, batch_size=BATCH)
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE messaging_conversation SET last_message_id = "
                "(SELECT MAX(id) FROM messaging_message WHERE conversation_id = messaging_conversation.id)"
            )
    else:
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE messaging_conversation c SET last_message_id = m.last FROM "
                "(SELECT conversation_id, MAX(id) AS last FROM messaging_message GROUP BY conversation_id) m "
                "WHERE m.conversation_id = c.id"
            )
