"""Fixtures of the approval tests: a draft article in French (``clients`` comes from the root conftest)."""

import contextlib

import pytest
from django.core.exceptions import PermissionDenied

from tests.testapp.models import ArticlePage


@pytest.fixture
def article(portal, users):
    """A French article drafted by the editor: never published, one revision, no review started."""
    page = ArticlePage(title="Budget participatif", slug="budget-participatif", summary="Un outil.", body="Texte.")
    portal["fr"].add_child(instance=page)
    page.save_revision(user=users["editor"])
    page.refresh_from_db()
    return page


@pytest.fixture
def take(django_capture_on_commit_callbacks):
    """Take a path as in production, where on-commit callbacks run after the request's transaction (wagtail-localize
    publishes from one); a refusal raised there is what the user gets as a 403."""

    def run(path, client, obj, **ctx):
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            path(client, obj, **ctx)
        for callback in callbacks:
            with contextlib.suppress(PermissionDenied):
                callback()

    return run
