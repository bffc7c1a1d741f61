"""The start page's work list: what waits for the coordinator, the admin, the moderator."""

import pytest
from django.utils import timezone

from landnetz.moderation.models import Report
from landnetz.organisations import services as organisation_services
from landnetz.organisations.models import Membership
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _organisation(admin, name, municipality):
    return organisation_services.create_organisation(
        actor=admin, name=name, municipality=municipality, kind="club", sector="civil_society",
        visibility="public", description="", topics=[], languages=["de"],
    )  # fmt: skip


def work(client, user) -> str:
    client.force_login(user)
    html = client.get("/de/").content.decode()
    return html[html.index('id="work-heading"') : html.index('id="legs-heading"')] if "work-heading" in html else ""


def test_the_coordinator_sees_verifications_new_members_and_reports_of_her_regions(
    client, regions, coordinator, volunteer, outsider
):
    stendal = regions["stendal"].municipalities.get(name="Stendal")
    harz = regions["harz"].municipalities.get(name="Wernigerode")
    _organisation(volunteer, "Sprachcafé Stendal", stendal)
    _organisation(volunteer, "Tafel Tangerhütte", stendal)
    _organisation(outsider, "Harzer Hilfe", harz)  # another region: not hers
    UserFactory(region=regions["stendal"], date_joined=timezone.now() - timezone.timedelta(days=30))
    Report.objects.create(
        kind="accounts.profile", object_id=volunteer.pk, region=regions["stendal"], reason="spam", comment=""
    )

    section = work(client, coordinator)
    assert "Organisationen, die auf Prüfung warten – Landkreis Stendal</a>: <strong>2</strong>" in section
    assert "Harz" not in section
    assert 'href="/de/organisations/?region=stendal&amp;verified=no"' in section
    # volunteer and coordinator joined today; the member from a month ago does not count
    assert "Neue Mitglieder dieser Woche – Landkreis Stendal</a>: <strong>2</strong>" in section
    assert "Meldungen zu bearbeiten</a>: <strong>1</strong>" in section


def test_an_admin_sees_join_requests_and_a_member_without_roles_sees_no_work_list(
    client, regions, volunteer, newcomer, outsider
):
    organisation = _organisation(volunteer, "Sprachcafé Stendal", regions["stendal"].municipalities.first())
    Membership.objects.create(organisation=organisation, user=newcomer, status=Membership.Status.REQUESTED)

    section = work(client, volunteer)
    assert "Beitrittsanfragen an Sprachcafé Stendal</a>: <strong>1</strong>" in section
    assert f'href="/de/organisations/{organisation.slug}/members/"' in section
    assert work(client, outsider) == ""  # nothing waits, no role: no empty section either


def test_a_coordinator_with_nothing_waiting_is_told_so(client, regions, coordinator):
    coordinator.date_joined = timezone.now() - timezone.timedelta(days=30)
    coordinator.save()
    assert "Gerade wartet nichts auf Sie." in work(client, coordinator)


def test_the_organisation_list_filters_by_verification(client, regions, volunteer, coordinator):
    stendal = regions["stendal"].municipalities.get(name="Stendal")
    checked = _organisation(volunteer, "Geprüfter Verein", stendal)
    _organisation(volunteer, "Neuer Verein", stendal)
    organisation_services.verify(actor=coordinator, organisation=checked)

    waiting = client.get("/de/organisations/", {"region": "stendal", "verified": "no"}).content.decode()
    assert "Neuer Verein" in waiting and "Geprüfter Verein" not in waiting
    done = client.get("/de/organisations/", {"verified": "yes"}).content.decode()
    assert "Geprüfter Verein" in done and "Neuer Verein" not in done
    bad = client.get("/de/organisations/", {"verified": "maybe"}).content.decode()
    assert "ln-error-summary" in bad
