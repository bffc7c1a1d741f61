"""Fixtures of the OpenMIC tests: members with profiles that fit (or do not fit) a question."""

import pytest

from landnetz.accounts.models import Profile, ProfileLanguage
from landnetz.core.models import Municipality, Topic
from tests.factories import UserFactory


@pytest.fixture(autouse=True)
def _english():
    """Messages are asserted in English (the msgids); pages under /de/ still render German."""
    from django.utils import translation

    with translation.override("en"):
        yield


def place(name: str) -> Municipality:
    return Municipality.objects.select_related("region").get(name=name)


def profile_for(user, *, topics=(), languages=(), visibility="members", hidden=False) -> Profile:
    """Give ``user`` a profile with these topics (slugs) and spoken languages (codes)."""
    profile, _created = Profile.objects.get_or_create(user=user)
    profile.visibility, profile.moderation_hidden = visibility, hidden
    profile.save()
    profile.topics.set(Topic.objects.filter(slug__in=topics))
    profile.languages.all().delete()
    ProfileLanguage.objects.bulk_create(
        ProfileLanguage(profile=profile, code=code, level="fluent") for code in languages
    )
    return profile


def member(where: str = "Stendal", *, topics=(), languages=(), visibility="members", **extra):
    municipality = place(where)
    user = UserFactory(region=municipality.region, municipality=municipality, **extra)
    if topics or languages or visibility != "members":
        profile_for(user, topics=topics, languages=languages, visibility=visibility)
    else:
        profile_for(user, visibility=visibility)
    return user


@pytest.fixture
def health(db):
    return Topic.objects.get(slug="gesundheit")


@pytest.fixture
def housing(db):
    return Topic.objects.get(slug="wohnen")


@pytest.fixture
def stendal(regions):
    return regions["stendal"]


@pytest.fixture
def burgenland(regions):
    return regions["burgenlandkreis"]


@pytest.fixture
def fitting_counsellor(counsellor):
    """The counsellor in Naumburg (Burgenlandkreis): health, Arabic, profile seen by members."""
    profile_for(counsellor, topics=["gesundheit", "beratung"], languages=["ar", "prs", "de"], visibility="public")
    return counsellor


@pytest.fixture
def ask(volunteer, stendal, health):
    """``ask(**fields)``: the volunteer asks through the service (health, Arabic, Stendal by default)."""
    from landnetz.asks import services

    def make(asker=None, **fields):
        fields.setdefault("title", "Wo findet eine syrische Familie in Tangerhütte eine Kinderärztin?")
        fields.setdefault("body", "Die Familie wohnt seit Mai hier. **Dringend**, das Kind hat Fieber.")
        fields.setdefault("body_language", "de")
        fields.setdefault("region", stendal)
        fields.setdefault("topics", [health])
        fields.setdefault("languages", ["ar"])
        return services.ask_question(asker=asker or volunteer, **fields)

    return make
