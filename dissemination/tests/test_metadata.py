"""What each public page says about itself in its head (dissemination/metadata.py), read through public URLs."""

import json
import re
from html.parser import HTMLParser

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from approvals.operator import publish_as_operator
from tests.html_checker import vnu_errors
from toolkit.tests import factories

LANGUAGES = ("fr", "ar", "en")
SITE_NAMES = {"fr": "Régionalisation avancée", "ar": "الجهوية المتقدمة", "en": "Advanced regionalisation"}
OG_LOCALES = {"fr": "fr_MA", "ar": "ar_MA", "en": "en_GB"}
EXPECTED_TYPES = {
    "HomePage": "WebSite",
    "ToolIndexPage": "CollectionPage",
    "GuideIndexPage": "CollectionPage",
    "ExperienceIndexPage": "CollectionPage",
    "RecommendationIndexPage": "CollectionPage",
    "BenchmarkIndexPage": "CollectionPage",
    "RegionIndexPage": "CollectionPage",
    "AdoptionOverviewPage": "Dataset",
    "ToolPage": "WebPage",
    "GuidePage": "Article",
    "ExperiencePage": "Article",
    "RecommendationPage": "WebPage",
    "BenchmarkPage": "WebPage",
    "RegionPage": "WebPage",
}


class Head(HTMLParser):
    """The head's title, links, metas and JSON-LD scripts."""

    def __init__(self, html):
        super().__init__()
        self.links, self.metas, self.scripts, self.title = [], [], [], ""
        self._in = None
        self.feed(html.split("</head>")[0])

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link":
            self.links.append(attrs)
        elif tag == "meta":
            self.metas.append(attrs)
        elif tag == "script" and attrs.get("type") == "application/ld+json":
            self._in = "script"
            self.scripts.append("")
        elif tag == "title":
            self._in = "title"

    def handle_endtag(self, tag):
        if tag in ("script", "title"):
            self._in = None

    def handle_data(self, data):
        if self._in == "script":
            self.scripts[-1] += data
        elif self._in == "title":
            self.title += data

    def canonicals(self):
        return [link["href"] for link in self.links if link.get("rel") == "canonical"]

    def hreflang(self):
        return {link["hreflang"]: link["href"] for link in self.links if "hreflang" in link}

    def feeds(self):
        return {link["href"]: link["title"] for link in self.links if link.get("type") == "application/atom+xml"}

    def og(self, name):
        return [meta["content"] for meta in self.metas if meta.get("property") == name]

    def named(self, name):
        return [meta["content"] for meta in self.metas if meta.get("name") == name]

    def json_ld(self):
        return [json.loads(script) for script in self.scripts]


def address(page):
    return f"http://testserver{page.url}"


def head(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, url
    return Head(response.content.decode())


@pytest.fixture
def site(portal):
    """One page of every type in French, translated into Arabic and English, with themes, partners and a region."""
    tree = factories.toolkit_tree(portal["fr"])
    themes = [factories.ThemeFactory(slug=slug, name=slug.title()) for slug in ("cooperation", "participation")]
    partners = [
        factories.PartnerFactory(slug="dgct", acronym="DGCT", name="Direction générale des collectivités"),
        factories.PartnerFactory(slug="arm", acronym="ARM", name="Association des régions du Maroc"),
    ]
    region = factories.RegionPageFactory(parent=tree["regions"], code="04", title="Rabat-Salé-Kénitra")
    tool = factories.ToolPageFactory(parent=tree["tools"], title="Budget participatif")
    tool.themes.set(themes[1:])
    tool.developed_by_partners.set(partners)
    factories.save_live(tool)
    guide = factories.GuidePageFactory(parent=tree["guides"], title="Guide </script><b>de la coopération</b>")
    guide.themes.set(themes[:1])
    factories.save_live(guide)
    publish_as_operator(guide, "tests")  # a publication, which sets the dates
    experience = factories.ExperiencePageFactory(parent=tree["experiences"], region=region)
    recommendation = factories.RecommendationPageFactory(parent=tree["recommendations"])
    benchmark = factories.BenchmarkPageFactory(parent=tree["benchmarks"])
    french = [portal["fr"], *tree.values(), region, tool, guide, experience, recommendation, benchmark]
    pages = {"fr": french}
    for code in ("ar", "en"):
        pages[code] = [portal[code], *[factories.translate(page, code) for page in french[1:]]]
    return {"pages": pages, "tree": tree, "tool": tool, "guide": guide, "experience": experience}


def every_page(site):
    for language, pages in site["pages"].items():
        for page in pages:
            page = Page.objects.get(pk=page.pk).specific
            yield language, type(page).__name__, page


def test_every_page_type_has_one_canonical_og_tags_and_json_ld_of_its_type(client, site):
    seen = set()
    for language, kind, page in every_page(site):
        found = head(client, page.url)
        url = address(page)
        assert found.canonicals() == [url], (language, kind)
        assert found.og("og:url") == [url]
        assert found.og("og:title") == [page.seo_title or page.title]
        assert found.og("og:locale") == [OG_LOCALES[language]]
        assert sorted(found.og("og:locale:alternate")) == sorted(v for k, v in OG_LOCALES.items() if k != language)
        assert found.og("og:site_name") == [SITE_NAMES[language]]
        assert found.og("og:type") == ["article" if EXPECTED_TYPES[kind] == "Article" else "website"]
        assert found.og("og:image") == ["http://testserver/static/icons/apple-touch-icon.png"]
        assert found.named("twitter:card") == ["summary"]
        [data] = found.json_ld()
        assert data["@context"] == "https://schema.org"
        assert data["@type"] == EXPECTED_TYPES[kind], (language, kind)
        assert data["inLanguage"] == language
        assert data["url"].startswith("http://testserver/")
        seen.add(kind)
    assert seen == set(EXPECTED_TYPES)


def test_articles_carry_their_publication_dates_in_iso_8601(client, site):
    guide = Page.objects.get(pk=site["guide"].pk)
    found = head(client, guide.url)
    [data] = found.json_ld()
    assert data["datePublished"] == guide.first_published_at.isoformat()
    assert data["dateModified"] == guide.last_published_at.isoformat()
    assert data["headline"] == guide.title
    assert data["about"] == ["Cooperation"]
    assert found.og("article:published_time") == [guide.first_published_at.isoformat()]
    experience = head(client, site["experience"].url).json_ld()[0]
    assert experience["contentLocation"] == {"@type": "AdministrativeArea", "name": "Rabat-Salé-Kénitra"}


def test_json_ld_cannot_close_its_script_element(client, site):
    """The guide's title holds '</script>': it stays inside the JSON, escaped as Django's json_script does."""
    html = client.get(site["guide"].url).content.decode()
    script = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert "<" not in script and "\\u003C/script\\u003E" in script
    assert json.loads(script)["name"] == "Guide </script><b>de la coopération</b>"
    assert Head(html).title == "Guide </script><b>de la coopération</b> | Régionalisation avancée"
    assert "<title>Guide &lt;/script&gt;&lt;b&gt;de la coopération&lt;/b&gt; | Régionalisation avancée</title>" in html


def test_partners_are_government_organizations(client, site, portal):
    tool = head(client, site["tool"].url).json_ld()[0]
    assert {"@type": "GovernmentOrganization", "name": "Association des régions du Maroc", "alternateName": "ARM"} in (
        tool["author"]
    )
    home = head(client, "/fr/").json_ld()[0]
    assert home["@type"] == "WebSite"
    assert {partner["alternateName"] for partner in home["publisher"]} == {"DGCT", "ARM"}


def test_adoption_overview_is_a_dataset(client, site):
    data = head(client, site["tree"]["overview"].url).json_ld()[0]
    assert data["@type"] == "Dataset"
    assert data["description"]
    assert data["spatialCoverage"]["@type"] == "Country"
    arabic = Page.objects.get(translation_key=site["tree"]["overview"].translation_key, locale__language_code="ar")
    assert head(client, arabic.url).json_ld()[0]["spatialCoverage"]["name"] == "المغرب"


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_page_title_names_the_site_once(client, site, language):
    found = head(client, f"/{language}/")
    assert found.title.strip() == SITE_NAMES[language]
    tool = Page.objects.get(pk=site["tool"].pk)
    assert head(client, tool.url).title.strip() == f"Budget participatif | {SITE_NAMES['fr']}"


def test_filtered_and_paged_listing_is_canonical_with_its_normalised_query(client, site):
    tools = site["tree"]["tools"]
    for n in range(13):
        factories.ToolPageFactory(parent=tools, title=f"Outil {n:02d}")
    found = head(client, tools.url, type="method", theme="participation", colour="red", page="1")
    base = address(tools)
    assert found.canonicals() == [f"{base}?theme=participation&type=method"]
    assert found.og("og:url") == found.canonicals()
    arabic = Page.objects.get(translation_key=tools.translation_key, locale__language_code="ar")
    alternates = found.hreflang()
    assert alternates["ar"] == f"{address(arabic)}?theme=participation&type=method"
    assert alternates["x-default"] == alternates["fr"] == found.canonicals()[0]
    # An unknown value is dropped; a later page keeps its number; a page past the last is the last.
    assert head(client, tools.url, region="99").canonicals() == [base]
    assert head(client, tools.url, page="2").canonicals() == [f"{base}?page=2"]
    assert head(client, tools.url, page="40").canonicals() == [f"{base}?page=2"]


def test_search_page_has_a_canonical_and_its_own_title(client, site):
    found = head(client, "/en/search/", q="budget", theme="")
    assert found.canonicals() == ["http://testserver/en/search/?q=budget"]
    assert found.og("og:title") == ["Search"]
    assert found.named("robots") == ["noindex"]


def test_error_page_has_no_canonical(client, portal):
    response = client.get("/fr/no-such-page/")
    assert response.status_code == 404
    assert not Head(response.content.decode()).canonicals()


def test_metadata_costs_no_query(client, site):
    """The metadata reads only what the page's rendering loaded: rendering its include again adds no query."""
    from django.template import engines
    from django.test import RequestFactory
    from django.utils import translation

    from home.languages import alternates

    page = Page.objects.get(pk=site["guide"].pk).specific
    request = RequestFactory().get(page.url)
    template = engines["django"].from_string('{% include "includes/meta.html" %}')
    with translation.override("fr"):
        links = alternates(request, page)
        context = page.get_context(request)
        with CaptureQueriesContext(connection) as captured:
            html = template.render({**context, "alternates": links}, request)
    assert 'rel="canonical"' in html
    assert len(captured) == 0, [q["sql"] for q in captured]


def test_pages_with_metadata_are_valid_html(client, site):
    documents = {}
    for language, kind, page in every_page(site):
        documents[f"{language} {kind}"] = client.get(page.url).content.decode()
    documents["filtered"] = client.get(site["tree"]["tools"].url, {"theme": "participation"}).content.decode()
    documents["search"] = client.get("/ar/search/", {"q": "budget"}).content.decode()
    assert vnu_errors(documents) == []
