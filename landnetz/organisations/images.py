"""Logo uploads: checked by their content, re-encoded as a small PNG without metadata."""

from io import BytesIO

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

ALLOWED_FORMATS = ("JPEG", "PNG", "WEBP")
MAX_BYTES = 2 * 1024 * 1024
MAX_PIXELS = 4000  # per side
LOGO_SIZE = 512  # per side, after re-encoding


def clean_logo(upload) -> ContentFile:
    """Validate an uploaded logo and return it re-encoded as PNG (≤ 512 px, no EXIF).

    The file name and the content type sent by the browser are ignored: only what
    Pillow recognises in the bytes counts.
    """
    if upload.size is not None and upload.size > MAX_BYTES:
        raise ValidationError(
            _("The logo may be at most %(limit)s large. Please choose a smaller file."),
            code="too_large",
            params={"limit": filesizeformat(MAX_BYTES)},
        )
    upload.seek(0)
    data = upload.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise ValidationError(
            _("The logo may be at most %(limit)s large. Please choose a smaller file."),
            code="too_large",
            params={"limit": filesizeformat(MAX_BYTES)},
        )
    not_an_image = ValidationError(
        _("This file is not a JPEG, PNG or WebP image. Please choose a picture file."),
        code="not_an_image",
    )
    try:
        with Image.open(BytesIO(data), formats=ALLOWED_FORMATS) as image:
            width, height = image.size
            if width > MAX_PIXELS or height > MAX_PIXELS:
                raise ValidationError(
                    _("The logo may be at most %(limit)s × %(limit)s pixels; this one has %(width)s × %(height)s."),
                    code="too_many_pixels",
                    params={"limit": MAX_PIXELS, "width": width, "height": height},
                )
            image.load()
            image = ImageOps.exif_transpose(image)
            has_alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
            image = image.convert("RGBA" if has_alpha else "RGB")
            image.thumbnail((LOGO_SIZE, LOGO_SIZE))
            # A fresh image: no EXIF, no XMP, no text chunks, no ICC profile travel on.
            clean = Image.new(image.mode, image.size)
            clean.paste(image)
    except ValidationError:
        raise
    except (
        Image.DecompressionBombError,
        Image.UnidentifiedImageError,
        OSError,
        SyntaxError,
        ValueError,
    ):
        raise not_an_image from None
    output = BytesIO()
    clean.save(output, format="PNG", optimize=True)
    return ContentFile(output.getvalue(), name="logo.png")
