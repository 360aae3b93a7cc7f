"""Fixtures for search tests: pages published through the operator path, so they are indexed as in production."""

import itertools

import pytest
from django.utils.text import slugify

from approvals.operator import publish_as_operator
from tests.testapp.models import SectionPage

_counter = itertools.count()


@pytest.fixture
def make_page(portal):
    """Create a page under a language's home page; published (and so indexed) unless live=False."""

    def make(language, title, introduction="", summary="", live=True):
        page = SectionPage(
            title=title,
            slug=f"{slugify(title, allow_unicode=True)[:40] or 'page'}-{next(_counter)}",
            summary=summary,
            introduction=introduction,
            locale=portal[language].locale,
            live=False,
        )
        portal[language].add_child(instance=page)
        page.save_revision()
        if live:
            publish_as_operator(page, "tests")
        page.refresh_from_db()
        return page

    return make
