from django.db import migrations


def insert_default_pages(apps, schema_editor):
    from landnetz.core.legal_defaults import default_pages

    LegalPage = apps.get_model("core", "LegalPage")
    for slug, language, title, body in default_pages():
        LegalPage.objects.get_or_create(slug=slug, language=language, defaults={"title": title, "body": body})


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]

    operations = [migrations.RunPython(insert_default_pages, migrations.RunPython.noop)]
