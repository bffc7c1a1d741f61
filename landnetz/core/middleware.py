"""Response headers for privacy (issue 6, item 16; docs/security.md, "Headers").

- Every response: a ``Permissions-Policy`` that denies the browser features the site does
  not use. Two-factor login with security keys uses WebAuthn, so
  ``publickey-credentials-get`` and ``-create`` stay allowed for the site itself, and
  allauth's "copy recovery codes" button needs ``clipboard-write``.
- ``Cache-Control: no-store`` (with ``private``, ``max-age=0``), so that neither the
  browser's cache, its Back button after logout nor a shared proxy keeps personal data:
  1. every response to a logged-in member;
  2. for visitors without login, the pages that show people: profiles and their photos,
     the directory, organisation pages (contact persons) and member lists, region pages
     (coordinators) — ``PERSONAL_DATA_VIEWS``, by URL name.
  Static files (served by WhiteNoise before this runs) stay cacheable.
"""

from django.utils.cache import add_never_cache_headers

PERMISSIONS_POLICY = ", ".join(
    [
        "accelerometer=()",
        "autoplay=()",
        "bluetooth=()",
        "browsing-topics=()",
        "camera=()",
        "clipboard-read=()",
        "clipboard-write=(self)",
        "display-capture=()",
        "encrypted-media=()",
        "fullscreen=()",
        "gamepad=()",
        "geolocation=()",
        "gyroscope=()",
        "hid=()",
        "identity-credentials-get=()",
        "idle-detection=()",
        "interest-cohort=()",
        "local-fonts=()",
        "magnetometer=()",
        "microphone=()",
        "midi=()",
        "otp-credentials=()",
        "payment=()",
        "picture-in-picture=()",
        "publickey-credentials-create=(self)",
        "publickey-credentials-get=(self)",
        "screen-wake-lock=()",
        "serial=()",
        "usb=()",
        "window-management=()",
        "xr-spatial-tracking=()",
    ]
)

# Pages that show people to visitors without login (namespace:name of the URL pattern).
PERSONAL_DATA_VIEWS = frozenset(
    {
        "people:detail",
        "people:photo",
        "directory:search",
        "directory:region",
        "search:results",
        "organisations:detail",
        "organisations:members",
        "accounts:profile_preview",
    }
)


def shows_personal_data(request) -> bool:
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return True
    match = getattr(request, "resolver_match", None)
    return match is not None and match.view_name in PERSONAL_DATA_VIEWS


class PrivacyHeadersMiddleware:
    """Placed right after SecurityMiddleware, so that it sees every response last."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        if shows_personal_data(request):
            add_never_cache_headers(response)
        return response
