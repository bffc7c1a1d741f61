"""Validators shared by all forms."""

import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Bidirectional overrides and isolates can make text read differently from how it is
# stored ("Trojan Source"); names and titles never need them.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f")


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
