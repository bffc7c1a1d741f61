"""The privacy statement's second default version (profiles, directory, organisations,
invitations, e-mails, device cookie, self-service deletion, renewed consent).

Only pages that still hold the first default text are replaced (and their version
raised, so that members are asked to agree again); a statement the operator has edited
stays as it is — the operator adds the new sections themselves (see the README).
"""

import hashlib

from django.db import migrations
from django.db.models import F

FIRST_DEFAULTS = {
    "de": "0545af4a21902503ac8a7ad3020c0b57186c7810c7e88b2ed52a5189bccb1a15",
    "en": "e0ae58f1bfcdd7d240340753f4e0de022c727f8d4ca779cef647be54aa07cafe",
    "uk": "abe0270005f6cc2e1f8825d4e7513301128210639e0b063e2db986a1c41098e1",
    "ar": "f0fbebe9e605e65ece5cbd2faa0119d658855154078ffbbf3b8cd63232a86287",
    "ru": "b330743617e0190d710a6f7d7eccb1968b04000bd3392b9064e098935e2bc750",
}


def update(apps, schema_editor):
    from landnetz.core.legal_defaults import default_pages

    LegalPage = apps.get_model("core", "LegalPage")
    for slug, language, title, body in default_pages():
        if slug != "datenschutz":
            continue
        page = LegalPage.objects.filter(slug=slug, language=language).first()
        if page is None:
            LegalPage.objects.create(slug=slug, language=language, title=title, body=body)
            continue
        unedited = hashlib.sha256(page.body.encode()).hexdigest() == FIRST_DEFAULTS.get(language)
        if unedited and page.body != body:
            LegalPage.objects.filter(pk=page.pk).update(title=title, body=body, version=F("version") + 1)


class Migration(migrations.Migration):
    dependencies = [("core", "0004_default_topics")]

    operations = [migrations.RunPython(update, migrations.RunPython.noop)]
