"""Demo OpenMIC questions in German, Ukrainian and Arabic about situations in Sachsen-Anhalt.

Answered and solved ones, open ones with answers and up-votes, one that waited for days and
was raised to the coordination of Landkreis Stendal, and fresh ones that fit the profiles of
the counsellor and the interpreters. Written through the models (no notifications, no
e-mails while loading); who is asked first comes from the OpenMIC's own targeting, so the
question pages say how many members were asked and why. The search index is rebuilt by
``load_demo`` afterwards. Idempotent: a question is found by its title.
"""

from datetime import timedelta

from django.conf import settings
from django.db.models import Count
from django.utils import timezone

from landnetz.accounts.models import User
from landnetz.asks import targeting
from landnetz.asks.models import Answer, AnswerVote, Asked, Question, QuestionLanguage
from landnetz.core.models import Region, Topic

ARABIC_ASKER = "@arabic"  # the first invented member with an Arabic first name
ARABIC_NAMES = ["Lina", "Rasha", "Nour", "Ahmad", "Khaled", "Yusuf"]

# (asker, region slug or None, topics, languages, written in, title, body, days ago, status,
#  [(author, language, text, up-votes, helpful)])
QUESTIONS = [
    (
        "volunteer@example.org",
        "stendal",
        ["gesundheit", "kinder-jugend"],
        ["ar"],
        "de",
        "Wo findet eine syrische Familie in Tangerhütte eine Kinderärztin, die Arabisch spricht?",
        "Eine Familie aus unserem Sprachcafé wohnt seit Mai in Tangerhütte. Die Tochter ist zwei Jahre "
        "alt und braucht die nächste **U-Untersuchung**. Die Eltern sprechen noch wenig Deutsch. "
        "Kennt jemand eine Praxis in der Nähe, die neue Patienten nimmt?",
        9,
        "solved",
        [
            (
                "counsellor@example.org",
                "de",
                "Die Arztsuche der Kassenärztlichen Vereinigung Sachsen-Anhalt lässt sich nach "
                "Fremdsprachen filtern: „Kinder- und Jugendmedizin“, Umkreis Tangerhütte, Sprache "
                "Arabisch. Rufen Sie am besten gemeinsam mit der Familie an und sagen Sie gleich, dass "
                "es um eine U-Untersuchung geht – dafür gibt es oft schneller einen Termin.",
                4,
                True,
            ),
            (
                "mariam.rahimi@example.org",
                "de",
                "Wenn die Praxis kein Arabisch spricht: Über die Integrationskoordination des Landkreises "
                "kann man eine Sprachmittlerin zum Termin mitnehmen. Bitte eine Woche vorher anfragen.",
                2,
                False,
            ),
            (
                "migrantorg@example.org",
                "ar",
                "نحن في جمعيتنا في فايسنفلس نرافق العائلات أحيانًا إلى الطبيب. إذا لم تجدوا طبيبة تتحدث "
                "العربية في ستندال، يمكن للعائلة أن تتصل بنا وسنساعد في الترجمة عبر الهاتف.",
                1,
                False,
            ),
        ],
    ),
    (
        "newcomer@example.org",
        "stendal",
        ["mobilitaet", "aufenthalt"],
        ["uk"],
        "uk",
        "Як обміняти українське посвідчення водія на німецьке в ландкрайсі Стендаль?",
        "Я живу в Тангерхютте з 2022 року і їжджу на роботу в Стендаль. Чи потрібно міняти мої "
        "українські права, і куди з цим звертатися? Які документи потрібні?",
        6,
        "solved",
        [
            (
                "coordinator@example.org",
                "de",
                "Solange Sie vorübergehenden Schutz haben, gilt Ihr ukrainischer Führerschein in "
                "Deutschland weiter – ein Umtausch ist dafür nicht nötig. Wer umtauschen möchte, wendet "
                "sich an die Fahrerlaubnisbehörde des Landkreises Stendal. Mitbringen: Führerschein, "
                "Aufenthaltstitel, ein biometrisches Foto und eine Übersetzung des Führerscheins.",
                5,
                True,
            ),
            (
                "oksana.melnyk@example.org",
                "uk",
                "Я міняла права в Гарделегені: записалася онлайн, переклад зробила в бюро перекладів у "
                "Магдебурзі. Іспит складати не довелося. Чекала приблизно шість тижнів.",
                3,
                False,
            ),
        ],
    ),
    (
        "volunteer@example.org",
        "stendal",
        ["sprachkurse", "schule-kita"],
        ["uk"],
        "de",
        "Gibt es in Stendal einen Integrationskurs mit Kinderbetreuung?",
        "Zwei Mütter aus der Ukraine möchten Deutsch lernen, haben aber noch keinen Kita-Platz für "
        "ihre Kleinen. Kennt jemand einen Kurs am Vormittag mit Betreuung?",
        3,
        "open",
        [
            (
                "oksana.melnyk@example.org",
                "de",
                "Das BAMF fördert Integrationskurse mit begleitender Kinderbetreuung. Fragen Sie bei den "
                "Kursträgern in Stendal gezielt danach – manchmal startet so ein Kurs erst, wenn sich "
                "genug Eltern melden. Melden Sie die beiden also ruhig schon an.",
                2,
                False,
            ),
        ],
    ),
    (
        "migrantorg@example.org",
        "burgenlandkreis",
        ["anerkennung", "arbeitsmarkt"],
        ["ar"],
        "ar",
        "كيف يتم الاعتراف بشهادة مهنية سورية في اللحام لدى غرفة الصناعة والتجارة هالة-ديساو؟",
        "أحد أعضاء جمعيتنا عمل لحّامًا في حلب لمدة عشر سنوات ولديه شهادة مهنية. يريد أن يعمل في "
        "فايسنفلس. أين يقدّم الطلب وكم يستغرق ذلك؟",
        12,
        "solved",
        [
            (
                "employer@example.org",
                "de",
                "Für Berufe aus Industrie und Handel prüft die IHK FOSA in Nürnberg die Gleichwertigkeit, "
                "für ganz Deutschland. Die IHK Halle-Dessau berät vorher kostenlos, welche Unterlagen "
                "nötig sind. Bei uns im Betrieb hat es mit Übersetzungen gut drei Monate gedauert. "
                "Bis dahin kann er schon als Helfer anfangen.",
                6,
                True,
            ),
            (
                "counsellor@example.org",
                "ar",
                "يمكنه أيضًا أن يطلب دعمًا لتكاليف الترجمة والرسوم من خلال منحة الاعتراف "
                "(Anerkennungszuschuss) إذا كان دخله منخفضًا. نساعد في تعبئة الطلب في مكتب الاستشارة في ناومبورغ.",
                4,
                False,
            ),
        ],
    ),
    (
        "roomowner@example.org",
        "stendal",
        ["sprachmittlung", "begegnung"],
        ["prs"],
        "de",
        "Wer kann bei unserem Begegnungsabend in Bismark auf Dari übersetzen?",
        "Am Freitag in zwei Wochen laden wir neue Nachbarn ins Feuerwehrhaus ein. Es kommen zwei "
        "afghanische Familien. Wer hätte Zeit, für zwei Stunden zu übersetzen? Fahrtkosten erstatten wir.",
        5,
        "open",
        [],
    ),
    (
        ARABIC_ASKER,
        None,
        ["sprachkurse", "frauen"],
        ["ar"],
        "ar",
        "أين أجد دورة لغة ألمانية للنساء مع رعاية للأطفال في منطقة ماغديبورغ؟",
        "أنا أم لطفلين وأريد أن أتعلم الألمانية. هل توجد دورات للنساء فقط في الصباح؟",
        2,
        "open",
        [
            (
                "counsellor@example.org",
                "ar",
                "نعم، توجد دورات اندماج خاصة بالنساء، وأحيانًا مع رعاية للأطفال. اسألي مكتب استشارة "
                "الهجرة في مدينتك، فهم يعرفون الدورات القادمة ويساعدون في التسجيل.",
                3,
                False,
            ),
        ],
    ),
    (
        "counsellor@example.org",
        None,
        ["anerkennung", "gesundheit"],
        ["prs", "fa"],
        "de",
        "Hat jemand Erfahrung mit der Anerkennung einer Pflegeausbildung aus Afghanistan?",
        "Eine Klientin hat in Kabul als Krankenschwester gearbeitet. Welche Stelle in Sachsen-Anhalt ist "
        "zuständig, und gibt es Anpassungslehrgänge in der Nähe von Naumburg?",
        0,
        "open",
        [],
    ),
]


def _arabic_asker():
    for name in ARABIC_NAMES:
        found = User.objects.filter(email__startswith="member", display_name__startswith=f"{name} ").order_by("email")
        if found.exists():
            return found.first()
    return None


def _voters(rng, region_members: list, count: int, exclude: set) -> list:
    pool = [user for user in region_members if user.pk not in exclude]
    return rng.sample(pool, k=min(count, len(pool)))


def load(*, rng, stdout) -> None:
    users = {user.email: user for user in User.objects.filter(email__endswith="@example.org")}
    topics = {topic.slug: topic for topic in Topic.objects.all()}
    regions = {region.slug: region for region in Region.objects.all()}
    voters = list(User.objects.filter(email__startswith="member").order_by("email")[:60])
    now = timezone.now()
    made = 0
    for asker_email, region_slug, topic_slugs, codes, language, title, body, days, status, answers in QUESTIONS:
        if Question.objects.filter(title=title).exists():
            continue
        asker = _arabic_asker() if asker_email == ARABIC_ASKER else users.get(asker_email)
        if asker is None:
            continue
        region = regions.get(region_slug) if region_slug else None
        chosen = [topics[slug] for slug in topic_slugs if slug in topics]
        question = Question.objects.create(
            asker=asker, title=title, body=body, body_language=language, region=region, status=status
        )
        question.topics.set(chosen)
        QuestionLanguage.objects.bulk_create(QuestionLanguage(question=question, code=code) for code in codes)
        criteria = targeting.criteria_of(topics=chosen, languages=codes, region=region)
        wave = targeting.first_wave(criteria, asker=asker, size=settings.LANDNETZ_ASKS_FIRST_WAVE_SIZE)
        Asked.objects.bulk_create(Asked(question=question, member=member, wave=1) for member in wave.members)
        asked_at = now - timedelta(days=days, hours=rng.randint(1, 8))
        fields = {"created_at": asked_at, "first_wave": {**criteria.as_data(), "count": wave.count, "fits": wave.fits}}
        written = []
        for offset, (author_email, answer_language, text, votes, helpful) in enumerate(answers, start=1):
            author = users.get(author_email)
            if author is None:
                continue
            answer = Answer.objects.create(question=question, author=author, body=text, language=answer_language)
            answered_at = asked_at + timedelta(hours=3 * offset + rng.randint(0, 5))
            Answer.objects.filter(pk=answer.pk).update(
                created_at=answered_at, helpful_at=answered_at if helpful else None
            )
            AnswerVote.objects.bulk_create(
                AnswerVote(answer=answer, user=voter) for voter in _voters(rng, voters, votes, {author.pk, asker.pk})
            )
            written.append((answer, helpful, answered_at))
        if status == "solved":
            fields["solved_at"] = max((at for _answer, helpful, at in written if helpful), default=asked_at)
        if not written and days >= settings.LANDNETZ_ASKS_ESCALATE_AFTER_DAYS and region is not None:
            # Waited for days: a wider circle was asked, then the region's coordinators were told.
            second = targeting.second_wave(
                criteria,
                asker=asker,
                exclude=[member.pk for member in wave.members],
                size=settings.LANDNETZ_ASKS_SECOND_WAVE_SIZE,
            )
            Asked.objects.bulk_create(Asked(question=question, member=member, wave=2) for member in second.members)
            fields |= {
                "widened_at": asked_at + timedelta(hours=settings.LANDNETZ_ASKS_WIDEN_AFTER_HOURS),
                "second_wave_count": second.count,
                "escalated_at": asked_at + timedelta(days=settings.LANDNETZ_ASKS_ESCALATE_AFTER_DAYS),
                "escalated_region": region,
            }
        Question.objects.filter(pk=question.pk).update(answer_count=len(written), **fields)
        made += 1
    for answer in Answer.objects.annotate(votes_now=Count("votes")).filter(
        question__title__in=[q[5] for q in QUESTIONS]
    ):
        if answer.vote_count != answer.votes_now:
            Answer.objects.filter(pk=answer.pk).update(vote_count=answer.votes_now)
    stdout.write(f"OpenMIC: {made} questions with their answers")
