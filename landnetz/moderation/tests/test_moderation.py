"""Reports and the moderation queue: a coordinator hides a reported profile and the
owner is told why; a moderator acts only in their region; reporters learn the outcome
but not who decided; bad input changes nothing."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from landnetz.accounts.models import Profile
from landnetz.accounts.tests.test_profile import profile_data
from landnetz.core.models import AuditEntry, Municipality
from landnetz.moderation import services
from landnetz.moderation.models import Moderator, Report
from landnetz.notifications.models import Notification
from landnetz.notifications.queries import text_of
from landnetz.organisations.services import create_organisation
from landnetz.search.models import SearchEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def public_profile(client, volunteer):
    client.force_login(volunteer)
    client.post("/de/accounts/profile/", profile_data(visibility="public", bio="Sprachcafé jeden Dienstag"))
    client.logout()
    return Profile.objects.get(user=volunteer)


def report_url(user):
    return f"/de/moderation/report/accounts.profile/{user.pk}/"


def test_member_reports_a_profile_and_the_coordinator_hides_it(
    client, public_profile, volunteer, newcomer, coordinator, django_capture_on_commit_callbacks
):
    client.force_login(newcomer)
    assert (
        "Profil melden" in client.get(f"/de/people/{volunteer.pk}/").content.decode()
        or client.get(f"/de/people/{volunteer.pk}/").content.decode().count(report_url(volunteer)) == 1
    )
    response = client.post(report_url(volunteer), {"reason": "harassment", "comment": "Beleidigende Nachricht"})
    assert response.status_code == 302
    report = Report.objects.get()
    assert (report.reporter, report.region.slug, report.status) == (newcomer, "stendal", "open")
    assert Notification.objects.filter(recipient=coordinator, kind="moderation.new_report").exists()

    client.force_login(coordinator)
    queue = client.get("/de/moderation/").content.decode()
    assert "Helga Wiesner" in queue and "Beleidigende Nachricht" in queue
    response = client.post(
        f"/de/moderation/{report.pk}/decide/", {"action": "hide", "reason": "Verstößt gegen die Regeln"}
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == "hidden" and report.decided_by == coordinator

    # Hidden from everyone but its owner, and out of the directory.
    client.logout()
    assert client.get(f"/de/people/{volunteer.pk}/").status_code == 404
    assert not SearchEntry.objects.filter(kind="person", object_id=volunteer.profile.pk).exists()
    client.force_login(volunteer)
    assert client.get(f"/de/people/{volunteer.pk}/").status_code == 200
    told = Notification.objects.get(recipient=volunteer, kind="moderation.decision")
    from django.utils import translation

    with translation.override("en"):
        assert "Verstößt gegen die Regeln" in text_of(told)
    # The reporter learns the outcome, not who decided.
    outcome = Notification.objects.get(recipient=newcomer, kind="moderation.report_closed")
    assert outcome.actor is None
    assert AuditEntry.objects.filter(verb="moderation.hide", actor=coordinator).exists()

    # Shown again from the hidden list.
    client.force_login(coordinator)
    assert "Helga Wiesner" in client.get("/de/moderation/?show=hidden").content.decode()
    client.post(f"/de/moderation/{report.pk}/decide/", {"action": "restore"})
    client.logout()
    assert client.get(f"/de/people/{volunteer.pk}/").status_code == 200
    assert SearchEntry.objects.filter(kind="person", object_id=volunteer.profile.pk).exists()


def test_a_moderator_of_another_region_cannot_see_or_decide(
    client, public_profile, volunteer, newcomer, outsider, regions
):
    Moderator.objects.create(user=outsider, region=regions["harz"])
    report = services.report(reporter=newcomer, kind="accounts.profile", object_id=volunteer.pk, reason="spam")
    client.force_login(outsider)
    assert "Helga Wiesner" not in client.get("/de/moderation/").content.decode()
    assert client.post(f"/de/moderation/{report.pk}/decide/", {"action": "hide", "reason": "x"}).status_code == 404
    with pytest.raises(PermissionDenied):
        services.decide(actor=outsider, report=report, action="hide", reason="x")
    report.refresh_from_db()
    assert report.status == "open"
    assert not Profile.objects.get(user=volunteer).moderation_hidden


def test_a_region_moderator_decides_in_their_region(public_profile, volunteer, newcomer, outsider, regions):
    Moderator.objects.create(user=outsider, region=regions["stendal"])
    report = services.report(reporter=newcomer, kind="accounts.profile", object_id=volunteer.pk, reason="spam")
    services.decide(actor=outsider, report=report, action="dismiss")
    report.refresh_from_db()
    assert report.status == "dismissed"


def test_members_without_a_moderating_role_get_403(client, newcomer):
    client.force_login(newcomer)
    assert client.get("/de/moderation/").status_code == 403


def test_bad_reports_change_nothing(client, public_profile, volunteer, newcomer):
    with pytest.raises(ValidationError):
        services.report(reporter=volunteer, kind="accounts.profile", object_id=volunteer.pk, reason="spam")  # own
    services.report(reporter=newcomer, kind="accounts.profile", object_id=volunteer.pk, reason="spam")
    with pytest.raises(ValidationError):
        services.report(reporter=newcomer, kind="accounts.profile", object_id=volunteer.pk, reason="spam")  # twice
    with pytest.raises(ValidationError):
        services.report(reporter=newcomer, kind="nonsense.thing", object_id=1, reason="spam")
    assert Report.objects.count() == 1
    client.force_login(newcomer)
    response = client.post(report_url(volunteer), {"reason": "spam"})
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    response = client.post(report_url(volunteer), {"reason": "nonsense", "comment": "bleibt stehen"})
    assert "reason" in response.context["form"].errors
    assert "bleibt stehen" in response.content.decode()
    assert Report.objects.count() == 1


def test_content_one_may_not_see_cannot_be_reported(client, volunteer, newcomer):
    Profile.objects.update_or_create(user=volunteer, defaults={"visibility": "nobody"})
    client.force_login(newcomer)
    assert client.get(report_url(volunteer)).status_code == 404
    assert client.post(report_url(volunteer), {"reason": "spam"}).status_code == 404
    assert not Report.objects.exists()


def test_hiding_needs_a_reason_for_the_author(public_profile, volunteer, newcomer, coordinator):
    report = services.report(reporter=newcomer, kind="accounts.profile", object_id=volunteer.pk, reason="spam")
    with pytest.raises(ValidationError):
        services.decide(actor=coordinator, report=report, action="hide", reason="  ")
    assert not Profile.objects.get(user=volunteer).moderation_hidden


def test_hidden_organisation_is_seen_only_by_its_admins(client, volunteer, newcomer, employer, network_admin):
    organisation = create_organisation(
        actor=volunteer,
        name="Sprachcafé Tangerhütte",
        kind="club",
        sector="civil_society",
        municipality=Municipality.objects.get(name="Tangerhütte"),
    )
    assert SearchEntry.objects.filter(kind="organisation", object_id=organisation.pk).exists()
    report = services.report(
        reporter=newcomer, kind="organisations.organisation", object_id=organisation.pk, reason="spam"
    )
    services.decide(actor=network_admin, report=report, action="hide", reason="Werbung")
    url = f"/de/organisations/{organisation.slug}/"
    assert client.get(url).status_code == 404
    client.force_login(employer)
    assert client.get(url).status_code == 404
    assert "Sprachcafé" not in client.get("/de/organisations/").content.decode()
    client.force_login(volunteer)
    assert client.get(url).status_code == 200
    assert not SearchEntry.objects.filter(kind="organisation", object_id=organisation.pk).exists()


def test_queue_queries_do_not_grow(
    client, coordinator, regions, django_assert_num_queries, django_assert_max_num_queries
):
    from django.core.cache import cache

    from tests.factories import UserFactory

    def add(count):
        for index in range(count):
            owner = UserFactory(region=regions["stendal"])
            Profile.objects.create(user=owner, visibility="public")
            reporter = UserFactory(region=regions["stendal"])
            Report.objects.create(
                reporter=reporter, kind="accounts.profile", object_id=owner.pk, region=regions["stendal"], reason="spam"
            )

    add(25)
    client.force_login(coordinator)
    client.get("/de/moderation/")  # the session's first request writes the idle timestamp
    cache.clear()
    with django_assert_max_num_queries(60) as small:
        client.get("/de/moderation/")
    add(25)
    cache.clear()
    with django_assert_num_queries(len(small.captured_queries)):
        client.get("/de/moderation/")
