"""What a post may hold: sanitised Markdown, a length limit, pictures and files checked by content."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from landnetz.feed import rendering, uploads
from landnetz.feed.models import Post, PostAttachment, PostImage
from landnetz.feed.tests.helpers import image_bytes, pdf, picture, post

pytestmark = pytest.mark.django_db

FORM = {"body_language": "de", "kind": "news", "target": "network"}


@pytest.mark.parametrize(
    ("markdown", "forbidden"),
    [
        ("<script>alert('x')</script>", "<script"),
        ("[klick](javascript:alert(1))", 'href="javascript'),
        ("[klick](JaVaScRiPt:alert(1))", 'href="JaVaScRiPt'),
        ("<javascript:alert(1)>", 'href="javascript'),
        ("<a href='javascript:alert(1)'>x</a>", "<a href"),
        ("![pixel](https://tracker.example/p.gif?user=1)", "<img"),
        ("<img src=https://tracker.example/p.gif>", "<img"),
        ('<iframe src="https://evil.example"></iframe>', "<iframe"),
        ("[x](data:text/html;base64,PHNjcmlwdD4=)", 'href="data:'),
        ('<p onclick="alert(1)">x</p>', "<p onclick"),
    ],
)
def test_script_javascript_links_and_remote_pictures_never_render(client, volunteer, markdown, forbidden):
    item = post(volunteer, f"Hallo {markdown} Ende")
    client.force_login(volunteer)
    html = client.get(f"/de/news/{item.pk}/").content.decode()
    body = html[html.index('class="ln-post__body') : html.index("</div>", html.index('class="ln-post__body'))]
    assert forbidden not in body
    assert "tracker.example" not in body or "<img" not in body


def test_markdown_that_is_allowed_renders():
    html = rendering.render("**fett** und [Link](https://example.org)\n\n- eins\n- zwei", {}, None)
    assert "<strong>fett</strong>" in html and 'href="https://example.org"' in html and "<li>eins</li>" in html
    assert 'rel="noopener noreferrer nofollow"' in html


def test_a_post_of_ten_thousand_characters_is_fine_one_more_is_refused(client, volunteer):
    client.force_login(volunteer)
    response = client.post("/de/news/new/", {**FORM, "body": "a" * 10_000})
    assert response.status_code == 302 and Post.objects.count() == 1
    response = client.post("/de/news/new/", {**FORM, "body": "b" * 10_001})
    assert response.status_code == 200 and Post.objects.count() == 1
    assert "10000" in response.content.decode() or "10.000" in response.content.decode()


def test_a_megabyte_post_is_refused_before_anything_parses_it(client, volunteer, monkeypatch):
    calls = []
    monkeypatch.setattr(rendering, "render_markdown", lambda text: calls.append(text) or "")
    monkeypatch.setattr("landnetz.feed.mentions.resolve", lambda *args: calls.append(args))
    client.force_login(volunteer)
    response = client.post("/de/news/new/", {**FORM, "body": "**x** " * 200_000})
    assert response.status_code == 200
    assert not Post.objects.exists() and calls == []
    html = response.content.decode()
    assert "ln-error-summary" in html
    assert "**x** **x**" in html  # the text is still in the box


def test_an_empty_post_is_refused_with_a_message(client, volunteer):
    client.force_login(volunteer)
    response = client.post("/de/news/new/", {**FORM, "body": "   "})
    assert response.status_code == 200 and not Post.objects.exists()
    assert "ln-error-summary" in response.content.decode()


def test_pictures_are_reencoded_without_metadata_and_need_a_description(client, volunteer):
    client.force_login(volunteer)
    with_gps = io.BytesIO()
    exif = Image.Exif()
    exif[0x8825] = {2: (52.0, 30.0, 0.0)}  # GPS latitude
    Image.new("RGB", (60, 40), (10, 200, 10)).save(with_gps, format="JPEG", exif=exif)
    upload = SimpleUploadedFile("urlaub.jpg", with_gps.getvalue(), content_type="image/jpeg")
    response = client.post("/de/news/new/", {**FORM, "body": "Mit Bild", "picture_1": upload})
    assert response.status_code == 200 and not Post.objects.exists()  # no description
    upload.seek(0)
    response = client.post(
        "/de/news/new/", {**FORM, "body": "Mit Bild", "picture_1": upload, "description_1": "Ein grünes Feld"}
    )
    assert response.status_code == 302
    stored = PostImage.objects.get()
    assert stored.description == "Ein grünes Feld"
    with stored.image.open("rb") as handle, Image.open(handle) as image:
        assert image.format == "JPEG" and not image.getexif()
    assert stored.image.name.startswith("feed/images/") and "urlaub" not in stored.image.name


def test_a_file_that_claims_to_be_a_picture_is_refused(client, volunteer):
    client.force_login(volunteer)
    fake = SimpleUploadedFile("bild.png", b"<svg onload=alert(1)>", content_type="image/png")
    response = client.post("/de/news/new/", {**FORM, "body": "x", "picture_1": fake, "description_1": "x"})
    assert response.status_code == 200 and not Post.objects.exists() and not PostImage.objects.exists()


def _zip(entries: dict) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "content_type", "suffix"),
    [
        ("Flyer.pdf", b"%PDF-1.7\nabc", "application/pdf", ".pdf"),
        (
            "brief.DOCX",
            _zip({"[Content_Types].xml": "x", "word/document.xml": "x"}),
            uploads.OOXML["word/"][0],
            ".docx",
        ),
        ("tabelle.xlsx", _zip({"[Content_Types].xml": "x", "xl/workbook.xml": "x"}), uploads.OOXML["xl/"][0], ".xlsx"),
        (
            "text.odt",
            _zip({"mimetype": "application/vnd.oasis.opendocument.text"}),
            "application/vnd.oasis.opendocument.text",
            ".odt",
        ),
        ("alt.doc", uploads.OLE_MAGIC + b"\x00" * 100, "application/msword", ".doc"),
        ("foto.png", image_bytes("PNG"), "image/jpeg", ".jpg"),
    ],
)
def test_accepted_files_are_recognised_by_content(name, data, content_type, suffix):
    cleaned = uploads.clean_attachment(SimpleUploadedFile(name, data))
    assert cleaned.content_type == content_type and cleaned.name.endswith(suffix)


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("page.html", b"<html><script>alert(1)</script></html>"),
        ("fake.pdf", b"<html>not a pdf</html>"),
        ("bild.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>"),
        ("archiv.zip", _zip({"a.txt": "x"})),
        ("programm.exe", b"MZ\x90\x00"),
    ],
)
def test_other_files_are_refused_whatever_their_name(name, data):
    with pytest.raises(ValidationError) as error:
        uploads.clean_attachment(SimpleUploadedFile(name, data))
    assert "cannot be attached" in str(error.value)


def test_a_file_beyond_the_size_limit_is_refused(settings):
    settings.LANDNETZ_FEED_FILE_MAX_BYTES = 1000
    with pytest.raises(ValidationError) as error:
        uploads.clean_attachment(pdf(size=2000))
    assert "too large" in str(error.value)


def test_the_quota_of_a_member_is_kept(client, volunteer, settings):
    settings.LANDNETZ_FEED_FILE_QUOTA_BYTES = 3000
    client.force_login(volunteer)
    assert client.post("/de/news/new/", {**FORM, "body": "Eins", "attachments": [pdf(size=2000)]}).status_code == 302
    response = client.post("/de/news/new/", {**FORM, "body": "Zwei", "attachments": [pdf(size=2000)]})
    assert response.status_code == 200 and Post.objects.count() == 1
    assert "ln-error-summary" in response.content.decode()


def test_download_names_are_safe():
    assert uploads.safe_name("../../etc/pass wd.pdf", ".pdf") == "pass wd.pdf"
    assert uploads.safe_name('a"b<c>.exe', ".pdf") == "a_b_c.pdf"
    assert uploads.safe_name("", ".pdf") == "file.pdf"


def test_files_are_served_as_downloads_with_a_permission_check(client, volunteer, outsider):
    client.force_login(volunteer)
    client.post(
        "/de/news/new/",
        {
            **FORM,
            "body": "Flyer",
            "attachments": [pdf("Flyer Sprachcafé.pdf")],
            "picture_1": picture(),
            "description_1": "Ein Bild",
        },
    )
    item = Post.objects.get()
    attachment, image = PostAttachment.objects.get(), PostImage.objects.get()
    assert attachment.file.name.startswith("feed/files/") and "Flyer" not in attachment.file.name
    response = client.get(f"/de/news/{item.pk}/files/{attachment.pk}/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == "application/pdf"
    response = client.get(f"/de/news/{item.pk}/pictures/{image.pk}/")
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    assert response["X-Content-Type-Options"] == "nosniff"
    # A file of another post under this post's address: 404.
    assert client.get(f"/de/news/{item.pk + 1}/files/{attachment.pk}/").status_code == 404
    client.logout()
    assert client.get(f"/de/news/{item.pk}/files/{attachment.pk}/").status_code == 302


def test_deleting_a_post_removes_its_files_after_the_commit(client, volunteer, django_capture_on_commit_callbacks):
    client.force_login(volunteer)
    client.post(
        "/de/news/new/",
        {**FORM, "body": "Flyer", "attachments": [pdf()], "picture_1": picture(), "description_1": "Bild"},
    )
    item = Post.objects.get()
    stored = [PostAttachment.objects.get().file, PostImage.objects.get().image]
    storage = stored[0].storage
    assert all(storage.exists(file.name) for file in stored)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(f"/de/news/{item.pk}/delete/").status_code == 302
    assert not Post.objects.exists()
    assert not any(storage.exists(file.name) for file in stored)
