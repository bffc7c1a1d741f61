"""In CI a skip fails the run unless the allow-list names the test (tests/ci.py)."""

from pathlib import Path

import pytest

from tests.ci import ALLOW_LIST, in_ci, load_allow_list

ROOT = Path(__file__).resolve().parents[1]

SUITE = """
import pytest

@pytest.fixture
def tool():
    pytest.skip("tool missing")

def test_skips_in_body():
    pytest.skip("not today")

def test_skips_in_fixture(tool):
    pass

@pytest.mark.skipif(True, reason="by marker")
def test_skips_by_marker():
    pass

def test_allowed():
    pytest.skip("allowed here")

@pytest.mark.xfail(reason="known bug")
def test_expected_failure():
    assert False

def test_passes():
    pass
"""

MODULE_SKIP = 'import pytest\n\npytest.skip("whole module", allow_module_level=True)\n'

ALLOWED = """
[[allow]]
test = "test_suite.py::test_allowed"
reason = "the test says why"
"""


@pytest.mark.parametrize(
    ("value", "expected"),
    [(None, False), ("", False), ("0", False), ("false", False), ("False", False), ("true", True), ("1", True),
     ("yes", True), ("woodpecker", True)],
)  # fmt: skip
def test_ci_means_any_value_but_empty_zero_or_false(monkeypatch, value, expected):
    if value is None:
        monkeypatch.delenv("CI", raising=False)
    else:
        monkeypatch.setenv("CI", value)
    assert in_ci() is expected


def _run(pytester, monkeypatch, ci):
    pytester.makepyfile(test_suite=SUITE, test_module_skip=MODULE_SKIP)
    pytester.makefile(".toml", allowed=ALLOWED)
    pytester.makeini("[pytest]\nallowed_skips = allowed.toml\n")
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
    monkeypatch.setenv("CI", ci)
    return pytester.runpytest_subprocess(
        "-p", "tests.ci", "-p", "no:django", "-p", "no:xdist", "-p", "no:cacheprovider",
        "--continue-on-collection-errors", "-rfEs",
    )  # fmt: skip


def test_in_ci_every_skip_fails_unless_allowed(pytester, monkeypatch):
    result = _run(pytester, monkeypatch, ci="1")
    # body: failed; fixture and marker: errors in setup; the module: a collection error.
    result.assert_outcomes(passed=1, failed=1, errors=3, skipped=1, xfailed=1)
    result.stdout.fnmatch_lines(["*Skipped in CI: not today*", "*Skipped in CI: tool missing*"])
    result.stdout.fnmatch_lines(["*Skipped in CI: by marker*"])
    result.stdout.fnmatch_lines(["*Skipped in CI: whole module*"])
    assert result.ret != 0


def test_outside_ci_skips_stay_skips(pytester, monkeypatch):
    result = _run(pytester, monkeypatch, ci="false")
    result.assert_outcomes(passed=1, skipped=5, xfailed=1)
    assert result.ret == 0


def test_allow_list_entries_need_a_reason(tmp_path):
    path = tmp_path / "allowed.toml"
    path.write_text('[[allow]]\ntest = "test_x.py::test_y"\n', encoding="utf-8")
    with pytest.raises(pytest.UsageError, match="reason"):
        load_allow_list(path)


def test_the_projects_allow_list_is_short_and_explained():
    allowed = load_allow_list(ALLOW_LIST)
    assert len(allowed) <= 5, "the allow-list is meant to be short"
    assert all(len(reason) >= 20 for reason in allowed.values())


def test_hypothesis_is_deterministic_in_ci_and_explores_elsewhere():
    import os

    from hypothesis import settings

    expected = os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if in_ci() else "dev")
    assert settings.get_current_profile_name() == expected
    if expected == "ci":  # the same examples every run; no database (found failures are @examples)
        assert settings.default.derandomize and settings.default.database is None
    else:  # new examples every run; failures replayed from the local .hypothesis/
        assert not settings.default.derandomize and settings.default.database is not None
    assert settings.default.deadline is None and settings.default.print_blob
