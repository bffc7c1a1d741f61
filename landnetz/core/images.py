"""Uploaded images: checked by content, size- and pixel-limited, re-encoded without metadata."""

import io

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

ALLOWED_FORMATS = {"JPEG", "PNG", "WEBP"}
MAX_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 25_000_000  # 25 megapixels: a phone photo fits, a decompression bomb does not


def clean_image(upload, *, max_bytes: int = MAX_BYTES, max_pixels: int = MAX_PIXELS) -> None:
    """Raise a translated ValidationError unless ``upload`` really is an acceptable image."""
    if upload.size > max_bytes:
        raise ValidationError(
            _("The image is too large. Please upload at most %(megabytes)s MB.")
            % {"megabytes": max_bytes // (1024 * 1024)},
            code="too_large",
        )
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            width, height = image.size
            image_format = image.format
            if width * height > max_pixels:
                raise ValidationError(
                    _("The image has too many pixels (%(width)s × %(height)s). Please make it smaller."),
                    params={"width": width, "height": height},
                    code="too_many_pixels",
                )
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError) as exc:
        raise ValidationError(
            _("This file is not an image we can use. Please upload a JPEG, PNG or WebP picture."), code="not_image"
        ) from exc
    finally:
        upload.seek(0)
    if image_format not in ALLOWED_FORMATS:
        raise ValidationError(
            _("This file is not an image we can use. Please upload a JPEG, PNG or WebP picture."), code="not_image"
        )


def reencode(upload, *, max_side: int, image_format: str = "JPEG") -> ContentFile:
    """Rotate by EXIF, shrink to ``max_side`` and save anew from the pixels alone.

    Pillow carries metadata along in ``image.info`` (JPEG comments, ICC profiles, XMP,
    PNG text chunks) and writes some of it back on save. Copying only the pixels into a
    fresh image leaves every metadata segment behind, whatever the source format held.
    """
    upload.seek(0)
    with Image.open(upload) as image:
        image = ImageOps.exif_transpose(image)
        image.thumbnail((max_side, max_side))
        mode = "RGB" if image_format == "JPEG" else image.mode if image.mode in {"RGB", "RGBA"} else "RGBA"
        pixels = image.convert(mode)
        clean = Image.frombytes(mode, pixels.size, pixels.tobytes())
    buffer = io.BytesIO()
    if image_format == "JPEG":
        clean.save(buffer, format="JPEG", quality=85, optimize=True)
    else:
        clean.save(buffer, format=image_format, optimize=True)
    return ContentFile(buffer.getvalue())
