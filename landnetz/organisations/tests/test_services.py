"""The rules of the services, called directly."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from landnetz.accounts.models import Profile
from landnetz.core.models import AuditEntry
from landnetz.organisations import services
from landnetz.organisations.models import Invitation, Membership, Organisation
from landnetz.organisations.tests.helpers import add_member
from landnetz.search.index import reindex
from landnetz.search.models import SearchEntry

pytestmark = pytest.mark.django_db


def admin_of(organisation):
    return Membership.objects.get(organisation=organisation, role="admin")


def fresh(user):
    """The same member as a new object (no cached memberships), as in a new request."""
    return user.__class__.objects.get(pk=user.pk)


# --- the admin invariant ------------------------------------------------------------------


def test_last_admin_cannot_leave(org, volunteer):
    with pytest.raises(ValidationError, match="at least one administrator"):
        services.leave(user=fresh(volunteer), organisation=org)
    assert admin_of(org).user == volunteer


def test_last_admin_cannot_be_removed(org, volunteer):
    with pytest.raises(ValidationError, match="at least one administrator"):
        services.remove_member(actor=fresh(volunteer), membership=admin_of(org))
    assert Membership.objects.filter(organisation=org).count() == 1


def test_last_admin_cannot_be_demoted(org, volunteer):
    with pytest.raises(ValidationError, match="at least one administrator"):
        services.set_role(actor=fresh(volunteer), membership=admin_of(org), role="member")
    assert admin_of(org).role == "admin"


def test_network_admin_cannot_remove_the_last_admin_either(org, network_admin):
    with pytest.raises(ValidationError):
        services.remove_member(actor=network_admin, membership=admin_of(org))
    assert admin_of(org)


def test_inactive_admin_does_not_count(org, volunteer, coordinator):
    other = add_member(org, coordinator, role="admin")
    coordinator.is_active = False
    coordinator.save()
    with pytest.raises(ValidationError):
        services.leave(user=fresh(volunteer), organisation=org)
    assert Membership.objects.filter(pk=other.pk).exists()


def test_with_two_admins_one_may_go(org, volunteer, coordinator):
    add_member(org, coordinator, role="admin")
    services.leave(user=fresh(volunteer), organisation=org)
    assert list(Membership.objects.filter(organisation=org).values_list("user", "role")) == [(coordinator.pk, "admin")]
    with pytest.raises(ValidationError):
        services.leave(user=fresh(coordinator), organisation=org)


def test_hand_over_admin(org, volunteer, coordinator):
    other = add_member(org, coordinator)
    services.hand_over_admin(actor=fresh(volunteer), organisation=org, to=other)
    roles = dict(Membership.objects.filter(organisation=org).values_list("user", "role"))
    assert roles == {volunteer.pk: "member", coordinator.pk: "admin"}


def test_hand_over_needs_an_active_member_of_the_same_organisation(org, make_org, volunteer, coordinator, stendal):
    request = add_member(org, coordinator, status="requested")
    with pytest.raises(ValidationError):
        services.hand_over_admin(actor=fresh(volunteer), organisation=org, to=request)
    assert admin_of(org).user == volunteer
    foreign = make_org(coordinator, name="Fremd", municipality=stendal)
    with pytest.raises(ValidationError):
        services.hand_over_admin(actor=fresh(volunteer), organisation=org, to=admin_of(foreign))
    assert admin_of(org).user == volunteer


def test_request_cannot_become_admin_directly(org, volunteer, coordinator):
    request = add_member(org, coordinator, status="requested")
    with pytest.raises(ValidationError):
        services.set_role(actor=fresh(volunteer), membership=request, role="admin")
    request.refresh_from_db()
    assert request.role == "member"


# --- permissions --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "call",
    [
        lambda org, actor: services.update_organisation(
            actor=actor,
            organisation=org,
            name="X",
            kind="club",
            sector="other",
            municipality=org.municipality,
        ),
        lambda org, actor: services.delete_organisation(actor=actor, organisation=org),
        lambda org, actor: services.verify(actor=actor, organisation=org),
        lambda org, actor: services.invite(actor=actor, organisation=org, email="a@example.org", role="admin"),
        lambda org, actor: services.remove_member(actor=actor, membership=admin_of(org)),
        lambda org, actor: services.set_role(actor=actor, membership=admin_of(org), role="member"),
        lambda org, actor: services.set_contact_person(actor=actor, membership=admin_of(org), is_contact_person=True),
    ],
)
def test_outsider_is_refused_by_every_service(org, outsider, call):
    with pytest.raises(PermissionDenied):
        call(org, outsider)
    assert not AuditEntry.objects.exclude(verb="organisation.created").exists()


def test_anonymous_cannot_create(stendal):
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(PermissionDenied):
        services.create_organisation(actor=AnonymousUser(), name="X", kind="club", sector="other", municipality=stendal)


def test_members_only_organisation_can_be_joined_by_members(members_only_org, outsider):
    membership = services.request_to_join(actor=outsider, organisation=members_only_org)
    assert membership.status == "requested"


# --- creating -----------------------------------------------------------------------------


def test_duplicate_name_raises_on_the_name_field(org, coordinator, stendal):
    with pytest.raises(ValidationError) as caught:
        services.create_organisation(
            actor=coordinator,
            name="  WILLKOMMEN in Stendal e.V. ",
            kind="club",
            sector="other",
            municipality=stendal,
        )
    assert "name" in caught.value.error_dict
    assert Organisation.objects.count() == 1


def test_same_name_in_another_municipality_is_fine(org, coordinator, weissenfels):
    other = services.create_organisation(
        actor=coordinator, name=org.name, kind="club", sector="other", municipality=weissenfels
    )
    assert other.slug == "willkommen-in-stendal-ev-weissenfels"


def test_slug_for_a_name_without_latin_letters(coordinator, stendal):
    organisation = services.create_organisation(
        actor=coordinator, name="جمعية الصداقة", kind="club", sector="other", municipality=stendal
    )
    assert organisation.slug == "organisation-stendal"
    second = services.create_organisation(
        actor=coordinator, name="Дружба", kind="club", sector="other", municipality=stendal
    )
    assert second.slug == "organisation-stendal-2"


def test_unknown_language_raises(coordinator, stendal):
    with pytest.raises(ValidationError):
        services.create_organisation(
            actor=coordinator,
            name="X",
            kind="club",
            sector="other",
            municipality=stendal,
            languages=["xx"],
        )
    assert not Organisation.objects.exists()


def test_service_checks_logo_content_itself(coordinator, stendal):
    fake = SimpleUploadedFile("logo.png", b"GIF89a not really", content_type="image/png")
    with pytest.raises(ValidationError) as caught:
        services.create_organisation(
            actor=coordinator,
            name="X",
            kind="club",
            sector="other",
            municipality=stendal,
            logo=fake,
        )
    assert "logo" in caught.value.error_dict
    assert not Organisation.objects.exists()


# --- index and profiles -------------------------------------------------------------------


def person_entry(user):
    return SearchEntry.objects.get(kind="person", object_id=Profile.objects.get(user=user).pk)


def test_membership_changes_reindex_the_members_profile(org, volunteer, coordinator):
    Profile.objects.create(user=coordinator, visibility="public")
    request = services.request_to_join(actor=coordinator, organisation=org)
    services.approve_request(actor=fresh(volunteer), membership=request)
    assert "willkommen" in person_entry(coordinator).document
    services.leave(user=fresh(coordinator), organisation=org)
    # Reindexing replaces the entry (a new row), so look it up again.
    assert "willkommen" not in person_entry(coordinator).document


def test_deleting_reindexes_members_and_removes_the_entry(org, volunteer):
    Profile.objects.create(user=volunteer, visibility="public")
    services.set_contact_person(actor=fresh(volunteer), membership=admin_of(org), is_contact_person=True)
    reindex("person", [volunteer.profile])
    assert "willkommen" in person_entry(volunteer).document
    assert SearchEntry.objects.filter(kind="organisation", object_id=org.pk).exists()
    services.delete_organisation(actor=fresh(volunteer), organisation=org)
    assert not SearchEntry.objects.filter(kind="organisation").exists()
    assert "willkommen" not in person_entry(volunteer).document


# --- invitations --------------------------------------------------------------------------


def test_invitation_turns_a_request_into_membership_with_the_role(org, volunteer, coordinator):
    add_member(org, coordinator, status="requested")
    invitation = services.invite(actor=fresh(volunteer), organisation=org, email=coordinator.email, role="admin")
    membership = services.accept_invitation(user=fresh(coordinator), token=invitation.token)
    assert (membership.status, membership.role) == ("active", "admin")
    assert Membership.objects.filter(organisation=org, user=coordinator).count() == 1


def test_invitation_as_member_never_demotes_an_admin(org, volunteer):
    invitation = Invitation.objects.create(organisation=org, email=volunteer.email, role="member")
    membership = services.accept_invitation(user=fresh(volunteer), token=invitation.token)
    assert membership.role == "admin"


def test_revoked_invitation_cannot_be_accepted(org, volunteer, outsider):
    invitation = services.invite(actor=fresh(volunteer), organisation=org, email=outsider.email, role="member")
    services.revoke_invitation(actor=fresh(volunteer), invitation=invitation)
    with pytest.raises(ValidationError):
        services.accept_invitation(user=outsider, token=invitation.token)
    assert not Membership.objects.filter(user=outsider).exists()


def test_renaming_reindexes_member_profiles(org, volunteer):
    Profile.objects.create(user=volunteer, visibility="public")
    reindex("person", [volunteer.profile])
    services.update_organisation(
        actor=fresh(volunteer),
        organisation=org,
        name="Brückenbauer Stendal",
        kind=org.kind,
        sector=org.sector,
        municipality=org.municipality,
    )
    document = person_entry(volunteer).document
    assert "brueckenbauer" in document and "willkommen" not in document
