"""Text normalisation shared by indexing and querying, identical on both databases."""

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_WORD = re.compile(r"\w+", re.UNICODE)
_stemmer = snowballstemmer.stemmer("german")


def fold(text: str) -> str:
    """Lower case, German umlauts spelled out, other accents removed: "Ärztin" -> "aerztin"."""
    text = (text or "").lower().translate(_FOLD)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    return _stemmer.stemWord(word)


MIN_PART = 5


def compound_parts(word: str) -> list[str]:
    """Stemmed tails of a long word, so that "Ärztin" finds "Hausärztin" and "Kurs" "Sprachkurs".

    German glues words together; FTS5 only matches word beginnings, so the tails are
    indexed as words of their own (PostgreSQL gets the same from trigram similarity).
    """
    if len(word) < MIN_PART + 3:
        return []
    return [stem(word[start:]) for start in range(3, len(word) - MIN_PART + 1)]


def index_text(text: str) -> str:
    """What SQLite's FTS5 table stores: stems plus the stemmed tails of compound words."""
    tokens = []
    for word in words(text):
        tokens.append(stem(word))
        tokens.extend(compound_parts(word))
    return " ".join(tokens)
