"""Profiles through HTTP: editing, visibility of every field, photos, preview."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from landnetz.accounts.models import Profile
from landnetz.core.models import Municipality

pytestmark = pytest.mark.django_db


def profile_data(**overrides):
    tangerhuette = Municipality.objects.get(name="Tangerhütte")
    data = {
        "visibility": "members",
        "bio": "Ich leite das **Sprachcafé** in Tangerhütte.",
        "sector": "civil_society",
        "job_title": "Ehrenamtliche",
        "municipality": tangerhuette.pk,
        "topics": [],
        "is_interpreter": "",
        "open_to_newcomers": "on",
        "contact_email": "helga@example.org",
        "contact_email_visibility": "members",
        "phone": "+49 3935 987654",
        "phone_visibility": "nobody",
        "messenger": "",
        "messenger_visibility": "nobody",
        "office_hours": "Dienstags 15–17 Uhr",
        "office_hours_visibility": "public",
        "languages-TOTAL_FORMS": "2",
        "languages-INITIAL_FORMS": "0",
        "languages-MIN_NUM_FORMS": "0",
        "languages-MAX_NUM_FORMS": "12",
        "languages-0-code": "de",
        "languages-0-level": "native",
        "languages-1-code": "ru",
        "languages-1-level": "basic",
    }
    data.update(overrides)
    return data


def image_file(name="photo.jpg", size=(800, 600), image_format="JPEG", exif=None):
    buffer = io.BytesIO()
    image = Image.new("RGB", size, (200, 120, 40))
    kwargs = {"exif": exif} if exif is not None else {}
    image.save(buffer, format=image_format, **kwargs)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def test_new_profile_is_private(client, volunteer):
    client.force_login(volunteer)
    assert client.get("/de/accounts/profile/").status_code == 200
    profile = Profile.objects.get(user=volunteer)
    assert profile.visibility == "nobody"
    assert all(getattr(profile, f"{name}_visibility") == "nobody" for name in Profile.CONTACT_FIELDS)
    client.logout()
    assert client.get(f"/de/people/{volunteer.pk}/").status_code == 404


def test_member_completes_profile_and_hides_phone(client, volunteer, outsider):
    client.force_login(volunteer)
    response = client.post("/de/accounts/profile/", profile_data())
    assert response.status_code == 302, response.content.decode()[:3000]
    profile = Profile.objects.get(user=volunteer)
    assert profile.languages.count() == 2
    assert volunteer.__class__.objects.get(pk=volunteer.pk).municipality.name == "Tangerhütte"
    # Another member sees the profile and the e-mail, but never the phone number.
    client.force_login(outsider)
    html = client.get(f"/de/people/{volunteer.pk}/").content.decode()
    assert "Helga Wiesner" in html and "helga@example.org" in html and "<strong>Sprachcafé</strong>" in html
    assert "987654" not in html
    # Visitors without login see nothing of a members-only profile.
    client.logout()
    assert client.get(f"/de/people/{volunteer.pk}/").status_code == 404


def test_preview_as_the_public_sees_me(client, volunteer):
    client.force_login(volunteer)
    client.post("/de/accounts/profile/", profile_data(visibility="public"))
    html = client.get("/de/accounts/profile/preview/").content.decode()
    assert "Dienstags 15–17 Uhr" in html  # public field
    assert "helga@example.org" not in html  # members only
    assert "987654" not in html  # nobody


def test_preview_as_members_see_me_hides_what_only_i_see(client, volunteer):
    """The preview is another member's view, never the owner's (the phone is "only me")."""
    client.force_login(volunteer)
    client.post("/de/accounts/profile/", profile_data(visibility="members"))
    edit = client.get("/de/accounts/profile/").content.decode()
    assert 'href="/de/accounts/profile/preview/?as=members"' in edit
    html = client.get("/de/accounts/profile/preview/", {"as": "members"}).content.decode()
    assert "Helga Wiesner" in html and "helga@example.org" in html  # members may see these
    assert "Dienstags 15–17 Uhr" in html
    assert "987654" not in html and "Nur Sie sehen das" not in html  # only me
    # The public preview of a members-only profile shows nothing of it.
    html = client.get("/de/accounts/profile/preview/").content.decode()
    assert "helga@example.org" not in html and "Dienstags" not in html


def test_preview_as_members_of_a_profile_only_i_see(client, volunteer):
    client.force_login(volunteer)
    client.post("/de/accounts/profile/", profile_data(visibility="nobody"))
    html = client.get("/de/accounts/profile/preview/", {"as": "members"}).content.decode()
    assert "helga@example.org" not in html and "Dienstags" not in html
    assert "Andere Mitglieder können Ihr Profil gar nicht sehen" in html


def test_my_own_page_marks_what_only_i_can_see(client, volunteer):
    client.force_login(volunteer)
    client.post("/de/accounts/profile/", profile_data(visibility="members"))
    html = client.get(f"/de/people/{volunteer.pk}/").content.decode()
    phone = html[html.index("987654") :]
    assert phone.index("Nur Sie sehen das") < phone.index("</dd>")  # marked where it stands
    assert html.count("Nur Sie sehen das") == 1  # e-mail and office hours are not "only me"


def test_bad_input_keeps_values_and_changes_nothing(client, volunteer):
    client.force_login(volunteer)
    response = client.post(
        "/de/accounts/profile/",
        profile_data(phone="call me maybe", messenger="javascript:alert(1)", **{"languages-1-code": "de"}),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "ln-error-summary" in html
    # The summary takes the focus (and the browser scrolls to it), as on every other form.
    assert "autofocus" in parse(response.content).find(class_="ln-error-summary").attrs
    assert "Ich leite das **Sprachcafé** in Tangerhütte." in html
    assert Profile.objects.get(user=volunteer).bio == ""


@pytest.mark.parametrize(
    ("field", "value"),
    [("topics", ["999999"]), ("languages-0-code", "xx"), ("municipality", "999999"), ("visibility", "everyone")],
)
def test_unknown_choices_are_rejected(client, volunteer, field, value):
    client.force_login(volunteer)
    response = client.post("/de/accounts/profile/", profile_data(**{field: value}))
    assert response.status_code == 200
    assert "ln-error-summary" in response.content.decode()
    assert Profile.objects.get(user=volunteer).bio == ""


def test_photo_is_reencoded_without_gps(client, volunteer):
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (52.0, 26.0, 0.0)}  # GPS info
    exif[0x010F] = "Phone maker"
    client.force_login(volunteer)
    response = client.post("/de/accounts/profile/", profile_data(photo=image_file(exif=exif)))
    assert response.status_code == 302
    profile = Profile.objects.get(user=volunteer)
    with Image.open(profile.photo.path) as stored:
        assert dict(stored.getexif()) == {}  # neither the GPS position nor the maker
        assert max(stored.size) <= 600
    photo = client.get(f"/de/people/{volunteer.pk}/photo/")
    assert photo.status_code == 200
    assert photo["Content-Type"] == "image/jpeg"
    assert photo["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(
    "upload",
    [
        lambda: SimpleUploadedFile("photo.jpg", b"<html><script>alert(1)</script></html>", content_type="image/jpeg"),
        lambda: image_file("huge.png", size=(10_000, 9_000), image_format="PNG"),
        lambda: SimpleUploadedFile("anim.gif", _gif(), content_type="image/gif"),
    ],
    ids=["html-named-jpg", "90-megapixel-png", "gif"],
)
def test_fake_or_oversized_images_are_rejected(client, volunteer, upload):
    client.force_login(volunteer)
    response = client.post("/de/accounts/profile/", profile_data(photo=upload()))
    assert response.status_code == 200
    assert "ln-error-summary" in response.content.decode()
    assert not Profile.objects.get(user=volunteer).photo


def _gif() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (10, 10)).save(buffer, format="GIF")
    return buffer.getvalue()


def test_photo_of_hidden_profile_is_404(client, volunteer, outsider):
    client.force_login(volunteer)
    client.post("/de/accounts/profile/", profile_data(visibility="nobody", photo=image_file()))
    client.force_login(outsider)
    assert client.get(f"/de/people/{volunteer.pk}/photo/").status_code == 404
    assert client.get(f"/de/people/{volunteer.pk}/").status_code == 404


from django import forms  # noqa: E402
from hypothesis import HealthCheck, event, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from landnetz.accounts.models import ProfileLanguage, User  # noqa: E402
from landnetz.core.models import Topic  # noqa: E402
from landnetz.core.validators import ascii_digits  # noqa: E402
from tests.boundaries import IDS, TEXTS, boundary_cases, examples, plain, snapshot  # noqa: E402
from tests.html import parse  # noqa: E402


def _pick_or_typed(count: int):
    """A real row by position (("pick", index)) or whatever was typed (("typed", text))."""
    return st.one_of(
        st.tuples(st.just("pick"), st.integers(0, count - 1)),
        st.tuples(st.just("typed"), st.one_of(st.text(max_size=20), st.integers().map(str))),
    )


def _value(choice, model) -> str:
    how, value = choice
    return str(model.objects.order_by("pk")[value].pk) if how == "pick" else value


PROFILE = {
    "bio": "Ich leite das **Sprachcafé**.",
    "job": "Ehrenamtliche",
    "phone": "+49 3935 987654",
    "messenger": "https://signal.me/#p/+4915112345678",
    "visibility": "members",
    "code": "de",
    "topics": [("pick", 0)],
    "municipality": ("pick", 10),
}
PROFILE_TABLES = (Profile, ProfileLanguage, Profile.topics.through, User)


@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    bio=st.one_of(st.text(max_size=3000), st.just(PROFILE["bio"])),
    job=st.text(max_size=200),
    phone=st.one_of(st.text(max_size=60), st.from_regex(r"\+?[0-9٠-٩ ()/-]{3,30}", fullmatch=True)),
    messenger=st.one_of(st.text(max_size=80), st.just("t.me/helga"), st.just(PROFILE["messenger"])),
    visibility=st.sampled_from(["public", "members", "nobody", "", "x"]),
    code=st.one_of(st.sampled_from(["", "de", "prs", "xx"]), st.text(max_size=5)),
    topics=st.lists(_pick_or_typed(10), max_size=4),
    municipality=_pick_or_typed(218),
)
@examples(
    [PROFILE]
    + boundary_cases(
        PROFILE,
        bio=TEXTS,
        job=TEXTS,
        phone=[*TEXTS, "+49 ٣٩٣٥ ٩٨٧٦٥٤"],
        messenger=[*TEXTS, "javascript:alert(1)", "http://t.me/helga", "t.me/helga"],
        visibility=["", "everyone", "\x00"],
        code=["xx", "\x00", "de\u202e"],
        topics=[[("typed", value)] for value in IDS if value],
        municipality=[("typed", value) for value in IDS],
    )
)
def test_profile_is_saved_exactly_or_nothing_changes(
    client, volunteer, bio, job, phone, messenger, visibility, code, topics, municipality
):
    client.force_login(volunteer)
    page = parse(client.get("/de/accounts/profile/").content)  # the profile exists from the first visit
    before = snapshot(*PROFILE_TABLES)
    data = profile_data(bio=bio, job_title=job, phone=phone, messenger=messenger, visibility=visibility)
    for name in ("languages-TOTAL_FORMS", "languages-INITIAL_FORMS"):  # as the page says, as a browser sends
        data[name] = page.find("input", name=name)["value"]
    data |= {f"languages-{index}-code": "" for index in range(int(data["languages-TOTAL_FORMS"]))}
    data |= {"languages-0-code": code, "languages-0-level": "good"}
    data |= {"topics": [_value(topic, Topic) for topic in topics], "municipality": _value(municipality, Municipality)}
    response = client.post("/de/accounts/profile/", data)
    event("accepted" if response.status_code == 302 else "refused")
    if response.status_code == 302:  # accepted: read back what was sent, after the fields' normalisation
        profile = Profile.objects.get(user=volunteer)
        assert profile.bio == bio.strip()
        assert profile.job_title == job.strip()
        assert profile.phone == ascii_digits(phone.strip())  # digits of any script stored as 0-9
        assert profile.messenger == forms.URLField(required=False, assume_scheme="https").clean(messenger)
        assert profile.visibility == visibility
        assert [(language.code, language.level) for language in profile.languages.all()] == (
            [(code, "good")] if code else []
        )
        assert sorted(str(topic.pk) for topic in profile.topics.all()) == sorted(set(data["topics"]))
        assert str(User.objects.get(pk=volunteer.pk).municipality_id or "") == data["municipality"]
        assert all(plain(value) for value in (profile.bio, profile.job_title, profile.phone, profile.messenger))
    else:  # refused: nothing changed, the form again with what was typed
        assert response.status_code == 200
        assert snapshot(*PROFILE_TABLES) == before
        document = parse(response.content)
        assert document.find_all(aria_invalid="true") or document.find_all(class_="ln-error-summary")
        assert document.find("textarea", name="bio").raw_text().removeprefix("\n") == bio
        for name, typed in (("job_title", job), ("phone", phone), ("messenger", messenger)):
            assert (document.find("input", name=name).get("value") or "") == typed, name


def test_profile_lists_only_organisations_the_viewer_may_see(client, volunteer, outsider):
    from landnetz.organisations.models import Membership, Organisation

    client.force_login(volunteer)
    client.post("/de/accounts/profile/", profile_data(visibility="public"))
    place = Municipality.objects.get(name="Tangerhütte")
    public = Organisation.objects.create(
        name="Café Miteinander", slug="cafe-miteinander", kind="initiative", sector="civil_society", municipality=place
    )
    internal = Organisation.objects.create(
        name="Interner Kreis",
        slug="intern",
        kind="initiative",
        sector="civil_society",
        municipality=place,
        visibility="members",
    )
    for organisation in (public, internal):
        Membership.objects.create(organisation=organisation, user=volunteer, role="admin")
    client.logout()
    html = client.get(f"/de/people/{volunteer.pk}/").content.decode()
    assert "Café Miteinander" in html and "Interner Kreis" not in html
    client.force_login(outsider)
    assert "Interner Kreis" in client.get(f"/de/people/{volunteer.pk}/").content.decode()
