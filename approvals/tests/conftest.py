"""Fixtures of the approval tests: a draft article in French, clients logged in as each demo account."""

import pytest

from tests.testapp.models import ArticlePage


@pytest.fixture
def clients(users, client_factory):
    return {username: client_factory(user) for username, user in users.items()}


@pytest.fixture
def client_factory():
    from django.test import Client

    def make(user):
        c = Client()
        c.force_login(user)
        return c

    return make


@pytest.fixture
def article(portal, users):
    """A French article drafted by the editor: never published, one revision, no review started."""
    page = ArticlePage(title="Budget participatif", slug="budget-participatif", summary="Un outil.", body="Texte.")
    portal["fr"].add_child(instance=page)
    page.save_revision(user=users["editor"])
    page.refresh_from_db()
    return page
