"""Link previews: fetched only from public addresses, pinned to the checked address, with
size and time limits. A local test server stands in for the web (the tests have no internet):
it listens on 127.0.0.2, the one address these tests allow besides the public ones."""

import ipaddress
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from landnetz.feed.models import Post
from landnetz.feed.services import previews
from landnetz.feed.tests.helpers import post

pytestmark = pytest.mark.django_db

TEST_SERVER = ipaddress.ip_address("127.0.0.2")
PAGE = (
    b"<html><head><meta charset='utf-8'><title>Sprachcaf\xc3\xa9 Tangerh\xc3\xbctte</title>"
    b"<meta property='og:description' content='Jeden Dienstag um 15 Uhr im Feuerwehrhaus.'>"
    b"</head><body><img src='https://tracker.example/p.gif'>Hallo</body></html>"
)


class Handler(BaseHTTPRequestHandler):
    routes: dict = {}
    seen: list = []

    def do_GET(self):  # noqa: N802
        Handler.seen.append((self.headers.get("Host"), self.path))
        status, headers, body = Handler.routes.get(self.path, (404, {}, b"not found"))
        if callable(body):
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            body(self.wfile)
            return
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def server(monkeypatch):
    httpd = ThreadingHTTPServer((str(TEST_SERVER), 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    Handler.routes, Handler.seen = {}, []
    real = previews.is_public_address
    # Only the test server's own address is let through besides the public ones.
    monkeypatch.setattr(
        previews,
        "is_public_address",
        lambda address: ipaddress.ip_address(str(address)) == TEST_SERVER or real(address),
    )
    # "news.example" is the test server: the connection must go to the address that was checked.
    real_resolve = previews.resolve
    monkeypatch.setattr(
        previews,
        "resolve",
        lambda host, port: [TEST_SERVER] if host == "news.example" else real_resolve(host, port),
    )
    yield httpd.server_address[1]
    httpd.shutdown()
    httpd.server_close()


def html(body=PAGE, content_type="text/html; charset=utf-8"):
    return (200, {"Content-Type": content_type}, body)


def test_the_title_and_description_of_a_public_page(server):
    Handler.routes["/artikel?x=1"] = html()
    preview = previews.fetch(f"http://news.example:{server}/artikel?x=1")
    assert preview.title == "Sprachcafé Tangerhütte"
    assert preview.description == "Jeden Dienstag um 15 Uhr im Feuerwehrhaus."
    # Pinned: the connection went to the checked address, with the name as Host.
    assert Handler.seen == [(f"news.example:{server}", "/artikel?x=1")]


def test_a_post_gets_its_preview_from_the_task(server, settings, volunteer, django_capture_on_commit_callbacks):
    settings.LANDNETZ_LINK_PREVIEWS = True
    Handler.routes["/cafe"] = html()
    with django_capture_on_commit_callbacks(execute=True):
        item = post(volunteer, f"Kommt vorbei: http://news.example:{server}/cafe.")
    item.refresh_from_db()
    assert item.link_url == f"http://news.example:{server}/cafe"
    assert item.link_title == "Sprachcafé Tangerhütte" and item.link_checked_at is not None


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "0.0.0.0",
        "224.0.0.1",
        "::1",
        "fe80::1",
        "fc00::1",
        "::ffff:127.0.0.1",
        "::ffff:10.0.0.1",
        "2002:7f00:1::1",
        "::",
    ],
)
def test_non_public_addresses_are_refused(address):
    assert not previews.is_public_address(address)


def test_public_addresses_are_allowed():
    assert previews.is_public_address("93.184.216.34") and previews.is_public_address("2606:2800:220:1::1")


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://10.0.0.5:8080/intern",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
        "http://localhost/",
        "http://0x7f000001/",
        "ftp://example.org/",
        "http://user:pw@example.org/",
        "file:///etc/passwd",
    ],
)
def test_private_loopback_and_link_local_urls_are_never_fetched(url, monkeypatch):
    connected = []
    monkeypatch.setattr(previews.socket, "create_connection", lambda *args, **kwargs: connected.append(args))
    with pytest.raises(previews.Refused):
        previews.fetch(url)
    assert connected == []


def test_every_resolved_address_must_be_public(monkeypatch):
    connected = []
    monkeypatch.setattr(
        previews,
        "resolve",
        lambda host, port: [ipaddress.ip_address("93.184.216.34"), ipaddress.ip_address("10.0.0.1")],
    )
    monkeypatch.setattr(previews.socket, "create_connection", lambda *args, **kwargs: connected.append(args))
    with pytest.raises(previews.Refused):
        previews.fetch("http://mixed.example/")
    assert connected == []


@pytest.mark.parametrize(
    "target",
    [
        "http://127.0.0.1:{port}/secret",
        "http://10.0.0.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]:{port}/",
    ],
)
def test_redirects_to_non_public_addresses_are_refused(server, target):
    Handler.routes["/go"] = (302, {"Location": target.format(port=server)}, b"")
    Handler.routes["/secret"] = html()
    with pytest.raises(previews.Refused):
        previews.fetch(f"http://news.example:{server}/go")
    assert [path for _host, path in Handler.seen] == ["/go"]


def test_a_redirect_to_a_public_page_is_followed_at_most_three_times(server):
    Handler.routes["/a"] = (301, {"Location": "/b"}, b"")
    Handler.routes["/b"] = (302, {"Location": f"http://news.example:{server}/page"}, b"")
    Handler.routes["/page"] = html()
    assert previews.fetch(f"http://news.example:{server}/a").title == "Sprachcafé Tangerhütte"
    for number in range(5):
        Handler.routes[f"/loop{number}"] = (302, {"Location": f"/loop{number + 1}"}, b"")
    with pytest.raises(previews.Refused):
        previews.fetch(f"http://news.example:{server}/loop0")


def test_at_most_256_kilobytes_are_read(server):
    big = b"<html><head><title>" + b"A" * (previews.MAX_BYTES * 2) + b"</title></head></html>"
    Handler.routes["/big"] = html(big)
    preview = previews.fetch(f"http://news.example:{server}/big")
    assert len(preview.title) <= 300


def test_a_slow_server_is_given_up_after_the_time_limit(server, monkeypatch):
    monkeypatch.setattr(previews, "TIMEOUT", 1.0)

    def drip(out):
        out.write(b"<html><head><title>x")
        out.flush()
        time.sleep(3)

    Handler.routes["/slow"] = (200, {"Content-Type": "text/html"}, drip)
    started = time.monotonic()
    with pytest.raises(previews.Refused):
        previews.fetch(f"http://news.example:{server}/slow")
    assert time.monotonic() - started < 2.5


def test_only_html_is_read(server):
    Handler.routes["/file.pdf"] = (200, {"Content-Type": "application/pdf"}, b"%PDF-1.4")
    with pytest.raises(previews.Refused):
        previews.fetch(f"http://news.example:{server}/file.pdf")


def test_control_and_direction_characters_of_a_page_are_not_kept():
    preview = previews.parse("<title>Hallo\u202e Welt\x07</title>".encode())
    assert preview.title == "Hallo Welt"


def test_a_refused_link_leaves_no_preview_and_an_edited_link_is_not_overwritten(volunteer, monkeypatch):
    item = post(volunteer, "Siehe http://127.0.0.1/admin")
    Post.objects.filter(pk=item.pk).update(link_url="http://127.0.0.1/admin")
    assert previews.refresh(item.pk) is False
    item.refresh_from_db()
    assert item.link_title == "" and item.link_checked_at is not None
    monkeypatch.setattr(previews, "fetch", lambda url: previews.Preview("Alt", ""))
    Post.objects.filter(pk=item.pk).update(link_url="https://neu.example/")
    monkeypatch.setattr(
        previews,
        "fetch",
        lambda url: (
            Post.objects.filter(pk=item.pk).update(link_url="https://anders.example/") and previews.Preview("Alt", "")
        ),
    )
    previews.refresh(item.pk)
    item.refresh_from_db()
    assert item.link_url == "https://anders.example/" and item.link_title == ""
