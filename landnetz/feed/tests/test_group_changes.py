"""A group's kind and moderation state decide who finds its posts in the site search.

The groups app tells the apps above through ``core.hooks.stale(groups=…)``; the feed
reindexes the group's posts, so an open group that becomes closed no longer shows its
news to every member, and a group a moderator hid shows it to nobody outside.
"""

import pytest

from landnetz.feed.tests.helpers import group, group_post
from landnetz.groups import services as group_services
from landnetz.search.queries import Criteria, search

pytestmark = pytest.mark.django_db


def found(viewer, text: str) -> set[int]:
    return {entry.object_id for entry in search(viewer, Criteria(text=text, kinds=("post",)))}


def test_an_open_group_that_becomes_closed_keeps_its_news_for_its_members(volunteer, newcomer, outsider):
    club = group("open", admin=volunteer, members=[newcomer], name="Fahrradgruppe Tangerhütte")
    news = group_post(volunteer, club, "Fahrradwerkstatt am Samstag")
    assert found(outsider, "Fahrradwerkstatt") == {news.pk}
    group_services.update_group(actor=volunteer, group=club, name=club.name, kind="closed")
    assert found(outsider, "Fahrradwerkstatt") == set()
    assert found(newcomer, "Fahrradwerkstatt") == {news.pk}
    group_services.update_group(actor=volunteer, group=club, name=club.name, kind="open")
    assert found(outsider, "Fahrradwerkstatt") == {news.pk}


def test_a_hidden_group_keeps_its_news_out_of_the_search_until_it_is_restored(volunteer, outsider):
    club = group("open", admin=volunteer, name="Fahrradgruppe Stendal")
    news = group_post(volunteer, club, "Fahrradwerkstatt am Sonntag")
    group_services.set_hidden(group=club, hidden=True)
    assert found(outsider, "Fahrradwerkstatt") == set()
    group_services.set_hidden(group=club, hidden=False)
    assert found(outsider, "Fahrradwerkstatt") == {news.pk}
