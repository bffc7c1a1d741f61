"""The language of a profile's texts (``lang`` on every page that shows them); existing
profiles take their owner's language. The visibility choice "members" is relabelled."""

from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def from_the_writer(apps, schema_editor):
    """The writer's language at the time of the migration (the field's default, German, otherwise)."""
    Profile = apps.get_model("accounts", "Profile")
    User = apps.get_model("accounts", "User")
    language = User.objects.filter(pk=OuterRef("user_id")).values("preferred_language")[:1]
    Profile.objects.filter(user__isnull=False).update(bio_language=Subquery(language))


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0004_moderation_hidden"),
    ]

    operations = [
        migrations.AddField(
            model_name="profile",
            name="bio_language",
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
                verbose_name="language of the texts",
            ),
        ),
        migrations.AlterField(
            model_name="profile",
            name="contact_email_visibility",
            field=models.CharField(
                choices=[
                    ("public", "Everyone, also without login"),
                    ("members", "Logged-in members"),
                    ("nobody", "Only me"),
                ],
                default="nobody",
                max_length=10,
                verbose_name="Who can see the contact e-mail",
            ),
        ),
        migrations.AlterField(
            model_name="profile",
            name="messenger_visibility",
            field=models.CharField(
                choices=[
                    ("public", "Everyone, also without login"),
                    ("members", "Logged-in members"),
                    ("nobody", "Only me"),
                ],
                default="nobody",
                max_length=10,
                verbose_name="Who can see the messenger link",
            ),
        ),
        migrations.AlterField(
            model_name="profile",
            name="office_hours_visibility",
            field=models.CharField(
                choices=[
                    ("public", "Everyone, also without login"),
                    ("members", "Logged-in members"),
                    ("nobody", "Only me"),
                ],
                default="nobody",
                max_length=10,
                verbose_name="Who can see the office hours",
            ),
        ),
        migrations.AlterField(
            model_name="profile",
            name="phone_visibility",
            field=models.CharField(
                choices=[
                    ("public", "Everyone, also without login"),
                    ("members", "Logged-in members"),
                    ("nobody", "Only me"),
                ],
                default="nobody",
                max_length=10,
                verbose_name="Who can see the phone number",
            ),
        ),
        migrations.AlterField(
            model_name="profile",
            name="visibility",
            field=models.CharField(
                choices=[
                    ("public", "Everyone, also without login"),
                    ("members", "Logged-in members"),
                    ("nobody", "Only me"),
                ],
                default="nobody",
                max_length=10,
                verbose_name="Who can see my profile",
            ),
        ),
        migrations.RunPython(from_the_writer, migrations.RunPython.noop),
    ]
