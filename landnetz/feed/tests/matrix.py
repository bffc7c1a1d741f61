"""Objects and forms of the feed for the permission matrix (docs/permissions.md).

Every post has its own author (the "owner" column), a member in Stendal who is nobody
else's role; the matrix member (Tangerhütte, Stendal) and coordinator (Stendal) have
nothing to do with it. Posts with files hold a real picture and a real PDF.

- ``NETWORK_POST``: a post to the whole network with a picture, a PDF and a comment.
- ``REGION_POST``: a post to the Landkreis Stendal (the coordinator's region).
- ``REGION_POST_ELSEWHERE``: a post to the Harz, which the matrix coordinator does not coordinate.
- ``PINNED_POST``: a Stendal post pinned by its coordinator.
- ``OPEN_GROUP_POST``: a post in an open group (every member reads it; only the group's
  members, among them its author, comment and react).
- ``SECRET_GROUP_POST``: a post with a picture and a PDF in a secret group whose only
  member is its author: 404 for everyone else, network admins included.
- ``HIDDEN_POST``: a network post a moderator hid: only its author still reads it.
- ``FEED_COMMENT``: a comment by its owner on a Stendal region post of someone else.
- ``FEED_AUTHOR``: a member with a network post, to follow (the owner is that member:
  following oneself is 404).
"""

from django.core.files.uploadedfile import SimpleUploadedFile

from landnetz.core.models import Municipality
from landnetz.feed import services
from landnetz.feed.tests.helpers import group, pdf, picture
from landnetz.feed.uploads import clean_attachment, clean_picture
from tests.factories import UserFactory
from tests.matrix_support import MatrixObject, unique


def _author(name: str = "Matrix Autorin"):
    place = Municipality.objects.select_related("region").get(region__slug="stendal", name="Stendal")
    return UserFactory(display_name=name, region=place.region, municipality=place)


def _region(slug: str):
    from landnetz.core.models import Region

    return Region.objects.get(slug=slug)


def _post(author, *, with_files: bool = False, **fields):
    extra = {}
    if with_files:
        extra = {
            "pictures": [(clean_picture(picture()), "Ein Bild für die Matrix")],
            "attachments": [clean_attachment(pdf())],
        }
    item = services.create_post(
        actor=author, body=f"Matrix-Beitrag {unique()}", body_language="de", **fields, **extra
    ).obj
    if with_files:
        item.picture_id = item.images.get().pk
        item.file_id = item.attachments.get().pk
    return item


def _network_post(users) -> MatrixObject:
    author = _author()
    item = _post(author, with_files=True)
    services.add_comment(actor=_author("Matrix Kommentar"), post=item, body="Ein Kommentar", body_language="de")
    return MatrixObject(str(item.pk), owner=author, obj=item)


def _region_post(slug: str, *, pinned: bool = False):
    def create(users) -> MatrixObject:
        author = _author()
        item = _post(author, target="region", region=_region(slug), kind="announcement")
        if pinned:
            services.pin_post(actor=users["coordinator"], post=item, days=14)
        return MatrixObject(str(item.pk), owner=author, obj=item)

    return create


def _group_post(kind: str, *, with_files: bool = False):
    def create(users) -> MatrixObject:
        author = _author()
        place = group(kind, admin=author, region=_region("stendal"))
        item = _post(author, target="group", group=place, with_files=with_files)
        return MatrixObject(str(item.pk), owner=author, obj=item)

    return create


def _hidden_post(users) -> MatrixObject:
    author = _author()
    item = _post(author)
    services.set_hidden(post=item, hidden=True)
    return MatrixObject(str(item.pk), owner=author, obj=item)


def _comment(users) -> MatrixObject:
    author = _author("Matrix Kommentatorin")
    item = _post(_author(), target="region", region=_region("stendal"))
    comment = services.add_comment(actor=author, post=item, body="Matrix-Kommentar", body_language="de").obj
    return MatrixObject(str(comment.pk), owner=author, obj=comment)


def _followable(users) -> MatrixObject:
    author = _author("Matrix Folgen")
    _post(author)
    return MatrixObject(str(author.pk), owner=author, obj=author)


OBJECTS = {
    "NETWORK_POST": _network_post,
    "REGION_POST": _region_post("stendal"),
    "REGION_POST_ELSEWHERE": _region_post("harz"),
    "PINNED_POST": _region_post("stendal", pinned=True),
    "OPEN_GROUP_POST": _group_post("open"),
    "SECRET_GROUP_POST": _group_post("secret", with_files=True),
    "HIDDEN_POST": _hidden_post,
    "FEED_COMMENT": _comment,
    "FEED_AUTHOR": _followable,
}


def _new_post(ctx) -> dict:
    return {
        "body": f"Neuer Beitrag {unique()}",
        "body_language": "de",
        "kind": "news",
        "target": "network",
        "attachments": [SimpleUploadedFile("flyer.pdf", b"%PDF-1.4\nmatrix\n%%EOF", content_type="application/pdf")],
    }


BODIES = {
    "POST_FORM": _new_post,
    "POST_EDIT": lambda ctx: {"body": f"Geändert {unique()}", "body_language": "de", "kind": "offer"},
    "PIN": lambda ctx: {"action": "pin", "days": "14"},
    "UNPIN": lambda ctx: {"action": "unpin"},
    "REACT": lambda ctx: {"kind": "thanks"},
    "COMMENT": lambda ctx: {"body": f"Kommentar {unique()}", "body_language": "de"},
    "FOLLOW": lambda ctx: {"action": "follow"},
}
