"""Demo conversations in German, Ukrainian and Arabic between personas and invented members.

Written through the models (no e-mails, no tasks while loading), with the read markers and
unread counts the services would have left: the volunteer finds unread messages in three
conversations. The counsellor, the coordinator and the chair of the migrant organisation
take messages from everyone, so that the newcomer in Stendal can write to the counsellor in
the Burgenlandkreis; everyone else keeps the default (members of their regions).
Idempotent: a direct conversation is found by its pair, a group by its title and members.
"""

from datetime import timedelta

from django.utils import timezone

from landnetz.accounts.models import User
from landnetz.messaging.models import Conversation, Message, MessagingPreference, Participant

OPEN_TO_EVERYONE = ["counsellor@example.org", "coordinator@example.org", "migrantorg@example.org"]
ARABIC_NAMES = ["Ahmad", "Rasha", "Khaled", "Lina", "Yusuf", "Nour"]
ARABIC_SPEAKER = "@arabic"  # an invented member from the Landkreis Stendal with an Arabic name

# (title or None for a direct conversation, [(sender, language, text, minutes ago)], {member: messages read})
CONVERSATIONS = [
    (
        None,
        [
            (
                "newcomer@example.org",
                "uk",
                "Добрий день, пані Ахмаді! Мені порадили звернутися до вас. Я отримала лист від "
                "Ausländerbehörde у Стендалі щодо продовження дозволу на проживання і не все розумію. "
                "Чи можна поговорити телефоном?",
                4 * 24 * 60,
            ),
            (
                "counsellor@example.org",
                "de",
                "Guten Tag, Frau Kovalenko!\nGern helfe ich Ihnen. Wir können am Telefon sprechen. "
                "Passt Ihnen Donnerstag um 10 Uhr? Bitte legen Sie den Brief bereit.",
                4 * 24 * 60 - 95,
            ),
            ("newcomer@example.org", "uk", "Дуже дякую! Четвер о 10:00 мені підходить.", 4 * 24 * 60 - 120),
            (
                "counsellor@example.org",
                "de",
                "Sehr gut, dann rufe ich Sie am Donnerstag an. Für einen Termin vor Ort ist die "
                "Migrationsberatung in Stendal näher. Sie finden sie im Verzeichnis unter "
                "„Migrationsberatung Stendal“.",
                4 * 24 * 60 - 130,
            ),
        ],
        {},
    ),
    (
        None,
        [
            (
                "volunteer@example.org",
                "de",
                "Liebe Frau Behrendt,\nzum Sprachcafé kommen inzwischen fast 25 Leute, das Gemeindehaus "
                "wird zu eng. Können wir für Bastelmaterial und Busfahrkarten Geld beantragen?\n\n"
                "Viele Grüße\nHelga Wiesner",
                2 * 24 * 60,
            ),
            (
                "coordinator@example.org",
                "de",
                "Liebe Frau Wiesner, das freut mich sehr! Für kleine Sachkosten gibt es den Ehrenamtsfonds "
                "des Landkreises, bis 500 Euro, der Antrag ist eine Seite. Ich schicke Ihnen das Formular "
                "mit der Post.",
                2 * 24 * 60 - 300,
            ),
            (
                "coordinator@example.org",
                "de",
                "PS: Herr Kowalski von der Freiwilligen Feuerwehr Bismark bietet seinen Schulungsraum "
                "für Begegnungsabende an. Fragen Sie ihn gern direkt hier in Landnetz.",
                2 * 24 * 60 - 302,
            ),
        ],
        {"volunteer@example.org": 1},
    ),
    (
        "Sprachcafé Planung",
        [
            (
                "volunteer@example.org",
                "de",
                "Hallo zusammen! Für das nächste Sprachcafé brauchen wir einen größeren Raum. Herr Kowalski, "
                "könnten wir den Schulungsraum der Feuerwehr in Bismark nutzen?",
                30 * 60,
            ),
            (
                "roomowner@example.org",
                "de",
                "Moin! Der Schulungsraum ist am Donnerstag ab 16 Uhr frei: 40 Plätze, ebenerdig, mit "
                "Toilette für Rollstuhlfahrer. Den Schlüssel hole ich vorher.",
                29 * 60,
            ),
            (
                "newcomer@example.org",
                "uk",
                "Як нам доїхати до Бісмарка без машини? Автобус з Тангерхютте їде лише раз на дві години.",
                28 * 60,
            ),
            (
                ARABIC_SPEAKER,
                "ar",
                "يمكنني أن أوصل ثلاثة أشخاص بسيارتي من تانغرهوته. سأكون عند موقف الحافلات في الساعة الثالثة والنصف.",
                27 * 60,
            ),
            (
                "anja.richter@example.org",
                "de",
                "Ich kann auch zwei Personen mitnehmen. Und ich bringe Übungsblätter zum Thema „Beim Arzt“ mit.",
                26 * 60,
            ),
            (
                "volunteer@example.org",
                "de",
                "Wunderbar, danke! Dann treffen wir uns um 15:30 Uhr an der Bushaltestelle am Markt.",
                25 * 60,
            ),
            ("roomowner@example.org", "de", "Kaffee und Wasser stehen bereit. Bis Donnerstag!", 90),
            (ARABIC_SPEAKER, "ar", "شكرًا لكم! سأحضر معي كعكة بالتمر.", 60),
        ],
        {"volunteer@example.org": 5, "newcomer@example.org": 5},
    ),
    (
        None,
        [
            (
                "newcomer@example.org",
                "uk",
                "Пані Гельго, дякую за минулий четвер! Моїм дітям дуже сподобалося.",
                3 * 24 * 60,
            ),
            (
                "volunteer@example.org",
                "de",
                "Liebe Olena, das freut mich! Bringen Sie die Kinder gern wieder mit.",
                3 * 24 * 60 - 60,
            ),
            ("newcomer@example.org", "de", "Danke! Ich übe jetzt jeden Tag Deutsch. Bis Donnerstag!", 45),
        ],
        {"volunteer@example.org": 1},
    ),
    (
        None,
        [
            (
                "migrantorg@example.org",
                "ar",
                "مرحبًا فريدة، وصلت عائلة سورية جديدة إلى فايسنفلس الأسبوع الماضي. تحتاج الأم إلى موعد في "
                "مركز العمل (Jobcenter) ولا تتكلم الألمانية بعد. هل يمكنك مرافقتها أو إيجاد مترجمة؟",
                24 * 60,
            ),
            (
                "counsellor@example.org",
                "ar",
                "أهلًا سامر، بكل سرور. يمكنني يوم الثلاثاء صباحًا. أرسل لي وقت الموعد، وسأتواصل مع مركز "
                "العمل في فايسنفلس.",
                23 * 60,
            ),
            ("migrantorg@example.org", "ar", "شكرًا جزيلًا! سأخبرك بعد الظهر.", 22 * 60),
        ],
        {"counsellor@example.org": 1},
    ),
]


def _arabic_speaker():
    query = User.objects.filter(email__startswith="member", region__slug="stendal").order_by("email")
    for name in ARABIC_NAMES:
        found = query.filter(display_name__startswith=f"{name} ").first()
        if found is not None:
            return found
    return User.objects.filter(email="migrantorg@example.org").first()


def _existing(title, members) -> bool:
    if title is None:
        low, high = sorted(user.pk for user in members)
        return Conversation.objects.filter(direct_key=f"{low}:{high}").exists()
    candidates = Conversation.objects.filter(kind=Conversation.Kind.GROUP, title=title)
    for user in members:
        candidates = candidates.filter(participants__user=user)
    return candidates.exists()


def _create(title, lines, read, users, now) -> None:
    keys = list(dict.fromkeys(sender for sender, *_rest in lines))
    members = [users[key] for key in keys]
    if len({user.pk for user in members}) < 2 or _existing(title, members):
        return
    start = now - timedelta(minutes=lines[0][3])
    pair = ":".join(str(pk) for pk in sorted(user.pk for user in members)) if title is None else None
    conversation = Conversation.objects.create(
        kind=Conversation.Kind.DIRECT if title is None else Conversation.Kind.GROUP,
        title=title or "",
        direct_key=pair,
        created_at=start,
    )
    messages = [
        Message.objects.create(
            conversation=conversation,
            sender=users[sender],
            body=body,
            body_language=language,
            created_at=now - timedelta(minutes=minutes),
        )
        for sender, language, body, minutes in lines
    ]
    last = messages[-1]
    Conversation.objects.filter(pk=conversation.pk).update(last_message=last, last_message_at=last.created_at)
    for key, user in zip(keys, members, strict=True):
        seen = read.get(key, len(messages) - 1)
        unread = [message for message in messages[seen + 1 :] if message.sender_id != user.pk]
        Participant.objects.create(
            conversation=conversation,
            user=user,
            joined_at=start,
            last_read_message_id=messages[seen].pk,
            last_read_at=messages[seen].created_at,
            unread_count=len(unread),
            unread_since=unread[0].created_at if unread else None,
            last_activity_at=last.created_at,
        )


def load(*, rng, stdout) -> None:
    users = {user.email: user for user in User.objects.filter(email__endswith="@example.org")}
    speaker = _arabic_speaker()
    if speaker is not None:
        users[ARABIC_SPEAKER] = speaker
    for email in OPEN_TO_EVERYONE:
        if email in users:
            MessagingPreference.objects.get_or_create(
                user=users[email], defaults={"allow_from": MessagingPreference.AllowFrom.EVERYONE}
            )
    before = Conversation.objects.count()
    now = timezone.now()
    for title, lines, read in CONVERSATIONS:
        if all(sender in users for sender, *_rest in lines):
            _create(title, lines, read, users, now)
    stdout.write(f"Messages: {Conversation.objects.count() - before} conversations created")
