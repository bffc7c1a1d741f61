"""The optional map on the organisation form: settings, template context and CSP.

The map is only offered when ``LANDNETZ_MAP_TILE_URL`` is set. Its tile host is allowed in
the Content-Security-Policy's img-src only on the pages that offer the map, and it is read
at request time (so the policy always matches the settings, in tests too).
"""

import re
from functools import wraps
from urllib.parse import urlsplit

from django.conf import settings
from django.views.decorators.csp import csp_override

_PLACEHOLDER = re.compile(r"\{[^}]*\}")


def tile_url() -> str:
    return (getattr(settings, "LANDNETZ_MAP_TILE_URL", "") or "").strip()


def tile_source(url: str) -> str | None:
    """The CSP source for a Leaflet tile URL: scheme and host, ``{s}`` as a wildcard.

    ``https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png`` → ``https://*.tile.openstreetmap.org``.
    None for a relative URL (already covered by 'self') or one without a usable host.
    """
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    host = _PLACEHOLDER.sub("*", parts.netloc.rsplit("@", 1)[-1])
    return f"{parts.scheme}://{host}"


def map_context() -> dict | None:
    """What the form template needs for the map, or None when no map is offered."""
    url = tile_url()
    if not url:
        return None
    return {"tile_url": url, "attribution": settings.LANDNETZ_MAP_ATTRIBUTION}


def csp_with_tiles() -> dict | None:
    """``SECURE_CSP`` with the tile host added to img-src; None when nothing changes."""
    source = tile_source(tile_url())
    if source is None or not settings.SECURE_CSP:
        return None
    config = dict(settings.SECURE_CSP)
    images = list(config.get("img-src", []))
    if source not in images:
        images.append(source)
    config["img-src"] = images
    return config


def with_map_csp(view):
    """Allow the map tiles' host in img-src on the responses of ``view``."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        config = csp_with_tiles()
        if config is None:
            return view(request, *args, **kwargs)
        return csp_override(config)(view)(request, *args, **kwargs)

    return wrapped
