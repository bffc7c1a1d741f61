"""Who may do what with posts and comments. The only place that decides it.

The predicates are called directly (``can_edit_post(user, post)``), not through
``user.has_perm``: Django answers ``has_perm`` with True for every superuser, and a
network admin must not edit someone else's post. Reading is decided earlier, by
``queries.posts_visible_to``: a post the viewer may not read is 404 before any rule here
is asked (a secret group's post also for network admins).

- Any member posts to the network and to any region; to a group only its members
  (``groups.permissions.can_post_in``); on behalf of an organisation only its admins.
- The author edits. The author, the moderators and coordinators of the post's region
  (a group's region for group posts; network posts: network admins), the group's admins
  and network admins delete.
- Coordinators of the region pin region posts (and network admins).
- Comments and reactions: members who may read the post; in a group its members.
"""

import rules

from landnetz.core.permissions import is_member, is_network_admin, is_region_coordinator
from landnetz.groups.permissions import can_post_in, is_group_admin
from landnetz.moderation.permissions import moderated_region_ids
from landnetz.organisations.permissions import is_org_admin

NETWORK, REGION, GROUP = "network", "region", "group"


def moderation_region_id(post) -> int | None:
    """The region whose moderators look after this post (None: Land-wide, network admins)."""
    if post.target == REGION:
        return post.region_id
    if post.target == GROUP and post.group is not None:
        return post.group.region_id
    return None


@rules.predicate
def is_post_author(user, post) -> bool:
    return is_member(user) and post is not None and post.author_id == user.pk


@rules.predicate
def is_comment_author(user, comment) -> bool:
    return is_member(user) and comment is not None and comment.author_id == user.pk


@rules.predicate
def moderates_post(user, post) -> bool:
    """A moderator or coordinator of the post's region."""
    region_id = moderation_region_id(post)
    if region_id is None or not is_member(user):
        return False
    return region_id in moderated_region_ids(user) or is_region_coordinator(user, region_id)


@rules.predicate
def runs_post_group(user, post) -> bool:
    return post is not None and post.target == GROUP and is_group_admin(user, post.group_id)


@rules.predicate
def coordinates_post_region(user, post) -> bool:
    return post is not None and post.target == REGION and is_region_coordinator(user, post.region_id)


@rules.predicate
def may_take_part(user, post) -> bool:
    """Comment on and react to a post the user can read (queries decided that already)."""
    if not is_member(user) or post is None or post.hidden:
        return False
    if post.target == GROUP:
        return can_post_in(user, post.group)
    return True


@rules.predicate
def may_post_to_group(user, group) -> bool:
    return is_member(user) and can_post_in(user, group)


@rules.predicate
def may_speak_for(user, organisation) -> bool:
    """Post on behalf of an organisation: its active administrators."""
    return is_member(user) and organisation is not None and is_org_admin(user, organisation)


can_edit_post = is_post_author
can_delete_post = is_post_author | moderates_post | runs_post_group | is_network_admin
can_pin_post = (coordinates_post_region | is_network_admin) & rules.predicate(lambda user, post: post.target == REGION)


@rules.predicate
def _comment_post_moderated(user, comment) -> bool:
    post = comment.post
    return moderates_post(user, post) or runs_post_group(user, post)


can_edit_comment = is_comment_author
can_delete_comment = is_comment_author | _comment_post_moderated | is_network_admin

rules.add_perm("feed.add_post", is_member)
rules.add_perm("feed.change_post", can_edit_post)
rules.add_perm("feed.delete_post", can_delete_post)
rules.add_perm("feed.pin_post", can_pin_post)
rules.add_perm("feed.comment_post", may_take_part)
rules.add_perm("feed.change_comment", can_edit_comment)
rules.add_perm("feed.delete_comment", can_delete_comment)
