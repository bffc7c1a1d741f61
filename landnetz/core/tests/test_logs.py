"""What the server logs (issue 6, item 15; docs/security.md, "What is logged").

Access log lines carry no client address (unless truncated on purpose), no user agent,
no referrer, and no secret that a link carries; Django's log records and error mails
have the same secrets redacted; the database, uploads and logs are created readable by
the service user only.
"""

import io
import logging
import os
import re
import runpy
import stat
import subprocess
import sys
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest
from allauth.account.forms import default_token_generator
from allauth.account.models import EmailAddress, EmailConfirmationHMAC
from allauth.account.utils import user_pk_to_url_str
from django.conf import settings
from django.test import RequestFactory
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from gunicorn.config import Config

from landnetz.core.error_report import RedactingExceptionReporter
from landnetz.core.logredact import AccessLogger, client_address, redact_path
from landnetz.groups import services as group_services
from landnetz.organisations.models import Invitation

pytestmark = pytest.mark.django_db

BASE_DIR = Path(settings.BASE_DIR)
# Names of URL parameters that carry a secret. A new URL with one of them must be redacted.
SECRET_PARAMETERS = {"key", "token", "uidb36", "uidb64", "code", "signature"}


def secret_urls_in_the_urlconf(resolver=None, namespace=""):
    """(name, parameters) of every URL pattern whose parameters include a secret."""
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from secret_urls_in_the_urlconf(pattern, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names = set(pattern.pattern.regex.groupindex)
            if names & SECRET_PARAMETERS:
                yield f"{namespace}{pattern.name}", names


@pytest.fixture
def secrets_of_the_site(volunteer, org):
    from landnetz.notifications.tokens import unsubscribe_token

    """Real secrets as the site makes them, by URL name."""
    email = EmailAddress.objects.get(user=volunteer)
    invitation = Invitation.objects.create(organisation=org, email="new@example.org")
    group = group_services.create_group(actor=volunteer, name="Sprachcafé Tangerhütte", kind="closed")
    group_invitation = group_services.invite(actor=volunteer, group=group, email="new@example.org")
    return {
        "account_confirm_email": {"key": EmailConfirmationHMAC(email).key},
        "account_reset_password_from_key": {
            "uidb36": user_pk_to_url_str(volunteer),
            "key": default_token_generator.make_token(volunteer),
        },
        "organisations:invitation": {"token": invitation.token},
        "groups:invitation": {"token": group_invitation.token},
        "notifications:unsubscribe": {"token": unsubscribe_token(volunteer, "organisations.join_request")},
    }


@pytest.fixture
def org(volunteer, regions):
    from landnetz.core.models import Municipality
    from landnetz.organisations import services

    stendal = Municipality.objects.get(name="Stendal")
    return services.create_organisation(
        actor=volunteer, name="Tafel Stendal", municipality=stendal, kind="club", sector="civil_society"
    )


def test_every_secret_carrying_url_of_the_urlconf_is_redacted(secrets_of_the_site):
    found = dict(secret_urls_in_the_urlconf())
    assert set(secrets_of_the_site) <= set(found), "the known token URLs should be found"
    unknown = set(found) - set(secrets_of_the_site)
    assert not unknown, f"new URLs with secrets: add them to logredact and to this test: {unknown}"
    for name, kwargs in secrets_of_the_site.items():
        path = reverse(name, kwargs=kwargs)
        redacted = redact_path(path)
        for value in kwargs.values():
            assert value not in redacted, (name, redacted)
        assert "[redacted]" in redacted
        # The same link as the target of a login redirect, and in a whole URL.
        login = redact_path(f"/de/accounts/login/?next={path}")
        assert all(value not in login for value in kwargs.values()), login
        assert kwargs[max(kwargs)] not in redact_path(f"https://landnetz.example{path}")


def test_reset_form_after_the_key_and_ordinary_pages_stay_readable(secrets_of_the_site):
    assert redact_path("/de/accounts/password/reset/key/2-set-password/").endswith("-set-password/")
    for path in (
        "/de/organisations/willkommen-in-stendal-e-v-2/members/",
        "/de/people/12/photo/",
        "/de/directory/?q=Sprachcaf%C3%A9&region=stendal&near=39517",
        "/de/regions/altmarkkreis-salzwedel/",
    ):
        assert redact_path(path) == path


@pytest.mark.parametrize(
    "query", ["code=4/0AeanS0a&state=Xk2pQ9rT", "token=abc", "key=abc", "email=helga%40example.org"]
)
def test_secrets_in_query_strings_are_redacted(query):
    redacted = redact_path(f"/de/accounts/oidc/amt/login/callback/?{query}")
    value = query.split("&")[0].split("=")[1]
    assert value not in redacted


# --- gunicorn ------------------------------------------------------------------------------


def shipped_gunicorn_config(**overrides) -> Config:
    """gunicorn's configuration as config/gunicorn.conf.py sets it (plus overrides)."""
    cfg = Config()
    values = runpy.run_path(str(BASE_DIR / "config" / "gunicorn.conf.py"))
    for name, value in {**values, **overrides}.items():
        if name in cfg.settings:
            cfg.set(name, value)
    return cfg


def access_line(tmp_path, path: str, client_ip_mode: str | None = None, monkeypatch=None) -> str:
    if client_ip_mode:
        monkeypatch.setenv("ACCESS_LOG_CLIENT_IP", client_ip_mode)
    log_file = tmp_path / "access.log"
    cfg = shipped_gunicorn_config(accesslog=str(log_file))
    logger = cfg.logger_class(cfg)
    assert isinstance(logger, AccessLogger)
    path_info, _q, query = path.partition("?")
    headers = [
        ("HOST", "landnetz.example"),
        ("USER-AGENT", "Mozilla/5.0 (X11; Linux) Firefox/140.0 SecretAgent"),
        ("REFERER", "https://mail.example/inbox/read?id=42"),
        ("COOKIE", "__Host-sessionid=s3cr3tsession"),
        ("X-FORWARDED-FOR", "198.51.100.23"),
    ]
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": path,
        "PATH_INFO": path_info,
        "QUERY_STRING": query,
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "203.0.113.77",
        "HTTP_USER_AGENT": headers[1][1],
        "HTTP_REFERER": headers[2][1],
        "HTTP_COOKIE": headers[3][1],
    }
    response = SimpleNamespace(status="302 Found", sent=0, headers=[("Location", path)])
    logger.access(response, SimpleNamespace(headers=headers), environ, timedelta(milliseconds=12))
    for handler in logger.access_log.handlers:
        handler.flush()
    assert stat.S_IMODE(log_file.stat().st_mode) == 0o600, "the access log is readable by the service user only"
    return log_file.read_text()


def test_access_log_line_has_no_address_user_agent_referrer_or_token(tmp_path, secrets_of_the_site):
    token = secrets_of_the_site["organisations:invitation"]["token"]
    line = access_line(tmp_path, f"/de/organisations/invitations/{token}/?utm=1")
    assert '"GET /de/organisations/invitations/[redacted]/?utm=1 HTTP/1.1" 302' in line
    for secret in (token, "203.0.113", "198.51.100", "Mozilla", "SecretAgent", "mail.example", "s3cr3tsession"):
        assert secret not in line
    assert line.startswith("- [")  # no client address


def test_access_log_keeps_a_truncated_address_when_asked(tmp_path, monkeypatch):
    line = access_line(tmp_path, "/de/directory/", client_ip_mode="truncated", monkeypatch=monkeypatch)
    assert line.startswith("203.0.113.0 [")
    assert "203.0.113.77" not in line
    assert client_address("2001:db8:abcd:12::1", "truncated") == "2001:db8:abcd::"


def test_access_log_format_asking_for_headers_gets_none(tmp_path):
    log_file = tmp_path / "access.log"
    cfg = shipped_gunicorn_config(accesslog=str(log_file), access_log_format='%(h)s %(a)s %(f)s "%({cookie}i)s"')
    logger = cfg.logger_class(cfg)
    environ = {"REQUEST_METHOD": "GET", "RAW_URI": "/", "PATH_INFO": "/", "SERVER_PROTOCOL": "HTTP/1.1"}
    environ |= {"REMOTE_ADDR": "203.0.113.77", "HTTP_USER_AGENT": "SecretAgent", "HTTP_REFERER": "https://x.example/"}
    request = SimpleNamespace(headers=[("COOKIE", "sessionid=s3cr3t")])
    logger.access(SimpleNamespace(status="200 OK", sent=1, headers=[]), request, environ, timedelta(0))
    for handler in logger.access_log.handlers:
        handler.flush()
    assert log_file.read_text().strip() == '- - - "-"'


# --- Django's logs and error mails ------------------------------------------------------------


def test_django_log_lines_have_tokens_redacted(client, volunteer, secrets_of_the_site):
    """A wrong or expired invitation link is logged as "Not Found" — without the token."""
    client.force_login(volunteer)
    console = next(h for h in logging.getLogger().handlers if isinstance(h, logging.StreamHandler))
    stream = io.StringIO()
    old_stream = console.setStream(stream)
    try:
        client.get("/de/organisations/invitations/Zq9WxY3vB7nM2kL5pR8tU4sA1dF6gH0j/")
        key = secrets_of_the_site["account_confirm_email"]["key"]
        logging.getLogger("django.security.csrf").warning("Forbidden: /de/accounts/confirm-email/%s/", key)
    finally:
        console.setStream(old_stream)
    output = stream.getvalue()
    assert "Not Found: /de/organisations/invitations/[redacted]/" in output
    assert "Zq9WxY3vB7nM2kL5pR8tU4sA1dF6gH0j" not in output
    assert key not in output


def test_error_mail_to_admins_has_no_token_or_address(secrets_of_the_site):
    token = secrets_of_the_site["organisations:invitation"]["token"]
    request = RequestFactory().get(
        f"/de/organisations/invitations/{token}/", REMOTE_ADDR="203.0.113.77", HTTP_REFERER="/x/?token=abc"
    )
    try:
        raise RuntimeError("boom")
    except RuntimeError:
        report = RedactingExceptionReporter(request, *sys.exc_info()).get_traceback_text()
    assert "boom" in report
    assert token not in report
    assert "203.0.113.77" not in report


# --- File permissions ------------------------------------------------------------------------


def test_uploaded_photo_is_readable_by_the_service_user_only(client, volunteer):
    from landnetz.accounts.models import Profile
    from landnetz.accounts.tests.test_profile import image_file, profile_data

    client.force_login(volunteer)
    previous = os.umask(0o022)  # as a service manager might start the process
    try:
        assert client.post("/de/accounts/profile/", profile_data(photo=image_file())).status_code == 302
    finally:
        os.umask(previous)
    path = Path(Profile.objects.get(user=volunteer).photo.path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_sqlite_database_is_created_readable_by_the_service_user_only(tmp_path):
    database = tmp_path / "fresh.sqlite3"
    code = (
        "import os; os.umask(0o022); import django; django.setup(); "
        "from django.db import connection; connection.ensure_connection(); "
        "connection.cursor().execute('CREATE TABLE t (x int)')"
    )
    env = os.environ | {
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "LANDNETZ_ENV": "development",
        "DATABASE_URL": f"sqlite:///{database}",
    }
    subprocess.run([sys.executable, "-c", code], cwd=BASE_DIR, env=env, check=True, timeout=60)
    created = [p for p in tmp_path.iterdir() if re.match(r"fresh\.sqlite3", p.name)]
    assert created
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in created), [
        (p.name, oct(p.stat().st_mode)) for p in created
    ]
