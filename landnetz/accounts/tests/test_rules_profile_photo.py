"""The profile photo stays until its owner removes it (mutation survivors of update_profile)."""

from pathlib import Path

import pytest

from landnetz.accounts.models import Profile
from landnetz.accounts.tests.test_profile import image_file, profile_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def with_photo(client, volunteer):
    client.force_login(volunteer)
    assert client.post("/de/accounts/profile/", profile_data(photo=image_file())).status_code == 302
    profile = Profile.objects.get(user=volunteer)
    assert profile.photo
    return Path(profile.photo.path)


def test_editing_the_profile_keeps_the_photo(client, volunteer, with_photo):
    response = client.post("/de/accounts/profile/", profile_data(bio="Neu: auch samstags."))
    assert response.status_code == 302
    profile = Profile.objects.get(user=volunteer)
    assert profile.bio == "Neu: auch samstags."
    assert Path(profile.photo.path) == with_photo and with_photo.exists()
    assert client.get(f"/de/people/{volunteer.pk}/photo/").status_code == 200


def test_removing_the_photo_deletes_it(client, volunteer, with_photo):
    response = client.post("/de/accounts/profile/", profile_data(remove_photo="on"))
    assert response.status_code == 302
    assert not Profile.objects.get(user=volunteer).photo
    assert not with_photo.exists()
    assert client.get(f"/de/people/{volunteer.pk}/photo/").status_code == 404
