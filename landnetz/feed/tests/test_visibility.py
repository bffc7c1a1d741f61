"""Who reads which post, and what the personal feed gathers (queries.posts_visible_to, feed_page)."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404
from django.utils import timezone

from landnetz.feed import queries, services
from landnetz.feed.models import Post
from landnetz.feed.tests.helpers import group, group_post, post, region_post
from landnetz.organisations.services import create_organisation
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def ids(posts) -> list[int]:
    return [item.pk for item in posts]


def visible(user) -> set[int]:
    return set(queries.posts_visible_to(user).values_list("pk", flat=True))


def test_visitors_read_nothing_members_read_network_and_region_posts(volunteer, outsider, stendal):
    network = post(volunteer, "Für alle")
    regional = region_post(volunteer, stendal)
    assert visible(AnonymousUser()) == set()
    assert visible(outsider) == {network.pk, regional.pk}


def test_group_posts_open_for_members_closed_and_secret_only_for_the_group(
    volunteer, newcomer, outsider, network_admin
):
    open_group = group("open", admin=volunteer)
    closed_group = group("closed", admin=volunteer, members=[newcomer])
    secret_group = group("secret", admin=volunteer, members=[newcomer])
    in_open = group_post(volunteer, open_group)
    in_closed = group_post(volunteer, closed_group)
    in_secret = group_post(newcomer, secret_group)
    assert visible(outsider) == {in_open.pk}
    assert visible(newcomer) == {in_open.pk, in_closed.pk, in_secret.pk}
    # Network admins are not waved through: a secret group's post is 404 for them too.
    assert in_secret.pk not in visible(network_admin)
    with pytest.raises(Http404):
        queries.post_for(network_admin, in_secret.pk)
    with pytest.raises(Http404):
        queries.post_for(outsider, in_closed.pk)


def test_a_post_in_a_group_hidden_by_moderation_is_read_by_its_admins_only(volunteer, newcomer):
    closed_group = group("closed", admin=volunteer, members=[newcomer])
    item = group_post(newcomer, closed_group)
    closed_group.hidden = True
    closed_group.save()
    assert item.pk in visible(volunteer)
    assert item.pk not in visible(newcomer)


def test_a_hidden_post_is_read_by_its_author_only(volunteer, outsider):
    item = post(volunteer)
    services.set_hidden(post=item, hidden=True)
    assert item.pk in visible(volunteer)
    assert item.pk not in visible(outsider)


def test_the_feed_gathers_regions_groups_organisations_follows_and_the_network(
    volunteer, coordinator, outsider, employer, counsellor, stendal, harz, regions
):
    """The outsider lives in the Harz, is in one group, one organisation, follows one member."""
    salzwedel = regions["altmarkkreis-salzwedel"]
    network = post(coordinator, "Für alle")
    own_region = region_post(employer, harz, "Harz")
    other_region = region_post(employer, salzwedel, "Salzwedel")
    club = group("closed", admin=employer, members=[outsider])
    in_group = group_post(employer, club)
    other_group = group("open", admin=employer)
    in_other_group = group_post(employer, other_group)
    organisation = create_organisation(
        actor=counsellor,
        name="Beratung Harz",
        kind="counselling",
        sector="civil_society",
        municipality=harz.municipalities.first(),
    )
    from landnetz.organisations.models import Membership

    Membership.objects.create(organisation=organisation, user=outsider, role="member", status="active")
    for_organisation = region_post(counsellor, stendal, "Im Namen der Beratung", organisation=organisation)
    services.follow(actor=outsider, member=volunteer)
    followed = region_post(volunteer, stendal, "Von Helga")
    mine = region_post(outsider, salzwedel, "Meins")
    page = queries.feed_page(outsider)
    assert ids(page.posts) == [mine.pk, followed.pk, for_organisation.pk, in_group.pk, own_region.pk, network.pk]
    assert other_region.pk not in ids(page.posts) and in_other_group.pk not in ids(page.posts)


def test_coordinated_regions_are_my_regions(coordinator, regions, employer):
    coordinator.coordinated_regions.add(regions["harz"])
    coordinator.__dict__.pop("_coordinated_region_ids", None)
    harz_post = region_post(employer, regions["harz"])
    assert harz_post.pk in ids(queries.feed_page(coordinator).posts)


def test_filters_by_region_group_and_kind(volunteer, outsider, stendal, harz):
    help_wanted = region_post(volunteer, stendal, "Wer hilft?", kind="request")
    news = region_post(volunteer, stendal, "Neu")
    harz_news = region_post(outsider, harz, "Harz")
    club = group("open", admin=volunteer)
    in_group = group_post(volunteer, club)
    assert ids(queries.feed_page(outsider, region=stendal).posts) == [news.pk, help_wanted.pk]
    assert ids(queries.feed_page(outsider, region=stendal, kind="request").posts) == [help_wanted.pk]
    assert ids(queries.feed_page(outsider, group=club).posts) == [in_group.pk]
    assert harz_news.pk not in ids(queries.feed_page(volunteer).posts)


def test_pinned_posts_come_first_for_members_of_the_region_only(coordinator, volunteer, outsider, stendal, regions):
    announcement = region_post(coordinator, stendal, "Wichtig: Sprechstunde am Montag", kind="announcement")
    services.pin_post(actor=coordinator, post=announcement, days=14)
    newer = post(outsider, "Etwas Neueres für alle")
    page = queries.feed_page(volunteer)
    assert ids(page.pinned) == [announcement.pk]
    assert announcement.pk not in ids(page.posts)  # shown once, at the top
    assert ids(page.posts)[0] == newer.pk
    # A member of the Harz: not pinned, not even in the feed; with the region filter in its place.
    harz_page = queries.feed_page(outsider)
    assert harz_page.pinned == [] and announcement.pk not in ids(harz_page.posts)
    filtered = queries.feed_page(outsider, region=stendal)
    assert filtered.pinned == [] and ids(filtered.posts) == [announcement.pk]


def test_a_pin_expires(coordinator, volunteer, stendal):
    announcement = region_post(coordinator, stendal, kind="announcement")
    services.pin_post(actor=coordinator, post=announcement, days=7)
    Post.objects.filter(pk=announcement.pk).update(pinned_until=timezone.now() - timedelta(minutes=1))
    page = queries.feed_page(volunteer)
    assert page.pinned == [] and ids(page.posts) == [announcement.pk]


def test_the_cursor_stays_stable_while_new_posts_arrive(volunteer, outsider):
    older = [post(outsider, f"Beitrag {number}") for number in range(25)]
    first = queries.feed_page(volunteer, size=10)
    assert ids(first.posts) == ids(reversed(older))[:10]
    for number in range(5):
        post(outsider, f"Ganz neu {number}")
    second = queries.feed_page(volunteer, size=10, cursor=queries.Cursor.decode(first.next_cursor))
    assert ids(second.posts) == ids(reversed(older))[10:20]
    third = queries.feed_page(volunteer, size=10, cursor=queries.Cursor.decode(second.next_cursor))
    assert ids(third.posts) == ids(reversed(older))[20:] and third.next_cursor == ""


def test_posts_of_the_same_moment_are_paged_by_id(volunteer, outsider):
    moment = timezone.now()
    same = [post(outsider, f"Gleichzeitig {number}") for number in range(5)]
    Post.objects.filter(pk__in=ids(same)).update(created_at=moment)
    first = queries.feed_page(volunteer, size=2)
    rest = []
    cursor = first.next_cursor
    while cursor:
        page = queries.feed_page(volunteer, size=2, cursor=queries.Cursor.decode(cursor))
        rest.extend(ids(page.posts))
        cursor = page.next_cursor
    assert ids(first.posts) + rest == sorted(ids(same), reverse=True)


@pytest.mark.parametrize("value", ["", "garbage", "a" * 500, "WyIyMDI2IiwgMV0:forged:sig", None])
def test_a_bad_cursor_means_the_first_page(value):
    assert queries.Cursor.decode(value) is None


def test_a_forged_cursor_with_a_valid_looking_body_is_refused():
    from django.core import signing

    forged = signing.dumps(["2026-01-01T00:00:00+00:00", 5], salt="another salt")
    assert queries.Cursor.decode(forged) is None
    wrong_type = signing.dumps(["2026-01-01T00:00:00+00:00", "5"], salt=queries.CURSOR_SALT)
    assert queries.Cursor.decode(wrong_type) is None
    naive = signing.dumps(["2026-01-01T00:00:00", 5], salt=queries.CURSOR_SALT)
    assert queries.Cursor.decode(naive) is None


@pytest.mark.parametrize("branches", [3, 60], ids=["groups share one branch", "a branch per group"])
def test_every_group_of_the_member_is_in_the_feed(volunteer, outsider, monkeypatch, branches):
    monkeypatch.setattr(queries, "MAX_BRANCHES", branches)
    groups = [group("closed", admin=outsider, members=[volunteer]) for _ in range(5)]
    posted = [group_post(outsider, item, f"Gruppe {number}") for number, item in enumerate(groups)]
    assert ids(queries.feed_page(volunteer).posts) == ids(reversed(posted))


def test_a_left_group_leaves_the_feed(volunteer, outsider):
    from landnetz.groups.models import GroupMembership
    from landnetz.groups.permissions import forget_memberships

    club = group("closed", admin=outsider, members=[volunteer])
    item = group_post(outsider, club)
    assert item.pk in ids(queries.feed_page(volunteer).posts)
    GroupMembership.objects.filter(group=club, user=volunteer).delete()
    forget_memberships(volunteer)
    assert item.pk not in ids(queries.feed_page(volunteer).posts)
    assert item.pk not in visible(volunteer)


def test_inactive_members_read_nothing(stendal):
    author = UserFactory(region=stendal)
    post(author)
    author.is_active = False
    assert visible(author) == set()
