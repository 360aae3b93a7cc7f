"""Fixtures of the page cache's tests.

In-process tests (``shared_cache``) turn the page cache on with the database cache, inside pytest-django's usual
rolled-back transaction.

Tests across processes (``across``) need what they publish to be committed, since the other process reads it from
the database: the module builds one small site, committed, starts the second portal on it (other_process.py), and
each test works on pages and snippets of its own, so the tests of a module do not depend on each other's order. The
database is flushed when the module ends, as a transactional test's would be (the next tests bootstrap again).
"""

from types import SimpleNamespace

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.db.backends.base.creation import TEST_DATABASE_PREFIX
from django.test import Client, override_settings
from django.test.utils import setup_databases, teardown_databases

from conftest import bootstrap
from home.models import HomePage
from pagecache.tests.content import build_site
from pagecache.tests.other_process import OtherProcess

PAGE_CACHE = {
    "CACHES": {"default": settings.DATABASE_CACHE},
    "PAGE_CACHE_SECONDS": 600,
    "PAGE_CACHE_BROWSER_SECONDS": 60,
}


@pytest.fixture
def shared_cache(settings, db):
    """The page cache as production runs it without Redis: the database cache, which every process shares."""
    for name, value in PAGE_CACHE.items():
        setattr(settings, name, value)
    call_command("createcachetable", verbosity=0)
    cache.clear()
    return cache


def _database_tests_selected(session):
    """Whether pytest-django will create the test database: only when a selected test asks for it (its marker, or
    its ``db``, ``transactional_db`` or ``live_server`` fixtures)."""
    database_fixtures = {"db", "transactional_db", "live_server"}
    return any(
        item.get_closest_marker("django_db") or database_fixtures & set(getattr(item, "fixturenames", ()))
        for item in session.items
    )


@pytest.fixture(scope="module")
def test_database(request, django_db_blocker):
    """The test database. The tests across processes cannot use the ``db`` fixtures (what they do must be
    committed), so when they run on their own they create it here, and bootstrap it, instead of pytest-django."""
    if _database_tests_selected(request.session):
        request.getfixturevalue("django_db_setup")
        yield
        return
    with django_db_blocker.unblock():
        created = setup_databases(verbosity=0, interactive=False, aliases={"default"})
        bootstrap()
    try:
        yield
    finally:
        with django_db_blocker.unblock():
            teardown_databases(created, verbosity=0)


@pytest.fixture(scope="module")
def committed_site(test_database, django_db_blocker):
    """A committed site and a second portal serving it; the database flushed afterwards."""
    with django_db_blocker.unblock(), override_settings(**PAGE_CACHE):
        assert connection.settings_dict["NAME"].startswith(TEST_DATABASE_PREFIX)
        call_command("createcachetable", verbosity=0)
        if not HomePage.objects.exists():
            bootstrap()
        try:
            site = build_site()
            other = OtherProcess()
            yield SimpleNamespace(site=site, other=other)
            other.stop()
        finally:
            call_command("flush", interactive=False, verbosity=0)


@pytest.fixture
def across(committed_site, django_db_blocker):
    """A test across processes: database access without a wrapping transaction (what it does is committed at once,
    as in production), the page cache on, the shared cache empty, and the staff signed in (``across.staff``)."""
    with django_db_blocker.unblock(), override_settings(**PAGE_CACHE):
        cache.clear()
        staff = {}
        for user in get_user_model().objects.all():
            staff[user.username] = Client()
            staff[user.username].force_login(user)
        users = {user.username: user for user in get_user_model().objects.all()}
        yield SimpleNamespace(site=committed_site.site, other=committed_site.other, staff=staff, users=users)
