"""Validators shared by all forms."""

import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Bidirectional embeddings, overrides, isolates and marks can make text read differently
# from how it is stored ("Trojan Source"; an address shown as "info@example.org" that
# points elsewhere). Names, e-mail addresses, links and titles never need them.
BIDI_CONTROLS = frozenset(
    "\u202a\u202b\u202c\u202d\u202e"  # LRE, RLE, PDF, LRO, RLO
    "\u2066\u2067\u2068\u2069"  # LRI, RLI, FSI, PDI
    "\u200e\u200f"  # LRM, RLM
    "\u061c"  # ARABIC LETTER MARK
)


def validate_plain_text(value: str) -> None:
    """Reject invisible control characters in one-line text such as names and titles."""
    if any(char in BIDI_CONTROLS for char in value):
        raise ValidationError(_("Please remove the invisible text-direction characters."), code="bidi_control")
    if any(unicodedata.category(char) == "Cc" for char in value):
        raise ValidationError(_("Please remove the invisible control characters."), code="control_char")


def validate_multiline_text(value: str) -> None:
    """Like validate_plain_text, but line breaks and tabs are fine."""
    if any(char in BIDI_CONTROLS for char in value):
        raise ValidationError(_("Please remove the invisible text-direction characters."), code="bidi_control")
    if any(unicodedata.category(char) == "Cc" and char not in "\n\r\t" for char in value):
        raise ValidationError(_("Please remove the invisible control characters."), code="control_char")


def ascii_digits(value: str) -> str:
    """Write every decimal digit of any script as 0–9: "٣٩٥٧٦" and "３９５７６" become "39576".

    Python's ``\\d``, ``str.isdigit()`` and ``int()`` accept the digits of every script;
    postcodes and phone numbers are stored and compared in ASCII only, so they are
    converted first and then checked with ``[0-9]``.
    """
    return "".join(str(unicodedata.decimal(char)) if unicodedata.category(char) == "Nd" else char for char in value)


def is_ascii_number(value: str) -> bool:
    """True for a non-empty string of the digits 0–9 only (``str.isdigit()`` also takes "٣")."""
    return bool(value) and value.isascii() and value.isdigit()
