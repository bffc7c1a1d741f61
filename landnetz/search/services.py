"""Writes of the search app's own data: the vocabulary that coordinators keep."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from landnetz.core.services import audit
from landnetz.search.models import Term
from landnetz.search.tasks import refresh_entries_mentioning
from landnetz.search.vocabulary import forget_known_words


@transaction.atomic
def save_term(*, actor, term: Term | None = None, name: str, kind: str, broader: Term | None, synonyms: dict) -> Term:
    """Create or change a term; the entries that mention its old or new words follow."""
    if not actor.has_perm("search.manage_vocabulary"):
        raise PermissionDenied
    name = name.strip()
    clash = Term.objects.filter(name__iexact=name)
    if term is not None:
        clash = clash.exclude(pk=term.pk)
    if clash.exists():
        raise ValidationError({"name": _("This word is already in the list. Please edit it there.")})
    if term is not None and broader is not None and _is_within(broader, term):
        raise ValidationError({"broader": _("A word cannot be part of itself or of a word that is part of it.")})
    created = term is None
    old_words = [] if created else term.words()
    term = term or Term()
    term.name, term.kind, term.broader, term.synonyms = name, kind, broader, _cleaned(synonyms)
    term.save()
    audit(actor=actor, verb="vocabulary.created" if created else "vocabulary.changed", obj=term)
    _refresh_after_commit([*old_words, *term.words()])
    return term


@transaction.atomic
def delete_term(*, actor, term: Term) -> None:
    if not actor.has_perm("search.manage_vocabulary"):
        raise PermissionDenied
    words = term.words()
    audit(actor=actor, verb="vocabulary.deleted", obj=term, data={"name": term.name})
    term.delete()  # narrower terms keep their words and lose the link (SET_NULL)
    _refresh_after_commit(words)


def _is_within(candidate: Term, term: Term) -> bool:
    """True if ``candidate`` is ``term`` or below it (following "part of" upwards from it)."""
    seen, current = set(), candidate
    while current is not None and current.pk not in seen:
        if current.pk == term.pk:
            return True
        seen.add(current.pk)
        current = current.broader
    return False


def _cleaned(synonyms: dict) -> dict[str, list[str]]:
    """Languages without words are left out; each word once, in the order given."""
    cleaned = {}
    for code, words in synonyms.items():
        kept = list(dict.fromkeys(word.strip() for word in words if word.strip()))
        if kept:
            cleaned[code] = kept
    return cleaned


def _refresh_after_commit(words: list[str]) -> None:
    # A common word can touch thousands of entries: the task does it, outside the request
    # in production (the immediate backend runs it at once in development and tests).
    transaction.on_commit(lambda: refresh_entries_mentioning.enqueue(words))
    transaction.on_commit(forget_known_words)
