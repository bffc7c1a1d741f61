"""Production refuses to start with settings that leak secrets or split rate limits (issue #6, items 4, 5)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from config.env import production_problems

ROOT = Path(__file__).resolve().parents[3]


def start(**environment) -> subprocess.CompletedProcess:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"EMAIL_URL", "CACHE_URL", "DATABASE_URL", "LANDNETZ_ENV", "SECRET_KEY"}
    }
    env.update(
        LANDNETZ_ENV="production",
        SECRET_KEY="p" * 60,
        ALLOWED_HOSTS="landnetz.example",
        DATABASE_URL="sqlite:////tmp/landnetz-settings-test.sqlite3",
        **environment,
    )
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); print('started')"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    "environment",
    [
        {"CACHE_URL": "redis://127.0.0.1:6379/0"},  # no EMAIL_URL at all
        {"CACHE_URL": "redis://127.0.0.1:6379/0", "EMAIL_URL": "console://"},
        {"CACHE_URL": "redis://127.0.0.1:6379/0", "EMAIL_URL": "locmem://"},
        {"EMAIL_URL": "smtp://mail.example:587?tls=1"},  # no shared cache
        {"EMAIL_URL": "smtp://mail.example:587?tls=1", "CACHE_URL": "locmem://"},
    ],
    ids=["no-mail", "console-mail", "memory-mail", "no-cache", "per-process-cache"],
)
def test_production_does_not_start(environment):
    result = start(**environment)
    assert result.returncode != 0
    assert "started" not in result.stdout
    assert "ImproperlyConfigured" in result.stderr


def test_production_starts_with_smtp_and_a_shared_cache():
    result = start(EMAIL_URL="smtp://mail.example:587?tls=1", CACHE_URL="redis://127.0.0.1:6379/0")
    assert result.returncode == 0, result.stderr
    assert "started" in result.stdout


def test_database_cache_counts_as_shared():
    assert production_problems(email_url="smtps://m.example:465", cache_url="db://") == []
