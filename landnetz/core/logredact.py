"""Keep secrets and client addresses out of the logs (issue 6, item 15; docs/security.md).

One ``redact_path()`` serves gunicorn's access log (``AccessLogger``, set as
``logger_class`` in ``config/gunicorn.conf.py``) and Django's log records
(``RedactFilter`` on the handlers in ``settings.LOGGING``). It replaces what a link
carries as a secret — e-mail confirmation keys, password reset keys, invitation
tokens, OpenID Connect codes — with ``[redacted]``:

- the path segment after ``confirm-email/``, ``key/``, ``invitations/``, ``token/``,
  ``tokens/`` or ``unsubscribe/`` (the URL patterns with ``<key>`` and ``<token>``);
- the value of query parameters named like secrets (``key``, ``token``, ``code``,
  ``state``, ``password`` …), and of any parameter that holds an e-mail address;
- paths inside query values (``/login/?next=/de/organisations/invitations/<token>/``);
- any other segment or value that looks like a generated secret (long, and mixing
  upper and lower case with digits, or holding a colon, or long hexadecimal).

This module imports nothing from Django, so that gunicorn's master process can load it
before Django is set up. Client addresses: ``ACCESS_LOG_CLIENT_IP`` (``off`` by default,
``truncated`` for the /24 or /48 network).
"""

import ipaddress
import logging
import os
import re
from urllib.parse import quote, unquote

from gunicorn import glogging

REDACTED = "[redacted]"

# Path segments whose next segment is a secret (see the URLconf: allauth's
# confirm-email/<key>/ and password/reset/key/<uidb36>-<key>/, organisations'
# invitations/<token>/).
SECRET_AFTER = frozenset({"confirm-email", "key", "invitations", "token", "tokens", "unsubscribe"})
# Query parameters whose value is a secret (OpenID Connect callbacks carry code and state).
SECRET_PARAMETERS = frozenset(
    {
        "key",
        "token",
        "code",
        "state",
        "secret",
        "password",
        "signature",
        "sig",
        "uid",
        "uidb36",
        "uidb64",
        "auth",
        "access_token",
        "id_token",
        "refresh_token",
        "session_state",
        "otp",
        "email",
        "login",
    }
)
_TOKENISH = re.compile(r"[A-Za-z0-9_\-:.~=%+]+")
_PATH_IN_TEXT = re.compile(r"""(?<![\w.])/[^\s"'<>`]*""")
_ADDRESS_CANDIDATE = re.compile(
    r"(?<![\w.])\d{1,3}(?:\.\d{1,3}){3}(?![\w.])"  # IPv4
    r"|(?<![\w:])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?:\.\d{1,3}){0,3}(?![\w:])"  # IPv6
)
_LONG_WORD = re.compile(r"[A-Za-z0-9_\-:=]{20,}")


def looks_secret(text: str) -> bool:
    """A generated token rather than a word or a slug ("willkommen-in-stendal-e-v" is not)."""
    if len(text) < 20 or not _TOKENISH.fullmatch(text):
        return False
    has_digit = any(ch.isdigit() for ch in text)
    mixed_case = any(ch.islower() for ch in text) and any(ch.isupper() for ch in text)
    longest_run = max((len(part) for part in re.split(r"[-_.~]", text)), default=0)
    return (
        (mixed_case and has_digit)
        or bool(re.fullmatch(r"[\w-]+(?::[\w-]+)+", text) and has_digit)  # signed values (value:time:signature)
        or bool(re.fullmatch(r"[0-9a-fA-F]{20,}", text))
        or (longest_run >= 20 and has_digit)
    )


def _redact_segments(path: str) -> str:
    segments = path.split("/")
    for index, segment in enumerate(segments):
        previous = segments[index - 1].lower() if index else ""
        if not segment:
            continue
        if previous in SECRET_AFTER:
            # allauth's reset form lives at key/<uidb36>-set-password/ once the key is in the session
            segments[index] = "[redacted]-set-password" if segment.endswith("-set-password") else REDACTED
        elif looks_secret(unquote(segment)):
            segments[index] = REDACTED
    return "/".join(segments)


def _redact_query(query: str) -> str:
    parts = []
    for part in query.split("&"):
        name, equals, value = part.partition("=")
        plain = unquote(value.replace("+", " "))
        if not equals:
            parts.append(REDACTED if looks_secret(unquote(name)) else part)
            continue
        if unquote(name).lower() in SECRET_PARAMETERS or "@" in plain or looks_secret(plain):
            value = REDACTED
        elif plain.startswith("/") or "://" in plain:
            value = quote(redact_path(plain), safe="/:[]")
        parts.append(f"{name}={value}")
    return "&".join(parts)


def redact_path(path: str) -> str:
    """A request path (with query string) with every secret it carries replaced by ``[redacted]``."""
    if not path:
        return path
    path, question, query = path.partition("?")
    path, hash_, fragment = path.partition("#")
    scheme, separator, rest = path.partition("://")
    if separator:  # a whole URL: keep the host, redact the path
        host, slash, tail = rest.partition("/")
        path = f"{scheme}://{host}{slash}{_redact_segments(tail)}"
    else:
        path = _redact_segments(path)
    if hash_:
        path += "#" + (REDACTED if looks_secret(fragment) else fragment)
    if question:
        path += "?" + _redact_query(query)
    return path


def redact_text(text: str) -> str:
    """A log message with the secrets of every path in it redacted ("Not Found: /de/…/<token>/")."""
    text = _PATH_IN_TEXT.sub(lambda match: redact_path(match.group(0)), text)
    return _LONG_WORD.sub(lambda match: REDACTED if looks_secret(match.group(0)) else match.group(0), text)


def client_address(address: str, mode: str = "off") -> str:
    """The client address as the access log may keep it: ``off`` (default) "-",
    ``truncated`` the /24 (IPv4) or /48 (IPv6) network, ``full`` unchanged (not recommended)."""
    if mode == "full":
        return address or "-"
    if mode != "truncated" or not address:
        return "-"
    try:
        ip = ipaddress.ip_address(address.strip("[]"))
    except ValueError:
        return "-"
    prefix = 24 if ip.version == 4 else 48
    return str(ipaddress.ip_network(f"{ip}/{prefix}", strict=False).network_address)


def scrub_addresses(text: str, mode: str = "off") -> str:
    """Every IPv4 and IPv6 address in free text, as ``client_address`` would keep it."""

    def replace(match: re.Match) -> str:
        candidate = match.group(0)
        try:
            ip = ipaddress.ip_address(candidate)
        except ValueError:
            return candidate
        if ip.is_loopback or ip.is_unspecified:  # the server's own bind address, not a client
            return candidate
        kept = client_address(candidate, mode)
        return "[address]" if kept == "-" else kept

    return _ADDRESS_CANDIDATE.sub(replace, text)


class RedactFilter(logging.Filter):
    """Redact secrets (and, with ``addresses=True``, client addresses) in every record passed on.

    Attached to handlers, not loggers, so that records of child loggers
    (``django.security.csrf``) are covered too. The record is changed in place, so that
    later handlers see the redacted text as well.
    """

    def __init__(self, name: str = "", addresses: bool = False) -> None:
        super().__init__(name)
        self.addresses = addresses

    def _clean(self, text: str) -> str:
        text = redact_text(text)
        return scrub_addresses(text, os.environ.get("ACCESS_LOG_CLIENT_IP", "off")) if self.addresses else text

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a broken format string: leave it to the handler's error path
            return True
        cleaned = self._clean(message)
        if cleaned != message:
            record.msg, record.args = cleaned, ()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self._clean(record.exc_text)
        return True


class AccessLogger(glogging.Logger):
    """gunicorn's logger, set as ``logger_class`` in ``config/gunicorn.conf.py``.

    Access lines keep method, redacted path, protocol, status, size and duration; the
    client address only as ``ACCESS_LOG_CLIENT_IP`` allows; never the user agent, the
    referrer, the HTTP user name, request headers or environment variables, whatever
    ``access_log_format`` asks for. The error log gets the same redaction, addresses too.
    """

    def setup(self, cfg) -> None:
        super().setup(cfg)
        self.client_ip_mode = os.environ.get("ACCESS_LOG_CLIENT_IP", "off")
        for handler in self.error_log.handlers:
            if not any(isinstance(existing, RedactFilter) for existing in handler.filters):
                handler.addFilter(RedactFilter(addresses=True))

    def atoms(self, resp, req, environ, request_time) -> dict:
        atoms = super().atoms(resp, req, environ, request_time)
        # Headers ({name}i, {name}o) and environment variables ({name}e) may hold cookies,
        # addresses, referrers and redirect targets with tokens: none of them is logged.
        atoms = {key: value for key, value in atoms.items() if not key.startswith("{")}
        raw_uri = environ.get("RAW_URI") or environ.get("PATH_INFO") or ""
        atoms["r"] = (
            f"{environ.get('REQUEST_METHOD', '-')} {redact_path(raw_uri)} {environ.get('SERVER_PROTOCOL', '-')}"
        )
        atoms["U"] = redact_path(environ.get("PATH_INFO") or "")
        query = environ.get("QUERY_STRING") or ""
        atoms["q"] = redact_path("?" + query)[1:] if query else ""
        atoms["h"] = client_address(environ.get("REMOTE_ADDR", ""), getattr(self, "client_ip_mode", "off"))
        atoms["a"] = atoms["f"] = atoms["u"] = "-"
        return atoms
