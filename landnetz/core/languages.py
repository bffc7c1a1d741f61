"""Languages people speak (not the interface languages): ISO 639 codes with translated names.

Dari (prs) and Farsi (fa) are listed apart because newcomers and interpreters do.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

SPOKEN_LANGUAGES = [
    ("de", _("German")),
    ("en", _("English")),
    ("ar", _("Arabic")),
    ("uk", _("Ukrainian")),
    ("ru", _("Russian")),
    ("prs", _("Dari")),
    ("fa", _("Farsi (Persian)")),
    ("ps", _("Pashto")),
    ("ku", _("Kurdish (Kurmanji)")),
    ("ckb", _("Kurdish (Sorani)")),
    ("tr", _("Turkish")),
    ("ti", _("Tigrinya")),
    ("so", _("Somali")),
    ("am", _("Amharic")),
    ("bg", _("Bulgarian")),
    ("ro", _("Romanian")),
    ("pl", _("Polish")),
    ("sq", _("Albanian")),
    ("sr", _("Serbian")),
    ("fr", _("French")),
    ("es", _("Spanish")),
    ("it", _("Italian")),
    ("vi", _("Vietnamese")),
    ("zh", _("Chinese")),
    ("hi", _("Hindi")),
    ("ur", _("Urdu")),
    ("gsg", _("German Sign Language")),
]
LANGUAGE_NAMES = dict(SPOKEN_LANGUAGES)


class LanguageLevel(models.TextChoices):
    NATIVE = "native", _("native language")
    FLUENT = "fluent", _("fluent")
    GOOD = "good", _("good")
    BASIC = "basic", _("basic")


# The languages a member may say a text of theirs is written in (``lang`` of the text on
# every page that shows it): the spoken ones that are written.
WRITTEN_LANGUAGES = [(code, name) for code, name in SPOKEN_LANGUAGES if code != "gsg"]
