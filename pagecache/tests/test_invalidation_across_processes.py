"""Every change reaches every worker: the next anonymous GET in another process shows it, in each language concerned.

One test per path that changes public content: publication, unpublication, move, deletion, privacy, and the
approved snippets (theme, partner, footer, adoption). Each warms the other process's cache first (a second GET there
is a hit), changes the content here through the admin's views, as the staff do, then reads the other process again.
A cache cleared only in this process would leave the other one serving the old page. Languages the change does not
concern keep their cached pages.
"""

import json
from urllib.parse import urlsplit

import pytest
from django.test import override_settings
from django.urls import reverse

from approvals.operator import publish_as_operator
from approvals.tests.helpers import approve_snippet_by_all, snippet_url
from pagecache.tests.content import FOOTERS, approve_by_the_partners, draft_page, draft_translation
from pagecache.tests.purge_backend import RecordingBackend
from tests.testapp.models import ArticlePage
from toolkit import models
from toolkit.tests import factories

NEW_TOOL = {"fr": "Budget participatif", "ar": "الميزانية التشاركية"}


def warm(other, *paths):
    """Each path cached in the other process: its second GET is a hit."""
    for path in paths:
        other.get(path)
        answer = other.get(path)
        assert (answer.status, answer.cache_state) == (200, "hit"), path


def read(other, path):
    """The page as an anonymous reader of the other process gets it now: twice, the two answers the same (two
    workers, and the second GET served from what the first stored)."""
    first, second = other.get(path), other.get(path)
    assert (first.status, first.text) == (second.status, second.text), path
    return first


def places(site, language):
    """The pages that show a tool in ``language``: its listing, the home page, the region page, the overview."""
    return {
        "listing": site["tree"]["tools"][language].url,
        "home": f"/{language}/",
        "region": site["regions"][language].url,
        "overview": site["tree"]["overview"][language].url,
    }


def live_tool(site, title, translated_as=None, **fields):
    """A featured tool of this test, live in French and, given ``translated_as``, in Arabic, adopted by region 04."""
    tool = factories.ToolPageFactory(parent=site["tree"]["tools"]["fr"], title=title, featured=True, **fields)
    factories.AdoptionFactory(tool=tool, region_code="04")
    tools = {"fr": tool}
    if translated_as:
        translation = factories.translate(tool, "ar")
        translation.title = translated_as
        factories.save_live(translation)
        tools["ar"] = translation
    return tools


def live_article(parent, title, slug, **fields):
    """A test article published under ``parent`` by an operator."""
    page = ArticlePage(title=title, slug=slug, **fields)
    parent.add_child(instance=page)
    return publish_as_operator(page, "tests").specific


def switcher_link(page, language):
    return f'href="{page.url}" hreflang="{language}"'


# Pages --------------------------------------------------------------------------------------------------------------
def test_a_publication_shows_everywhere_in_each_language_concerned(across):
    site, other = across.site, across.other
    tool = draft_page(factories.ToolPageFactory, across.users, parent=site["tree"]["tools"]["fr"],
                      title=NEW_TOOL["fr"], featured=True)  # fmt: skip
    factories.AdoptionFactory(tool=tool, region_code="04")
    french, arabic = places(site, "fr"), places(site, "ar")
    warm(other, *french.values(), *arabic.values(), "/en/")

    approve_by_the_partners(across.staff, across.users, tool)

    for name, path in french.items():
        assert NEW_TOOL["fr"] in read(other, path).text, name
    tool.refresh_from_db()
    assert NEW_TOOL["fr"] in read(other, tool.url).text
    assert other.get("/en/").cache_state == "hit"  # no English translation: English pages stay cached

    translation = draft_translation(tool, "ar", across.users, NEW_TOOL["ar"])
    warm(other, tool.url)
    approve_by_the_partners(across.staff, across.users, translation)

    for name, path in arabic.items():
        assert NEW_TOOL["ar"] in read(other, path).text, name
    translation.refresh_from_db()
    assert switcher_link(translation, "ar") in read(other, tool.url).text  # the French page offers the Arabic one
    assert other.get("/en/").cache_state == "hit"


def test_an_unpublication_by_a_reviewer_shows_everywhere_in_each_language_concerned(across):
    site, other = across.site, across.other
    tools = live_tool(site, "Charte des élus", translated_as="ميثاق المنتخبين")
    french = places(site, "fr")
    warm(other, *french.values(), tools["fr"].url, tools["ar"].url, "/en/")
    assert switcher_link(tools["fr"], "fr") in other.get(tools["ar"].url).text

    response = across.staff["dgct"].post(reverse("wagtailadmin_pages:unpublish", args=[tools["fr"].pk]))
    assert response.status_code == 302

    for name, path in french.items():
        assert "Charte des élus" not in read(other, path).text, name
    assert read(other, tools["fr"].url).status == 404
    arabic_page = read(other, tools["ar"].url).text
    assert "ميثاق المنتخبين" in arabic_page and switcher_link(tools["fr"], "fr") not in arabic_page
    assert other.get("/en/").cache_state == "hit"


def test_a_move_shows_everywhere_in_each_language_concerned(across):
    site, other = across.site, across.other
    home = site["homes"]["fr"]
    charter = live_article(home, "Charte de la coopération", "charte", show_in_menus=True)
    section = live_article(home, "Rubrique", "rubrique")
    arabic = factories.translate(charter, "ar")
    old_url = charter.url
    warm(other, site["tree"]["tools"]["fr"].url, old_url, arabic.url, "/en/")
    assert 'href="/fr/charte/"' in other.get(site["tree"]["tools"]["fr"].url).text  # in the navigation

    response = across.staff["admin"].post(reverse("wagtailadmin_pages:move_confirm", args=[charter.pk, section.pk]))
    assert response.status_code == 302

    charter.refresh_from_db()
    assert charter.url == "/fr/rubrique/charte/"
    assert 'href="/fr/charte/"' not in read(other, site["tree"]["tools"]["fr"].url).text
    former = read(other, old_url)  # Wagtail leaves a redirect behind a moved page
    assert (former.status, former.headers["location"]) == (301, charter.url)
    assert read(other, charter.url).status == 200
    assert switcher_link(charter, "fr") in read(other, arabic.url).text
    assert other.get("/en/").cache_state == "hit"


def test_a_deletion_shows_everywhere_in_each_language_concerned(across):
    site, other = across.site, across.other
    tools = live_tool(site, "Guide du budget", translated_as="دليل الميزانية")
    french = places(site, "fr")
    warm(other, *french.values(), tools["fr"].url, tools["ar"].url, "/en/")

    response = across.staff["admin"].post(reverse("wagtailadmin_pages:delete", args=[tools["fr"].pk]))
    assert response.status_code == 302

    for name, path in french.items():
        assert "Guide du budget" not in read(other, path).text, name
    assert read(other, tools["fr"].url).status == 404
    assert switcher_link(tools["fr"], "fr") not in read(other, tools["ar"].url).text
    # Its adoption went with it, and an adoption concerns every language: English is not asserted cached here.


def test_a_privacy_change_shows_everywhere_in_each_language_concerned(across):
    site, other = across.site, across.other
    tools = live_tool(site, "Charte de Zanzibar", translated_as="ميثاق زنجبار")
    french, arabic = places(site, "fr"), places(site, "ar")
    warm(other, *french.values(), *arabic.values(), tools["fr"].url, tools["ar"].url, "/en/")

    url = reverse("wagtailadmin_pages:set_privacy", args=[tools["fr"].pk])
    response = across.staff["admin"].post(url, {"restriction_type": "password", "password": "partners-only"})
    assert json.loads(response.content)["step"] == "set_privacy_done"

    for language, title in (("fr", "Charte de Zanzibar"), ("ar", "ميثاق زنجبار")):
        for name, path in places(site, language).items():
            assert title not in read(other, path).text, (language, name)
        page = other.get(tools[language].url)
        assert 'name="password"' in page.text and title not in page.text
        assert page.cache_state is None  # never cached
    assert other.get("/en/").cache_state == "hit"


# Snippets under partner approval ------------------------------------------------------------------------------------
def submit_snippet(client, obj, **fields):
    """The editor's "Submit to Validation tripartite" in the snippet editor, with ``fields`` changed."""
    response = client.post(snippet_url(obj, "edit", obj.pk), {**fields, "action-submit": "1"})
    assert response.status_code == 302, response.content.decode()[:500]


def test_an_approved_theme_shows_on_every_page_of_its_language(across):
    site, other = across.site, across.other
    theme, witness = site["theme"], site["witness"]
    warm(other, site["tree"]["tools"]["fr"].url, witness["fr"].url, site["tree"]["tools"]["ar"].url, "/en/")

    submit_snippet(across.staff["editor"], theme, name="Coopération entre régions", slug=theme.slug, description="")
    assert "Coopération entre régions" not in read(other, witness["fr"].url).text  # not approved yet
    approve_snippet_by_all(across.staff, theme)

    assert "Coopération entre régions" in read(other, site["tree"]["tools"]["fr"].url).text  # the listing's filter
    assert "Coopération entre régions" in read(other, witness["fr"].url).text
    assert other.get(site["tree"]["tools"]["ar"].url).cache_state == "hit"  # the Arabic row did not change
    assert other.get("/en/").cache_state == "hit"


def test_an_approved_partner_shows_on_every_page_of_its_language(across):
    site, other = across.site, across.other
    partner, witness = site["partner"], site["witness"]
    warm(other, "/fr/", witness["fr"].url, "/ar/", "/en/")

    fields = {"name": "Direction générale des collectivités territoriales", "acronym": "DGCT", "slug": "dgct"}
    submit_snippet(across.staff["editor"], partner, description="", **fields)
    approve_snippet_by_all(across.staff, partner)

    assert "Direction générale des collectivités territoriales" in read(other, "/fr/").text
    assert 'title="Direction générale des collectivités territoriales"' in read(other, witness["fr"].url).text
    assert other.get("/ar/").cache_state == "hit"
    assert other.get("/en/").cache_state == "hit"


def test_an_approved_footer_shows_on_every_page_of_its_language(across):
    site, other = across.site, across.other
    footer = site["footers"]["fr"]
    french = places(site, "fr")
    warm(other, *french.values(), "/ar/")

    submit_snippet(across.staff["editor"], footer, about="Un programme de la DGCT, de l'ARM et de l'ambassade.",
                   contact="")  # fmt: skip
    approve_snippet_by_all(across.staff, footer)

    for name, path in french.items():
        assert "Un programme de la DGCT, de l&#x27;ARM et de l&#x27;ambassade." in read(other, path).text, name
    assert other.get("/ar/").cache_state == "hit"


def test_a_reviewers_unpublication_of_the_footer_shows_in_every_worker_page_cache_or_not(across):
    """The site frame (navigation and footer) is cached apart from the pages, for signed-in people too: it is
    shared as well, so a signed-in editor in the other process no longer sees the withdrawn footer either."""
    site, other = across.site, across.other
    arabic = places(site, "ar")
    warm(other, *arabic.values(), "/fr/")
    signed_in = {"Cookie": f"sessionid={across.staff['editor'].cookies['sessionid'].value}"}
    assert FOOTERS["ar"] in other.get("/ar/", headers=signed_in).text  # the frame, cached for the language

    response = across.staff["arm"].post(snippet_url(site["footers"]["ar"], "unpublish", site["footers"]["ar"].pk))
    assert response.status_code == 302

    for name, path in arabic.items():
        assert FOOTERS["ar"] not in read(other, path).text, name
    signed_in_page = other.get("/ar/", headers=signed_in)
    assert signed_in_page.cache_state is None and FOOTERS["ar"] not in signed_in_page.text
    assert other.get("/fr/").cache_state == "hit"


def test_an_approved_adoption_shows_on_the_tool_region_and_overview_in_every_language(across):
    site, other = across.site, across.other
    tools = live_tool(site, "Plateforme de pétitions", translated_as="منصة العرائض")
    models.Adoption.objects.filter(tool=tools["fr"]).delete()  # this test adopts it itself
    region, overview = site["regions"], site["tree"]["overview"]
    paths = [tools["fr"].url, tools["ar"].url, region["fr"].url, region["ar"].url, overview["fr"].url]
    warm(other, *paths, overview["ar"].url)

    data = {"tool": tools["fr"].pk, "region_code": "04", "status": "piloting", "since": "2025-02-03"}
    response = across.staff["editor"].post("/admin/snippets/toolkit/adoption/add/", {**data, "action-submit": "1"})
    assert response.status_code == 302
    approve_snippet_by_all(across.staff, models.Adoption.objects.get(tool=tools["fr"]))

    for path in (tools["fr"].url, tools["ar"].url):
        assert "status--piloting" in read(other, path).text, path
    assert "منصة العرائض" in read(other, region["ar"].url).text
    assert "Plateforme de pétitions" in read(other, region["fr"].url).text
    for path in (overview["fr"].url, overview["ar"].url):
        assert "mark--piloting" in read(other, path).text, path


# The front-end cache --------------------------------------------------------------------------------------------------
FRONTEND_CACHE = {"recorder": {"BACKEND": "pagecache.tests.purge_backend.RecordingBackend"}}


@pytest.fixture
def recorder():
    RecordingBackend.purged.clear()
    with override_settings(WAGTAILFRONTENDCACHE=FRONTEND_CACHE):
        yield RecordingBackend.purged


def test_the_front_end_cache_is_purged_of_the_urls_that_went_stale(across, recorder):
    site, other = across.site, across.other
    tool = draft_page(factories.ToolPageFactory, across.users, parent=site["tree"]["tools"]["fr"],
                      title="Boîte à idées", featured=True)  # fmt: skip
    french, arabic = places(site, "fr"), places(site, "ar")
    watched = [*french.values(), site["witness"]["fr"].url, *arabic.values(), site["witness"]["ar"].url, "/en/"]
    warm(other, *watched)
    recorder.clear()

    approve_by_the_partners(across.staff, across.users, tool)

    purged = {urlsplit(url).path for url in recorder}
    stale = {path for path in watched if other.get(path).cache_state == "miss"}
    assert stale == set(french.values()) | {site["witness"]["fr"].url}  # French only: no translation elsewhere
    assert purged & set(watched) == stale
    tool.refresh_from_db()
    assert tool.url in purged
    assert all(path.startswith("/fr/") for path in purged)


def test_the_front_end_cache_is_purged_of_the_former_urls_of_unpublished_and_moved_pages(across, recorder):
    site = across.site
    tools = live_tool(site, "Registre des conventions")
    home = site["homes"]["fr"]
    page = live_article(home, "Mode d'emploi", "mode-d-emploi")
    section = live_article(home, "Aide", "aide")
    recorder.clear()

    across.staff["dgct"].post(reverse("wagtailadmin_pages:unpublish", args=[tools["fr"].pk]))
    assert tools["fr"].full_url in recorder
    recorder.clear()

    former = page.full_url
    across.staff["admin"].post(reverse("wagtailadmin_pages:move_confirm", args=[page.pk, section.pk]))
    page.refresh_from_db()
    assert former in recorder and page.full_url in recorder
