"""Atom feeds per language, type, theme and region (dissemination/feeds.py), read through their public URLs."""

import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from approvals.operator import publish_as_operator
from dissemination.tests.test_metadata import Head
from home.tests.test_history import publish_with_note
from toolkit.tests import factories

ATOM = {"a": "http://www.w3.org/2005/Atom"}


def read_feed(client, url, **params):
    """(feed title, language, [(entry title, link, published, updated)]) of an Atom feed, which must parse."""
    response = client.get(url, params)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)  # noqa: S314 - the portal's own answer in a test
    entries = [
        (
            entry.find("a:title", ATOM).text,
            entry.find("a:link", ATOM).get("href"),
            entry.find("a:published", ATOM).text,
            entry.find("a:updated", ATOM).text,
        )
        for entry in root.findall("a:entry", ATOM)
    ]
    language = root.get("{http://www.w3.org/XML/1998/namespace}lang")
    return root.find("a:title", ATOM).text, language, entries


def published(page):
    return publish_as_operator(page, "tests").specific


@pytest.fixture
def site(portal):
    tree = factories.toolkit_tree(portal["fr"])
    theme = factories.ThemeFactory(slug="participation", name="Participation citoyenne")
    factories.ThemeFactory(slug="participation", name="Citizen participation", locale=portal["en"].locale)
    region = published(factories.RegionPageFactory(parent=tree["regions"], code="09", title="Souss-Massa"))
    tool = factories.ToolPageFactory(parent=tree["tools"], title="Budget participatif")
    tool.themes.set([theme])
    tool = published(tool)
    adopted = factories.ToolPageFactory(parent=tree["tools"], title="Registre des doléances")
    factories.AdoptionFactory(tool=adopted, region_code="09")
    adopted = published(adopted)
    guide = published(factories.GuidePageFactory(parent=tree["guides"], title="Guide de la coopération"))
    experience = published(
        factories.ExperiencePageFactory(parent=tree["experiences"], title="Agadir écoute", region=region)
    )
    draft = factories.GuidePageFactory(parent=tree["guides"], title="Guide en brouillon", live=False)
    private = published(factories.ToolPageFactory(parent=tree["tools"], title="Outil réservé"))
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="x")
    english_tool = published(factories.translate(tool, "en"))
    return {
        "tree": tree,
        "tool": tool,
        "adopted": adopted,
        "guide": guide,
        "experience": experience,
        "region": region,
        "draft": draft,
        "private": private,
        "english_tool": english_tool,
    }


def titles(entries):
    return {title for title, *_rest in entries}


def test_language_feed_holds_only_live_public_pages_of_its_language(client, site):
    title, language, entries = read_feed(client, "/fr/feed/")
    assert language == "fr"
    assert title == "Nouveautés et mises à jour | Régionalisation avancée"
    assert titles(entries) == {"Budget participatif", "Registre des doléances", "Guide de la coopération",
                               "Agadir écoute", "Souss-Massa"}  # fmt: skip
    links = {link for _title, link, *_rest in entries}
    assert all(link.startswith("http://testserver/fr/") for link in links)
    _title, language, english = read_feed(client, "/en/feed/")
    assert language == "en"
    assert [(title, link) for title, link, *_rest in english] == [
        (site["english_tool"].title, f"http://testserver{site['english_tool'].url}")
    ]


def test_entries_carry_first_and_last_publication_dates(client, site):
    guide = Page.objects.get(pk=site["guide"].pk).specific
    guide.title = "Guide de la coopération, 2e édition"
    guide.save_revision()
    guide = published(guide)
    _title, _language, entries = read_feed(client, "/fr/feed/", type="guide")
    [(title, _link, first, last)] = entries
    assert title == "Guide de la coopération, 2e édition"
    assert first < last  # Atom dates (RFC 3339) of one time zone compare as text


def test_feeds_narrow_by_type_theme_and_region(client, site):
    assert titles(read_feed(client, "/fr/feed/", type="tool")[2]) == {"Budget participatif", "Registre des doléances"}
    assert titles(read_feed(client, "/fr/feed/", theme="participation")[2]) == {"Budget participatif"}
    by_region = read_feed(client, "/fr/feed/", region="09")
    assert titles(by_region[2]) == {"Registre des doléances", "Agadir écoute", "Souss-Massa"}
    assert by_region[0] == "Nouveautés et mises à jour · Souss-Massa | Régionalisation avancée"
    english = read_feed(client, "/en/feed/", type="tool", theme="participation")
    assert english[0] == "Tools · Citizen participation | Advanced regionalisation"
    assert titles(english[2]) == {site["english_tool"].title}


@pytest.mark.parametrize("params", [{"type": "poem"}, {"theme": "nope"}, {"region": "99"}])
def test_unknown_filter_is_a_404_never_a_500(client, site, params):
    assert client.get("/fr/feed/", params).status_code == 404


def test_pages_advertise_their_feeds(client, site):
    home = Head(client.get("/fr/").content.decode())
    assert home.feeds() == {"http://testserver/fr/feed/": "Nouveautés et mises à jour | Régionalisation avancée"}
    listing = Head(client.get(site["tree"]["tools"].url, {"theme": "participation"}).content.decode())
    assert listing.feeds()["http://testserver/fr/feed/?theme=participation&type=tool"] == (
        "Outils · Participation citoyenne | Régionalisation avancée"
    )
    region = Head(client.get(site["region"].url).content.decode())
    assert "http://testserver/fr/feed/?region=09" in region.feeds()
    for url in (*listing.feeds(), *region.feeds()):
        assert client.get(url).status_code == 200


def test_feed_query_count_does_not_grow_with_pages(client, site):
    """One query for each of the six page types, one for the Site (the entries' addresses) and one for the change
    notes, whatever the number of pages."""
    parent = site["tree"]["tools"]

    def count():
        client.get("/fr/feed/")
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/fr/feed/").status_code == 200
        return len(captured)

    for _n in range(5):
        published(factories.ToolPageFactory(parent=parent))
    with_5 = count()
    for _n in range(45):
        published(factories.ToolPageFactory(parent=parent))
    with_50 = count()
    assert (with_5, with_50) == (8, 8)


def test_a_publication_reaches_the_cached_feed_and_purges_it_from_a_front_end_cache(
    client, site, settings, django_capture_on_commit_callbacks
):
    """The feed is kept by the page cache under its language's generation (pagecache/), so a publication in that
    language shows at once; a front-end cache is purged of the unfiltered feed with the language's pages."""
    settings.PAGE_CACHE_SECONDS = 600
    settings.WAGTAILFRONTENDCACHE = {"recorder": {"BACKEND": "pagecache.tests.purge_backend.RecordingBackend"}}
    from pagecache.tests.purge_backend import RecordingBackend

    assert client.get("/fr/feed/")["X-Page-Cache"] == "miss"
    assert client.get("/fr/feed/")["X-Page-Cache"] == "hit"
    RecordingBackend.purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        published(factories.GuidePageFactory(parent=site["tree"]["guides"], title="Guide tout neuf"))
    assert "Guide tout neuf" in titles(read_feed(client, "/fr/feed/")[2])
    assert "http://localhost/fr/feed/" in RecordingBackend.purged


def test_entries_carry_the_change_note_of_the_published_revision(client, site):
    publish_with_note(site["guide"], "Ajout du chapitre sur le budget.")
    page = Page.objects.get(pk=site["guide"].pk).specific
    page.change_note = "Brouillon non approuvé."
    page.save_revision()  # a draft, still awaiting partner approval

    response = client.get("/fr/feed/", {"type": "guide"})
    root = ET.fromstring(response.content)  # noqa: S314 - the portal's own answer in a test
    [entry] = [e for e in root.findall("a:entry", ATOM) if e.find("a:title", ATOM).text == "Guide de la coopération"]
    summary = entry.find("a:summary", ATOM).text
    assert summary.endswith("Ce qui a changé : Ajout du chapitre sur le budget.")
    assert "Brouillon" not in response.content.decode()

    publish_with_note(site["guide"], "Ajout du chapitre sur le budget.")  # republished, the note left as it was
    root = ET.fromstring(client.get("/fr/feed/", {"type": "guide"}).content)  # noqa: S314
    assert "Ce qui a changé" not in root.find("a:entry/a:summary", ATOM).text
