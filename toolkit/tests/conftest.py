"""The demo content, loaded once per test module that asks for it and rolled back when the module ends.

Loading goes through the real ``load_demo_content`` command. It runs inside a transaction opened for the module; each
test then runs in a savepoint of it (pytest-django's ``db``), and the whole load is rolled back afterwards, so the
other test modules still see a bare bootstrapped portal.
"""

import io

import pytest
from django.core.management import call_command
from django.db import transaction


@pytest.fixture(scope="module")
def demo_content(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        output = io.StringIO()
        call_command("load_demo_content", force=True, stdout=output)
        yield output.getvalue()
        transaction.set_rollback(True)


@pytest.fixture
def demo(demo_content, db):
    return demo_content
