"""Posts in the site search (kind ``post``).

Audiences follow who may read the post (``queries.posts_visible_to``): network and region
posts are for members (``members``), so are posts in open groups; posts in closed and
secret groups only for the group's members (``group:<id>``, an audience the groups app
gives its members). Hidden posts, posts in a group a moderator hid, and deleted posts are
not in the index.

Comments are indexed with their post (the text of its visible comments and replies is part
of the post's document): a search finds the post a comment was written under, and every
comment service reindexes its post. The document holds the text and the kind, never the
author's or commenters' names.
"""

import re

from django.db.models import Prefetch, prefetch_related_objects
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from landnetz.feed import rendering
from landnetz.feed.models import Comment, Post
from landnetz.search.index import labels
from landnetz.search.registry import MEMBERS, Document, SearchKind

POST = "post"
KIND_TAG = "postkind"
MAX_COMMENT_TEXT = 20_000
# No word is this long; the index stems every tail of a word (search.text.compound_parts),
# which costs the square of its length: a 10 000-letter "word" took minutes to index.
_NOT_A_WORD = re.compile(r"\w{65,}")


def _indexable(text: str) -> str:
    return _NOT_A_WORD.sub(" ", text)


def audience_of(post: Post) -> str | None:
    if post.target != Post.Target.GROUP:
        return MEMBERS
    if post.group.hidden:
        return None
    return MEMBERS if post.group.kind == "open" else f"group:{post.group_id}"


def kind_label(entry) -> str:
    for tag in entry.tag_list:
        name, _sep, value = tag.partition(":")
        if name == KIND_TAG and value in Post.Kind.values:
            return str(Post.Kind(value).label)
    return ""


def _visible_comments():
    return Prefetch(
        "comments",
        queryset=Comment.objects.filter(hidden=False).order_by("created_at", "id"),
        to_attr="indexed_comments",
    )


def post_documents(posts) -> list[Document]:
    posts = list(posts)
    prefetch_related_objects(posts, "region", "group", _visible_comments())
    return [document for post in posts if (document := _document(post)) is not None]


def _document(post: Post) -> Document | None:
    if post.hidden:
        return None
    audience = audience_of(post)
    if audience is None:
        return None
    text = _indexable(rendering.plain(post.body))
    comments = _indexable(
        " ".join(rendering.plain(comment.body) for comment in post.indexed_comments)[:MAX_COMMENT_TEXT]
    )
    region_id = post.region_id if post.target == Post.Target.REGION else getattr(post.group, "region_id", None)
    return Document(
        kind=POST,
        object_id=post.pk,
        key=str(post.pk),
        title=_indexable(rendering.excerpt(post.body, 120)).strip() or str(Post.Kind(post.kind).label),
        audience=audience,
        language=post.body_language,
        text=[text, comments, *labels(Post.Kind(post.kind).label), *labels(_("News"))],
        summary=_indexable(rendering.excerpt(post.body, 280)),
        tags=[f"{KIND_TAG}:{post.kind}"],
        region_id=region_id,
    )


def everything():
    return Post.objects.select_related("region", "group")


def posts_in(groups):
    """Every post written in these groups (their search audience follows the group)."""
    return everything().filter(group__in=groups)


POSTS = SearchKind(
    name=POST,
    label=_("Post"),
    label_plural=_("Posts"),
    model=Post,
    documents=post_documents,
    everything=everything,
    url=lambda key: reverse("feed:detail", kwargs={"post_id": int(key)}),
    result_template="feed/search_result.html",
)
