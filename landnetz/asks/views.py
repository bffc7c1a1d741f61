"""Thin views of the OpenMIC: fetch through queries, validate with a form, call a service.

The OpenMIC is for members: visitors are sent to the login. Not visible → 404 (through
``queries``); visible but not allowed → 403. No state changes on GET.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from landnetz.asks import describe, queries, services
from landnetz.asks.describe import asked_first
from landnetz.asks.forms import NETWORK, AnswerForm, FilterForm, QuestionForm
from landnetz.asks.models import Question
from landnetz.asks.permissions import can, moderates_question
from landnetz.asks.services.common import GONE
from landnetz.core.models import Region

PAGE_SIZE = 20
ANSWERS_PER_PAGE = 30


def _add_errors(form, exc: ValidationError) -> None:
    """Put a service's ValidationError on the form: on its field when the form has it."""
    if hasattr(exc, "error_dict"):
        for name, errors in exc.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, exc)


def _require(request, rule: str, obj=None) -> None:
    if not can(request.user, rule, obj):
        raise PermissionDenied


def _detail_url(question, answer=None, page: int = 1) -> str:
    url = reverse("asks:detail", kwargs={"question_id": question.pk})
    if page > 1:
        url += f"?page={page}"
    return f"{url}#answer-{answer.pk}" if answer is not None else url


@login_required
@require_GET
def question_list(request):
    form = FilterForm(request.GET or None, user=request.user)
    filters = queries.Filters()
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        region = form.regions.get(data["region"]) if data["region"] not in ("", NETWORK) else None
        filters = queries.Filters(
            region=region,
            network=data["region"] == NETWORK,
            topic=data["topic"],
            language=data["language"],
            status=data["status"],
            fits=data["fits"],
        )
    page = Paginator(queries.question_list(request.user, filters), PAGE_SIZE).get_page(request.GET.get("page"))
    filtered = filters != queries.Filters()
    return render(request, "asks/list.html", {"page": page, "filter_form": form, "filtered": filtered})


def _ask_preview(request, form):
    data = form.service_fields()
    wave = services.preview_first_wave(
        asker=request.user, topics=data["topics"], languages=data["languages"], region=data["region"]
    )
    return describe.preview(wave, sorted(data["topics"], key=lambda t: t.name), data["languages"], data["region"])


@login_required
@require_http_methods(["GET", "POST"])
def ask(request):
    _require(request, "asks.ask")
    form = QuestionForm(request.POST if request.method == "POST" else None, asker=request.user)
    preview = None
    if request.method == "POST" and form.is_valid():
        if "preview" in request.POST:
            preview = _ask_preview(request, form)
        else:
            try:
                question = services.ask_question(asker=request.user, **form.service_fields())
            except ValidationError as exc:
                _add_errors(form, exc)
            else:
                messages.success(request, _("Your question is in the OpenMIC now. We tell you about every answer."))
                return redirect(question)
    return render(request, "asks/ask.html", {"form": form, "question": None, "preview": preview})


def _first_wave_region(question: Question) -> Region | None:
    region_id = (question.first_wave or {}).get("region")
    if not region_id:
        return None
    if region_id == question.region_id:
        return question.region
    return Region.objects.filter(pk=region_id).first()


def _detail(request, question: Question, answer_form=None, status: int = 200):
    user = request.user
    page = Paginator(queries.answers_to(question, user), ANSWERS_PER_PAGE).get_page(request.GET.get("page"))
    answers = list(page.object_list)
    voted = queries.voted_answer_ids(user, answers)
    is_asker = question.asker_id == user.pk
    moderates = moderates_question(user, question)
    for answer in answers:
        mine = answer.author_id == user.pk
        answer.voted = answer.pk in voted
        answer.can_edit = mine
        answer.can_delete = mine or moderates
        answer.can_vote = not mine and not answer.moderation_hidden and not question.moderation_hidden
        answer.can_mark = is_asker and not mine and not answer.moderation_hidden and not question.moderation_hidden
        answer.can_report = not mine and not answer.moderation_hidden
    can_answer = can(user, "asks.answer", question)
    if answer_form is None and can_answer:
        answer_form = AnswerForm()
    return render(
        request,
        "asks/detail.html",
        {
            "question": question,
            "page": page,
            "answers": answers,
            "is_asker": is_asker,
            "asked_first": asked_first(
                question, queries.topics_by_id((question.first_wave or {}).get("topics")), _first_wave_region(question)
            ),
            "was_asked": not is_asker and queries.was_asked(user, question),
            "can_edit": can(user, "asks.edit_question", question),
            "can_delete": can(user, "asks.delete_question", question),
            "can_close": can(user, "asks.close_question", question),
            "can_answer": can_answer,
            "answer_form": answer_form if can_answer else None,
        },
        status=status,
    )


@login_required
@require_GET
def question_detail(request, question_id: int):
    return _detail(request, queries.question_for(request.user, question_id))


@login_required
@require_POST
def answer(request, question_id: int):
    form = AnswerForm(request.POST)
    try:
        question = queries.question_for(request.user, question_id)
    except Http404:  # deleted, hidden or never there
        question = None
    if question is None or question.moderation_hidden:
        # Say what happened, and give the typed answer back so that nothing is lost.
        return render(request, "asks/gone.html", {"message": GONE, "text": request.POST.get("body", "")}, status=404)
    if form.is_valid():
        try:
            created = services.post_answer(author=request.user, question=question, **form.service_fields())
        except ValidationError as exc:
            if exc.code == "gone":
                return render(
                    request, "asks/gone.html", {"message": GONE, "text": form.cleaned_data["body"]}, status=404
                )
            _add_errors(form, exc)
        else:
            messages.success(request, _("Thank you! Your answer has been published, and the asker has been told."))
            # A new answer has no up-votes yet and is the newest: the last of the answers.
            return redirect(_detail_url(question, created, page=-(-created.question.answer_count // ANSWERS_PER_PAGE)))
    return _detail(request, question, answer_form=form)


@login_required
@require_http_methods(["GET", "POST"])
def question_edit(request, question_id: int):
    question = queries.question_for(request.user, question_id)
    _require(request, "asks.edit_question", question)
    form = QuestionForm(request.POST if request.method == "POST" else None, question=question)
    if request.method == "POST" and form.is_valid():
        try:
            services.edit_question(actor=request.user, question=question, **form.service_fields())
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("The changes have been saved."))
            return redirect(question)
    return render(request, "asks/ask.html", {"form": form, "question": question, "preview": None})


@login_required
@require_http_methods(["GET", "POST"])
def question_delete(request, question_id: int):
    question = queries.question_for(request.user, question_id)
    _require(request, "asks.delete_question", question)
    if request.method == "POST":
        services.delete_question(actor=request.user, question=question)
        messages.success(request, _("The question has been deleted."))
        return redirect("asks:list")
    return render(request, "asks/delete_question.html", {"question": question})


@login_required
@require_POST
def question_status(request, question_id: int):
    question = queries.question_for(request.user, question_id)
    _require(request, "asks.close_question", question)
    closed = request.POST.get("action") == "close"
    services.set_closed(actor=request.user, question=question, closed=closed)
    if closed:
        messages.success(request, _("The question is closed. It takes no more answers."))
    else:
        messages.success(request, _("The question is open for answers again."))
    return redirect(question)


@login_required
@require_http_methods(["GET", "POST"])
def answer_edit(request, answer_id: int):
    answer = queries.answer_for(request.user, answer_id)
    _require(request, "asks.edit_answer", answer)
    form = AnswerForm(request.POST if request.method == "POST" else None, answer=answer)
    if request.method == "POST" and form.is_valid():
        try:
            services.edit_answer(actor=request.user, answer=answer, **form.service_fields())
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("The changes have been saved."))
            return redirect(_detail_url(answer.question, answer))
    return render(request, "asks/answer_edit.html", {"form": form, "answer": answer, "question": answer.question})


@login_required
@require_http_methods(["GET", "POST"])
def answer_delete(request, answer_id: int):
    answer = queries.answer_for(request.user, answer_id)
    _require(request, "asks.delete_answer", answer)
    if request.method == "POST":
        services.delete_answer(actor=request.user, answer=answer)
        messages.success(request, _("The answer has been deleted."))
        return redirect(answer.question)
    return render(request, "asks/delete_answer.html", {"answer": answer, "question": answer.question})


@login_required
@require_POST
def vote(request, answer_id: int):
    answer = queries.answer_for(request.user, answer_id)
    try:
        voted = services.toggle_vote(user=request.user, answer=answer)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect(_detail_url(answer.question, answer))
    if voted:
        messages.success(request, _("You have up-voted this answer."))
    else:
        messages.success(request, _("You have taken your up-vote back."))
    return redirect(_detail_url(answer.question, answer))


@login_required
@require_POST
def helpful(request, answer_id: int):
    answer = queries.answer_for(request.user, answer_id)
    mark = request.POST.get("action") != "unmark"
    try:
        services.set_helpful(actor=request.user, answer=answer, helpful=mark)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect(_detail_url(answer.question, answer))
    if mark:
        messages.success(request, _("Thank you! The answer is marked as the one that helped, and its author is told."))
    else:
        messages.success(request, _("The mark has been taken back."))
    return redirect(_detail_url(answer.question, answer))
