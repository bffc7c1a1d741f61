"""Fail when the German catalogue has an empty or fuzzy entry (German is always complete)."""

import re
import sys
from pathlib import Path

CATALOGUE = Path(__file__).resolve().parent.parent / "locale" / "de" / "LC_MESSAGES" / "django.po"


def main() -> int:
    text = CATALOGUE.read_text(encoding="utf-8")
    entries = text.split("\n\n")[1:]  # the first entry is the header
    problems = []
    for entry in entries:
        if entry.lstrip().startswith("#~"):
            continue  # obsolete entries are ignored by gettext
        msgid = re.search(r'^msgid "(.*)"', entry, re.M)
        label = msgid.group(1) if msgid else entry[:60]
        if re.search(r"^#,.*fuzzy", entry, re.M):
            problems.append(f"fuzzy: {label}")
        for match in re.finditer(r'^(msgstr(?:\[\d\])?) ""\n(?!")', entry + "\n", re.M):
            problems.append(f"empty {match.group(1)}: {label}")
    for problem in problems:
        print(f"locale/de: {problem}")
    if problems:
        print(f"{len(problems)} German entries need a translation")
        return 1
    print(f"German catalogue complete ({len(entries)} entries)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
