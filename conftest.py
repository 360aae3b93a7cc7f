"""Fixtures shared by every test: the bootstrapped portal, its demo users and, on request, the demo content."""

import io
import os
import tempfile
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import transaction

from home.models import HomePage
from tests.tree_rules import misplaced_pages, uses_database

DEMO_PASSWORD = "test-demo-password"


def bootstrap():
    restore_rows_created_by_migrations()
    call_command(
        "bootstrap_portal", demo_users=True, password=DEMO_PASSWORD, force=True, verbosity=0, stdout=io.StringIO()
    )


def restore_rows_created_by_migrations():
    """A transactional test (the browser tests) ends with a flush that empties every table, including rows only data
    migrations create (post_migrate restores content types and model permissions, not these). Put them back so the
    portal can be bootstrapped again on the same test database."""
    from importlib import import_module

    from django.apps import apps
    from wagtail.models import Collection

    migration = import_module("wagtail_localize.migrations.0006_create_submit_translation_permission")
    migration.create_submit_translation_permission(apps, None)
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")


# Concurrent test sessions on one machine (the mutation run, `MUTANTS_JOBS=2`: scripts/mutants.py sets
# PORTAL_TEST_DB_SLOTS): each session takes the first free of N slots, an exclusive flock on a slot file kept open for
# the process's lifetime, and uses the test database of that slot (test_<name>_slot<k>), so two sessions never
# bootstrap one database at once. Without the variable (`make test`, xdist's own _gw<n> suffix) nothing changes.
_slot_files = []


def test_database_slot(database_name):
    """The slot (0 to PORTAL_TEST_DB_SLOTS - 1) this process holds, or None when slots are not asked for."""
    count = int(os.environ.get("PORTAL_TEST_DB_SLOTS") or 0)
    if count < 1:
        return None
    import fcntl

    folder = Path(tempfile.gettempdir())
    paths = [folder / f"portal-test-db-{database_name}-slot{slot}.lock" for slot in range(count)]
    for slot, path in enumerate(paths):
        handle = path.open("w")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            continue
        _slot_files.append(handle)  # kept open: the lock lasts as long as the process
        return slot
    slot = os.getpid() % count  # every slot busy (more sessions than slots): wait for one
    handle = paths[slot].open("w")
    fcntl.flock(handle, fcntl.LOCK_EX)
    _slot_files.append(handle)
    return slot


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    from django.conf import settings

    slot = test_database_slot(settings.DATABASES["default"]["NAME"])
    if slot is None:
        return
    for database in settings.DATABASES.values():
        if database["ENGINE"] == "django.db.backends.sqlite3":
            continue
        test = database.setdefault("TEST", {})
        test["NAME"] = f"{test.get('NAME') or 'test_' + database['NAME']}_slot{slot}"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Bootstrap the portal once per test database, through its real management command."""
    with django_db_blocker.unblock():
        bootstrap()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    """After each test that used the database, before its transaction is rolled back: every page it created (and
    every page of the fixtures it used) stands where Wagtail's tree rules allow it (tests/tree_rules.py)."""
    result = yield
    if uses_database(item):
        misplaced = misplaced_pages()
        assert not misplaced, f"pages placed where the tree rules forbid them (title, type, parent type): {misplaced}"
    return result


@pytest.fixture(autouse=True)
def fresh_cache():
    """Each test starts with an empty cache. Wagtail caches the sites' root paths (site ids included); a test that
    re-bootstraps the portal after a browser test's flush creates a Site that the next test's rollback removes, and a
    cached id would then outlive its row (Site.DoesNotExist in the admin dashboard)."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def portal(db):
    """The bootstrapped portal: its home pages by language.

    A transactional test (the browser tests) flushes the database when it ends; the portal is then bootstrapped again
    inside the next test's transaction.
    """
    if not HomePage.objects.exists():
        bootstrap()
    homes = HomePage.objects.filter(depth=2).select_related("locale")  # sections (tests/testapp) extend HomePage
    return {home.locale.language_code: home for home in homes}


@pytest.fixture
def users(portal, django_user_model):
    """The demo accounts, by username (editor, dgct, arm, embassy, translator_ar/en/fr, admin)."""
    return {user.username: user for user in django_user_model.objects.all()}


@pytest.fixture
def clients(users):
    """A test client logged in as each demo account, by username."""
    from django.test import Client

    logged_in = {}
    for username, user in users.items():
        logged_in[username] = Client()
        logged_in[username].force_login(user)
    return logged_in


# The demo content, loaded once per test module that asks for it through the real ``load_demo_content`` command, inside
# a transaction opened for the module; each test runs in a savepoint of it (pytest-django's ``db``) and the whole load
# is rolled back when the module ends, so other modules still see a bare bootstrapped portal.
@pytest.fixture(scope="module")
def demo_content(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        if not HomePage.objects.exists():  # a browser test of this worker flushed the database before this module
            bootstrap()
        output = io.StringIO()
        call_command("load_demo_content", force=True, stdout=output)
        yield output.getvalue()
        transaction.set_rollback(True)


@pytest.fixture
def demo(demo_content, db):
    return demo_content
