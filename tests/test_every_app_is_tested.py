"""`make test` collects the tests of every app: an app's tests/ folder left out of pytest's testpaths never runs.

Two apps' tests (institutional, dissemination) were written and passed on their branches, yet were not part of
`make test` until this check.
"""

import tomllib

from django.conf import settings


def test_every_tests_folder_is_in_testpaths():
    root = settings.BASE_DIR
    testpaths = set(tomllib.loads((root / "pyproject.toml").read_text())["tool"]["pytest"]["ini_options"]["testpaths"])
    with_tests = {path.parent.name for path in root.glob("*/tests") if path.is_dir() and path.parent.name != "tests"}
    assert with_tests - testpaths == set()
