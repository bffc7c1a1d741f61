"""The feed's pages run as many queries with much data as with little (tests/querycount.py).

``grow`` adds posts to every source of the feed (network, regions, groups, organisations,
people followed, one's own), with comments, replies, reactions, mentions, pictures and
files, and more groups and follows for the reader: the counts must stay equal.
"""

import itertools

import pytest

from landnetz.feed import services
from landnetz.feed.tests.helpers import group, pdf, picture, post, region_post, visible_profile
from landnetz.feed.uploads import clean_attachment, clean_picture
from landnetz.organisations.models import Membership
from landnetz.organisations.services import create_organisation
from tests.factories import UserFactory
from tests.querycount import assert_flat

pytestmark = pytest.mark.django_db

MORE = 6
_numbers = itertools.count()


def _rich_post(author, reader, **fields):
    """A post with a picture, a file, a mention, reactions, a comment and a reply."""
    item = services.create_post(
        actor=author,
        body=f"Beitrag {next(_numbers)} für @[{reader.display_name}] mit **Markdown**",
        body_language="de",
        pictures=[(clean_picture(picture()), "Bild")],
        attachments=[clean_attachment(pdf())],
        **fields,
    ).obj
    comment = services.add_comment(
        actor=reader, post=item, body=f"Kommentar @[{author.display_name}]", body_language="de"
    ).obj
    services.add_comment(actor=author, post=item, body="Antwort", body_language="de", parent=comment)
    services.toggle_reaction(actor=reader, post=item, kind="like")
    services.toggle_reaction(actor=author, post=item, kind="heart")
    return item


@pytest.fixture
def world(volunteer, stendal):
    visible_profile(volunteer)
    author = UserFactory(region=stendal, display_name="Autorin Eins")
    visible_profile(author)
    services.follow(actor=volunteer, member=author)
    return {"author": author}


def grow(volunteer, stendal, author):
    def more():
        for _ in range(MORE):
            writer = UserFactory(region=stendal, display_name=f"Schreiber {next(_numbers)}")
            visible_profile(writer)
            services.follow(actor=volunteer, member=writer)
            club = group("closed", admin=writer, members=[volunteer])
            organisation = create_organisation(
                actor=writer,
                name=f"Verein {next(_numbers)}",
                kind="club",
                sector="civil_society",
                municipality=stendal.municipalities.first(),
            )
            Membership.objects.create(organisation=organisation, user=volunteer, role="member", status="active")
            _rich_post(writer, volunteer)
            _rich_post(writer, volunteer, target="region", region=stendal)
            _rich_post(writer, volunteer, target="group", group=club)
            _rich_post(writer, volunteer, organisation=organisation)
            _rich_post(volunteer, writer)
        from landnetz.groups.permissions import forget_memberships

        forget_memberships(volunteer)

    return more


def test_the_feed_is_flat(client, volunteer, coordinator, stendal, world):
    _rich_post(world["author"], volunteer)
    announcement = region_post(coordinator, stendal, "Angeheftet", kind="announcement")
    services.pin_post(actor=coordinator, post=announcement, days=14)
    client.force_login(volunteer)
    assert_flat(
        client,
        "/de/news/",
        grow=grow(volunteer, stendal, world["author"]),
        shows=lambda html: html.count('class="ln-post'),
    )


def test_a_filtered_feed_and_a_later_page_are_flat(client, volunteer, stendal, world):
    for _ in range(3):
        _rich_post(world["author"], volunteer, target="region", region=stendal)
    client.force_login(volunteer)
    assert_flat(
        client,
        "/de/news/?region=stendal&kind=news",
        grow=grow(volunteer, stendal, world["author"]),
        shows=lambda html: html.count('class="ln-post'),
    )


def test_a_post_with_comments_is_flat(client, volunteer, stendal, world):
    item = _rich_post(world["author"], volunteer)
    client.force_login(volunteer)

    def more():
        for _ in range(MORE):
            writer = UserFactory(region=stendal, display_name=f"Kommentator {next(_numbers)}")
            visible_profile(writer)
            comment = services.add_comment(
                actor=writer, post=item, body=f"Hallo @[{volunteer.display_name}]", body_language="de"
            ).obj
            services.add_comment(
                actor=volunteer, post=item, body=f"Danke @[{writer.display_name}]", body_language="de", parent=comment
            )
            services.toggle_reaction(actor=writer, post=item, kind="thanks")

    assert_flat(client, f"/de/news/{item.pk}/", grow=more, shows=lambda html: html.count('class="ln-comment"'))


def test_the_group_page_with_its_feed_is_flat(client, volunteer, newcomer, stendal, world):
    club = group("closed", admin=volunteer, members=[newcomer])
    _rich_post(newcomer, volunteer, target="group", group=club)
    client.force_login(volunteer)

    def more():
        for _ in range(MORE):
            _rich_post(newcomer, volunteer, target="group", group=club)

    assert_flat(client, f"/de/groups/{club.slug}/", grow=more, shows=lambda html: html.count('class="ln-post'))


def test_the_start_page_with_news_for_you_is_flat(client, volunteer, stendal, world):
    _rich_post(world["author"], volunteer)
    client.force_login(volunteer)
    assert_flat(
        client,
        "/de/",
        grow=grow(volunteer, stendal, world["author"]),
        shows=lambda html: html.count('class="ln-result"'),
    )


def test_following_is_flat(client, volunteer, stendal, world):
    services.follow(actor=world["author"], member=volunteer)
    client.force_login(volunteer)

    def more():
        for _ in range(MORE):
            writer = UserFactory(region=stendal)
            post(writer)
            services.follow(actor=volunteer, member=writer)
            services.follow(actor=writer, member=volunteer)

    assert_flat(
        client,
        "/de/news/following/",
        grow=more,
        shows=lambda html: html.count('value="unfollow"'),
    )
