"""The question page's "who was asked first and why": counts and reasons, never names."""

from dataclasses import dataclass, field

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from landnetz.asks.models import Question
from landnetz.core.languages import LANGUAGE_NAMES
from landnetz.core.models import Region


@dataclass
class AskedFirst:
    summary: str
    reasons: list[str] = field(default_factory=list)
    later: list[str] = field(default_factory=list)


def _joined(names) -> str:
    return pgettext("list separator", ", ").join(str(name) for name in names)


def asked_first(question: Question, topics, region: Region | None) -> AskedFirst:
    """``topics``: the topics of ``question.first_wave["topics"]`` (by id); ``region``: the
    region of ``question.first_wave["region"]``."""
    wave = question.first_wave or {}
    count, fits = wave.get("count", 0), wave.get("fits", {})
    languages = [LANGUAGE_NAMES.get(code, code) for code in wave.get("languages", [])]
    if not (topics or languages or region):
        described = AskedFirst(
            _(
                "This question names no topic, language or region, so nobody was asked in particular. "
                "All members find it in the OpenMIC list."
            )
        )
    elif not count:
        described = AskedFirst(
            _(
                "When the question was asked, no member's profile fitted its topics and languages yet. "
                "All members find it in the OpenMIC list."
            )
        )
    else:
        described = AskedFirst(
            ngettext(
                "We asked %(count)s member first whose profile fits this question:",
                "We asked %(count)s members first whose profiles fit this question:",
                count,
            )
            % {"count": count},
            _reasons(fits, topics, languages, region),
        )
    if question.widened_at:
        described.later.append(
            ngettext(
                "On %(date)s, still without an answer, we asked %(count)s more member whose profile fits in part.",
                "On %(date)s, still without an answer, we asked %(count)s more members whose profiles fit in part.",
                question.second_wave_count,
            )
            % {"date": date_format(question.widened_at, "DATE_FORMAT"), "count": question.second_wave_count}
        )
    if question.escalated_at and question.escalated_region_id:
        described.later.append(
            _("On %(date)s, still without an answer, we told the integration coordination of %(region)s.")
            % {"date": date_format(question.escalated_at, "DATE_FORMAT"), "region": question.escalated_region.name}
        )
    return described


def _reasons(fits: dict, topics, languages, region) -> list[str]:
    reasons = []
    if topics and fits.get("topic"):
        reasons.append(
            ngettext(
                "%(count)s of them knows about %(topics)s.", "%(count)s of them know about %(topics)s.", fits["topic"]
            )
            % {"count": fits["topic"], "topics": _joined(topic.label for topic in topics)}
        )
    if languages and fits.get("language"):
        reasons.append(
            ngettext(
                "%(count)s of them speaks %(languages)s.", "%(count)s of them speak %(languages)s.", fits["language"]
            )
            % {"count": fits["language"], "languages": _joined(languages)}
        )
    if region and fits.get("region"):
        reasons.append(
            ngettext(
                "%(count)s of them is active in %(region)s.",
                "%(count)s of them are active in %(region)s.",
                fits["region"],
            )
            % {"count": fits["region"], "region": region.name}
        )
    return reasons


def preview(wave, topics, codes, region: Region | None) -> AskedFirst:
    """What the ask form shows before publishing: whom the question would reach first."""
    languages = [LANGUAGE_NAMES.get(code, code) for code in codes]
    if not (topics or languages or region):
        return AskedFirst(_("Choose topics, languages or a region: then we first ask the members whose profile fits."))
    if not wave.count:
        return AskedFirst(
            _(
                "No member's profile fits these topics and languages yet. All members will find your "
                "question in the OpenMIC list."
            )
        )
    return AskedFirst(
        ngettext(
            "If you publish the question now, we first ask %(count)s member whose profile fits:",
            "If you publish the question now, we first ask %(count)s members whose profiles fit:",
            wave.count,
        )
        % {"count": wave.count},
        _reasons(wave.fits, topics, languages, region),
    )
