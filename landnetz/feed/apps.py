from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedConfig(AppConfig):
    name = "landnetz.feed"
    label = "feed"
    verbose_name = _("News")

    def ready(self) -> None:
        # Registrations with the seams (search, notifications, moderation, privacy, hooks).
        # The rules register themselves on import (django-rules only autodiscovers rules.py).
        from landnetz.core import hooks
        from landnetz.feed import notifications, panels, permissions, reporting, search  # noqa: F401
        from landnetz.feed.services import erasure
        from landnetz.notifications import registry as notification_kinds
        from landnetz.privacy.registry import ErasureStep, ExportSpec, register, register_export
        from landnetz.search import index as search_index
        from landnetz.search import registry as search_kinds

        register(ErasureStep(name="feed", erase=erasure.erase))
        for kind in notifications.KINDS:
            notification_kinds.register(kind)
        for spec in [
            ExportSpec("feed.Post", "author", "News posts"),
            ExportSpec("feed.PostImage", "post__author", "Pictures of your posts"),
            ExportSpec("feed.PostAttachment", "post__author", "Files attached to your posts"),
            ExportSpec("feed.Comment", "author", "Comments and replies"),
            ExportSpec("feed.Reaction", "user", "Reactions to posts"),
            ExportSpec("feed.Mention", "user", "Where others mentioned you"),
            ExportSpec("feed.Follow", "follower", "Members you follow"),
            ExportSpec("feed.Follow", "followed", "Members who follow you"),
        ]:
            register_export(spec)
        reporting.register_reportables()
        hooks.add_panel("start", panels.start_panel)
        hooks.add_panel("group", panels.group_panel)
        search_kinds.register(search.POSTS)
        # A group's kind or moderation state decides who finds what was posted in it.
        hooks.on_stale(lambda groups, **_: groups and search_index.reindex(search.POST, search.posts_in(groups)))
