"""User text is isolated where it is shown (issue 6, item 10).

Forms refuse text-direction characters now, but values stored before (or arriving by
other paths) must not reorder the page around them: names, organisation names, link
texts and addresses sit inside ``<bdi>`` (or an element with ``dir``) in HTML, between
FSI and PDI in titles and attributes, and lose their stored direction characters.
"""

import re
from html.parser import HTMLParser

import pytest

from landnetz.accounts import services as account_services
from landnetz.accounts.queries import profile_of
from landnetz.core.models import Municipality
from landnetz.core.validators import BIDI_CONTROLS
from landnetz.organisations import services as organisation_services
from landnetz.organisations.models import Invitation, Membership
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

RLO = "\u202e"
MARKER = "Zyx"  # every planted value starts with it
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Attributes a reader sees or hears (link targets and form values are not shown as text).
SHOWN_ATTRIBUTES = {"alt", "title", "aria-label", "placeholder"}
# <bdi>, and form controls: their text is laid out apart from the text around them.
CONTROLS_OF_THEIR_OWN = {"bdi", "textarea", "select", "option"}
ISOLATED_SPAN = re.compile("\u2068[^\u2068\u2069]*\u2069")


class IsolationChecker(HTMLParser):
    """Collects planted text and direction characters found outside an isolating element."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []
        self.seen = 0
        self.leaks: list[str] = []

    @property
    def isolated(self) -> bool:
        return any(isolating for _tag, isolating in self.stack)

    def check(self, text: str, where: str) -> None:
        if MARKER in text:
            self.seen += 1
        rest = ISOLATED_SPAN.sub("", text)
        if MARKER in rest or any(char in BIDI_CONTROLS for char in rest):
            self.leaks.append(f"{where}: {text.strip()[:80]!r}")

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value and name in SHOWN_ATTRIBUTES:  # cannot hold elements: FSI … PDI or nothing
                self.check(value, f"<{tag} {name}>")
        if tag not in VOID:
            isolating = tag in CONTROLS_OF_THEIR_OWN or (tag != "html" and any(name == "dir" for name, _v in attrs))
            self.stack.append((tag, isolating))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if not self.isolated:
            self.check(data, "/".join(tag for tag, _i in self.stack) or "text")
        elif MARKER in data:
            self.seen += 1


def assert_isolated(response) -> None:
    assert response.status_code == 200
    checker = IsolationChecker()
    checker.feed(response.content.decode())
    assert checker.seen, "the planted values should be on this page"
    assert checker.leaks == []


@pytest.fixture
def planted(regions, volunteer):
    """A member and an organisation whose stored texts carry a right-to-left override."""
    stendal = Municipality.objects.get(name="Stendal")
    member = UserFactory(
        display_name=f"Zyxname {RLO}ierdnA", region=stendal.region, municipality=stendal, email="zyx@example.org"
    )
    data = {
        "visibility": "public",
        "bio": f"Zyxbio {RLO}txet",
        "sector": "civil_society",
        "job_title": f"Zyxjob {RLO}nireteiB",
        "municipality": stendal.pk,
        "topics": [],
        "is_interpreter": False,
        "open_to_newcomers": True,
        "contact_email": f"zyx{RLO}gro.elpmaxe@info.de",
        "contact_email_visibility": "public",
        "phone": f"Zyx {RLO}0394",
        "phone_visibility": "public",
        "messenger": f"https://example.org/Zyx{RLO}exe.gpj",
        "messenger_visibility": "public",
        "office_hours": f"Zyxhours {RLO}01-9",
        "office_hours_visibility": "public",
    }
    account_services.update_profile(user=member, profile=profile_of(member), data=data, languages=[])
    organisation = organisation_services.create_organisation(
        actor=member,
        name=f"Zyxorg {RLO}.V.e",
        municipality=stendal,
        kind="club",
        sector="civil_society",
        street=f"Zyxstreet {RLO}7",
        website=f"https://example.org/Zyx{RLO}",
        email="zyx@example.org",
        opening_hours=f"Zyxopen {RLO}9-12",
    )
    Membership.objects.filter(organisation=organisation, user=member).update(is_contact_person=True)
    Invitation.objects.create(organisation=organisation, email=f"zyx{RLO}@example.org", role="member")
    return member, organisation


def test_profile_page(client, planted):
    member, _organisation = planted
    assert_isolated(client.get(f"/de/people/{member.pk}/"))
    assert_isolated(client.get(f"/ar/people/{member.pk}/"))


def test_directory_results(client, planted):
    assert_isolated(client.get("/de/directory/", {"q": "Zyxname"}))
    assert_isolated(client.get("/de/directory/", {"q": "Zyxorg"}))


def test_organisation_pages(client, planted):
    member, organisation = planted
    assert_isolated(client.get(f"/de/organisations/{organisation.slug}/"))
    assert_isolated(client.get("/de/organisations/"))
    assert_isolated(client.get("/de/regions/stendal/"))
    client.force_login(member)
    for path in ("members/", "edit/", "delete/"):
        assert_isolated(client.get(f"/de/organisations/{organisation.slug}/{path}"))
    assert_isolated(client.get("/de/"))  # "Welcome back, <name>"


def test_invitation_page(client, planted, volunteer):
    _member, organisation = planted
    invitation = Invitation.objects.create(organisation=organisation, email=volunteer.email, role="member")
    invitation.invited_by = organisation.memberships.get().user
    invitation.save()
    client.force_login(volunteer)
    assert_isolated(client.get(f"/de/organisations/invitations/{invitation.token}/"))


def test_names_in_e_mails_are_isolated(planted, django_capture_on_commit_callbacks):
    """Plain-text mails cannot hold <bdi>: names sit between FSI and PDI, without stored controls."""
    from django.core import mail

    member, organisation = planted
    with django_capture_on_commit_callbacks(execute=True):
        organisation_services.invite(actor=member, organisation=organisation, email="new@example.org")
    body = mail.outbox[-1].body
    assert "\u2068Zyxname ierdnA\u2069" in body
    assert "\u2068Zyxorg .V.e\u2069" in body
    assert RLO not in body
