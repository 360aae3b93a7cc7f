"""A page's URL is remembered per process (home/page_urls.py) and is always the one Wagtail's own code gives."""

import pytest
from django.test import RequestFactory, override_settings
from wagtail.models import Page

from home import page_urls

pytestmark = pytest.mark.django_db


def test_every_page_url_is_wagtails_in_every_language(demo):
    pages = list(Page.objects.live().filter(depth__gt=1).specific())
    assert {page.locale.language_code for page in pages} >= {"fr", "ar", "en"} and len(pages) > 50
    request = RequestFactory().get("/")
    for page in pages:
        expected = Page.get_url_parts(page, request)  # Wagtail's method, reversing at every call
        assert page.get_url_parts(request) == expected, page.url_path
        assert page_urls.url(page, request) == page.get_url(request) == expected[2], page.url_path
    plain = Page.objects.filter(pk__in=[page.pk for page in pages]).order_by("path")  # not BasePage subclasses
    assert all(page_urls.url(page, request) == page.get_url(request) for page in plain)


def test_another_urlconf_is_not_answered_from_memory(demo):
    page = Page.objects.live().filter(depth__gt=3, locale__language_code="ar").specific().first()
    url = page.get_url()
    assert url.startswith("/ar/") and url.endswith("/")
    with override_settings(ROOT_URLCONF="home.tests.urls_archive"):
        assert page.get_url() == "/ar/archive/" + url[len("/ar/") :] == Page.get_url_parts(page)[2]
    assert page.get_url() == url


def test_a_moved_page_has_its_new_url(demo):
    """The memory is keyed by the page's path, not by the page: a changed slug is a new URL at once."""
    page = Page.objects.live().filter(depth__gt=3, locale__language_code="fr").specific().first()
    before = page.get_url()
    page.slug = f"{page.slug}-nouveau"
    page.set_url_path(page.get_parent())
    assert page.get_url() == before[:-1] + "-nouveau/" == Page.get_url_parts(page)[2]
