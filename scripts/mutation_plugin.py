"""pytest plugin for `make mutation` only (scripts/mutation.py passes `-p scripts.mutation_plugin`).

mutmut runs pytest once per mutant in a forked process, and each of those runs would
create and migrate a new test database first: most of a mutant's time. Here the test
database is made once per mutmut run (``python -m scripts.mutation_plugin PATH``: migrated,
regions loaded, as the tests' own setup does) and every pytest session starts from its own
copy of that file, reused as is (pytest-django's ``--reuse-db``). The copy is deleted when
the session ends. Without $MUTATION_DB_TEMPLATE the plugin does nothing.
"""

import os
import shutil
import sys
from pathlib import Path

TEMPLATE = os.environ.get("MUTATION_DB_TEMPLATE", "")


def pytest_configure(config):
    if not TEMPLATE or not Path(TEMPLATE).exists():
        return
    from django.conf import settings

    copy = f"{TEMPLATE}.{os.getpid()}"
    shutil.copyfile(TEMPLATE, copy)
    config._mutation_database = copy
    # In place: Django's connections hold this very dict.
    settings.DATABASES["default"].setdefault("TEST", {})["NAME"] = copy
    config.option.reuse_db = True


def pytest_unconfigure(config):
    copy = getattr(config, "_mutation_database", None)
    if copy:
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(copy + suffix).unlink(missing_ok=True)


def make_template(path: str) -> None:
    """Create the test database at ``path`` as pytest-django and the root conftest would."""
    os.environ["LANDNETZ_ENV"] = "test"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connections
    from django.test.utils import setup_databases, setup_test_environment

    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(path + suffix).unlink(missing_ok=True)
    settings.DATABASES["default"].setdefault("TEST", {})["NAME"] = path
    setup_test_environment()
    setup_databases(verbosity=0, interactive=False, aliases={"default"})
    call_command("load_regions", verbosity=0)
    connections.close_all()


if __name__ == "__main__":
    make_template(sys.argv[1])
