"""Whom the OpenMIC asks first: the members whose profile fits a question.

A question names up to three criteria: its topics, its languages and its region (none for
the whole network). A member fits a criterion when their profile lists one of the topics,
they speak one of the languages, or they are a member of the region. Only what members
chose to show to other members counts: a profile whose visibility is "only me" (or that a
moderator hid) is never used to pick anyone — the OpenMIC would otherwise act on what the
member kept to themselves. The asker, inactive members and anyone blocked by or blocking
the asker are left out.

- First wave (at publishing): members who fit the expertise of the question (a topic or a
  language; the region alone when the question names neither), best fit first, at most
  ``LANDNETZ_ASKS_FIRST_WAVE_SIZE``.
- Second wave (no answer after ``LANDNETZ_ASKS_WIDEN_AFTER_HOURS``): every member who fits
  any criterion — also only by region — and was not asked yet, at most
  ``LANDNETZ_ASKS_SECOND_WAVE_SIZE``.

Within a wave: more criteria met first, then the members who logged in most recently
(they answer sooner), then the longest-standing. One query per wave.
"""

from dataclasses import dataclass, field

from django.db.models import Case, Exists, F, IntegerField, OuterRef, Q, QuerySet, Value, When

from landnetz.accounts.models import Profile, ProfileLanguage
from landnetz.core.models import Visibility
from landnetz.moderation.queries import blocking_ids

SHOWN_TO_MEMBERS = [Visibility.PUBLIC, Visibility.MEMBERS]


@dataclass(frozen=True)
class Criteria:
    topic_ids: tuple[int, ...] = ()
    languages: tuple[str, ...] = ()
    region_id: int | None = None

    @property
    def names_expertise(self) -> bool:
        return bool(self.topic_ids or self.languages)

    @property
    def is_empty(self) -> bool:
        return not (self.names_expertise or self.region_id)

    def as_data(self) -> dict:
        return {"topics": list(self.topic_ids), "languages": list(self.languages), "region": self.region_id}


@dataclass
class Wave:
    """The members of one wave and how many of them fit each criterion."""

    members: list = field(default_factory=list)
    fits: dict = field(default_factory=lambda: {"topic": 0, "language": 0, "region": 0})

    @property
    def count(self) -> int:
        return len(self.members)


def criteria_of(*, topics, languages, region) -> Criteria:
    return Criteria(
        topic_ids=tuple(sorted({getattr(topic, "pk", topic) for topic in topics})),
        languages=tuple(sorted(set(languages))),
        region_id=getattr(region, "pk", region),
    )


def _one_if(condition) -> Case:
    return Case(When(condition, then=Value(1)), default=Value(0), output_field=IntegerField())


def _fitting_profiles(criteria: Criteria, *, asker) -> QuerySet[Profile]:
    """Profiles shown to members, annotated with ``topic_fit``, ``language_fit``,
    ``region_fit`` (0 or 1) and ``score`` (their sum)."""
    profiles = Profile.objects.filter(
        visibility__in=SHOWN_TO_MEMBERS, moderation_hidden=False, user__is_active=True
    ).select_related("user")
    if asker is not None:
        profiles = profiles.exclude(user_id=asker.pk).exclude(user_id__in=blocking_ids(asker))
    nothing = Value(0, output_field=IntegerField())
    topic_fit = (
        _one_if(
            Exists(Profile.topics.through.objects.filter(profile_id=OuterRef("pk"), topic_id__in=criteria.topic_ids))
        )
        if criteria.topic_ids
        else nothing
    )
    language_fit = (
        _one_if(Exists(ProfileLanguage.objects.filter(profile_id=OuterRef("pk"), code__in=criteria.languages)))
        if criteria.languages
        else nothing
    )
    region_fit = _one_if(Q(user__region_id=criteria.region_id)) if criteria.region_id else nothing
    return profiles.annotate(topic_fit=topic_fit, language_fit=language_fit, region_fit=region_fit).annotate(
        score=F("topic_fit") + F("language_fit") + F("region_fit")
    )


def _ranked(profiles: QuerySet[Profile]) -> QuerySet[Profile]:
    return profiles.order_by("-score", F("user__last_login").desc(nulls_last=True), "user__date_joined", "pk")


def _wave(profiles) -> Wave:
    wave = Wave()
    for profile in profiles:
        wave.members.append(profile.user)
        wave.fits["topic"] += profile.topic_fit
        wave.fits["language"] += profile.language_fit
        wave.fits["region"] += profile.region_fit
    return wave


def first_wave(criteria: Criteria, *, asker, size: int) -> Wave:
    if criteria.is_empty or size <= 0:
        return Wave()
    profiles = _fitting_profiles(criteria, asker=asker)
    if criteria.names_expertise:
        profiles = profiles.filter(Q(topic_fit=1) | Q(language_fit=1))
    else:
        profiles = profiles.filter(region_fit=1)
    return _wave(_ranked(profiles)[:size])


def second_wave(criteria: Criteria, *, asker, exclude, size: int) -> Wave:
    """``exclude``: a queryset of user ids already asked or already answering."""
    if criteria.is_empty or size <= 0:
        return Wave()
    profiles = _fitting_profiles(criteria, asker=asker).filter(score__gte=1).exclude(user_id__in=exclude)
    return _wave(_ranked(profiles)[:size])
