"""@mentions: resolved to members the author may mention, notified, never through a block."""

import pytest

from landnetz.feed import mentions, queries, services
from landnetz.feed.models import Mention
from landnetz.feed.tests.helpers import group, post, visible_profile
from landnetz.moderation.models import Block
from landnetz.notifications.models import Notification

pytestmark = pytest.mark.django_db


def mentioned_in(notification_kind="feed.mention"):
    return set(Notification.objects.filter(kind=notification_kind).values_list("recipient_id", flat=True))


def test_a_mention_by_name_is_resolved_linked_and_notified(client, volunteer, newcomer):
    visible_profile(newcomer)
    written = services.create_post(actor=volunteer, body="Danke @[Olena Kovalenko] für die Hilfe!", body_language="de")
    item = written.obj
    assert item.body == f"Danke @[Olena Kovalenko]({newcomer.pk}) für die Hilfe!"
    assert written.unresolved == [] and written.unreached == []
    assert list(Mention.objects.filter(post=item).values_list("user_id", flat=True)) == [newcomer.pk]
    assert mentioned_in() == {newcomer.pk}
    client.force_login(volunteer)
    html = client.get(f"/de/news/{item.pk}/").content.decode()
    assert f'href="/de/people/{newcomer.pk}/"' in html and "@Olena Kovalenko" in html


def test_a_mention_by_id_from_the_suggestions_and_a_renamed_member(client, volunteer, newcomer):
    visible_profile(newcomer)
    item = post(volunteer, f"Hallo @[Olena]({newcomer.pk})")
    newcomer.display_name = "Olena K."
    newcomer.save()
    client.force_login(volunteer)
    html = client.get(f"/de/news/{item.pk}/").content.decode()
    assert "@Olena K." in html  # the current name, not the one written


def test_an_unknown_or_ambiguous_name_stays_plain_text(volunteer, factory_members):
    first, second = factory_members("Anna Schmidt"), factory_members("Anna Schmidt")
    written = services.create_post(
        actor=volunteer, body="Fragt @[Niemand Bekanntes] oder @[Anna Schmidt].", body_language="de"
    )
    assert written.obj.body == "Fragt @Niemand Bekanntes oder @Anna Schmidt."
    assert written.unresolved == ["Niemand Bekanntes", "Anna Schmidt"]
    assert not Mention.objects.exists() and not Notification.objects.exists()
    assert {first.pk, second.pk}


def test_a_member_with_a_private_profile_cannot_be_mentioned(volunteer, newcomer):
    visible_profile(newcomer, "nobody")
    written = services.create_post(actor=volunteer, body="@[Olena Kovalenko]", body_language="de")
    assert written.unresolved == ["Olena Kovalenko"] and not Notification.objects.exists()


@pytest.mark.parametrize("direction", ["mentioned blocked the author", "author blocked the mentioned"])
def test_a_block_in_either_direction_means_no_mention_and_the_same_words_as_an_unknown_name(
    client, volunteer, newcomer, direction
):
    visible_profile(newcomer)
    if direction == "mentioned blocked the author":
        Block.objects.create(blocker=newcomer, blocked=volunteer)
    else:
        Block.objects.create(blocker=volunteer, blocked=newcomer)
    client.force_login(volunteer)
    response = client.post(
        "/de/news/new/",
        {"body": "Danke @[Olena Kovalenko]!", "body_language": "de", "kind": "news", "target": "network"},
        follow=True,
    )
    item = response.context["post"]
    assert item.body == "Danke @Olena Kovalenko!"
    assert not Mention.objects.exists() and not Notification.objects.exists()
    html = response.content.decode()
    assert f"/people/{newcomer.pk}/" not in html
    # The author reads what an unknown name gets: nothing tells about a block.
    unknown = client.post(
        "/de/news/new/",
        {"body": "Danke @[Olga Niemand]!", "body_language": "de", "kind": "news", "target": "network"},
        follow=True,
    )
    blocked_words = [str(message) for message in response.context["messages"]][1:]
    unknown_words = [str(message) for message in unknown.context["messages"]][1:]
    assert len(blocked_words) == 1
    assert blocked_words[0].replace("Olena Kovalenko", "NAME") == unknown_words[0].replace("Olga Niemand", "NAME")
    assert "block" not in blocked_words[0].lower()


def test_in_a_comment_too_a_block_means_no_mention(volunteer, newcomer, outsider):
    visible_profile(newcomer)
    Block.objects.create(blocker=newcomer, blocked=outsider)
    item = post(volunteer)
    written = services.add_comment(actor=outsider, post=item, body="@[Olena Kovalenko] weiß das", body_language="de")
    assert written.unresolved == ["Olena Kovalenko"] and not mentioned_in()


def test_a_mentioned_member_who_cannot_read_the_group_post_is_not_told(volunteer, newcomer, outsider):
    visible_profile(outsider)
    club = group("closed", admin=volunteer, members=[newcomer])
    written = services.create_post(
        actor=newcomer, body="@[Uwe Fremd] sollte das lesen", body_language="de", target="group", group=club
    )
    assert [user.pk for user in written.unreached] == [outsider.pk]
    assert mentioned_in() == set()


def test_editing_notifies_only_the_newly_mentioned(volunteer, newcomer, outsider):
    visible_profile(newcomer)
    visible_profile(outsider)
    item = post(volunteer, "@[Olena Kovalenko]")
    services.update_post(
        actor=volunteer, post=item, body="@[Olena Kovalenko] und @[Uwe Fremd]", body_language="de", kind="news"
    )
    assert Notification.objects.filter(kind="feed.mention", recipient=newcomer).count() == 1
    assert Notification.objects.filter(kind="feed.mention", recipient=outsider).count() == 1


def test_too_many_mentions_are_refused(volunteer):
    from django.core.exceptions import ValidationError

    body = " ".join(f"@[Name {number}]" for number in range(mentions.MAX_MENTIONS + 1))
    with pytest.raises(ValidationError) as error:
        services.create_post(actor=volunteer, body=body, body_language="de")
    assert "at most 20" in str(error.value)


def test_an_erased_member_leaves_no_name_in_others_texts(volunteer, newcomer):
    from landnetz.privacy.services import erase_member

    visible_profile(newcomer)
    item = post(volunteer, "Danke @[Olena Kovalenko]!")
    comment = services.add_comment(
        actor=volunteer, post=item, body="Nochmal @[Olena Kovalenko]", body_language="de"
    ).obj
    erase_member(actor=newcomer, user=newcomer)
    item.refresh_from_db()
    comment.refresh_from_db()
    assert "Olena" not in item.body and "Olena" not in comment.body
    shown = queries.post_for(volunteer, item.pk)
    assert "a former member" in str(shown.html)


def test_markdown_specials_in_a_name_are_not_markup(client, volunteer, factory_members):
    odd = factory_members("Anna *Stern* [x](javascript:alert(1))")
    visible_profile(odd)
    item = post(volunteer, f"@[x]({odd.pk})")
    client.force_login(volunteer)
    html = client.get(f"/de/news/{item.pk}/").content.decode()
    assert "<em>Stern</em>" not in html
    assert 'href="javascript' not in html
    assert "@Anna *Stern* [x](javascript:alert(1))</a>" in html  # the name as text, linked to the profile
