import functools
import re
import unicodedata
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext


class MaximumLengthValidator:
    """Reject absurdly long passwords before they reach the hasher (denial of service)."""

    def __init__(self, max_length: int = 1024) -> None:
        self.max_length = max_length

    def validate(self, password: str, user=None) -> None:
        if len(password) > self.max_length:
            raise ValidationError(
                ngettext(
                    "This password is too long. It must contain at most %(max_length)d character.",
                    "This password is too long. It must contain at most %(max_length)d characters.",
                    self.max_length,
                ),
                code="password_too_long",
                params={"max_length": self.max_length},
            )

    def get_help_text(self) -> str:
        return _("Your password can be up to %(max_length)d characters long.") % {"max_length": self.max_length}


# --- Weak passwords that Django's validators let through ------------------------------------

COMMON_PASSWORDS_FILE = Path(__file__).parent / "data" / "common-passwords-de.txt"
# Letters that people swap for look-alike digits and signs (p@ssw0rt).
_LOOKALIKES = str.maketrans("0134578@$!|", "oieastbasil")
# Keyboard rows and the alphabet: a password walking along one of them is guessed early.
_SEQUENCES = (
    "abcdefghijklmnopqrstuvwxyz",
    "01234567890",
    "qwertzuiop",
    "asdfghjkl",
    "yxcvbnm",
    "qwertyuiop",
    "zxcvbnm",
)
_NEIGHBOURS = frozenset(
    pair for row in _SEQUENCES for a, b in zip(row, row[1:], strict=False) for pair in ((a, b), (b, a))
)


def fold(text: str) -> str:
    """Lower case, ä → ae, accents dropped, full-width letters as ASCII: "PASSWÖRT" → "passwoert"."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = text.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def _letters(text: str) -> str:
    return "".join(ch for ch in text if ch.isalpha())


def _trim(text: str) -> str:
    """Drop digits, signs and spaces at both ends: "!!passwort2026" → "passwort"."""
    start, end = 0, len(text)
    while start < end and not text[start].isalpha():
        start += 1
    while end > start and not text[end - 1].isalpha():
        end -= 1
    return text[start:end]


def _is_periodic(text: str) -> bool:
    """True for "abcabcabc", "hallo1hallo1": the text is a shorter piece repeated."""
    return len(text) > 1 and (text + text).find(text, 1) < len(text)


def _sequence_runs(text: str) -> int:
    """How many pieces the text falls into when walking along the keyboard or alphabet."""
    return 1 + sum(1 for a, b in zip(text, text[1:], strict=False) if (a, b) not in _NEIGHBOURS)


@functools.cache
def common_passwords() -> frozenset[str]:
    lines = COMMON_PASSWORDS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def _one_or_two_words(text: str, words: frozenset[str]) -> bool:
    """The text is one listed word, or two joined ("hallomausi", "sommersonne")."""
    if text in words:
        return True
    return any(text[:cut] in words and text[cut:] in words for cut in range(3, len(text) - 2))


def _words(*texts: str) -> set[str]:
    """The words of names and addresses, folded: "Sachsen-Anhalt" → sachsen, anhalt, sachsenanhalt."""
    words = set()
    for text in texts:
        parts = [_letters(part) for part in re.split(r"[\W\d_]+", fold(text))]
        parts = [part for part in parts if len(part) >= 3]
        words.update(parts)
        if len(parts) > 1:
            words.add("".join(parts))
    return words


def _site_words() -> set[str]:
    host = urlsplit(getattr(settings, "SITE_URL", "")).hostname or ""
    labels = host.split(".")[:-1] if "." in host else [host]  # not the top-level domain
    return _words("Landnetz", getattr(settings, "LANDNETZ_NETWORK_NAME", ""), *labels)


def _user_words(user) -> set[str]:
    if user is None:
        return set()
    email = getattr(user, "email", "") or ""
    local, _at, domain = email.partition("@")
    return _words(getattr(user, "display_name", "") or "", local, *domain.split(".")[:-1])


def _without(text: str, words: set[str]) -> tuple[str, bool]:
    """The text with every occurrence of the words removed, longest first; whether any was."""
    found = False
    for word in sorted(words, key=len, reverse=True):
        if word in text:
            text, found = text.replace(word, ""), True
    return text, found


class GermanPasswordValidator:
    """Refuse passwords that Django's validators let through but guessers try early.

    - a German (or English) common password or base word, also with digits and signs at
      the ends, look-alike letters or separators: Passwort!2026, p@ssw0rt, Sommer2026,
      "ich liebe dich"; also two of them joined (hallomausi);
    - built on the name of the site or its region (Landnetz2026, SachsenAnhalt!) or on
      the member's own name or e-mail address (which Django's similarity check misses
      when digits are added);
    - a repeated character or pattern (aaaaaaaaaaaa, abababababab, hallo1hallo1) or too
      few different characters;
    - a walk along the keyboard or the alphabet (qwertzuiopasdf, abcdefghijkl).

    The list is ``data/common-passwords-de.txt``; see docs/security.md.
    """

    def __init__(self, min_distinct: int = 5) -> None:
        self.min_distinct = min_distinct

    def validate(self, password: str, user=None) -> None:
        problem = self.problem(password, user)
        if problem:
            raise ValidationError(MESSAGES[problem], code=problem)

    def problem(self, password: str, user=None) -> str | None:
        """The code of the first weakness found, or None."""
        folded = fold(password)
        letters = _letters(folded)
        plain = _letters(folded.translate(_LOOKALIKES))
        if (
            len(set(folded)) < self.min_distinct
            or _is_periodic(folded)
            or (len(letters) >= 6 and _is_periodic(letters))
            or len(re.sub(r"(.)\1{2,}", r"\1", folded)) < 8
        ):
            return "password_repetitive"
        if _sequence_runs(folded) * 4 <= len(folded):
            return "password_sequence"
        common = common_passwords()
        trimmed = _trim(folded)
        candidates = {folded, trimmed, trimmed.translate(_LOOKALIKES), letters, plain}
        candidates |= {re.sub(r"[\W_]+", "", candidate) for candidate in list(candidates)}
        for name, words in (("password_site_name", _site_words()), ("password_personal", _user_words(user))):
            for candidate in (letters, plain):
                rest, found = _without(candidate, words)
                if found and (len(rest) < 5 or _one_or_two_words(rest, common) or _is_periodic(rest)):
                    return name
        if any(candidate and _one_or_two_words(candidate, common) for candidate in candidates):
            return "password_common_de"
        return None

    def get_help_text(self) -> str:
        return _(
            "Your password must not be a common word or name with a few digits or signs added "
            "(such as “Passwort2026!”), the name of this site, your own name, or a repeated or "
            "keyboard pattern (such as “abababab” or “qwertz”)."
        )


MESSAGES = {
    "password_common_de": gettext_lazy(
        "This password is a common word or name with a few digits or signs added. Please use a longer "
        "passphrase, for example three or four words that have nothing to do with each other."
    ),
    "password_site_name": gettext_lazy(
        "This password is built on the name of this site or its region. Please choose another one."
    ),
    "password_personal": gettext_lazy(
        "This password is built on your name or e-mail address. Please choose another one."
    ),
    "password_repetitive": gettext_lazy(
        "This password repeats characters or a short pattern. Please choose one with more variety."
    ),
    "password_sequence": gettext_lazy(
        "This password follows the keyboard or the alphabet. Please choose one that is harder to guess."
    ),
}
