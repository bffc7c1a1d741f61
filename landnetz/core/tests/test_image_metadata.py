"""Every stored image is re-encoded from its pixels: no metadata segment survives (issue #6, item 2).

A JPEG comment ("Wohnadresse: Musterweg 7, 39576 Stendal") survived the old re-encoding.
The helpers below list every metadata segment of a JPEG or PNG file, so a test fails on
any of them, not only on the ones we thought of.
"""

import io
import struct

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, PngImagePlugin

from landnetz.core.images import reencode
from landnetz.organisations.tests.helpers import valid_post

SECRET = "Wohnadresse: Musterweg 7, 39576 Stendal"
ICC = b"\x00\x00\x02\x0cICC " + SECRET.encode() + b"\x00" * 64

# JPEG markers that carry pixels or decoding tables (SOI, SOF0-2, DHT, DQT, DRI, SOS, EOI);
# everything else is metadata.
JPEG_IMAGE_MARKERS = {0xD8, 0xC0, 0xC1, 0xC2, 0xC4, 0xDB, 0xDD, 0xDA, 0xD9}
PNG_IMAGE_CHUNKS = {b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tRNS"}


def jpeg_segments(data: bytes) -> list[int]:
    markers, position = [], 2
    assert data[:2] == b"\xff\xd8"
    while position < len(data):
        assert data[position] == 0xFF
        marker = data[position + 1]
        markers.append(marker)
        if marker == 0xDA:  # start of scan: entropy-coded data follows up to EOI
            break
        (length,) = struct.unpack(">H", data[position + 2 : position + 4])
        position += 2 + length
    return markers


def png_chunks(data: bytes) -> list[bytes]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    chunks, position = [], 8
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        chunks.append(data[position + 4 : position + 8])
        position += 12 + length
    return chunks


def metadata_in(data: bytes) -> list:
    if data[:2] == b"\xff\xd8":
        # APP0 (JFIF header: version, density) is structural; APP1-15 and COM are metadata.
        return [hex(marker) for marker in jpeg_segments(data) if marker not in JPEG_IMAGE_MARKERS | {0xE0}]
    return [chunk for chunk in png_chunks(data) if chunk not in PNG_IMAGE_CHUNKS]


def jpeg_full_of_metadata() -> bytes:
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (52.0, 26.0, 0.0)}
    exif[0x010E] = SECRET
    buffer = io.BytesIO()
    Image.new("RGB", (640, 480), (10, 120, 40)).save(
        buffer, format="JPEG", exif=exif, comment=SECRET, icc_profile=ICC, xmp=SECRET.encode()
    )
    return buffer.getvalue()


def png_full_of_metadata() -> bytes:
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", SECRET)
    info.add_text("Author", SECRET, zip=True)
    info.add_itxt("Description", SECRET, lang="de")
    exif = Image.Exif()
    exif[0x010E] = SECRET
    buffer = io.BytesIO()
    Image.new("RGBA", (300, 300), (10, 120, 40, 200)).save(
        buffer, format="PNG", pnginfo=info, icc_profile=ICC, exif=exif
    )
    return buffer.getvalue()


def webp_full_of_metadata() -> bytes:
    exif = Image.Exif()
    exif[0x010E] = SECRET
    buffer = io.BytesIO()
    Image.new("RGB", (300, 300), (10, 120, 40)).save(
        buffer, format="WEBP", exif=exif, icc_profile=ICC, xmp=SECRET.encode()
    )
    return buffer.getvalue()


SOURCES = {"jpeg": jpeg_full_of_metadata, "png": png_full_of_metadata, "webp": webp_full_of_metadata}


@pytest.mark.parametrize("source", ["jpeg", "png"])
def test_the_sources_really_carry_the_secret(source):
    data = SOURCES[source]()
    assert b"Musterweg" in data
    assert len(metadata_in(data)) >= 3


@pytest.mark.parametrize("source", SOURCES)
@pytest.mark.parametrize("output", ["JPEG", "PNG"])
def test_reencoding_keeps_no_metadata(source, output):
    data = reencode(io.BytesIO(SOURCES[source]()), max_side=600, image_format=output).read()
    assert b"Musterweg" not in data
    assert metadata_in(data) == []


@pytest.mark.django_db
@pytest.mark.parametrize("source", SOURCES)
def test_served_profile_photo_has_no_metadata(client, volunteer, source):
    from landnetz.accounts.tests.test_profile import profile_data

    client.force_login(volunteer)
    upload = SimpleUploadedFile(f"photo.{source}", SOURCES[source](), content_type="image/jpeg")
    assert client.post("/de/accounts/profile/", profile_data(photo=upload)).status_code == 302
    served = b"".join(client.get(f"/de/people/{volunteer.pk}/photo/").streaming_content)
    assert b"Musterweg" not in served
    assert metadata_in(served) == []


@pytest.mark.django_db
@pytest.mark.parametrize("source", SOURCES)
def test_served_logo_has_no_metadata(client, volunteer, regions, source):
    from landnetz.core.models import Municipality
    from landnetz.organisations.models import Organisation

    client.force_login(volunteer)
    upload = SimpleUploadedFile(f"logo.{source}", SOURCES[source](), content_type="image/png")
    stendal = Municipality.objects.get(name="Stendal")
    assert client.post("/en/organisations/new/", {**valid_post(stendal), "logo": upload}).status_code == 302
    organisation = Organisation.objects.get()
    served = b"".join(client.get(f"/en/organisations/{organisation.slug}/logo/").streaming_content)
    assert b"Musterweg" not in served
    assert metadata_in(served) == []
