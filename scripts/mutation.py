"""`make mutation`: mutmut over the modules that hold the rules, in a copy of the project.

The rule modules are `permissions.py`, `queries.py` and `services.py` (or a `services/`
package) of every app under `landnetz/`, plus the search index
(`landnetz/search/index.py`, `landnetz/search/text.py`). See
docs/decisions/0006-mutation-testing.md for why mutmut, how tests are picked and how to
read the output.

    python scripts/mutation.py                       # every rule module, one mutmut run per app
    python scripts/mutation.py landnetz/accounts/queries.py landnetz/organisations/services
    python scripts/mutation.py --check-baseline ...  # fail if a module's survival rate rose
    python scripts/mutation.py --update-baseline     # write mutation-baseline.json
    MUTATION_REPORT=/tmp/r.json python scripts/mutation.py …  # report (and mutmut.log) elsewhere

The working tree is never touched: each app's run happens in a fresh copy of the tracked
and untracked (not ignored) files under $MUTATION_DIR (default: a folder in the system's
temporary directory), where mutmut writes its mutants into `mutants/`. Only the fast tests
run (the app's own test folder and the folders listed in TEST_FOLDERS; never tests/e2e or
bench/), and mutmut picks for each mutant only the tests that called the mutated function.
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASELINE = ROOT / "mutation-baseline.json"
REPORT = Path(os.environ.get("MUTATION_REPORT") or ROOT / "var" / "mutation" / "report.json")
RULE_FILES = ("permissions.py", "queries.py", "services.py")
SEARCH_INDEX = ("landnetz/search/index.py", "landnetz/search/text.py")

# Test folders that guard an app's rules besides the app's own `tests/`: the permission
# matrix asks every rule over HTTP, the query counts measure the reads at two data sizes,
# the directory's search tests read profiles and organisations through their rules (and
# the accounts and organisations services feed the index), moderation and erasure call
# into the accounts and organisations services.
MATRIX = "landnetz/core/tests/test_permission_matrix.py"
QUERY_COUNTS = "tests/test_query_counts.py"
TEST_FOLDERS = {
    "accounts": [
        "landnetz/directory/tests",
        "landnetz/moderation/tests",
        "landnetz/privacy/tests",
        MATRIX,
        QUERY_COUNTS,
    ],
    "organisations": [
        "landnetz/directory/tests",
        "landnetz/moderation/tests",
        "landnetz/privacy/tests",
        MATRIX,
        QUERY_COUNTS,
    ],
    "directory": ["landnetz/accounts/tests", "landnetz/organisations/tests", "landnetz/search/tests", QUERY_COUNTS],
    "search": ["landnetz/directory/tests", "landnetz/organisations/tests", "landnetz/accounts/tests", QUERY_COUNTS],
    "core": [MATRIX, QUERY_COUNTS],
    "moderation": [MATRIX],
    "notifications": ["landnetz/moderation/tests", MATRIX],
    "privacy": ["landnetz/accounts/tests/test_services.py"],
}
# Files every copy needs besides landnetz/ (settings, templates, translations, fixtures).
ALSO_COPY = ["config", "templates", "static", "locale", "docs", "tests", "scripts", "conftest.py", "manage.py"]
PYTEST_ARGS = [
    # Each mutant's tests start from a copy of one prepared test database (scripts/mutation_plugin.py).
    "-p",
    "scripts.mutation_plugin",
    # Fixed examples: a mutant is killed or not, whatever hypothesis happened to draw.
    "--hypothesis-seed=0",
    # Replaces the console handler's stream, which a second pytest session in the same
    # process (mutmut runs pytest again for every mutant) has closed.
    "--deselect=landnetz/core/tests/test_logs.py::test_django_log_lines_have_tokens_redacted",
]

# mutmut's exit codes per mutant (mutmut.stats.status_by_exit_code), folded into what we count.
KILLED = {1: "killed", 3: "killed", 36: "timeout", -24: "timeout", 24: "timeout", 152: "timeout", 255: "timeout"}
SURVIVED = {0: "survived", 5: "no tests", 33: "no tests"}


def rule_modules() -> list[str]:
    found = []
    for app in sorted(p for p in (ROOT / "landnetz").iterdir() if (p / "apps.py").exists()):
        for name in RULE_FILES:
            if (app / name).exists():
                found.append(f"landnetz/{app.name}/{name}")
        if (app / "services").is_dir():
            found.extend(f"landnetz/{app.name}/services/{f.name}" for f in sorted((app / "services").glob("*.py")))
    found.extend(path for path in SEARCH_INDEX if (ROOT / path).exists())
    return found


def expand(paths: list[str]) -> list[str]:
    """Files and folders (relative to the project or absolute) to the .py files under landnetz/."""
    modules = []
    for raw in paths:
        path = Path(raw)
        path = (path if path.is_absolute() else ROOT / path).resolve()
        files = sorted(path.rglob("*.py")) if path.is_dir() else [path]
        for file in files:
            relative = file.relative_to(ROOT).as_posix()
            if "/tests/" in relative or "/migrations/" in relative:
                continue
            if not file.exists() or not relative.startswith("landnetz/") or file.suffix != ".py":
                raise SystemExit(f"mutation: not a Python module under landnetz/: {raw}")
            modules.append(relative)
    return list(dict.fromkeys(modules))


def app_of(module: str) -> str:
    return module.split("/")[1]


# --- the copy ---------------------------------------------------------------------------

GIT = shutil.which("git") or "git"


def run(command: list[str], **options) -> subprocess.CompletedProcess:
    """subprocess.run with a fixed argument list (no shell): git, this Python, mutmut."""
    return subprocess.run(command, **options)  # noqa: S603


def project_files() -> list[str]:
    listed = run(
        [GIT, "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        check=True,
        capture_output=True,
    ).stdout.decode()
    return [name for name in listed.split("\0") if name and (ROOT / name).is_file()]


def make_copy(workdir: Path) -> None:
    """The working tree as it is, or the commit named by $MUTATION_FROM (e.g. HEAD)."""
    if workdir.exists():
        shutil.rmtree(workdir)
    workdir.mkdir(parents=True)
    ref = os.environ.get("MUTATION_FROM")
    if ref:
        archive = run([GIT, "archive", ref], cwd=ROOT, check=True, capture_output=True).stdout
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(workdir, filter="data")
        (workdir / "var").mkdir(exist_ok=True)
        # The tool's own plugin as it is now (an older commit may not have it yet).
        shutil.copy2(ROOT / "scripts" / "mutation_plugin.py", workdir / "scripts" / "mutation_plugin.py")
        return
    for name in project_files():
        target = workdir / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, target)
    (workdir / "var").mkdir(exist_ok=True)


def undecorate(source: str) -> str:
    """Apply the decorators of top-level functions after the definition instead of above it.

    mutmut 3 leaves every decorated function alone, and most rules here are decorated
    (`@rules.predicate`, `@transaction.atomic`). In the copy, ``@d def f`` becomes ``def f``
    followed by ``f = d(f)``: the same object at the same moment of the import, but mutmut
    now mutates the body. The signature is pinned on mutmut's trampoline because django-rules
    counts a predicate's arguments with ``inspect.getfullargspec``, which ignores ``__wrapped__``.
    """
    tree = ast.parse(source)
    lines = source.splitlines(keepends=True)
    inserts: dict[int, list[str]] = {}
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) or not node.decorator_list:
            continue
        first = min(d.lineno for d in node.decorator_list)
        if any(d.end_lineno >= node.lineno for d in node.decorator_list):
            continue  # decorator on the def line: leave it (mutmut skips the function)
        decorators = [ast.get_source_segment(source, d) for d in node.decorator_list]
        for number in range(first - 1, node.lineno - 1):
            lines[number] = "\n"  # keeps the line numbers of the body
        applied = node.name
        for decorator in reversed(decorators):
            applied = f"({decorator})({applied})"
        inserts[node.end_lineno] = [
            f'{node.name}.__signature__ = __import__("inspect").signature({node.name})\n',
            f"{node.name} = {applied}\n",
        ]
    out = []
    for number, line in enumerate(lines, start=1):
        out.append(line if line.endswith("\n") else line + "\n")
        out.extend(inserts.get(number, []))
    return "".join(out)


def write_config(workdir: Path, modules: list[str], test_paths: list[str]) -> None:
    def toml_list(items):
        return "[" + ", ".join(json.dumps(i) for i in items) + "]"

    config = (
        "\n\n[tool.mutmut]\n"
        'source_paths = ["landnetz"]\n'
        f"only_mutate = {toml_list(modules)}\n"
        f"also_copy = {toml_list(ALSO_COPY)}\n"
        f"pytest_add_cli_args_test_selection = {toml_list(test_paths)}\n"
        f"pytest_add_cli_args = {toml_list(PYTEST_ARGS)}\n"
        "use_git_change_detection = false\n"
    )
    pyproject = workdir / "pyproject.toml"
    pyproject.write_text(pyproject.read_text(encoding="utf-8") + config, encoding="utf-8")


def test_paths_for(app: str, copy: Path) -> list[str]:
    own = f"landnetz/{app}/tests"
    paths = [own] if (copy / own).exists() else []
    paths += [p for p in TEST_FOLDERS.get(app, []) if (copy / p).exists() and p not in paths]
    return paths or ["landnetz"]


# --- one run ----------------------------------------------------------------------------


def run_app(app: str, modules: list[str], workdir: Path, jobs: int, log) -> dict:
    started = time.monotonic()
    make_copy(workdir)
    for module in modules:
        path = workdir / module
        path.write_text(undecorate(path.read_text(encoding="utf-8")), encoding="utf-8")
    tests = test_paths_for(app, workdir)
    write_config(workdir, modules, tests)
    print(f"--- {app}: {len(modules)} module(s), tests from {' '.join(tests)}", flush=True)
    template = workdir / "var" / "test-template.sqlite3"
    env = dict(os.environ, LANDNETZ_ENV="test", PYTHONDONTWRITEBYTECODE="1", MUTATION_DB_TEMPLATE=str(template))
    for name in ("MUTANT_UNDER_TEST", "DATABASE_URL", "PYTHONPATH"):
        env.pop(name, None)  # SQLite, the copy's code only
    run(
        [sys.executable, "-m", "scripts.mutation_plugin", str(template)],
        cwd=workdir,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    command = [sys.executable, "-m", "mutmut", "run", "--max-children", str(jobs)]
    with open(log, "a", encoding="utf-8") as out:
        out.write(f"\n===== {app}: {' '.join(command)} in {workdir}\n")
        out.flush()
        status = run(command, cwd=workdir, env=env, stdout=out, stderr=subprocess.STDOUT).returncode
    seconds = time.monotonic() - started
    if status != 0:
        print(f"mutmut failed for {app} (exit {status}); its output is in {log}", flush=True)
        return {"app": app, "error": status, "seconds": round(seconds)}
    results = {}
    for module in modules:
        meta = workdir / "mutants" / (module + ".meta")
        codes = json.loads(meta.read_text())["exit_code_by_key"] if meta.exists() else {}
        results[module] = codes
    survivors = [name for codes in results.values() for name, code in codes.items() if code not in KILLED]
    diffs = mutant_diffs(workdir, survivors, env) if survivors else {}
    return {"app": app, "seconds": round(seconds), "modules": results, "diffs": diffs}


def mutant_diffs(workdir: Path, names: list[str], env: dict) -> dict[str, str]:
    """The diff of each mutant, asked of mutmut inside the copy (one process for all)."""
    script = (
        "import json, sys\n"
        "from mutmut.mutation.diff_apply import get_diff_for_mutant\n"
        "out = {}\n"
        "for name in json.load(sys.stdin):\n"
        "    try:\n"
        "        out[name] = get_diff_for_mutant(name)\n"
        "    except Exception as error:  # a diff is a convenience; the name is enough\n"
        "        out[name] = f'(no diff: {error!r})'\n"
        "print(json.dumps(out))\n"
    )
    done = run(
        [sys.executable, "-c", script], cwd=workdir, env=env, input=json.dumps(names), capture_output=True, text=True
    )
    try:
        return json.loads(done.stdout.strip().splitlines()[-1])
    except (IndexError, json.JSONDecodeError):
        return {}


# --- reporting --------------------------------------------------------------------------


def counts(codes: dict[str, int]) -> dict:
    killed = sum(1 for code in codes.values() if code in KILLED)
    survived = sum(1 for code in codes.values() if code in SURVIVED)
    other = len(codes) - killed - survived
    rate = survived / (killed + survived) if killed + survived else 0.0
    return {"mutants": len(codes), "killed": killed, "survived": survived, "other": other, "rate": round(rate, 4)}


def status_name(code: int) -> str:
    return KILLED.get(code) or SURVIVED.get(code) or f"other (exit {code})"


def print_report(runs: list[dict]) -> dict:
    per_module = {}
    print("\n=== Surviving mutants (no test failed; 'no tests' = no selected test called the function) ===")
    for run in runs:
        for module, codes in run.get("modules", {}).items():
            per_module[module] = counts(codes)
            for name, code in sorted(codes.items(), key=lambda item: _mutant_order(item[0])):
                if code in KILLED:
                    continue
                print(f"\n# {name}: {status_name(code)}")
                diff = run["diffs"].get(name, "")
                print("\n".join(line for line in diff.splitlines() if not line.startswith(("---", "+++"))))
    print("\n=== Survival rate per module ===")
    for module, c in per_module.items():
        print(f"  {module:<52} {c['survived']:>4} of {c['killed'] + c['survived']:>4} survived  {c['rate']:6.1%}")
    print("\n=== Survival rate per app ===")
    print(f"  {'app':<16} {'mutants':>8} {'killed':>7} {'survived':>9} {'rate':>7} {'time':>7}")
    for run in runs:
        if "error" in run:
            print(f"  {run['app']:<16} mutmut failed (exit {run['error']}) after {run['seconds']} s")
            continue
        total = counts({k: v for codes in run["modules"].values() for k, v in codes.items()})
        print(
            f"  {run['app']:<16} {total['mutants']:>8} {total['killed']:>7} {total['survived']:>9} "
            f"{total['rate']:>7.1%} {run['seconds']:>5} s"
        )
    return per_module


def _mutant_order(name: str):
    base, _, number = name.rpartition("__mutmut_")
    return (base, int(number) if number.isdigit() else 0)


def check_baseline(per_module: dict) -> int:
    baseline = json.loads(BASELINE.read_text()) if BASELINE.exists() else {}
    tolerance = baseline.get("tolerance", 0.03)
    default_rate = baseline.get("new_module_rate", 0.5)
    known = baseline.get("modules", {})
    failed = []
    print(
        f"\n=== Baseline check ({BASELINE.name}: a module may survive up to its rate + {tolerance:.0%}, "
        "or with no more survivors than recorded) ==="
    )
    for module, c in per_module.items():
        allowed = known[module]["rate"] + tolerance if module in known else default_rate
        fewer = module in known and c["survived"] <= known[module]["survived"]
        verdict = "ok" if c["rate"] <= allowed or fewer else "ROSE"
        print(f"  {verdict:<4} {module:<52} {c['rate']:6.1%} (allowed {allowed:.1%})")
        if verdict != "ok":
            failed.append(module)
    if failed:
        print(
            f"\nThe survival rate rose in {len(failed)} module(s). Kill the new survivors above with a test, "
            f"or (for equivalent mutants) lower the rate by another test or update {BASELINE.name} with a reason "
            "in the commit."
        )
        return 1
    return 0


def update_baseline(per_module: dict) -> None:
    baseline = json.loads(BASELINE.read_text()) if BASELINE.exists() else {}
    baseline.setdefault("tolerance", 0.03)
    baseline.setdefault("new_module_rate", 0.5)
    modules = baseline.setdefault("modules", {})
    for module, c in per_module.items():
        modules[module] = {"mutants": c["mutants"], "survived": c["survived"], "rate": c["rate"]}
    baseline["modules"] = dict(sorted(modules.items()))
    BASELINE.write_text(json.dumps(baseline, indent=2) + "\n")
    print(f"\nwrote {BASELINE.relative_to(ROOT)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("modules", nargs="*", help="modules or folders (default: every rule module; or $MUTATE)")
    parser.add_argument("--check-baseline", action="store_true", help="fail if a module's survival rate rose")
    parser.add_argument("--update-baseline", action="store_true", help="record the rates in mutation-baseline.json")
    parser.add_argument("--jobs", type=int, default=int(os.environ.get("MUTATION_JOBS", "2")))
    args = parser.parse_args()

    requested = args.modules or os.environ.get("MUTATE", "").split()
    modules = expand(requested) if requested else rule_modules()
    if not modules:
        print("mutation: no module to mutate")
        return 0
    by_app = defaultdict(list)
    for module in modules:
        by_app[app_of(module)].append(module)

    key = hashlib.sha256(str(ROOT).encode()).hexdigest()[:10]
    base = Path(os.environ.get("MUTATION_DIR") or Path(tempfile.gettempdir()) / f"landnetz-mutation-{key}")
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    log = REPORT.parent / "mutmut.log"
    log.write_text("")
    print(f"mutmut in copies under {base}; its own output goes to {log}", flush=True)

    runs = []
    for app, app_modules in by_app.items():
        runs.append(run_app(app, app_modules, base / app, args.jobs, log))
    per_module = print_report(runs)
    REPORT.write_text(
        json.dumps(
            {
                "modules": per_module,
                "apps": {r["app"]: {"seconds": r["seconds"], "error": r.get("error")} for r in runs},
                "survivors": {
                    name: {"status": status_name(code), "diff": run["diffs"].get(name, "")}
                    for run in runs
                    for codes in run.get("modules", {}).values()
                    for name, code in codes.items()
                    if code not in KILLED
                },
            },
            indent=2,
        )
        + "\n"
    )
    print(f"\nreport: {REPORT}")
    if any("error" in run for run in runs):
        return 2
    if args.update_baseline:
        update_baseline(per_module)
    if args.check_baseline:
        return check_baseline(per_module)
    return 0


if __name__ == "__main__":
    sys.exit(main())
