"""Registering an organisation through the form."""

import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from landnetz.core.models import AuditEntry, Topic
from landnetz.organisations.models import Membership, Organisation
from landnetz.organisations.tests.helpers import image_bytes, valid_post
from landnetz.search.models import SearchEntry

pytestmark = pytest.mark.django_db

URL = "/en/organisations/new/"


def test_anonymous_is_sent_to_login(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")
    assert client.post(URL, {"name": "X"}).status_code == 302
    assert not Organisation.objects.exists()


def test_member_sees_the_form(client, volunteer):
    client.force_login(volunteer)
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    assert 'enctype="multipart/form-data"' in html
    assert '<optgroup label="Landkreis Stendal">' in html  # municipalities grouped by region


def test_member_registers_an_organisation_and_becomes_admin(client, volunteer, stendal):
    client.force_login(volunteer)
    topics = list(Topic.objects.order_by("pk")[:2])
    data = valid_post(stendal, topics=[str(topic.pk) for topic in topics], languages=["de", "ar"])
    response = client.post(URL, data)
    assert response.status_code == 302
    organisation = Organisation.objects.get()
    assert response["Location"] == f"/en/organisations/{organisation.slug}/"
    assert organisation.slug == "tafel-stendal"  # the place is already in the name
    assert organisation.created_by == volunteer
    assert set(organisation.topics.all()) == set(topics)
    assert sorted(language.code for language in organisation.languages.all()) == ["ar", "de"]
    # No coordinates given: the municipality's centre from the gazetteer.
    assert (organisation.latitude, organisation.longitude) == (stendal.latitude, stendal.longitude)
    membership = Membership.objects.get(organisation=organisation)
    assert (membership.user, membership.role, membership.status) == (volunteer, "admin", "active")
    entry = AuditEntry.objects.get(verb="organisation.created")
    assert entry.region == stendal.region
    assert SearchEntry.objects.filter(kind="organisation", object_id=organisation.pk).exists()
    page = client.get(response["Location"]).content.decode()
    assert "Tafel Stendal" in page
    assert "<strong>Lebensmittel</strong>" in page
    assert "Landkreis Stendal" in page


def test_slug_gets_the_municipality_and_stays_unique(client, volunteer, coordinator, stendal, regions):
    client.force_login(volunteer)
    client.post(URL, valid_post(stendal, name="Sprachcafé"))
    tangerhuette = regions["stendal"].municipalities.get(name="Tangerhütte")
    client.post(URL, valid_post(tangerhuette, name="Sprachcafé"))
    slugs = set(Organisation.objects.values_list("slug", flat=True))
    assert slugs == {"sprachcafe-stendal", "sprachcafe-tangerhuette"}


def test_given_coordinates_are_kept(client, volunteer, stendal):
    client.force_login(volunteer)
    response = client.post(URL, valid_post(stendal, latitude="52,6061", longitude="11.8587"))
    assert response.status_code == 302
    organisation = Organisation.objects.get()
    assert organisation.latitude == Decimal("52.606100")
    assert organisation.longitude == Decimal("11.858700")


def test_duplicate_name_in_the_same_municipality_is_refused(client, volunteer, coordinator, make_org, stendal):
    make_org(coordinator, name="Tafel Stendal", municipality=stendal)
    client.force_login(volunteer)
    response = client.post(URL, valid_post(stendal, name="tafel stendal"))
    assert response.status_code == 200
    form = response.context["form"]
    assert "name" in form.errors
    assert "already exists in Stendal" in form.errors["name"][0]
    assert 'aria-invalid="true"' in response.content.decode()
    assert Organisation.objects.count() == 1
    assert not Membership.objects.filter(user=volunteer).exists()


@pytest.mark.parametrize(
    ("latitude", "longitude", "field", "message"),
    [
        ("48.1", "11.5", "latitude", "outside Sachsen-Anhalt"),  # Munich
        ("52.5", "13.4", "longitude", "outside Sachsen-Anhalt"),  # Berlin
        ("abc", "11.5", "latitude", "number"),
        ("NaN", "11.5", "latitude", "number"),
        ("52.5", "", None, "both latitude and longitude"),
    ],
)
def test_bad_coordinates_are_refused(client, volunteer, stendal, latitude, longitude, field, message):
    client.force_login(volunteer)
    response = client.post(URL, valid_post(stendal, latitude=latitude, longitude=longitude))
    assert response.status_code == 200
    errors = response.context["form"].errors
    key = field or "__all__"
    assert message in " ".join(errors[key])
    assert not Organisation.objects.exists()


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("website", "javascript:alert(1)"),
        ("website", "ftp://example.org/"),
        ("phone", "call me maybe"),
        ("postcode", "3957"),
        ("name", "Evil\u202eName"),
        ("description", "text\x00"),
        ("email", "not-an-address"),
        ("kind", "spaceship"),
        ("municipality", "999999"),
        ("visibility", "nobody"),
    ],
)
def test_bad_fields_are_refused(client, volunteer, stendal, field, value):
    client.force_login(volunteer)
    response = client.post(URL, valid_post(stendal, **{field: value}))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not Organisation.objects.exists()


def test_unknown_topics_and_languages_are_refused(client, volunteer, stendal):
    client.force_login(volunteer)
    response = client.post(URL, valid_post(stendal, topics=["999999", "x"], languages=["klingon"]))
    errors = response.context["form"].errors
    assert errors["topics"] == ["Please choose topics from the list."]
    assert errors["languages"] == ["Please choose languages from the list."]
    assert not Organisation.objects.exists()


def upload(name: str, content: bytes, content_type: str = "image/jpeg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)


def test_html_named_jpg_is_not_an_image(client, volunteer, stendal):
    client.force_login(volunteer)
    fake = upload("logo.jpg", b"<html><script>alert(1)</script></html>")
    response = client.post(URL, {**valid_post(stendal), "logo": fake})
    assert response.status_code == 200
    assert "not an image we can use" in response.context["form"].errors["logo"][0]
    assert not Organisation.objects.exists()


def test_gif_is_not_accepted(client, volunteer, stendal):
    client.force_login(volunteer)
    response = client.post(URL, {**valid_post(stendal), "logo": upload("logo.png", image_bytes("GIF"))})
    assert "logo" in response.context["form"].errors
    assert not Organisation.objects.exists()


def test_huge_image_is_refused(client, volunteer, stendal):
    client.force_login(volunteer)
    big = upload("logo.png", image_bytes("PNG", size=(5000, 5000)), "image/png")
    response = client.post(URL, {**valid_post(stendal), "logo": big})
    assert response.status_code == 200
    assert "too many pixels (5000 × 5000)" in response.context["form"].errors["logo"][0]
    assert not Organisation.objects.exists()


def test_too_large_file_is_refused(client, volunteer, stendal):
    client.force_login(volunteer)
    padded = image_bytes("PNG") + b"\0" * (2 * 1024 * 1024)
    response = client.post(URL, {**valid_post(stendal), "logo": upload("logo.png", padded, "image/png")})
    assert "at most 2" in response.context["form"].errors["logo"][0]
    assert not Organisation.objects.exists()


def gps_jpeg() -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "SpyCam"  # Make
    exif[0x8825] = {1: "N", 2: (52.0, 36.0, 22.0), 3: "E", 4: (11.0, 51.0, 31.0)}  # GPS IFD
    return image_bytes("JPEG", size=(1200, 800), exif=exif)


def test_gps_tagged_jpeg_is_stripped_and_shrunk(client, volunteer, stendal):
    original = gps_jpeg()
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(0x8825)  # the test image has GPS data
    client.force_login(volunteer)
    response = client.post(URL, {**valid_post(stendal), "logo": upload("holiday.jpg", original)})
    assert response.status_code == 302
    organisation = Organisation.objects.get()
    assert organisation.logo.name.startswith("logos/") and organisation.logo.name.endswith(".png")
    stored = organisation.logo.open("rb").read()
    organisation.logo.close()
    image = Image.open(io.BytesIO(stored))
    assert image.format == "PNG"
    assert max(image.size) <= 512
    assert image.size == (512, 341)
    assert not image.getexif()
    assert "exif" not in image.info
    assert b"SpyCam" not in stored and b"Exif" not in stored and b"eXIf" not in stored


def test_webp_logo_is_accepted(client, volunteer, stendal):
    client.force_login(volunteer)
    response = client.post(URL, {**valid_post(stendal), "logo": upload("logo.webp", image_bytes("WEBP"), "image/webp")})
    assert response.status_code == 302
    assert Organisation.objects.get().logo
