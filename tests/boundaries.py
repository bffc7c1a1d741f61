"""Boundary values every form's hypothesis test runs as ``@example``s, on every run.

Random examples find new failures; these find the known kinds every time, in CI too:
ids just beyond and at the database's range, negative and zero ids, nothing, a megabyte,
control and text-direction characters, digits of another script.
"""

import hypothesis

MAX_ID = 2**63 - 1
IDS = [str(MAX_ID + 1), str(MAX_ID), "-1", "0", ""]
MEGABYTE = "a" * 2**20
TEXTS = [
    "",
    MEGABYTE,
    "\x00",  # NUL: PostgreSQL cannot store it; a form must refuse it, not fail
    "Name\u202e",  # RIGHT-TO-LEFT OVERRIDE
    "\u2066Name",  # LEFT-TO-RIGHT ISOLATE
    "٣٩٥٧٦",  # Arabic-Indic digits (39576)
]


def boundary_cases(base: dict, **values: list) -> list[dict]:
    """``base`` with one argument at a time replaced by each of its boundary values."""
    return [{**base, name: value} for name, choices in values.items() for value in choices]


def examples(cases: list[dict]):
    """Apply ``hypothesis.example(**case)`` for every case (they run before the random ones)."""

    def decorate(test):
        for case in reversed(cases):
            test = hypothesis.example(**case)(test)
        return test

    return decorate


def snapshot(*models) -> dict:
    """Every row of these models, field by field: equal before and after means nothing changed."""
    return {model._meta.label: sorted(model.objects.values_list(), key=repr) for model in models}


def plain(text: str) -> bool:
    """No control character (line breaks and tabs aside) and no text-direction character."""
    import unicodedata

    from landnetz.core.validators import BIDI_CONTROLS

    return not any(
        char in BIDI_CONTROLS or (unicodedata.category(char) == "Cc" and char not in "\n\r\t") for char in text
    )
