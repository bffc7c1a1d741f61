"""The shared vocabulary at indexing time: a text that names a term gets all its names.

A profile says "Kinderärztin"; the vocabulary knows that "Kinderärztin", "Pädiatrie",
"педіатр", "طبيب أطفال" and "педиатр" name the same thing, and that it is part of "Arzt"
("лікар", "طبيب", "врач"). The search entry then carries all of them, so a search in the
newcomer's language finds the German text — on both databases, with no change to the
query. Matching is on folded words (``text.fold``): a word of the term must start a word
of the text; a few letters more are allowed for German and Arabic endings ("Deutschkurs"
finds "Deutschkursen"), but not a whole second word ("Arbeit" does not match
"Arbeiterwohlfahrt").
"""

from dataclasses import dataclass

from django.core.cache import cache

from landnetz.search.models import Term
from landnetz.search.text import words

# Up to three letters after a term's word: plural and case endings ("-en", "-innen" is
# listed as a word of its own), Arabic suffixes ("-ات"). Words shorter than MIN_PREFIX
# letters must match exactly ("Amt", "Kita", "rent" — not "Rentner").
ENDING = 3
MIN_PREFIX = 5
MAX_DEPTH = 5  # broader terms followed upwards; a cycle stops here too


KNOWN_WORDS_KEY = "search:vocabulary-words"
KNOWN_WORDS_SECONDS = 300  # other processes see a change after this at the latest


def known_words() -> frozenset[str]:
    """Every folded word of the vocabulary, for the typo tolerance of the queries: a word
    coordinators entered is a real word, not a misspelling of a similar one ("пасічник",
    beekeeper, is not "помічник", assistant). Cached; services forget it on a change."""
    found = cache.get(KNOWN_WORDS_KEY)
    if found is None:
        found = frozenset(
            folded for term in Term.objects.only("name", "synonyms") for word in term.words() for folded in words(word)
        )
        cache.set(KNOWN_WORDS_KEY, found, KNOWN_WORDS_SECONDS)
    return found


def forget_known_words() -> None:
    cache.delete(KNOWN_WORDS_KEY)


def normalised(word: str) -> str:
    """A word or phrase as the matcher sees it: folded words joined by single spaces."""
    return " ".join(words(word))


@dataclass(frozen=True)
class Vocabulary:
    # Normalised word or phrase -> every name (as written) of its term and its broader terms.
    expansions: dict[str, str]
    longest: int = 1  # words in the longest phrase
    # First words of the phrases: only there is a longer lookup worth trying (they match
    # whole; only a phrase's last word may carry an ending).
    phrase_starts: frozenset[str] = frozenset()

    @classmethod
    def load(cls) -> "Vocabulary":
        """All terms, in one query."""
        return cls.of(list(Term.objects.all()))

    @classmethod
    def of(cls, terms: list[Term]) -> "Vocabulary":
        by_id = {term.pk: term for term in terms}
        expansions: dict[str, list[str]] = {}
        for term in terms:
            names = _with_broader(term, by_id)
            for word in term.words():
                key = normalised(word)
                if key:
                    # A word of two terms gets the names of both.
                    expansions[key] = list(dict.fromkeys([*expansions.get(key, []), *names]))
        longest = max((key.count(" ") + 1 for key in expansions), default=1)
        starts = frozenset(key.split(" ", 1)[0] for key in expansions if " " in key)
        return cls({key: " ".join(names) for key, names in expansions.items()}, longest, starts)

    def expand(self, text: str) -> str:
        """Every name of every term that ``text`` mentions (empty if none).

        A dictionary lookup per word and phrase length, not a regular expression over all
        names: indexing 100 000 entries must not wait on a thousand alternatives per letter.
        """
        if not self.expansions:
            return ""
        tokens = words(text)
        found: dict[str, None] = {}
        for start, token in enumerate(tokens):
            longest = min(self.longest, len(tokens) - start) if token in self.phrase_starts else 1
            for length in range(longest, 0, -1):
                expansion = self._lookup(tokens[start : start + length])
                if expansion:
                    found[expansion] = None
        return " ".join(found)

    def _lookup(self, phrase: list[str]) -> str:
        head, last = " ".join(phrase[:-1]), phrase[-1]
        for cut in range(min(ENDING, len(last) - 1) + 1):
            key = f"{head} {last[: len(last) - cut]}" if head else last[: len(last) - cut]
            if cut and len(key) < MIN_PREFIX:
                break
            expansion = self.expansions.get(key)
            if expansion is not None:
                return expansion
        return ""


def _with_broader(term: Term, by_id: dict[int, Term]) -> list[str]:
    """The words of a term and its broader terms as written: the index folds them once
    (folding twice would take "ال" off "المانيه" a second time)."""
    names: dict[str, str] = {}
    seen, current = set(), term
    while current is not None and current.pk not in seen and len(seen) <= MAX_DEPTH:
        seen.add(current.pk)
        for word in current.words():
            names.setdefault(normalised(word), word.strip())
        current = by_id.get(current.broader_id)
    return [word for key, word in names.items() if key]
