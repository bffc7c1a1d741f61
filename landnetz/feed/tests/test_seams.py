"""The feed in the seams: site search with audiences, reports, notifications, export, erasure."""

import io
import json
import zipfile

import pytest

from landnetz.feed import services
from landnetz.feed.models import Comment, Follow, Post, PostAttachment, Reaction
from landnetz.feed.tests.helpers import group, group_post, pdf, picture, post, region_post, visible_profile
from landnetz.feed.uploads import clean_attachment, clean_picture
from landnetz.moderation import services as moderation
from landnetz.moderation.models import Report
from landnetz.search.models import SearchEntry
from landnetz.search.queries import Criteria, search

pytestmark = pytest.mark.django_db


def found(viewer, text: str) -> set[int]:
    return {entry.object_id for entry in search(viewer, Criteria(text=text, kinds=("post",)))}


def test_posts_are_found_by_the_members_who_may_read_them(volunteer, newcomer, outsider):
    network = post(volunteer, "Fahrradwerkstatt in Tangerhütte sucht Helfer")
    club = group("closed", admin=volunteer, members=[newcomer])
    closed = group_post(newcomer, club, "Fahrradwerkstatt: Protokoll der Gruppe")
    secret = group("secret", admin=volunteer)
    hidden_group_post = group_post(volunteer, secret, "Fahrradwerkstatt geheim")
    open_club = group("open", admin=volunteer)
    open_post = group_post(volunteer, open_club, "Fahrradwerkstatt offen")
    assert found(outsider, "Fahrradwerkstatt") == {network.pk, open_post.pk}
    assert found(newcomer, "Fahrradwerkstatt") == {network.pk, closed.pk, open_post.pk}
    assert found(volunteer, "Fahrradwerkstatt") == {network.pk, closed.pk, hidden_group_post.pk, open_post.pk}
    assert SearchEntry.objects.get(kind="post", object_id=closed.pk).audience == f"group:{club.pk}"
    from django.contrib.auth.models import AnonymousUser

    assert found(AnonymousUser(), "Fahrradwerkstatt") == set()


def test_comments_are_found_with_their_post_and_go_with_it(volunteer, newcomer, outsider):
    item = post(volunteer, "Wer kennt eine Kinderärztin?")
    comment = services.add_comment(
        actor=newcomer, post=item, body="Frau Doktor Sonnenschein in Stendal", body_language="de"
    ).obj
    assert found(outsider, "Sonnenschein") == {item.pk}
    services.delete_comment(actor=newcomer, comment=comment)
    assert found(outsider, "Sonnenschein") == set()


def test_hidden_and_deleted_posts_leave_the_index(volunteer, outsider):
    item = post(volunteer, "Kleiderkammer öffnet wieder")
    services.set_hidden(post=item, hidden=True)
    assert found(outsider, "Kleiderkammer") == set() and found(volunteer, "Kleiderkammer") == set()
    services.set_hidden(post=item, hidden=False)
    assert found(outsider, "Kleiderkammer") == {item.pk}
    services.delete_post(actor=volunteer, post=item)
    assert not SearchEntry.objects.filter(kind="post").exists()


def test_edits_reach_the_index(volunteer, outsider):
    item = post(volunteer, "Alter Text")
    services.update_post(actor=volunteer, post=item, body="Neuer Text über Bienen", body_language="de", kind="news")
    assert found(outsider, "Bienen") == {item.pk}


def test_a_reported_post_is_hidden_and_deleted_by_the_region_coordinator(volunteer, outsider, coordinator, stendal):
    item = region_post(volunteer, stendal, "Werbung für etwas ganz anderes")
    report = moderation.report(reporter=outsider, kind="feed.post", object_id=item.pk, reason="spam")
    assert report.region == stendal
    moderation.decide(actor=coordinator, report=report, action="hide", reason="Werbung")
    item.refresh_from_db()
    assert item.hidden
    restore = Report.objects.get(pk=report.pk)
    moderation.decide(actor=coordinator, report=restore, action="restore")
    item.refresh_from_db()
    assert not item.hidden
    second = moderation.report(reporter=outsider, kind="feed.post", object_id=item.pk, reason="spam")
    moderation.decide(actor=coordinator, report=second, action="delete", reason="Werbung")
    assert not Post.objects.filter(pk=item.pk).exists()


def test_a_comment_is_reportable_and_a_secret_groups_post_is_not_for_outsiders(volunteer, newcomer, outsider):
    from django.core.exceptions import ValidationError

    item = post(volunteer)
    comment = services.add_comment(actor=newcomer, post=item, body="Beleidigung", body_language="de").obj
    report = moderation.report(reporter=outsider, kind="feed.comment", object_id=comment.pk, reason="harassment")
    assert report.region is None  # a network post: network admins decide
    secret = group("secret", admin=volunteer)
    hidden = group_post(volunteer, secret)
    with pytest.raises((ValidationError, Exception)):
        moderation.report(reporter=outsider, kind="feed.post", object_id=hidden.pk, reason="spam")


def test_the_export_holds_posts_comments_reactions_follows_and_files(
    volunteer, newcomer, django_capture_on_commit_callbacks
):
    from landnetz.privacy.archive import write_export

    item = services.create_post(
        actor=newcomer,
        body="Мій перший допис",
        body_language="uk",
        pictures=[(clean_picture(picture()), "Фото")],
        attachments=[clean_attachment(pdf("Анкета.pdf"))],
    ).obj
    services.add_comment(actor=newcomer, post=post(volunteer), body="Дякую!", body_language="uk")
    services.toggle_reaction(actor=newcomer, post=item, kind="heart")
    services.follow(actor=newcomer, member=volunteer)
    services.follow(actor=volunteer, member=newcomer)
    buffer = io.BytesIO()
    write_export(newcomer, buffer)
    with zipfile.ZipFile(buffer) as archive:
        data = json.loads(archive.read("landnetz-data.json"))
        names = archive.namelist()
    text = json.dumps(data, ensure_ascii=False)
    for expected in ["Мій перший допис", "Дякую!", "heart", "Фото", "Анкета.pdf"]:
        assert expected in text, expected
    assert any(name.startswith("files/feed.PostAttachment/") for name in names)
    assert any(name.startswith("files/feed.PostImage/") for name in names)
    assert "Members you follow" in text and "Members who follow you" in text


def test_erasure_deletes_the_members_content_and_files(volunteer, newcomer, django_capture_on_commit_callbacks):
    from landnetz.privacy.services import erase_member
    from landnetz.privacy.tests.scan import places_holding

    visible_profile(newcomer)
    own = services.create_post(
        actor=newcomer, body="Olena schreibt", body_language="uk", attachments=[clean_attachment(pdf())]
    ).obj
    stored = PostAttachment.objects.get().file
    storage = stored.storage
    other = post(volunteer, "Danke @[Olena Kovalenko] für die Übersetzung")
    services.add_comment(actor=volunteer, post=own, body="Antwort von Helga", body_language="de")
    services.add_comment(actor=newcomer, post=other, body="Gern geschehen", body_language="uk")
    services.toggle_reaction(actor=newcomer, post=other, kind="like")
    services.follow(actor=newcomer, member=volunteer)
    with django_capture_on_commit_callbacks(execute=True):
        erase_member(actor=newcomer, user=newcomer)
    assert not Post.objects.filter(pk=own.pk).exists()
    assert not Comment.objects.filter(body="Gern geschehen").exists()
    assert not Reaction.objects.exists() and not Follow.objects.exists()
    assert not storage.exists(stored.name)
    for needle in ["Kovalenko", newcomer.email]:
        assert places_holding(needle) == [], needle
    other.refresh_from_db()
    assert other.body.startswith("Danke @[](")
