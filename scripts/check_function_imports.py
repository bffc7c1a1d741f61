"""Fail when a Landnetz module imports Landnetz code inside a function.

An import inside a function to dodge an import cycle means a seam is missing
(docs/ARCHITECTURE.md, "Layers and seams"): add the seam instead. ``AppConfig.ready`` is
the one place where apps register with the seams, so imports there are fine; tests and
migrations are not checked.
"""

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "landnetz"


def offenders() -> list[str]:
    found = []
    for path in sorted(ROOT.rglob("*.py")):
        if {"tests", "migrations"} & set(path.parts):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef) or function.name == "ready":
                continue
            for node in ast.walk(function):
                modules = (
                    [node.module or ""]
                    if isinstance(node, ast.ImportFrom)
                    else [alias.name for alias in node.names]
                    if isinstance(node, ast.Import)
                    else []
                )
                if any(module.split(".")[0] == "landnetz" for module in modules):
                    found.append(f"{path.relative_to(ROOT.parent)}:{node.lineno} in {function.name}()")
    return found


if __name__ == "__main__":
    problems = offenders()
    for problem in problems:
        print(f"function-level import of Landnetz code: {problem}")
    print(f"{len(problems)} function-level imports" if problems else "No function-level imports of Landnetz code")
    sys.exit(1 if problems else 0)
