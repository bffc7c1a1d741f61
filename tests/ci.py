"""No silent skip in CI: a pytest plugin (registered in the root conftest.py).

When the environment variable ``CI`` is set to anything but "", "0" or "false", every
skipped test fails the run — a skip in setup (a fixture that skips, ``skipif``), in the
test itself or at collection — unless its node id is on the allow-list
``tests/allowed_skips.toml``, where every entry names the test and why a skip is right
there. Locally (``CI`` unset) skips stay skips.

Expected failures (``xfail``) are not skips and are left alone.
"""

import fnmatch
import os
import tomllib
from pathlib import Path

import pytest

ALLOW_LIST = Path(__file__).with_name("allowed_skips.toml")


def in_ci() -> bool:
    """True when ``CI`` is set to anything but "", "0" or "false" (any case)."""
    return os.environ.get("CI", "").strip().lower() not in {"", "0", "false"}


def load_allow_list(path: Path) -> dict[str, str]:
    """``{node id pattern: reason}``; an entry without a reason is an error, not a pass."""
    with open(path, "rb") as file:
        entries = tomllib.load(file).get("allow", [])
    allowed = {}
    for entry in entries:
        test, reason = entry.get("test", "").strip(), entry.get("reason", "").strip()
        if not test or not reason:
            raise pytest.UsageError(f"{path}: every [[allow]] entry needs a 'test' and a 'reason': {entry!r}")
        allowed[test] = reason
    return allowed


def pytest_addoption(parser):
    parser.addini(
        "allowed_skips",
        "TOML file with the tests that may skip in CI ([[allow]] test = node id, reason = why)",
        default=str(ALLOW_LIST),
    )


def pytest_configure(config):
    path = Path(config.getini("allowed_skips"))
    if not path.is_absolute():
        path = config.rootpath / path
    config._allowed_skips = load_allow_list(path)
    config._allowed_skips_path = path


def _allowed(config, nodeid: str) -> bool:
    return any(fnmatch.fnmatchcase(nodeid, pattern) for pattern in config._allowed_skips)


def _reason(longrepr) -> str:
    if isinstance(longrepr, tuple) and len(longrepr) == 3:
        return str(longrepr[2]).removeprefix("Skipped: ")
    return str(longrepr)


def _fail_the_skip(config, report) -> None:
    report.outcome = "failed"
    report.longrepr = (
        f"Skipped in CI: {_reason(report.longrepr)}\n"
        f"A skip in CI hides a test that did not run. Make it run, or add its node id with a reason "
        f"to {config._allowed_skips_path.name}."
    )


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.skipped and not hasattr(report, "wasxfail") and in_ci() and not _allowed(item.config, item.nodeid):
        _fail_the_skip(item.config, report)
    return report


@pytest.hookimpl(wrapper=True)
def pytest_make_collect_report(collector):
    report = yield
    if report.skipped and in_ci() and not _allowed(collector.config, report.nodeid):
        _fail_the_skip(collector.config, report)
    return report
