"""Someone else's ids replayed: editing someone else's post, a secret group's post by id.

Whatever the outsider sends: 403 for what they may read but not change, 404 for what they
may not read, and not one row changes.
"""

import pytest

from landnetz.feed import services
from landnetz.feed.models import Comment, Follow, Mention, Post, PostAttachment, PostImage, Reaction
from landnetz.feed.tests.helpers import group, pdf, picture
from landnetz.feed.uploads import clean_attachment, clean_picture
from tests.boundaries import snapshot

pytestmark = pytest.mark.django_db


def tables():
    from landnetz.core.models import AuditEntry
    from landnetz.notifications.models import Notification

    return (Post, Comment, Reaction, Mention, Follow, PostImage, PostAttachment, Notification, AuditEntry)


def _with_files(author, body="Für die Region", **fields):
    return services.create_post(
        actor=author,
        body=body,
        body_language="de",
        pictures=[(clean_picture(picture()), "Bild")],
        attachments=[clean_attachment(pdf())],
        **fields,
    ).obj


@pytest.fixture
def targets(volunteer, newcomer, stendal):
    mine = _with_files(volunteer, target="region", region=stendal)
    comment = services.add_comment(actor=newcomer, post=mine, body="Mein Kommentar", body_language="de").obj
    secret = group("secret", admin=volunteer, members=[newcomer])
    hidden = _with_files(newcomer, "Nur für uns", target="group", group=secret)
    hidden_comment = services.add_comment(actor=volunteer, post=hidden, body="Geheim", body_language="de").obj
    return {"mine": mine, "comment": comment, "secret": hidden, "secret_comment": hidden_comment}


def _urls(item: Post) -> list[tuple[str, str, dict]]:
    base = f"/de/news/{item.pk}"
    image, attachment = item.images.get(), item.attachments.get()
    return [
        ("get", f"{base}/edit/", {}),
        ("post", f"{base}/edit/", {"body": "Übernommen", "body_language": "de", "kind": "news"}),
        ("get", f"{base}/delete/", {}),
        ("post", f"{base}/delete/", {}),
        ("post", f"{base}/pin/", {"days": "14"}),
        ("post", f"{base}/pin/", {"action": "unpin"}),
        ("get", f"{base}/pictures/{image.pk}/", {}),
        ("get", f"{base}/files/{attachment.pk}/", {}),
    ]


def test_an_outsider_cannot_change_someone_elses_post_or_comment(client, targets, outsider):
    mine, comment = targets["mine"], targets["comment"]
    before = snapshot(*tables())
    client.force_login(outsider)
    for method, url, data in _urls(mine):
        response = getattr(client, method)(url, data)
        expected = 200 if "/pictures/" in url or "/files/" in url else 403
        assert response.status_code == expected, (method, url)
    for method, url, data in [
        ("get", f"/de/news/comments/{comment.pk}/edit/", {}),
        ("post", f"/de/news/comments/{comment.pk}/edit/", {"body": "Übernommen", "body_language": "de"}),
        ("get", f"/de/news/comments/{comment.pk}/delete/", {}),
        ("post", f"/de/news/comments/{comment.pk}/delete/", {}),
    ]:
        assert getattr(client, method)(url, data).status_code == 403, (method, url)
    assert snapshot(*tables()) == before


@pytest.mark.parametrize("who", ["outsider", "network_admin", "coordinator"])
def test_a_secret_groups_post_by_id_is_404_and_nothing_changes(client, targets, who, request):
    secret, secret_comment = targets["secret"], targets["secret_comment"]
    before = snapshot(*tables())
    client.force_login(request.getfixturevalue(who))
    urls = [
        *_urls(secret),
        ("get", f"/de/news/{secret.pk}/", {}),
        ("post", f"/de/news/{secret.pk}/react/", {"kind": "like"}),
        ("post", f"/de/news/{secret.pk}/comments/", {"body": "Hallo", "body_language": "de"}),
        ("get", f"/de/news/comments/{secret_comment.pk}/edit/", {}),
        ("post", f"/de/news/comments/{secret_comment.pk}/delete/", {}),
        ("post", f"/de/news/people/{secret.author_id}/follow/", {"action": "follow"}),
        ("get", f"/de/moderation/report/feed.post/{secret.pk}/", {}),
        ("get", f"/de/moderation/report/feed.comment/{secret_comment.pk}/", {}),
    ]
    for method, url, data in urls:
        assert getattr(client, method)(url, data).status_code == 404, (method, url)
    assert snapshot(*tables()) == before
    listing = (
        client.get("/de/news/").content.decode() + client.get("/de/news/?group=" + secret.group.slug).content.decode()
    )
    assert "Nur für uns" not in listing and secret.group.name not in listing


def test_a_picture_of_another_post_is_not_served_under_a_readable_post(client, targets, outsider, volunteer):
    mine, secret = targets["mine"], targets["secret"]
    client.force_login(outsider)
    image, attachment = secret.images.get(), secret.attachments.get()
    assert client.get(f"/de/news/{mine.pk}/pictures/{image.pk}/").status_code == 404
    assert client.get(f"/de/news/{mine.pk}/files/{attachment.pk}/").status_code == 404
