"""Who may do what in the OpenMIC. The only place that decides it.

These are ``rules`` rules, not Django permissions: ``User.has_perm`` lets every active
superuser pass before any rule is asked, but marking an answer as helpful is the asker's
own decision and editing a text is its author's. Network admins take part like members
and moderate everywhere (delete, and hide through the moderation queue) — the rules that
allow it name them. Views and services ask ``can(user, rule, obj)``.

Who moderates a question: its region's moderators and coordinators (``moderation``), and
network admins; a question to the whole network has no region, so only network admins.
"""

import rules

from landnetz.core.permissions import coordinated_region_ids, is_member, is_network_admin
from landnetz.moderation.permissions import moderated_region_ids


def _question(obj):
    """The question of a question or an answer."""
    return getattr(obj, "question", obj)


@rules.predicate
def is_asker(user, obj) -> bool:
    question = _question(obj)
    return is_member(user) and question is not None and question.asker_id == user.pk


@rules.predicate
def is_author(user, answer) -> bool:
    return is_member(user) and answer is not None and answer.author_id == user.pk


@rules.predicate
def moderates_question(user, obj) -> bool:
    """A moderator or coordinator of the question's region, or a network admin."""
    question = _question(obj)
    if question is None or not is_member(user):
        return False
    if is_network_admin(user):
        return True
    if question.region_id is None:
        return False
    return question.region_id in moderated_region_ids(user) or question.region_id in coordinated_region_ids(user)


@rules.predicate
def is_hidden(user, obj) -> bool:
    return bool(obj is not None and obj.moderation_hidden)


@rules.predicate
def takes_answers(user, question) -> bool:
    return question is not None and question.takes_answers


@rules.predicate
def question_visible(user, answer) -> bool:
    return answer is not None and not answer.question.moderation_hidden


# A member sees every question that is not hidden; the asker also sees their hidden one.
rules.add_rule("asks.view_question", is_member & (~is_hidden | is_asker))
rules.add_rule("asks.ask", is_member)
rules.add_rule("asks.edit_question", is_asker)
rules.add_rule("asks.delete_question", is_asker | moderates_question)
rules.add_rule("asks.close_question", is_asker & ~is_hidden)
rules.add_rule("asks.answer", is_member & takes_answers)
# An answer is seen with its question; a hidden one only by its author.
rules.add_rule("asks.view_answer", is_member & question_visible & (~is_hidden | is_author))
rules.add_rule("asks.edit_answer", is_author)
rules.add_rule("asks.delete_answer", is_author | moderates_question)
rules.add_rule("asks.vote", is_member & question_visible & ~is_hidden & ~is_author)
rules.add_rule("asks.mark_helpful", is_asker & question_visible & ~is_hidden & ~is_author)


def can(user, rule: str, obj=None) -> bool:
    return rules.test_rule(rule, user, obj)
