"""On another member's profile page: "Write a message" when they accept it, and "Block"."""

from landnetz.messaging.tests.helpers import allow, show_profile
from landnetz.moderation.services import block_member


def _page(client, viewer, member) -> str:
    client.force_login(viewer)
    response = client.get(f"/en/people/{member.pk}/")
    assert response.status_code == 200
    return response.content.decode()


def test_a_member_who_takes_messages_from_everyone_can_be_written_to_from_the_profile(client, newcomer, counsellor):
    show_profile(counsellor)
    allow(counsellor)
    html = _page(client, newcomer, counsellor)
    assert f'href="/en/messages/new/?to={counsellor.pk}"' in html
    assert f'href="/en/messages/block/{counsellor.pk}/?next=' in html


def test_no_write_link_to_a_member_who_takes_messages_only_from_their_regions(client, newcomer, counsellor):
    show_profile(counsellor)
    allow(counsellor, "regions")  # Burgenlandkreis; the newcomer lives in Stendal
    html = _page(client, newcomer, counsellor)
    assert "/en/messages/new/?to=" not in html
    assert f"/en/messages/block/{counsellor.pk}/" in html


def test_a_blocked_member_shows_unblock_instead_of_block(client, newcomer, counsellor):
    show_profile(counsellor)
    allow(counsellor)
    block_member(actor=newcomer, member=counsellor)
    html = _page(client, newcomer, counsellor)
    assert "You have blocked this member." in html
    assert "/en/messages/new/?to=" not in html
    assert f"/en/messages/block/{counsellor.pk}/" not in html


def test_own_profile_and_visitors_get_no_panel(client, counsellor):
    show_profile(counsellor, "public")
    html = _page(client, counsellor, counsellor)
    assert "/en/messages/block/" not in html
    client.logout()
    assert "/en/messages/" not in client.get(f"/en/people/{counsellor.pk}/").content.decode()
