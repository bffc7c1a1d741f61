"""Logo uploads: the shared image rules of ``core.images`` with logo-sized limits."""

from django.core.files.base import ContentFile

from landnetz.core.images import clean_image, reencode

MAX_BYTES = 2 * 1024 * 1024
MAX_SIDE = 4000  # pixels per side accepted
LOGO_SIZE = 512  # pixels per side stored


def clean_logo(upload) -> ContentFile:
    """Validate an uploaded logo by its content and return it as a PNG ≤ 512 px without metadata."""
    clean_image(upload, max_bytes=MAX_BYTES, max_pixels=MAX_SIDE * MAX_SIDE)
    return reencode(upload, max_side=LOGO_SIZE, image_format="PNG")
