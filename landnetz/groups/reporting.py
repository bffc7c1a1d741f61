"""Groups are reportable (registered with the moderation seam in ``apps.ready``).

A member who can see a group can report it (a secret group only its members). Moderators
of the group's region decide (a group without region: the network admins); the group's
administrators are told the outcome. A secret group is named "a secret group" in the
queue and in the moderators' notifications: they are not its members (the reporter's
comment says what is wrong).
"""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from landnetz.groups import queries
from landnetz.groups.models import Group
from landnetz.groups.services import delete_group_rows, set_hidden
from landnetz.moderation.registry import Reportable, register


def _title(group: Group) -> str:
    return gettext("a secret group") if group.kind == Group.Kind.SECRET else group.name


def register_groups() -> None:
    register(
        Reportable(
            kind="groups.group",
            label=_("Group"),
            visible=lambda viewer, pk: queries.visible_groups(viewer).filter(pk=pk).first(),
            get=lambda pk: Group.objects.select_related("region").filter(pk=pk).first(),
            region_of=lambda group: group.region,
            owners_of=queries.admins_of,
            title_of=_title,
            url_of=lambda group: ("groups:detail", {"slug": group.slug}),
            hide=lambda group: set_hidden(group=group, hidden=True),
            restore=lambda group: set_hidden(group=group, hidden=False),
            delete=lambda group, actor: delete_group_rows(actor=actor, group=group),
        )
    )
