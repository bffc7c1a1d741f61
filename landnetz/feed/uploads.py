"""Pictures and files of posts, judged by their content, never by their name.

- Pictures: ``core.images`` rules (JPEG, PNG, WebP; pixel limit), re-encoded as JPEG of at
  most 1600 px without metadata (no GPS position leaves the phone's photo).
- Files: PDF, office documents (Word, Excel, PowerPoint, OpenDocument; also the old
  binary formats) and pictures (re-encoded like pictures), at most
  ``LANDNETZ_FEED_FILE_MAX_BYTES`` each and ``LANDNETZ_FEED_FILE_QUOTA_BYTES`` per
  member. They are always offered for download (``Content-Disposition: attachment``),
  never shown in the page.
"""

import re
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from landnetz.core.images import clean_image, reencode

PICTURE_SIDE = 1600
MAX_PICTURE_BYTES = 8 * 1024 * 1024

PDF = "application/pdf"
OOXML = {
    "word/": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx"),
    "xl/": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx"),
    "ppt/": ("application/vnd.openxmlformats-officedocument.presentationml.presentation", ".pptx"),
}
OPENDOCUMENT = {
    "application/vnd.oasis.opendocument.text": ".odt",
    "application/vnd.oasis.opendocument.spreadsheet": ".ods",
    "application/vnd.oasis.opendocument.presentation": ".odp",
}
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .doc, .xls, .ppt
OLE_SUFFIXES = {
    ".doc": "application/msword",
    ".xls": "application/vnd.ms-excel",
    ".ppt": "application/vnd.ms-powerpoint",
}

NOT_ALLOWED = _(
    "This kind of file cannot be attached. Please attach a PDF, a Word, Excel, PowerPoint or "
    "OpenDocument file, or a JPEG, PNG or WebP picture."
)


@dataclass
class CleanFile:
    content: ContentFile
    name: str  # a safe file name to offer for download
    content_type: str
    size: int


def max_file_bytes() -> int:
    return settings.LANDNETZ_FEED_FILE_MAX_BYTES


def clean_picture(upload) -> ContentFile:
    clean_image(upload, max_bytes=MAX_PICTURE_BYTES)
    return reencode(upload, max_side=PICTURE_SIDE, image_format="JPEG")


def safe_name(name: str, suffix: str) -> str:
    """A download name: the uploaded name's letters, digits and a few signs, with the
    suffix of the type we found (never the one the name claimed)."""
    stem = unicodedata.normalize("NFC", PurePosixPath(str(name).replace("\\", "/")).stem)
    stem = re.sub(r"[^\w\- ]+", "_", stem, flags=re.UNICODE).strip(" ._") or "file"
    return f"{stem[:100]}{suffix}"


def _office_type(upload) -> tuple[str, str] | None:
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            names = archive.namelist()
            if "mimetype" in names:
                mimetype = archive.read("mimetype")[:100].decode("ascii", "replace").strip()
                if mimetype in OPENDOCUMENT:
                    return mimetype, OPENDOCUMENT[mimetype]
            if "[Content_Types].xml" in names:
                for folder, found in OOXML.items():
                    if any(name.startswith(folder) for name in names):
                        return found
    except (zipfile.BadZipFile, OSError, ValueError, RuntimeError, NotImplementedError):
        return None
    finally:
        upload.seek(0)
    return None


def _sniff(upload) -> tuple[str, str] | None:
    """(content type, suffix) of a document we accept, from its first bytes and structure."""
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return PDF, ".pdf"
    if head.startswith(b"PK\x03\x04"):
        return _office_type(upload)
    if head == OLE_MAGIC:
        suffix = PurePosixPath(str(upload.name or "")).suffix.lower()
        return (OLE_SUFFIXES[suffix], suffix) if suffix in OLE_SUFFIXES else ("application/msword", ".doc")
    return None


def clean_attachment(upload) -> CleanFile:
    """Validate one uploaded file; raise a translated ValidationError for what we refuse."""
    limit = max_file_bytes()
    if upload.size > limit:
        raise ValidationError(
            _("“%(name)s” is too large (%(size)s). Please attach files of at most %(limit)s."),
            params={"name": str(upload.name)[:80], "size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            code="too_large",
        )
    found = _sniff(upload)
    if found is not None:
        content_type, suffix = found
        upload.seek(0)
        content = ContentFile(upload.read())
        return CleanFile(content, safe_name(upload.name, suffix), content_type, content.size)
    try:
        picture = clean_picture(upload)
    except ValidationError as error:
        if error.code in {"too_large", "too_many_pixels"}:
            raise
        raise ValidationError(NOT_ALLOWED, code="file_type") from error
    return CleanFile(picture, safe_name(upload.name, ".jpg"), "image/jpeg", picture.size)
