"""What erasing a member's account means for the feed (registered with ``privacy``).

The erasure flow offers no "keep my posts anonymised" choice (``privacy.services``), so
the member's content goes:

- their posts, with everyone's comments and reactions on them, their pictures and files
  (files after the commit) and the notifications pointing to them;
- their comments and replies on other posts (with the replies to them), and the posts'
  search entries are written again without that text;
- their reactions and follows (both directions) go with the account (cascade);
- where others mentioned them, their name is taken out of the text (``@[](id)``): pages
  show "a former member".
"""

from django.db.models import Q

from landnetz.feed import mentions
from landnetz.feed.models import Comment, Mention, Post
from landnetz.feed.services.common import delete_files_later, files_of, forget_notifications, reindex


def erase(user) -> None:
    posts = list(Post.objects.filter(author=user).prefetch_related("images", "attachments"))
    files = files_of(posts)
    forget_notifications(post_ids=[post.pk for post in posts])
    Post.objects.filter(pk__in=[post.pk for post in posts]).delete()
    delete_files_later(files)

    comments = Comment.objects.filter(author=user)
    touched = set(comments.values_list("post_id", flat=True))
    gone = list(Comment.objects.filter(Q(author=user) | Q(parent__author=user)).values_list("pk", flat=True))
    forget_notifications(comment_ids=gone)
    comments.delete()

    for mention in Mention.objects.filter(user=user).select_related("post", "comment"):
        if mention.comment is not None:
            Comment.objects.filter(pk=mention.comment_id).update(
                body=mentions.forget_name(mention.comment.body, user.pk)
            )
        else:
            Post.objects.filter(pk=mention.post_id).update(body=mentions.forget_name(mention.post.body, user.pk))
        touched.add(mention.post_id)
    Mention.objects.filter(user=user).delete()
    reindex(*Post.objects.filter(pk__in=touched))
