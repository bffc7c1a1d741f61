"""What erasing a member's account means for the OpenMIC (registered with ``privacy``).

- The member's questions are deleted with every answer and up-vote on them: a question
  describes the asker's own situation ("a Syrian family in my village"), and answers
  without their question help nobody. Their index entries go with them, and audit
  entries about them no longer show their title.
- The member's answers to other members' questions stay, without the author (shown as
  "a former member"): the asker may have marked one as the answer that helped, and the
  solved question is knowledge the network keeps. (An author who wants an answer gone
  deletes it before deleting the account.)
- The member's up-votes are deleted and the answers' counts corrected; the records of
  having been asked about questions go with the account.
"""

from landnetz.asks.models import Answer, AnswerVote, Question
from landnetz.asks.services.common import recount_votes, reindex
from landnetz.asks.services.questions import delete_question_rows
from landnetz.core.models import AuditEntry

DELETED_QUESTION = "deleted question"


def erase(user) -> None:
    own = list(Question.objects.filter(asker=user))
    for question in own:
        delete_question_rows(actor=None, question=question)
    AuditEntry.objects.filter(object_type="asks.question", object_id__in=[str(q.pk) for q in own]).update(
        object_repr=DELETED_QUESTION
    )
    voted = list(AnswerVote.objects.filter(user=user).values_list("answer_id", flat=True))
    AnswerVote.objects.filter(user=user).delete()
    recount_votes(voted)
    answered = list(Question.objects.filter(answers__author=user).distinct())
    Answer.objects.filter(author=user).update(author=None)
    reindex(*answered)
