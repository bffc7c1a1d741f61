"""Organisations are reportable (registered with the moderation seam in ``apps.ready``)."""

from django.utils.translation import gettext_lazy as _

from landnetz.moderation.registry import Reportable, register
from landnetz.organisations import queries
from landnetz.organisations.models import Membership, Organisation
from landnetz.organisations.services import delete_organisation_rows, set_hidden


def _admins(organisation) -> list:
    return [
        membership.user
        for membership in Membership.objects.filter(
            organisation=organisation, status=Membership.Status.ACTIVE, role=Membership.Role.ADMIN
        ).select_related("user")
    ]


def register_organisations() -> None:
    register(
        Reportable(
            kind="organisations.organisation",
            label=_("Organisation"),
            visible=lambda viewer, pk: queries.organisations_visible_to(viewer).filter(pk=pk).first(),
            get=lambda pk: Organisation.objects.select_related("municipality__region").filter(pk=pk).first(),
            region_of=lambda organisation: organisation.municipality.region,
            owners_of=_admins,
            title_of=lambda organisation: organisation.name,
            url_of=lambda organisation: ("organisations:detail", {"slug": organisation.slug}),
            hide=lambda organisation: set_hidden(organisation=organisation, hidden=True),
            restore=lambda organisation: set_hidden(organisation=organisation, hidden=False),
            delete=lambda organisation, actor: delete_organisation_rows(actor=actor, organisation=organisation),
        )
    )
