"""The demo site, loaded once for this module by the real ``load_demo_content`` command, seen through public URLs."""

import io
import re
from html import unescape

import pytest
from django.core.management import call_command
from django.utils.html import escape
from django.utils.timezone import localtime
from wagtail.documents import get_document_model
from wagtail.models import Page, PageLogEntry
from wagtail_localize.models import Translation

from approvals.operator import OPERATOR_PUBLISH_ACTION
from home.models import HomePage
from institutional.models import InformationKind, InformationPage
from tests.html_checker import vnu_errors
from toolkit import models
from toolkit.reference import census_by_region

# The demo is loaded once for this module; pytest runs with --dist loadfile, so the module stays on one worker.

LANGUAGES = [("fr", "ltr"), ("ar", "rtl"), ("en", "ltr")]
PAGE_TYPES = [
    HomePage,
    models.ToolIndexPage,
    models.ToolPage,
    models.GuideIndexPage,
    models.GuidePage,
    models.ExperienceIndexPage,
    models.ExperiencePage,
    models.RecommendationIndexPage,
    models.RecommendationPage,
    models.BenchmarkIndexPage,
    models.BenchmarkPage,
    models.RegionIndexPage,
    models.RegionPage,
    models.AdoptionOverviewPage,
    InformationPage,
]


def html_tag(content):
    return re.search(r"<html[^>]*>", content).group(0)


def first_live(model, language):
    return model.objects.live().filter(locale__language_code=language).order_by("path").first()


def demo_counts():
    return {
        "pages": Page.objects.count(),
        "live pages": Page.objects.live().count(),
        "adoptions": models.Adoption.objects.count(),
        "adoption history": models.AdoptionHistory.objects.count(),
        "themes": models.Theme.objects.count(),
        "partners": models.Partner.objects.count(),
        "footers": models.SiteFooter.objects.count(),
        "documents": get_document_model().objects.count(),
        "translations": Translation.objects.count(),
    }


@pytest.mark.parametrize(("language", "direction"), LANGUAGES)
@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda m: m.__name__)
def test_every_page_type_renders_with_its_content_in_each_language(client, demo, model, language, direction):
    page = first_live(model, language)
    assert page is not None, f"no live {model.__name__} in {language}"
    response = client.get(page.get_url())
    assert response.status_code == 200
    content = response.content.decode()
    assert html_tag(content) == f'<html lang="{language}" dir="{direction}">'
    # One heading: the page's title, or on the home page what the portal offers (its summary; the site's name is in
    # the header).
    headings = [unescape(re.sub(r"<[^>]+>", "", h)).strip() for h in re.findall(r"<h1[^>]*>(.*?)</h1>", content, re.S)]
    assert headings == [page.summary if type(page).__name__ == "HomePage" and page.summary else page.title]
    if page.summary:
        assert escape(page.summary) in content


def test_demo_has_the_promised_amount_of_content_live_in_three_languages(demo):
    minimum = {
        models.RegionPage: 12,
        models.ToolPage: 15,
        models.GuidePage: 6,
        models.ExperiencePage: 12,
        models.RecommendationPage: 8,
        models.BenchmarkPage: 4,
    }
    for model, expected in minimum.items():
        per_language = {
            language: model.objects.live().filter(locale__language_code=language).count()
            for language in ("fr", "ar", "en")
        }
        assert len(set(per_language.values())) == 1, (model, per_language)
        assert per_language["fr"] >= expected, model
    regions_with_experience = set(
        models.ExperiencePage.objects.filter(locale__language_code="fr").values_list("region__code", flat=True)
    )
    assert len(regions_with_experience) == 12


def test_every_demo_page_is_live_in_the_three_languages_as_a_wagtail_localize_translation(demo):
    french = Page.objects.filter(locale__language_code="fr", depth__gt=2)
    assert french.count() >= 7 + 12 + 15 + 6 + 12 + 8 + 4  # indexes, regions, tools... as the issue asks
    for page in french:
        assert page.live, page
        translations = page.get_translations().live()
        assert sorted(translations.values_list("locale__language_code", flat=True)) == ["ar", "en"], page
    # Each translation was made through wagtail-localize's records (the translation editor works on it).
    assert Translation.objects.filter(source__object_id__in=french.values("translation_key")).count() >= 2 * (
        french.count()
    )


def test_demo_publications_are_logged_as_this_command(demo):
    published = PageLogEntry.objects.filter(action=OPERATOR_PUBLISH_ACTION, data__command="load_demo_content")
    demo_pages = Page.objects.filter(depth__gt=2)
    logged = set(published.values_list("page_id", flat=True))
    assert set(demo_pages.values_list("pk", flat=True)) <= logged


def test_loading_twice_changes_nothing(demo):
    before = demo_counts()
    logs_before = PageLogEntry.objects.count()
    output = io.StringIO()
    call_command("load_demo_content", force=True, stdout=output)
    assert demo_counts() == before
    assert PageLogEntry.objects.count() == logs_before
    assert "nothing changed" in output.getvalue()


def test_guides_carry_a_real_pdf_in_each_language(client, demo):
    guide = first_live(models.GuidePage, "fr")
    pdfs = {}
    for language in ("fr", "ar", "en"):
        translated = models.GuidePage.objects.get(translation_key=guide.translation_key, locale__language_code=language)
        assert translated.pdf is not None
        with translated.pdf.open_file() as fh:
            data = fh.read()
        assert data.startswith(b"%PDF-")
        pdfs[language] = translated.pdf.pk
        response = client.get(translated.get_url())
        assert translated.pdf.url in response.content.decode()
    assert len(set(pdfs.values())) == 3


def test_translation_editor_opens_on_a_demo_translation(client, demo, users):
    client.force_login(users["admin"])
    tool = first_live(models.ToolPage, "ar")
    response = client.get(f"/admin/pages/{tool.pk}/edit/")
    assert response.status_code == 200
    assert "wagtail-localize" in response.content.decode() or "translation-editor" in response.content.decode()


def test_region_page_shows_census_figures_credited_to_the_hcp(client, demo):
    region = models.RegionPage.objects.live().get(locale__language_code="en", code="06")
    content = client.get(region.get_url()).content.decode()
    population = census_by_region()["06"]["population"]
    assert f"{population:,}" in content
    assert "HCP, RGPH 2024" in content


def test_home_page_shows_themes_featured_tools_regions_map_and_partners(client, demo):
    content = client.get("/ar/").content.decode()
    for theme in models.Theme.objects.filter(locale__language_code="ar"):
        assert theme.name in content
    for partner in models.Partner.objects.filter(locale__language_code="ar"):
        assert partner.name in content
    assert content.count('class="region-map__link') == 12
    featured = models.ToolPage.objects.live().filter(locale__language_code="ar", featured=True)
    assert featured.exists()
    for tool in featured:
        assert tool.title in content


def test_navigation_and_footer_are_in_the_page_language(client, demo):
    content = client.get("/en/").content.decode()
    nav = re.search(r'<nav class="site-nav".*?</nav>', content, re.S).group(0)
    assert "Tools" in nav and "The 12 regions" in nav and "Outils" not in nav
    footer = models.SiteFooter.objects.get(locale__language_code="en")
    assert footer.about in content


@pytest.mark.parametrize("language", ["fr", "ar", "en"])
def test_footer_links_the_four_institutional_pages_and_names_the_partners(client, demo, language):
    content = client.get(f"/{language}/").content.decode()
    footer = content[content.index('<footer class="site-footer">') :]
    pages = InformationPage.objects.live().filter(locale__language_code=language)
    assert sorted(pages.values_list("kind", flat=True)) == sorted(InformationKind.values)
    for page in pages:
        assert f'<a href="{page.get_url()}" data-kind="{page.kind}">{escape(page.title)}</a>' in footer
    for partner in models.Partner.objects.filter(locale__language_code=language):
        assert f"<li>{escape(partner.name)}</li>" in footer
    assert 'href="mailto:contact@regionalisation.example"' in footer


def test_the_accessibility_statement_states_its_level_status_and_how_to_report_a_problem(client, demo):
    page = InformationPage.objects.live().get(locale__language_code="en", kind="accessibility")
    content = client.get(page.get_url()).content.decode()
    assert "WCAG 2.2" in content and "partially conformant" in content
    assert "wagtail-localize" in content  # a known limit, stated
    assert 'href="mailto:contact@regionalisation.example"' in content.split("<footer")[0]
    assert f'<time datetime="{localtime(page.last_published_at):%Y-%m-%d}">' in content


def test_tool_listing_filters_combine_and_count(client, demo):
    index = first_live(models.ToolIndexPage, "fr")
    all_tools = models.ToolPage.objects.live().child_of(index)
    expected = all_tools.filter(themes__slug="participation", tool_type="method").distinct()
    response = client.get(index.get_url(), {"theme": "participation", "type": "method"})
    assert response.status_code == 200
    assert response.context["listing"].total == expected.count()
    content = response.content.decode()
    for tool in all_tools:
        assert (f">{tool.title}</a>" in content) == (tool in expected)


def test_tool_listing_region_filter_includes_adopting_and_developing_regions(client, demo):
    index = first_live(models.ToolIndexPage, "en")
    response = client.get(index.get_url(), {"region": "09"})
    shown = {card["page"].translation_key for card in response.context["cards"]}
    adopted = set(models.Adoption.objects.filter(region_code="09").values_list("tool__translation_key", flat=True))
    developed = set(
        models.ToolPage.objects.filter(developed_by_regions__code="09").values_list("translation_key", flat=True)
    )
    assert shown == (adopted | developed)


@pytest.mark.parametrize(
    "params",
    [
        {"theme": "nope"},
        {"region": "99", "type": "<script>"},
        {"page": "abc"},
        {"page": "999"},
        {"year": "x", "theme": ""},
        {"status": "done", "region": "1' OR 1=1"},
    ],
)
@pytest.mark.parametrize(
    "model",
    [models.ToolIndexPage, models.GuideIndexPage, models.ExperienceIndexPage, models.RecommendationIndexPage],
    ids=lambda m: m.__name__,
)
def test_invalid_filter_values_are_ignored_never_a_500(client, demo, model, params):
    index = first_live(model, "ar")
    response = client.get(index.get_url(), params)
    assert response.status_code == 200
    assert response.context["listing"].total == index.listed_pages().count()


def test_overview_filters_by_theme(client, demo):
    overview = first_live(models.AdoptionOverviewPage, "fr")
    response = client.get(overview.get_url(), {"theme": "communication"})
    shown = [tool for tool, _cells in response.context["rows"]]
    expected = models.ToolPage.objects.live().filter(locale__language_code="fr", themes__slug="communication")
    assert set(shown) == set(expected) and shown


def test_the_demo_overview_charts_the_spread_of_the_tools_over_the_years(client, demo):
    """Each demo adoption has its earlier steps (toolkit/demo/history.py): the adopted count grows year after year."""
    adoptions = models.Adoption.objects.filter(live=True)
    assert models.AdoptionHistory.objects.filter(adoption__in=adoptions).count() > 2 * adoptions.count()
    content = client.get(first_live(models.AdoptionOverviewPage, "fr").get_url()).content.decode()
    rows = re.findall(r'<tr><th scope="row">(\d{4})</th><td>(\d+)</td>', content)
    adopted = [int(count) for _year, count in rows]
    assert len(rows) >= 4 and adopted == sorted(adopted) and adopted[0] < adopted[-1]


def test_every_live_demo_page_is_valid_html(client, demo):
    """Through the W3C Nu HTML checker in one Java run: the demo fills every block type and relation, which the
    browser check of tests/browser/test_valid_and_accessible.py (built pages, 404, 500, search) does not."""
    documents = {}
    for page in Page.objects.live().filter(depth__gt=1).specific().order_by("path"):
        url = page.get_url()
        response = client.get(url)
        assert response.status_code == 200, url
        documents[url] = response.content.decode()
    assert len(documents) > 50
    assert vnu_errors(documents) == []


def test_sitemap_and_feeds_hold_every_live_demo_page_of_their_language(client, demo):
    """The dissemination side of the demo (dissemination/): the sitemap lists every live page of the demo in each
    language, each feed only pages of its own language."""
    import xml.etree.ElementTree as ET

    sitemap = ET.fromstring(client.get("/sitemap.xml").content)  # noqa: S314 - the portal's own answer in a test
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    listed = {url.text for url in sitemap.findall("s:url/s:loc", namespace)}
    live = {f"http://testserver{page.get_url()}" for page in Page.objects.live().filter(depth__gt=1)}
    assert live <= listed and len(live) > 200  # 77 pages in each language
    assert listed - live == {f"http://testserver/{code}/search/" for code, _direction in LANGUAGES}
    atom = {"a": "http://www.w3.org/2005/Atom"}
    for code, _direction in LANGUAGES:
        feed = ET.fromstring(client.get(f"/{code}/feed/").content)  # noqa: S314
        links = [entry.find("a:link", atom).get("href") for entry in feed.findall("a:entry", atom)]
        assert len(links) == 50
        assert all(link.startswith(f"http://testserver/{code}/") and link in listed for link in links)
