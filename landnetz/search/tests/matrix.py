"""Objects and forms of the search app for the permission matrix (docs/permissions.md).

- ``TERM``: a word of the search vocabulary (belongs to nobody: no "owner").
"""

from landnetz.search import services
from landnetz.search.models import Term
from tests.matrix_support import MatrixObject, unique


def _term(users) -> MatrixObject:
    term = services.save_term(
        actor=users["admin"],
        name=f"Matrixwort {unique()}",
        kind=Term.Kind.SERVICE,
        broader=None,
        synonyms={"uk": ["матриця"]},
    )
    return MatrixObject(str(term.pk), obj=term)


OBJECTS = {"TERM": _term}

BODIES = {
    "TERM_FORM": lambda ctx: {
        "name": f"Fahrradwerkstatt {unique()}",
        "kind": "service",
        "broader": "",
        "words_de": "Fahrradreparatur",
        "words_en": "bike repair",
        "words_uk": "ремонт велосипедів",
        "words_ar": "",
        "words_ru": "",
    },
}
