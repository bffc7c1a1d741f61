"""Text normalisation shared by indexing and querying, identical on both databases."""

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "ة": "ه", "ى": "ي"})
# Arabic glues the article to the word ("الاستشارة" = "the counselling"): without it, a
# search for "استشارة" finds the topic. Prefixes "و/ب/ك/ف + ال" go the same way. Hamza and
# madda forms of alef fold to plain alef through NFKD below.
_ARABIC_ARTICLE = re.compile(r"(?<!\w)(?:وال|بال|كال|فال|ال)(?=\w\w)")
_WORD = re.compile(r"\w+", re.UNICODE)
_stemmer = snowballstemmer.stemmer("german")


def fold(text: str) -> str:
    """Lower case, German umlauts spelled out, other accents removed: "Ärztin" -> "aerztin";
    Arabic without article and letter variants: "الاستشارة" -> "استشاره"."""
    text = (text or "").lower().translate(_FOLD)
    decomposed = unicodedata.normalize("NFKD", text)
    folded = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _ARABIC_ARTICLE.sub("", folded)


def words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    return _stemmer.stemWord(word)


MIN_PART = 5
# Longer "words" are no German compounds (the longest in use have about 40 letters) but a
# row of letters or a pasted code: their tails would cost the square of their length (a
# 10 000-letter word in a bio took minutes to index and 50 million characters to store).
MAX_COMPOUND = 64


def compound_parts(word: str) -> list[str]:
    """Stemmed tails of a long word, so that "Ärztin" finds "Hausärztin" and "Kurs" "Sprachkurs".

    German glues words together; FTS5 only matches word beginnings, so the tails are
    indexed as words of their own (PostgreSQL gets the same from trigram similarity).
    """
    if not MIN_PART + 3 <= len(word) <= MAX_COMPOUND:
        return []
    return [stem(word[start:]) for start in range(3, len(word) - MIN_PART + 1)]


def index_text(text: str) -> str:
    """What SQLite's FTS5 table stores: stems plus the stemmed tails of compound words."""
    tokens = []
    for word in words(text):
        tokens.append(stem(word))
        tokens.extend(compound_parts(word))
    return " ".join(tokens)
