import pytest
from django.core.exceptions import ImproperlyConfigured
from django.utils import translation

from config.env import email_settings, env_bool, env_int, env_list, env_str
from tests.html import parse


def test_email_url_variants():
    assert email_settings("console://")["EMAIL_BACKEND"].endswith("console.EmailBackend")
    smtp = email_settings("smtp://user%40x:p%3Ass@mail.example.org:587?tls=1")
    assert smtp["EMAIL_HOST"] == "mail.example.org"
    assert smtp["EMAIL_PORT"] == 587
    assert smtp["EMAIL_HOST_USER"] == "user@x"
    assert smtp["EMAIL_HOST_PASSWORD"] == "p:ss"
    assert smtp["EMAIL_USE_TLS"] is True
    assert email_settings("smtps://mail.example.org")["EMAIL_PORT"] == 465
    with pytest.raises(ImproperlyConfigured):
        email_settings("pigeon://loft")


def test_typed_readers(monkeypatch, tmp_path):
    monkeypatch.setenv("LN_FLAG", "yes")
    monkeypatch.setenv("LN_NUMBER", "42")
    monkeypatch.setenv("LN_LIST", "a, b,,c")
    secret = tmp_path / "secret"
    secret.write_text("from-file\n")
    monkeypatch.setenv("LN_SECRET", "from-env")
    monkeypatch.setenv("LN_SECRET_FILE", str(secret))
    assert env_bool("LN_FLAG") is True
    assert env_int("LN_NUMBER", 1) == 42
    assert env_list("LN_LIST") == ["a", "b", "c"]
    assert env_str("LN_SECRET") == "from-file"
    monkeypatch.setenv("LN_NUMBER", "many")
    with pytest.raises(ImproperlyConfigured):
        env_int("LN_NUMBER", 1)


def test_security_headers(client, db):
    response = client.get("/de/")
    csp = response["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_error_pages_are_friendly_and_translated(client, db):
    response = client.get("/ar/does-not-exist/")
    assert response.status_code == 404
    html = response.content.decode()
    root = parse(html).find("html")
    assert (root["lang"], root["dir"]) == ("ar", "rtl")  # not the switcher's <option lang="ar">
    with translation.override("ar"):
        assert parse(html).find("h1").text() == translation.gettext("Page not found") != "Page not found"
    assert "Traceback" not in html
