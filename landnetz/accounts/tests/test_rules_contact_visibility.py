"""Every contact channel follows its own visibility, on the profile card and on the page.

For each of the four channels and each visibility, a visitor, another member and the
owner look at a public profile: the value is shown exactly to those the owner chose, and
never to anyone else. The other channels are set to "everyone" meanwhile, so a channel
that leaks or one that hides too much shows up as a difference.
"""

import pytest
from django.contrib.auth.models import AnonymousUser

from landnetz.accounts import services
from landnetz.accounts.models import Profile
from landnetz.accounts.queries import card_for, profile_of

pytestmark = pytest.mark.django_db

VALUES = {
    "contact_email": "kontakt-helga@example.org",
    "phone": "+49 3935 555111",
    "messenger": "https://t.me/helga_wiesner_ln",
    "office_hours": "Donnerstags 9–11 Uhr",
}
SEES = {  # visibility -> which viewers see the value
    "public": {"visitor", "member", "owner"},
    "members": {"member", "owner"},
    "nobody": {"owner"},
}


def publish(user, channel, visibility):
    data = {
        "visibility": "public",
        "bio": "",
        "sector": "",
        "job_title": "Ehrenamtliche",
        "municipality": user.municipality_id,
        "topics": [],
        "is_interpreter": False,
        "open_to_newcomers": False,
    }
    for name, value in VALUES.items():
        data[name] = value
        data[f"{name}_visibility"] = visibility if name == channel else "public"
    services.update_profile(user=user, profile=profile_of(user), data=data, languages=[])
    return Profile.objects.get(user=user)


def test_the_four_channels_are_the_ones_tested():
    assert set(Profile.CONTACT_FIELDS) == set(VALUES)


@pytest.mark.parametrize("visibility", list(SEES))
@pytest.mark.parametrize("channel", list(VALUES))
def test_profile_card_shows_a_channel_only_to_whom_the_owner_chose(volunteer, outsider, channel, visibility):
    profile = publish(volunteer, channel, visibility)
    viewers = {"visitor": AnonymousUser(), "member": outsider, "owner": volunteer}
    for role, viewer in viewers.items():
        contacts = card_for(profile, viewer).contacts
        assert (channel in contacts) == (role in SEES[visibility]), (role, contacts)
        others = {name: value for name, value in VALUES.items() if name != channel}
        assert {name: contacts[name] for name in others if name in contacts} == others


@pytest.mark.parametrize("visibility", list(SEES))
@pytest.mark.parametrize("channel", list(VALUES))
def test_profile_page_shows_a_channel_only_to_whom_the_owner_chose(client, volunteer, outsider, channel, visibility):
    publish(volunteer, channel, visibility)
    url = f"/de/people/{volunteer.pk}/"
    for role, login in (("visitor", None), ("member", outsider), ("owner", volunteer)):
        client.logout()
        if login is not None:
            client.force_login(login)
        html = client.get(url).content.decode()
        assert "Helga Wiesner" in html
        assert (VALUES[channel] in html) == (role in SEES[visibility]), role


def test_deactivated_member_is_no_longer_a_member_viewer(volunteer, outsider):
    profile = publish(volunteer, "messenger", "members")
    outsider.is_active = False
    outsider.save(update_fields=["is_active"])
    assert "messenger" not in card_for(profile, outsider).contacts
