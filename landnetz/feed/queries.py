"""Reads of the feed, already scoped to what the viewer may read.

Visibility in one place (:func:`posts_visible_to`): the feed is for members — visitors
read nothing of it. Network and region posts are read by every member, group posts by
whoever may read the group (``groups.queries.readable_groups_q``: open groups for every
member, the others for their members). A post hidden by a moderator is read only by its
author.

The personal feed (:func:`feed_page`) gathers posts from the member's regions (their own
region and the regions they coordinate), their groups, their organisations, the members
they follow, their own posts and the network-wide ones, newest first. Each source is
read through its own index, newest first, at most one page long, and the database merges
them in one statement (``UNION`` of the per-source queries): the cost follows the page
size and the number of sources, not the number of posts in the table. Pages continue
after a cursor — (created_at, id) of the last post shown, signed — so new posts never
shift a later page. Posts pinned in the member's regions come first on the first page.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.core import signing
from django.db import connection
from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from landnetz.accounts.models import User
from landnetz.accounts.permissions import can_view_profile
from landnetz.core.permissions import coordinated_region_ids, is_member
from landnetz.feed import permissions, rendering
from landnetz.feed.models import Comment, Follow, Mention, Post, Reaction
from landnetz.groups import queries as group_queries
from landnetz.organisations import queries as organisation_queries

PAGE_SIZE = 20
PANEL_SIZE = 5
PINNED_MAX = 5
COMMENTS_PER_PAGE = 50
# Up to this many values of one source (groups, people followed…) get a branch each; more
# share one branch (``IN``), which the database sorts itself.
MAX_BRANCHES = 60
CURSOR_SALT = "landnetz.feed.cursor"

NETWORK, REGION, GROUP = Post.Target.NETWORK, Post.Target.REGION, Post.Target.GROUP

REACTIONS = [
    (Reaction.Kind.LIKE, "👍"),
    (Reaction.Kind.HEART, "❤️"),
    (Reaction.Kind.THANKS, "🙏"),
]


# --- visibility -------------------------------------------------------------------------------


def _shown(user) -> Q:
    return Q(hidden=False) | Q(author=user)


def posts_visible_to(user) -> QuerySet[Post]:
    """Every post ``user`` may read (nothing for visitors)."""
    if not is_member(user):
        return Post.objects.none()
    readable = Q(target__in=[NETWORK, REGION]) | (Q(target=GROUP) & group_queries.readable_groups_q(user, "group"))
    return Post.objects.filter(readable, _shown(user))


def _network_and_regions(user) -> QuerySet[Post]:
    """Posts of the network and the regions as ``user`` may read them (every member may)."""
    return Post.objects.filter(_shown(user))


def my_region_ids(user) -> set[int]:
    """The member's own region and the regions they coordinate."""
    if not is_member(user):
        return set()
    regions = set(coordinated_region_ids(user))
    if user.region_id:
        regions.add(user.region_id)
    return regions


def following_ids(user) -> set[int]:
    """Ids of the members ``user`` follows (cached on the user for the request)."""
    if not is_member(user):
        return set()
    cached = getattr(user, "_feed_following", None)
    if cached is None:
        cached = set(Follow.objects.filter(follower=user).values_list("followed_id", flat=True))
        user._feed_following = cached
    return cached


def forget_following(user) -> None:
    if hasattr(user, "_feed_following"):
        del user._feed_following


def organisation_ids(user) -> set[int]:
    return set(organisation_queries.organisations_of(user).values_list("pk", flat=True))


# --- cursors ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Cursor:
    created_at: datetime
    id: int

    def encode(self) -> str:
        return signing.dumps([self.created_at.isoformat(), self.id], salt=CURSOR_SALT, compress=False)

    @classmethod
    def decode(cls, value: str | None) -> "Cursor | None":
        """The cursor of a link, or None for a missing, forged or malformed one (first page)."""
        if not value or len(value) > 200:
            return None
        try:
            created, post_id = signing.loads(value, salt=CURSOR_SALT)
            moment = datetime.fromisoformat(created)
        except (signing.BadSignature, ValueError, TypeError):
            return None
        if (
            not isinstance(post_id, int)
            or isinstance(post_id, bool)
            or not 0 < post_id < 2**63
            or moment.tzinfo is None
        ):
            return None
        return cls(moment, post_id)

    @classmethod
    def after(cls, post: Post) -> "Cursor":
        return cls(post.created_at, post.pk)


def _before(cursor: Cursor | None) -> Q:
    if cursor is None:
        return Q()
    # The first condition bounds the index range; the second breaks ties by id.
    return Q(created_at__lte=cursor.created_at) & (Q(created_at__lt=cursor.created_at) | Q(pk__lt=cursor.id))


@dataclass(frozen=True)
class Branch:
    """One source of the feed: a queryset, or one queryset per value of ``values`` (the
    queryset then filters by ``SENTINEL``, which each value replaces in the compiled SQL:
    fifty groups cost one compilation, not fifty)."""

    queryset: QuerySet
    values: tuple[int, ...] = ()


# A value no id can have; it marks the parameter each branch of a source replaces.
SENTINEL = -918_273_645_546_372_819


def _newest_ids(branches: list[Branch], limit: int) -> list[int]:
    """Ids of the ``limit`` newest posts of all branches, in one statement.

    Each branch is ordered and limited on its own (an index scan that stops after
    ``limit`` rows); the outer query merges them.
    """
    parts, params = [], []
    for branch in branches:
        ordered = branch.queryset.order_by("-created_at", "-id").values_list("created_at", "id")[:limit]
        if not branch.values and len(branches) == 1:
            return [post_id for _created, post_id in ordered]
        sql, branch_params = ordered.query.sql_with_params()
        for value in branch.values or (None,):
            parts.append(f"SELECT * FROM ({sql}) AS feed_branch_{len(parts)}")  # noqa: S608 - compiled by Django
            params.extend(value if param == SENTINEL else param for param in branch_params)
    if not parts:
        return []
    sql = (
        f"SELECT id FROM ({' UNION '.join(parts)}) AS feed_union "  # noqa: S608 - compiled by Django
        f"ORDER BY created_at DESC, id DESC LIMIT {int(limit)}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]


def _per_value(queryset: QuerySet, name: str, values: set[int]) -> list[Branch]:
    if not values:
        return []
    if len(values) > MAX_BRANCHES:
        return [Branch(queryset.filter(**{f"{name}__in": sorted(values)}))]
    return [Branch(queryset.filter(**{name: SENTINEL}), tuple(sorted(values)))]


# --- the feed ------------------------------------------------------------------------------------


@dataclass
class FeedPage:
    posts: list[Post]
    pinned: list[Post] = field(default_factory=list)
    next_cursor: str = ""
    first: bool = True


def _pinned_q(regions: set[int], now) -> Q:
    return Q(target=REGION, region_id__in=sorted(regions), pinned_until__gt=now)


def feed_page(
    user, *, region=None, group=None, kind: str = "", cursor: Cursor | None = None, size: int = PAGE_SIZE
) -> FeedPage:
    """One page of the feed. Without ``region`` or ``group``: the member's personal feed.
    With one: every post of that region or group the member may read. ``group`` must be
    one the member may read (the form checks it)."""
    if not is_member(user):
        return FeedPage(posts=[])
    now = timezone.now()
    mine = my_region_ids(user)
    pinned_regions = set() if group is not None else ({region.pk} & mine if region is not None else mine)
    pinned_q = _pinned_q(pinned_regions, now) if pinned_regions else None

    def prepared(queryset: QuerySet) -> QuerySet:
        queryset = queryset.filter(_before(cursor))
        if kind:
            queryset = queryset.filter(kind=kind)
        if pinned_q is not None:
            queryset = queryset.exclude(pinned_q)
        return queryset

    if group is not None:
        branches = [Branch(prepared(posts_visible_to(user).filter(group=group)))]
    elif region is not None:
        branches = [Branch(prepared(_network_and_regions(user).filter(target=REGION, region=region)))]
    else:
        public, full = prepared(_network_and_regions(user)), prepared(posts_visible_to(user))
        branches = [
            Branch(public.filter(target=NETWORK)),
            Branch(full.filter(author=user)),
            *_per_value(public, "region_id", mine),
            *_per_value(full, "group_id", group_queries.member_group_ids(user)),
            *_per_value(full, "organisation_id", organisation_ids(user)),
            *_per_value(full, "author_id", following_ids(user)),
        ]
    ids = _newest_ids(branches, size + 1)
    posts = decorate(ids[:size], user)
    page = FeedPage(posts=posts, first=cursor is None)
    if len(ids) > size and posts:
        page.next_cursor = Cursor.after(posts[-1]).encode()
    if cursor is None and pinned_q is not None:
        pinned = posts_visible_to(user).filter(pinned_q)
        if kind:
            pinned = pinned.filter(kind=kind)
        page.pinned = decorate(
            list(pinned.order_by("-created_at", "-id").values_list("id", flat=True)[:PINNED_MAX]), user
        )
        for post in page.pinned:
            post.shown_pinned = True
    return page


def group_posts(viewer, group, size: int = PANEL_SIZE) -> list[Post]:
    """The newest posts of a group (its page's panel); nothing when the viewer may not read it."""
    return feed_page(viewer, group=group, size=size).posts


# --- decorating posts for a page ------------------------------------------------------------


def _with_relations(queryset: QuerySet[Post]) -> QuerySet[Post]:
    return queryset.select_related("author__profile", "organisation", "region", "group").prefetch_related(
        "images",
        "attachments",
        Prefetch(
            "mentions",
            queryset=Mention.objects.filter(comment__isnull=True).select_related("user__profile"),
            to_attr="post_mentions",
        ),
    )


def _profile_visible(viewer, user) -> bool:
    try:
        profile = user.profile
    except User.profile.RelatedObjectDoesNotExist:
        return False
    return can_view_profile(viewer, profile)


def decorate(ids: list[int], viewer) -> list[Post]:
    """The posts of these ids in this order, with what a card shows (a constant number of queries)."""
    if not ids:
        return []
    found = {post.pk: post for post in _with_relations(Post.objects.filter(pk__in=ids))}
    posts = [found[post_id] for post_id in ids if post_id in found]
    counts = dict(
        Comment.objects.filter(post_id__in=ids, hidden=False)
        .values("post_id")
        .annotate(count=Count("pk"))
        .values_list("post_id", "count")
    )
    reactions: dict[int, dict[str, int]] = {}
    for post_id, kind, count in (
        Reaction.objects.filter(post_id__in=ids)
        .values("post_id", "kind")
        .annotate(count=Count("pk"))
        .values_list("post_id", "kind", "count")
    ):
        reactions.setdefault(post_id, {})[kind] = count
    mine = set(Reaction.objects.filter(post_id__in=ids, user=viewer).values_list("post_id", "kind"))
    following = following_ids(viewer)
    now = timezone.now()
    for post in posts:
        _decorate_one(post, viewer, now=now, following=following)
        post.comment_count = counts.get(post.pk, 0)
        post.reaction_list = [
            {
                "kind": kind.value,
                "label": kind.label,
                "emoji": emoji,
                "count": reactions.get(post.pk, {}).get(kind.value, 0),
                "mine": (post.pk, kind.value) in mine,
            }
            for kind, emoji in REACTIONS
        ]
    return posts


def _decorate_one(post: Post, viewer, *, now, following: set[int]) -> None:
    post.mentioned = {mention.user_id: mention.user for mention in post.post_mentions}
    post.html = rendering.render(post.body, post.mentioned, viewer)
    post.author_visible = _profile_visible(viewer, post.author)
    post.is_own = post.author_id == viewer.pk
    post.follows_author = post.author_id in following
    post.pinned_now = post.is_pinned(now)
    post.shown_pinned = False
    post.can_edit = permissions.can_edit_post(viewer, post)
    post.can_delete = permissions.can_delete_post(viewer, post)
    post.can_pin = permissions.can_pin_post(viewer, post)
    post.can_take_part = permissions.may_take_part(viewer, post)


# --- one post, its comments --------------------------------------------------------------------


def post_for(viewer, post_id: int) -> Post:
    """One post for its page, decorated; Http404 when the viewer may not read it."""
    if not posts_visible_to(viewer).filter(pk=post_id).exists():
        raise Http404
    posts = decorate([post_id], viewer)
    if not posts:
        raise Http404
    return posts[0]


def post_for_action(viewer, post_id: int) -> Post:
    """A post the viewer may read, for a form or a button (group and region loaded)."""
    post = posts_visible_to(viewer).select_related("group", "region", "author").filter(pk=post_id).first()
    if post is None:
        raise Http404
    return post


def comments_of(post: Post, viewer) -> QuerySet[Comment]:
    """The post's comments (not replies) as the viewer may read them, oldest first, with
    their replies and mentions."""
    shown = Q(hidden=False) | Q(author=viewer)
    mention_rows = Prefetch(
        "mentions", queryset=Mention.objects.select_related("user__profile"), to_attr="mention_rows"
    )
    replies = (
        Comment.objects.filter(shown)
        .select_related("author__profile")
        .prefetch_related(mention_rows)
        .order_by("created_at", "id")
    )
    return (
        Comment.objects.filter(shown, post=post, parent__isnull=True)
        .select_related("author__profile")
        .prefetch_related(mention_rows, Prefetch("replies", queryset=replies, to_attr="reply_list"))
        .order_by("created_at", "id")
    )


def decorate_comments(comments, post: Post, viewer) -> None:
    """Rendered text and the viewer's rights on each comment and reply of a page."""
    for comment in comments:
        for item in [comment, *getattr(comment, "reply_list", [])]:
            item.post = post
            mentioned = {mention.user_id: mention.user for mention in item.mention_rows}
            item.html = rendering.render(item.body, mentioned, viewer)
            item.author_visible = _profile_visible(viewer, item.author)
            item.can_edit = permissions.can_edit_comment(viewer, item)
            item.can_delete = permissions.can_delete_comment(viewer, item)


def comment_for_action(viewer, comment_id: int) -> Comment:
    """A comment on a post the viewer may read (hidden ones only for their author)."""
    comment = (
        Comment.objects.filter(Q(hidden=False) | Q(author=viewer), post__in=posts_visible_to(viewer))
        .select_related("post__group", "post__region", "author")
        .filter(pk=comment_id)
        .first()
    )
    if comment is None:
        raise Http404
    return comment


# --- people ---------------------------------------------------------------------------------------


def follows_of(user) -> QuerySet[Follow]:
    """Whom the member follows (their own page), newest first."""
    return Follow.objects.filter(follower=user, followed__is_active=True).select_related("followed__profile")


def followers_of(user) -> QuerySet[Follow]:
    """Who follows the member (only they see it), newest first."""
    return Follow.objects.filter(followed=user, follower__is_active=True).select_related("follower__profile")


def followable(viewer, user_id: int):
    """The member ``viewer`` may follow: active, not the viewer, with a post the viewer can
    read or a profile the viewer can see. Http404 otherwise."""
    from_posts = posts_visible_to(viewer).filter(author_id=user_id, author__is_active=True).select_related("author")
    post = from_posts.first()
    if post is not None and post.author_id != viewer.pk:
        return post.author
    user = User.objects.select_related("profile").filter(pk=user_id, is_active=True).first()
    if user is None or user.pk == viewer.pk or not _profile_visible(viewer, user):
        raise Http404
    return user
