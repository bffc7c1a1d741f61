#!/usr/bin/env python3
"""Check a running production-mode Landnetz from the outside (standard library only).

Called by scripts/smoke_production.sh once gunicorn and db_worker are started:

1. waits until the web server answers (and fails early if a process died);
2. fetches the German and Arabic home pages (``/de/``, ``/ar/``), collects every
   same-site reference on them (``<a href>``, ``<link href>``, ``<script src>``,
   ``<img src>`` starting with a single ``/``; logout links are skipped) and requests
   each: it must end in 200. Redirects are followed while they stay on this host; a
   redirect to the login page counts as fine (member-only page) and is listed;
3. requires at least one CSS and one JS file under ``/static/`` to be served compressed
   (``Content-Encoding: br`` or ``gzip``) to ``Accept-Encoding: gzip, br`` with a cache
   lifetime of at least a year;
4. requires that gunicorn and the db_worker process are still alive at the end.

Every request says ``X-Forwarded-Proto: https``, as the TLS-terminating reverse proxy
in front of a production instance does (settings.SECURE_PROXY_SSL_HEADER).
Exit status 0 only if every check holds; the summary says what failed.
"""

from __future__ import annotations

import argparse
import http.client
import re
import sys
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

HOME_PAGES = ["/de/", "/ar/"]
ONE_YEAR = 365 * 24 * 60 * 60
LOGIN_PATH = re.compile(r"^/[a-z]{2}(-[a-z]+)?/accounts/login/")
SKIP_PATH = re.compile(r"logout", re.IGNORECASE)
BASE_HEADERS = {"X-Forwarded-Proto": "https", "User-Agent": "landnetz-smoke-check/1"}


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    body: bytes


@dataclass
class Result:
    failures: list[str] = field(default_factory=list)
    ok: list[str] = field(default_factory=list)
    login_redirects: list[str] = field(default_factory=list)
    other_redirects: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def fail(self, message: str) -> None:
        self.failures.append(message)
        print(f"  FAIL {message}", flush=True)


class Links(HTMLParser):
    """Same-site references of one HTML page, plus the <html> element's attributes."""

    ATTRS = {"a": "href", "link": "href", "script": "src", "img": "src"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.refs: list[str] = []
        self.html_attrs: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "html":
            self.html_attrs = values
        wanted = self.ATTRS.get(tag)
        if wanted and values.get(wanted, "").startswith("/") and not values[wanted].startswith("//"):
            self.refs.append(values[wanted].split("#", 1)[0])


class Client:
    def __init__(self, base_url: str, timeout: float) -> None:
        parts = urlsplit(base_url)
        if parts.scheme != "http" or not parts.hostname or not parts.port:
            raise SystemExit(f"--base-url must look like http://127.0.0.1:8000, not {base_url!r}")
        self.host, self.port, self.netloc, self.timeout = parts.hostname, parts.port, parts.netloc, timeout

    def get(self, path: str, headers: dict[str, str] | None = None) -> Response:
        connection = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        try:
            connection.request("GET", path, headers={**BASE_HEADERS, **(headers or {})})
            response = connection.getresponse()
            return Response(response.status, {k.lower(): v for k, v in response.getheaders()}, response.read())
        finally:
            connection.close()

    def same_host(self, location: str) -> bool:
        netloc = urlsplit(location).netloc
        return netloc in ("", self.netloc)


def process_alive(pid: int) -> bool:
    """True while the process exists and is not a zombie (an unreaped dead child)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def wait_until_up(client: Client, pids: dict[str, int], worker_log: Path | None, seconds: float) -> str | None:
    """None once the server answers and the worker has started, else what went wrong."""
    deadline = time.monotonic() + seconds
    server_up = worker_up = False
    while time.monotonic() < deadline:
        for name, pid in pids.items():
            if not process_alive(pid):
                return f"{name} (pid {pid}) exited while starting"
        if not server_up:
            try:
                client.get(HOME_PAGES[0])
                server_up = True
                print(f"  web server answers on {client.netloc}", flush=True)
            except OSError:
                pass
        if not worker_up:
            worker_up = worker_log is None or "Starting worker" in worker_log.read_text(errors="replace")
            if worker_up and worker_log is not None:
                print("  db_worker started (log: 'Starting worker')", flush=True)
        if server_up and worker_up:
            return None
        time.sleep(0.5)
    return f"not up after {seconds:.0f} s (web server answered: {server_up}, worker started: {worker_up})"


def fetch_following(client: Client, path: str, result: Result) -> tuple[Response | None, list[str]]:
    """GET path, following same-host redirects (at most 5). Returns the last response and the hops."""
    hops: list[str] = []
    current = path
    for _ in range(6):
        try:
            response = client.get(current)
        except OSError as error:
            result.fail(f"{path}: request failed ({error})")
            return None, hops
        if response.status not in (301, 302, 303, 307, 308):
            return response, hops
        location = response.headers.get("location", "")
        if not client.same_host(location):
            result.fail(f"{path}: redirects off this host to {location}")
            return None, hops
        parts = urlsplit(urljoin(current, location))
        current = parts.path + (f"?{parts.query}" if parts.query else "")
        hops.append(current)
    result.fail(f"{path}: more than 5 redirects ({' -> '.join(hops)})")
    return None, hops


def check_home_pages(client: Client, result: Result) -> list[str]:
    refs: list[str] = []
    for page in HOME_PAGES:
        response, hops = fetch_following(client, page, result)
        if response is None:
            continue
        if response.status != 200 or hops:
            result.fail(f"home page {page}: status {response.status} after {hops or 'no redirects'}")
            continue
        parser = Links()
        parser.feed(response.body.decode("utf-8", errors="replace"))
        lang, direction = parser.html_attrs.get("lang", ""), parser.html_attrs.get("dir", "ltr")
        expected_dir = "rtl" if page == "/ar/" else "ltr"
        if not lang.startswith(page.strip("/")) or direction != expected_dir:
            result.fail(f"home page {page}: <html lang={lang!r} dir={direction!r}>, expected {expected_dir}")
        for header in ("strict-transport-security", "content-security-policy"):
            if header not in response.headers:
                result.fail(f"home page {page}: no {header} header")
        print(f"  {page}: 200, {len(response.body)} bytes, lang={lang} dir={direction}, {len(parser.refs)} references")
        refs.extend(parser.refs)
    return list(dict.fromkeys(refs))


def check_links(client: Client, refs: list[str], result: Result) -> None:
    for ref in refs:
        if SKIP_PATH.search(ref):
            result.notes.append(f"skipped {ref} (logout is POST-only)")
            continue
        response, hops = fetch_following(client, ref, result)
        if response is None:
            continue
        login = next((hop for hop in hops if LOGIN_PATH.match(hop)), None)
        if response.status != 200:
            result.fail(f"{ref}: status {response.status}" + (f" after {' -> '.join(hops)}" if hops else ""))
            continue
        if login:
            result.login_redirects.append(f"{ref} -> {login}")
        elif hops:
            result.other_redirects.append(f"{ref} -> {' -> '.join(hops)}")
        else:
            result.ok.append(ref)
        print(f"    200 {ref}" + (f"  (via {' -> '.join(hops)})" if hops else ""), flush=True)


def max_age(cache_control: str) -> int:
    match = re.search(r"max-age=(\d+)", cache_control)
    return int(match.group(1)) if match else 0


def check_static_compression(client: Client, refs: list[str], result: Result) -> None:
    assets = [ref for ref in refs if ref.startswith("/static/") and ref.split("?")[0].endswith((".css", ".js"))]
    good = {".css": [], ".js": []}
    print("  static CSS/JS with 'Accept-Encoding: gzip, br':")
    for ref in assets:
        try:
            response = client.get(ref, {"Accept-Encoding": "gzip, br"})
        except OSError as error:
            result.fail(f"{ref}: request failed ({error})")
            continue
        encoding = response.headers.get("content-encoding", "-")
        cache_control = response.headers.get("cache-control", "")
        compressed = encoding in ("br", "gzip")
        long_lived = max_age(cache_control) >= ONE_YEAR
        hashed = bool(re.search(r"\.[0-9a-f]{12}\.(css|js)$", ref))
        print(
            f"    {response.status} {encoding:4} max-age={max_age(cache_control):<10} "
            f"{'hashed ' if hashed else 'UNHASHED'} {ref} ({len(response.body)} bytes sent)"
        )
        if response.status != 200:
            result.fail(f"{ref}: status {response.status}")
        elif compressed and long_lived:
            good[ref[ref.rindex(".") :]].append(ref)
        if not hashed:
            result.notes.append(f"{ref} has no content hash in its name (manifest storage not used?)")
    for kind, found in good.items():
        if not found:
            result.fail(f"no {kind} file under /static/ served compressed (br/gzip) with max-age >= {ONE_YEAR}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base-url", required=True, help="e.g. http://127.0.0.1:8000")
    parser.add_argument("--gunicorn-pid", type=int, required=True)
    parser.add_argument("--worker-pid", type=int, required=True)
    parser.add_argument("--worker-log", type=Path, help="db_worker's output, to see that it started")
    parser.add_argument("--wait", type=float, default=60, help="seconds to wait for both processes")
    parser.add_argument("--timeout", type=float, default=30, help="seconds per request")
    args = parser.parse_args()

    client = Client(args.base_url, args.timeout)
    pids = {"gunicorn": args.gunicorn_pid, "db_worker": args.worker_pid}
    result = Result()

    print("Waiting for gunicorn and db_worker", flush=True)
    problem = wait_until_up(client, pids, args.worker_log, args.wait)
    if problem:
        result.fail(problem)
    else:
        print("Home pages", flush=True)
        refs = check_home_pages(client, result)
        print(f"Requesting {len(refs)} same-site references", flush=True)
        check_links(client, refs, result)
        print("Static files", flush=True)
        check_static_compression(client, refs, result)
        for name, pid in pids.items():
            if not process_alive(pid):
                result.fail(f"{name} (pid {pid}) is no longer running at the end of the checks")

    print("\n--- Production smoke summary ---")
    print(f"  answered 200 directly:        {len(result.ok)}")
    print(f"  login redirects (members):    {len(result.login_redirects)}")
    for line in result.login_redirects:
        print(f"    {line}")
    print(f"  other same-host redirects:    {len(result.other_redirects)}")
    for line in result.other_redirects:
        print(f"    {line}")
    for note in result.notes:
        print(f"  note: {note}")
    print(f"  processes alive at the end:   {', '.join(n for n, p in pids.items() if process_alive(p)) or 'none'}")
    if result.failures:
        print(f"  FAILURES ({len(result.failures)}):")
        for failure in result.failures:
            print(f"    - {failure}")
        print("Production smoke: FAILED")
        return 1
    print("Production smoke: OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
