"""A very long "word" (a row of letters, a pasted code) costs the index linear work.

The stemmed tails of compound words ("…ärztin" of "Hausärztin") are what lets "Ärztin"
find "Hausärztin"; for a 10 000-letter word they cost the square of its length: minutes
of indexing for one bio and 50 million characters stored.
"""

from landnetz.search.text import MAX_COMPOUND, compound_parts, index_text


def test_a_real_compound_still_gets_its_tails():
    assert any(part.startswith("arztin") or part.startswith("ärztin") for part in compound_parts("hausärztin"))


def test_the_longest_german_compounds_keep_their_tails():
    word = "donaudampfschifffahrtsgesellschaftskapitän"
    assert len(word) <= MAX_COMPOUND
    assert compound_parts(word)


def test_a_10000_letter_word_gets_no_tails_and_its_index_text_stays_short():
    word = "a" * 10_000
    assert compound_parts(word) == []
    assert len(index_text(f"Hausärztin {word}")) < 2 * 10_000
