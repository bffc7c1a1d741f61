from django.db import migrations

# The curated starting list; coordinators add, rename and translate topics in the site.
TOPICS = [
    (
        "sprachkurse",
        "Sprachkurse",
        {"en": "Language courses", "uk": "Мовні курси", "ar": "دورات اللغة", "ru": "Языковые курсы"},
    ),
    (
        "arbeitsmarkt",
        "Arbeitsmarkt und Beschäftigung",
        {
            "en": "Labour market and jobs",
            "uk": "Ринок праці та робота",
            "ar": "سوق العمل والتوظيف",
            "ru": "Рынок труда и работа",
        },
    ),
    (
        "ausbildung",
        "Ausbildung",
        {
            "en": "Vocational training",
            "uk": "Професійне навчання",
            "ar": "التدريب المهني",
            "ru": "Профессиональное обучение",
        },
    ),
    ("wohnen", "Wohnen", {"en": "Housing", "uk": "Житло", "ar": "السكن", "ru": "Жильё"}),
    (
        "antidiskriminierung",
        "Antidiskriminierung",
        {
            "en": "Anti-discrimination",
            "uk": "Протидія дискримінації",
            "ar": "مكافحة التمييز",
            "ru": "Противодействие дискриминации",
        },
    ),
    ("gesundheit", "Gesundheit", {"en": "Health", "uk": "Здоров'я", "ar": "الصحة", "ru": "Здоровье"}),
    ("ehrenamt", "Ehrenamt", {"en": "Volunteering", "uk": "Волонтерство", "ar": "العمل التطوعي", "ru": "Волонтёрство"}),
    ("foerdermittel", "Fördermittel", {"en": "Funding", "uk": "Фінансування", "ar": "التمويل", "ru": "Финансирование"}),
    (
        "kinder-jugend",
        "Kinder und Jugend",
        {"en": "Children and youth", "uk": "Діти та молодь", "ar": "الأطفال والشباب", "ru": "Дети и молодёжь"},
    ),
    (
        "anerkennung",
        "Anerkennung von Berufsabschlüssen",
        {
            "en": "Recognition of qualifications",
            "uk": "Визнання кваліфікацій",
            "ar": "الاعتراف بالمؤهلات",
            "ru": "Признание квалификаций",
        },
    ),
    (
        "aufenthalt",
        "Aufenthaltsrecht",
        {"en": "Residence law", "uk": "Право на перебування", "ar": "قانون الإقامة", "ru": "Право на пребывание"},
    ),
    (
        "sprachmittlung",
        "Sprachmittlung",
        {
            "en": "Language mediation",
            "uk": "Мовне посередництво",
            "ar": "الوساطة اللغوية",
            "ru": "Языковое посредничество",
        },
    ),
    (
        "schule-kita",
        "Schule und Kita",
        {"en": "School and day care", "uk": "Школа та дитсадок", "ar": "المدرسة والحضانة", "ru": "Школа и детский сад"},
    ),
    (
        "frauen",
        "Frauen und Familie",
        {"en": "Women and families", "uk": "Жінки та сім'я", "ar": "المرأة والأسرة", "ru": "Женщины и семья"},
    ),
    ("mobilitaet", "Mobilität", {"en": "Mobility", "uk": "Мобільність", "ar": "التنقل", "ru": "Мобильность"}),
    (
        "begegnung",
        "Begegnung und Kultur",
        {
            "en": "Encounter and culture",
            "uk": "Зустрічі та культура",
            "ar": "اللقاء والثقافة",
            "ru": "Встречи и культура",
        },
    ),
    ("sport", "Sport", {"en": "Sports", "uk": "Спорт", "ar": "الرياضة", "ru": "Спорт"}),
    (
        "beratung",
        "Migrationsberatung",
        {
            "en": "Migration counselling",
            "uk": "Міграційне консультування",
            "ar": "الاستشارة في شؤون الهجرة",
            "ru": "Миграционное консультирование",
        },
    ),
]


def insert_topics(apps, schema_editor):
    Topic = apps.get_model("core", "Topic")
    for slug, name, translations in TOPICS:
        Topic.objects.get_or_create(slug=slug, defaults={"name": name, "translations": translations})


class Migration(migrations.Migration):
    dependencies = [("core", "0003_topic")]

    operations = [migrations.RunPython(insert_topics, migrations.RunPython.noop)]
