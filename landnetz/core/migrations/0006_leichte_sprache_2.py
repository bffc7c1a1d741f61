"""The easy-to-read page's second default text: it promises only what Landnetz does
(directory, organisations, regions, contact details, sign-up by postcode or town,
self-service deletion) and sends questions to the operator, whose contact the page
shows from the settings (``LANDNETZ_OPERATOR_*``) instead of a placeholder.

Only a page that still holds the first default text is replaced; one the operator has
edited stays as it is (compare it with ``landnetz/core/legal_defaults/leichte-sprache.de.md``).
"""

import hashlib

from django.db import migrations
from django.db.models import F

FIRST_DEFAULT = "1963c2178ba3d0838af1a5d4d5b53e372e9a6ba0149684ee267fae07ca1e7ebf"


def update(apps, schema_editor):
    from landnetz.core.legal_defaults import default_pages

    LegalPage = apps.get_model("core", "LegalPage")
    for slug, language, title, body in default_pages():
        if slug != "leichte-sprache":
            continue
        page = LegalPage.objects.filter(slug=slug, language=language).first()
        if page is None:
            LegalPage.objects.create(slug=slug, language=language, title=title, body=body)
            continue
        unedited = hashlib.sha256(page.body.encode()).hexdigest() == FIRST_DEFAULT
        if unedited and page.body != body:
            LegalPage.objects.filter(pk=page.pk).update(title=title, body=body, version=F("version") + 1)


class Migration(migrations.Migration):
    dependencies = [("core", "0005_privacy_statement_2")]

    operations = [migrations.RunPython(update, migrations.RunPython.noop)]
