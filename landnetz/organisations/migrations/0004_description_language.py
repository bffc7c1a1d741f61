"""The language of an organisation's description (``lang`` on every page that shows it);
existing descriptions take the language of the member who registered the organisation,
else German. The visibility choice "members" is relabelled."""

from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def from_the_writer(apps, schema_editor):
    """The writer's language at the time of the migration (the field's default, German, otherwise)."""
    Organisation = apps.get_model("organisations", "Organisation")
    User = apps.get_model("accounts", "User")
    language = User.objects.filter(pk=OuterRef("created_by_id")).values("preferred_language")[:1]
    Organisation.objects.filter(created_by__isnull=False).update(description_language=Subquery(language))


class Migration(migrations.Migration):
    dependencies = [
        ("organisations", "0003_moderation_hidden"),
    ]

    operations = [
        migrations.AddField(
            model_name="organisation",
            name="description_language",
            field=models.CharField(
                choices=[
                    ("de", "German"),
                    ("en", "English"),
                    ("ar", "Arabic"),
                    ("uk", "Ukrainian"),
                    ("ru", "Russian"),
                    ("prs", "Dari"),
                    ("fa", "Farsi (Persian)"),
                    ("ps", "Pashto"),
                    ("ku", "Kurdish (Kurmanji)"),
                    ("ckb", "Kurdish (Sorani)"),
                    ("tr", "Turkish"),
                    ("ti", "Tigrinya"),
                    ("so", "Somali"),
                    ("am", "Amharic"),
                    ("bg", "Bulgarian"),
                    ("ro", "Romanian"),
                    ("pl", "Polish"),
                    ("sq", "Albanian"),
                    ("sr", "Serbian"),
                    ("fr", "French"),
                    ("es", "Spanish"),
                    ("it", "Italian"),
                    ("vi", "Vietnamese"),
                    ("zh", "Chinese"),
                    ("hi", "Hindi"),
                    ("ur", "Urdu"),
                ],
                default="de",
                max_length=8,
                verbose_name="language of the description",
            ),
        ),
        migrations.AlterField(
            model_name="organisation",
            name="visibility",
            field=models.CharField(
                choices=[("public", "Everyone, also without login"), ("members", "Logged-in members")],
                default="public",
                max_length=10,
                verbose_name="Who can see this page",
            ),
        ),
        migrations.RunPython(from_the_writer, migrations.RunPython.noop),
    ]
