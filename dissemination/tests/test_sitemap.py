"""/sitemap.xml and /robots.txt through their public URLs: what crawlers are told exists, in which languages."""

import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page, PageViewRestriction

from dissemination.tests.content import hidden_pages, translated_tree
from toolkit.tests import factories

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
LANGUAGES = ("fr", "ar", "en")


def address(path):
    return f"http://testserver{path}"


def read_sitemap(client):
    """{location: {hreflang: href}} of /sitemap.xml, which must parse as XML."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)  # noqa: S314 - the portal's own answer in a test
    entries = {}
    for url in root.findall("s:url", NS):
        location = url.find("s:loc", NS).text
        assert location not in entries, f"{location} listed twice"
        entries[location] = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)}
    return entries


@pytest.fixture
def site(portal):
    """Index pages in three languages; a tool and a guide in three languages, a French-only experience, and pages the
    public must not find: a draft, an unpublished page and a private one (with its translations)."""
    tree = translated_tree(portal["fr"])
    tool = factories.ToolPageFactory(parent=tree["tools"], title="Budget participatif")
    guide = factories.GuidePageFactory(parent=tree["guides"])
    region = factories.RegionPageFactory(parent=tree["regions"], code="04")
    experience = factories.ExperiencePageFactory(parent=tree["experiences"], region=region)
    for page in (tool, guide, region):
        for code in ("ar", "en"):
            factories.translate(page, code)
    hidden = hidden_pages(tree)
    return {
        "tool": tool,
        "experience": experience,
        "hidden": hidden,
    }


def test_sitemap_lists_every_live_public_page_in_each_language_at_the_root(client, site):
    entries = read_sitemap(client)
    public = [
        page
        for page in Page.objects.live().filter(depth__gt=1).specific()
        if not PageViewRestriction.objects.filter(page__path__in=[a.path for a in page.get_ancestors(True)]).exists()
    ]
    expected = {address(page.url) for page in public}
    search = {f"http://testserver/{code}/search/" for code in LANGUAGES}
    assert set(entries) == expected | search
    assert {page.locale.language_code for page in public} == set(LANGUAGES)


def test_sitemap_leaves_out_drafts_unpublished_and_private_pages(client, site):
    entries = read_sitemap(client)
    listed = set(entries) | {href for links in entries.values() for href in links.values()}
    for page in site["hidden"]:
        url = Page.objects.get(pk=page.pk).url
        assert url is None or address(url) not in listed, page.title


def test_each_entry_names_its_translations_and_an_x_default(client, site):
    entries = read_sitemap(client)
    tool = {code: site["tool"].get_translation(Locale.objects.get(language_code=code)) for code in LANGUAGES}
    urls = {code: address(page.url) for code, page in tool.items()}
    for code in LANGUAGES:
        assert entries[urls[code]] == {**urls, "x-default": urls["fr"]}
    # A page live in French only names itself.
    only_french = address(site["experience"].url)
    assert entries[only_french] == {"fr": only_french, "x-default": only_french}
    assert entries["http://testserver/ar/search/"]["en"] == "http://testserver/en/search/"


def test_search_results_are_not_in_the_sitemap(client, site):
    assert not [url for url in read_sitemap(client) if "?" in url]


def test_sitemap_and_robots_answer_at_the_root_without_redirect(client, portal):
    for url in ("/sitemap.xml", "/robots.txt"):
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="ar")
        assert response.status_code == 200, url
    assert client.post("/sitemap.xml").status_code == 405
    for page in ("x", "0", "99"):  # a page of the sitemap that does not exist: a 404, never a 500
        assert client.get("/sitemap.xml", {"p": page}).status_code == 404


def test_robots_txt_names_the_sitemaps_absolute_address(client, portal):
    response = client.get("/robots.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Disallow: /fr/search/suggest/" in lines
    assert "Disallow: /" not in lines  # the public site stays open


def test_sitemap_follows_a_publication_at_once(client, site, settings):
    settings.PAGE_CACHE_SECONDS = 600
    before = read_sitemap(client)
    page = factories.ToolPageFactory(parent=site["tool"].get_parent(), title="Nouvel outil")
    assert address(page.url) in set(read_sitemap(client)) - set(before)
    page.unpublish()
    assert address(page.url) not in read_sitemap(client)


def test_sitemap_query_count_does_not_grow_with_pages(client, site):
    """Fixed: the Site, its roots in every language, the count, the entries and their translations."""
    parent = site["tool"].get_parent()

    def count():
        client.get("/sitemap.xml")
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/sitemap.xml").status_code == 200
        return len(captured)

    for _n in range(5):
        factories.translate(factories.ToolPageFactory(parent=parent), "ar")
    with_5 = count()
    for _n in range(45):
        factories.translate(factories.ToolPageFactory(parent=parent), "ar")
    with_50 = count()
    assert (with_5, with_50) == (SITEMAP_QUERIES, SITEMAP_QUERIES)


SITEMAP_QUERIES = 5
