"""`make test` collects the tests of every app: an app's tests/ folder left out of pytest's testpaths never runs.

Two apps' tests (institutional, dissemination) were written and passed on their branches, yet were not part of
`make test` until this check.
"""

import tomllib

from django.conf import settings


def test_every_tests_folder_is_in_testpaths():
    root = settings.BASE_DIR
    testpaths = set(tomllib.loads((root / "pyproject.toml").read_text())["tool"]["pytest"]["ini_options"]["testpaths"])
    # mutants/ is `make mutants`' working copy of the project (git ignores it), not an app.
    not_apps = {"tests", "mutants"}
    with_tests = {
        path.parent.name for path in root.glob("*/tests") if path.is_dir() and path.parent.name not in not_apps
    }
    assert with_tests - testpaths == set()
