"""Groups are reportable (registered with the moderation seam in ``apps.ready``).

A member who can see a group can report it (a secret group only its members). Moderators
of the group's region decide (a group without region: the network admins); the group's
administrators are told the outcome.
"""

from django.utils.translation import gettext_lazy as _

from landnetz.groups import queries
from landnetz.groups.models import Group
from landnetz.groups.services import delete_group_rows, set_hidden
from landnetz.moderation.registry import Reportable, register


def register_groups() -> None:
    register(
        Reportable(
            kind="groups.group",
            label=_("Group"),
            visible=lambda viewer, pk: queries.visible_groups(viewer).filter(pk=pk).first(),
            get=lambda pk: Group.objects.select_related("region").filter(pk=pk).first(),
            region_of=lambda group: group.region,
            owners_of=queries.admins_of,
            title_of=lambda group: group.name,
            url_of=lambda group: ("groups:detail", {"slug": group.slug}),
            hide=lambda group: set_hidden(group=group, hidden=True),
            restore=lambda group: set_hidden(group=group, hidden=False),
            delete=lambda group, actor: delete_group_rows(actor=actor, group=group),
        )
    )
