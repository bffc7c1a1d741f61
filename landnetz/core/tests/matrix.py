"""Objects and forms of the core app for the permission matrix (docs/permissions.md).

- ``TOPIC``: a topic of the curated list (belongs to nobody: no "owner").
"""

from landnetz.core import services
from tests.matrix_support import MatrixObject, unique


def _topic(users) -> MatrixObject:
    topic = services.save_topic(actor=users["admin"], name=f"Matrix-Thema {unique()}", translations={})
    return MatrixObject(topic.slug, obj=topic)


OBJECTS = {"TOPIC": _topic}

BODIES = {
    # A page that asks "really?" and sends only its button.
    "CONFIRM": lambda ctx: {},
    "TOPIC_FORM": lambda ctx: {
        "name": f"Führerschein {unique()}",
        "name_en": "Driving licence",
        "name_uk": "",
        "name_ar": "",
        "name_ru": "",
    },
    "LEGAL_PAGE": lambda ctx: {
        "language": "de",
        "title": "Datenschutzerklärung",
        "body": f"## Verantwortlich\n\nLandkreis Stendal, Fassung {unique()}.",
    },
}
