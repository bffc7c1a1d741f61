"""Link previews: title and description of the first web page a post links to.

Fetched by a task (``feed.tasks.fetch_link_preview``) after the post is saved, with the
standard library only, and only from public addresses:

- the host is resolved and **every** address it resolves to must be public (no private,
  loopback, link-local, carrier-grade NAT, multicast, reserved or unspecified address, also
  not inside an IPv6 mapping); otherwise nothing is fetched;
- the connection goes to the address that was checked (pinned), never to a second lookup
  of the name (DNS rebinding), with the name kept for the ``Host`` header and the TLS
  certificate check;
- redirects are followed by hand (at most three), each target checked the same way;
- at most ``MAX_BYTES`` are read, within ``TIMEOUT`` seconds in all; only HTML is read.

Nothing of the page but its title and description is kept, as plain text; pictures of
the page are never loaded (no remote images on our pages).
"""

import http.client
import ipaddress
import re
import socket
import ssl
import time
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from django.utils import timezone

from landnetz.core.validators import BIDI_CONTROLS
from landnetz.feed.models import Post

MAX_BYTES = 256 * 1024
TIMEOUT = 5.0
MAX_REDIRECTS = 3
USER_AGENT = "Landnetz-LinkPreview/1.0 (+https://landnetz.example/)"
REDIRECTS = {301, 302, 303, 307, 308}
HTML_TYPES = {"text/html", "application/xhtml+xml"}
_SPACES = re.compile(r"\s+")
_UNWANTED = re.compile("[" + "".join(BIDI_CONTROLS) + r"\x00-\x1f\x7f]")


class Refused(Exception):
    """The link is not fetched (non-public address, wrong scheme, too slow, not HTML…)."""


@dataclass
class Preview:
    title: str
    description: str


def is_public_address(address) -> bool:
    """True only for an address on the public internet."""
    if isinstance(address, str):
        address = ipaddress.ip_address(address)
    if address.version == 6:
        for embedded in (address.ipv4_mapped, address.sixtofour, (address.teredo or (None, None))[1]):
            if embedded is not None and not is_public_address(embedded):
                return False
    return bool(
        address.is_global
        and not (
            address.is_private
            or address.is_loopback
            or address.is_link_local
            or address.is_multicast
            or address.is_reserved
            or address.is_unspecified
        )
    )


def resolve(host: str, port: int) -> list:
    """Every address ``host`` resolves to (IPv4 and IPv6)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos))


def checked_address(host: str, port: int):
    """The address to connect to: the first one, after every one was found public."""
    try:
        addresses = resolve(host, port)
    except (OSError, UnicodeError, ValueError) as error:
        raise Refused("the name does not resolve") from error
    if not addresses:
        raise Refused("no address")
    for address in addresses:
        if not is_public_address(address):
            raise Refused(f"not a public address: {address}")
    return addresses[0]


class _PinnedHTTP(http.client.HTTPConnection):
    def __init__(self, host, port, address, timeout):
        super().__init__(host, port, timeout=timeout)
        self._address = str(address)

    def connect(self):
        self.sock = socket.create_connection((self._address, self.port), self.timeout)


class _PinnedHTTPS(http.client.HTTPSConnection):
    def __init__(self, host, port, address, timeout):
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self._address = str(address)

    def connect(self):
        sock = socket.create_connection((self._address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


def _left(deadline: float) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise Refused("too slow")
    return left


def _target(url: str) -> tuple[str, str, int, str]:
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise Refused("not a web address")
    if parts.username or parts.password:
        raise Refused("addresses with a user name are not fetched")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as error:
        raise Refused("bad port") from error
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    return parts.scheme, parts.hostname, port, path


def _read(response, deadline: float, sock) -> bytes:
    chunks, size = [], 0
    while size < MAX_BYTES:
        if sock is not None:
            sock.settimeout(_left(deadline))
        chunk = response.read(min(16384, MAX_BYTES - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def fetch(url: str) -> Preview:
    """Fetch the page at ``url`` under the rules above; Refused when not allowed or failed."""
    deadline = time.monotonic() + TIMEOUT
    for _hop in range(MAX_REDIRECTS + 1):
        scheme, host, port, path = _target(url)
        address = checked_address(host, port)
        kind = _PinnedHTTPS if scheme == "https" else _PinnedHTTP
        connection = kind(host, port, address, timeout=_left(deadline))
        try:
            connection.request(
                "GET",
                path,
                headers={"User-Agent": USER_AGENT, "Accept": "text/html", "Accept-Encoding": "identity"},
            )
            response = connection.getresponse()
            if response.status in REDIRECTS:
                location = response.getheader("Location")
                if not location:
                    raise Refused("redirect without a target")
                url = urljoin(url, location)
                continue
            if response.status != 200:
                raise Refused(f"status {response.status}")
            content_type = (response.getheader("Content-Type") or "").split(";")[0].strip().lower()
            if content_type not in HTML_TYPES:
                raise Refused("not HTML")
            body = _read(response, deadline, connection.sock)
            return parse(body, response.headers.get_content_charset())
        except (OSError, http.client.HTTPException, ssl.SSLError) as error:
            raise Refused(str(error)[:100]) from error
        finally:
            connection.close()
    raise Refused("too many redirects")


class _HeadParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.title_parts: list[str] = []
        self.in_title = False
        self.meta: dict[str, str] = {}
        self.done = False

    def handle_starttag(self, tag, attrs):
        if self.done:
            return
        values = {name.lower(): (value or "") for name, value in attrs}
        if tag == "title":
            self.in_title = True
        elif tag == "meta":
            key = (values.get("property") or values.get("name") or "").lower()
            if key in {"og:title", "og:description", "description", "twitter:title", "twitter:description"}:
                self.meta.setdefault(key, values.get("content", ""))
        elif tag == "body":
            self.done = True

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        elif tag == "head":
            self.done = True

    def handle_data(self, data):
        if self.in_title and not self.done:
            self.title_parts.append(data)


def clean(text: str, length: int) -> str:
    text = _SPACES.sub(" ", _UNWANTED.sub(" ", text or "")).strip()
    return text[: length - 1] + "…" if len(text) > length else text


def parse(body: bytes, charset: str | None = None) -> Preview:
    try:
        text = body.decode(charset or "utf-8", errors="replace")
    except LookupError:
        text = body.decode("utf-8", errors="replace")
    parser = _HeadParser()
    try:
        parser.feed(text)
        parser.close()
    except (AssertionError, ValueError):  # malformed markup: what was read so far counts
        pass
    meta = parser.meta
    title = meta.get("og:title") or meta.get("twitter:title") or "".join(parser.title_parts)
    description = meta.get("og:description") or meta.get("description") or meta.get("twitter:description") or ""
    return Preview(title=clean(title, 300), description=clean(description, 500))


def refresh(post_id: int) -> bool:
    """Fetch and store the preview of a post's link; True when the post shows one now."""
    post = Post.objects.filter(pk=post_id).values("link_url").first()
    if post is None or not post["link_url"]:
        return False
    url = post["link_url"]
    try:
        preview = fetch(url)
    except Refused:
        preview = Preview(title="", description="")
    # The post may have been edited meanwhile: only a preview of its current link is kept.
    Post.objects.filter(pk=post_id, link_url=url).update(
        link_title=preview.title, link_description=preview.description, link_checked_at=timezone.now()
    )
    return bool(preview.title)
