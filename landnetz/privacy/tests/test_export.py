"""Data export (DSGVO Art. 15, 20): everything about the member, nothing about others, found
by introspection so that no later app can forget a model."""

import io
import json
import tracemalloc
import zipfile

import pytest
from django.apps import apps
from django.conf import settings
from django.utils import timezone

from landnetz.accounts.tests.test_profile import image_file, profile_data
from landnetz.core.models import Municipality
from landnetz.notifications.models import Notification
from landnetz.organisations.services import create_organisation
from landnetz.privacy import registry
from landnetz.privacy.archive import write_export
from landnetz.privacy.models import DataExport

pytestmark = pytest.mark.django_db

URL = "/de/privacy/my-data/"


def relations_to_users() -> set[tuple[str, str]]:
    """(model, lookup) for every model that refers to a member: directly, or through a
    model that belongs to exactly one member (a one-to-one such as the profile)."""
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    direct, owned = set(), set()
    for model in apps.get_models(include_auto_created=True):
        for field in model._meta.get_fields():
            if getattr(field, "related_model", None) is user_model and field.concrete:
                direct.add((model._meta.label, field.name))
                if field.one_to_one:
                    owned.add(model)
    indirect = set()
    for model in apps.get_models(include_auto_created=True):
        for field in model._meta.get_fields():
            if field.concrete and getattr(field, "related_model", None) in owned and field.is_relation:
                owner_field = next(
                    f.name
                    for f in field.related_model._meta.get_fields()
                    if getattr(f, "related_model", None) is user_model and getattr(f, "one_to_one", False)
                )
                indirect.add((model._meta.label, f"{field.name}__{owner_field}"))
    return direct | indirect | {(user_model._meta.label, "pk")}


def test_every_model_that_refers_to_members_is_exported_or_excluded_with_a_reason():
    exported = {(spec.model, spec.relation) for spec in registry.exports()}
    excluded = {(exclusion.model, exclusion.relation) for exclusion in registry.exclusions()}
    assert not exported & excluded
    missing = relations_to_users() - exported - excluded
    assert not missing, f"register an ExportSpec or an Exclusion (privacy.registry) for: {sorted(missing)}"
    assert all(exclusion.reason for exclusion in registry.exclusions())


def read(data: bytes) -> tuple[dict, list[str]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return json.loads(archive.read("landnetz-data.json")), archive.namelist()


def test_newcomer_downloads_everything_about_her_and_nothing_secret(
    client, newcomer, volunteer, django_capture_on_commit_callbacks
):
    client.force_login(newcomer)
    client.post(
        "/de/accounts/profile/", profile_data(visibility="members", bio="Ich suche einen B1-Kurs.", photo=image_file())
    )
    create_organisation(
        actor=newcomer,
        name="Elternkreis Tangerhütte",
        kind="initiative",
        sector="migrant_organisation",
        municipality=Municipality.objects.get(name="Tangerhütte"),
    )
    Notification.objects.create(recipient=volunteer, kind="organisations.verified", data={"organisation": "Fremd"})
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL)
    assert response.status_code == 302
    export = DataExport.objects.get(user=newcomer)
    assert export.status == "ready"
    page = client.get(URL).content.decode()
    link = f"/de/privacy/my-data/{export.pk}/download/"
    assert link in page
    download = client.get(link)
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")
    data, names = read(b"".join(download.streaming_content))
    sections = data["sections"]
    assert sections["Account"][0]["email"] == newcomer.email
    assert "password" not in sections["Account"][0]
    assert sections["Profile"][0]["bio"] == "Ich suche einen B1-Kurs."
    assert [o["name"] for o in sections["Organisations created"]] == ["Elternkreis Tangerhütte"]
    assert sections["Memberships in organisations"][0]["role"] == "admin"
    assert sections["Notifications"] == []  # the volunteer's notification is not hers
    assert any(name.startswith("files/accounts.Profile/") for name in names)
    raw = json.dumps(data)
    assert newcomer.password not in raw


def test_another_members_export_is_404(client, newcomer, outsider, django_capture_on_commit_callbacks):
    client.force_login(newcomer)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL)
    export = DataExport.objects.get(user=newcomer)
    client.force_login(outsider)
    assert client.get(f"/de/privacy/my-data/{export.pk}/download/").status_code == 404


def test_asking_twice_in_a_minute_changes_nothing(client, newcomer, django_capture_on_commit_callbacks):
    client.force_login(newcomer)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL)
        response = client.post(URL, follow=True)
    assert DataExport.objects.filter(user=newcomer).count() == 1
    assert "Bitte warten Sie eine Minute" in response.content.decode()


def test_an_expired_export_is_gone(client, newcomer, django_capture_on_commit_callbacks):
    from django.core.management import call_command

    client.force_login(newcomer)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL)
    export = DataExport.objects.get(user=newcomer)
    DataExport.objects.filter(pk=export.pk).update(expires_at=timezone.now() - timezone.timedelta(minutes=1))
    assert client.get(f"/de/privacy/my-data/{export.pk}/download/").status_code == 404
    call_command("run_scheduled", "daily", stdout=io.StringIO())
    assert not DataExport.objects.exists()


def test_ten_thousand_rows_are_written_without_holding_them_in_memory(newcomer):
    Notification.objects.bulk_create(
        Notification(recipient=newcomer, kind="organisations.verified", data={"organisation": f"Verein {index}"})
        for index in range(10_000)
    )
    buffer = io.BytesIO()
    tracemalloc.start()
    count = write_export(newcomer, buffer)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    data, _names = read(buffer.getvalue())
    assert len(data["sections"]["Notifications"]) == 10_000
    assert count >= 10_000
    assert peak < 20 * 1024 * 1024, f"peak {peak / 1e6:.1f} MB"
