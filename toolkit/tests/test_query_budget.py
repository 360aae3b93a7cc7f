"""Each page type renders in a fixed number of SQL queries, whatever the number of listed or related items.

Every test renders a page with 5 items, adds 45 more, renders it again, and asserts the same count both times: the
budget written here. A change that makes a query per item fails these tests; a change that adds a fixed query
fails them too, so the budget is a deliberate number to update, never a drift.
"""

import os
import traceback

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from approvals.guard import sanctioned_publication
from toolkit.reference import REGION_CODES
from toolkit.tests import factories

# Routing is one query (home/routing.py; the site, the language's root and the frame are remembered per generation,
# pagecache/memo.py). Privacy is a subquery of each listing's own query (home.privacy.live_public), not a query per
# listing.
# Experience and tool pages: one query for the credit of a public proposal's proposer, whatever the language
# (proposals/credit.py: a join on the page's translation key; not a column on every page for the few proposed ones).
BUDGETS = {
    "home": 8,
    "tool_index": 7,
    "tool_index_filtered": 6,
    "tool": 8,
    # A page that went live through revisions shows its history: one more query for the change notes of all its
    # publications, whatever their number (home/history.py). Factory pages here have no publication date, no history.
    "tool_with_history": 9,
    "guide_index": 5,
    "guide": 4,
    "experience_index": 8,
    "experience": 6,
    "recommendation_index": 6,
    "recommendation": 4,
    "benchmark_index": 5,
    "benchmark": 4,
    "region_index": 4,
    "region": 6,
    "overview": 5,
    "information": 2,
}


@pytest.fixture
def site(portal):
    tree = factories.toolkit_tree(portal["fr"])
    regions = factories.twelve_regions(tree["regions"])
    themes = [factories.ThemeFactory(slug=slug) for slug in ("cooperation", "communication", "participation")]
    partners = [factories.PartnerFactory(slug=slug) for slug in ("dgct", "arm")]
    return {"tree": tree, "regions": regions, "themes": themes, "partners": partners, "home": portal["fr"]}


def _origin():
    """The innermost frame of the portal's own code (or its templates) that issued a query, for SHOW_QUERIES."""
    frames = [f for f in traceback.extract_stack()[:-2] if "/.venv/" not in f.filename and "/tests/" not in f.filename]
    return f"{frames[-1].filename.split('/')[-1]}:{frames[-1].lineno} {frames[-1].name}" if frames else "?"


def queries_for(client, url):
    # Warm what each process remembers for every request (pagecache/memo.py: site, roots, frame, catalogue) and the
    # page type at this address (home/routing.py): a process's first request of an address costs one more query.
    client.get(url)
    origins = []

    def record(execute, sql, params, many, context):
        origins.append(_origin())
        return execute(sql, params, many, context)

    with CaptureQueriesContext(connection) as captured, connection.execute_wrapper(record):
        response = client.get(url)
    assert response.status_code == 200
    if os.environ.get("SHOW_QUERIES"):  # each query, with the portal's line that asked for it
        print(url, *[f"{origin}\n    {q['sql'][:400]}" for origin, q in zip(origins, captured, strict=True)], sep="\n")
    return len(captured)


def tool(site, n, **kwargs):
    page = factories.ToolPageFactory(parent=site["tree"]["tools"], **kwargs)
    page.themes.set([site["themes"][n % 3]])
    page.developed_by_regions.set([site["regions"][REGION_CODES[n % 12]]])
    page.developed_by_partners.set(site["partners"])
    factories.save_live(page)
    return page


def add_tools(site, count, featured=False, region_code=None):
    """``count`` more tools, each with a theme, a developing region, two partners and one adoption."""
    start = site.get("tools_made", 0)
    site["tools_made"] = start + count
    tools = []
    for n in range(start, start + count):
        page = tool(site, n, featured=featured)
        factories.AdoptionFactory(tool=page, region_code=region_code or REGION_CODES[n % 12])
        tools.append(page)
    return tools


def listed(factory, parent_key, site, count, **kwargs):
    pages = []
    if factory is factories.ExperiencePageFactory:
        kwargs.setdefault("region", site["regions"]["01"])
    for n in range(count):
        page = factory(parent=site["tree"][parent_key], **kwargs)
        if hasattr(page, "themes"):
            page.themes.set([site["themes"][n % 3]])
            factories.save_live(page)
        pages.append(page)
    return pages


def assert_budget(client, name, url, add_items):
    """Render with 5 items, then with 50, and hold both counts to the written budget."""
    add_items(5)
    with_5 = queries_for(client, url())
    add_items(45)
    with_50 = queries_for(client, url())
    assert (with_5, with_50) == (BUDGETS[name], BUDGETS[name])


def test_home_page_query_budget(client, site):
    def add(count):
        add_tools(site, count, featured=True)
        listed(factories.GuidePageFactory, "guides", site, count, featured=True)
        listed(factories.ExperiencePageFactory, "experiences", site, count, region=site["regions"]["01"])

    assert_budget(client, "home", lambda: "/fr/", add)


def test_tool_index_query_budget(client, site):
    assert_budget(client, "tool_index", lambda: site["tree"]["tools"].url, lambda count: add_tools(site, count))


def test_tool_index_filtered_query_budget(client, site):
    url = site["tree"]["tools"].url + "?theme=participation&region=04&type=method"
    assert_budget(client, "tool_index_filtered", lambda: url, lambda count: add_tools(site, count))


def test_tool_page_query_budget(client, site):
    target = tool(site, 0)

    def add(count):
        for page in listed(factories.GuidePageFactory, "guides", site, count):
            page.related_tools.set([target])
            factories.save_live(page)
        for page in listed(factories.ExperiencePageFactory, "experiences", site, count):
            page.tools_used.set([target])
            factories.save_live(page)
        existing = set(target.adoption_records.values_list("region_code", flat=True))
        for code in [c for c in REGION_CODES if c not in existing][: min(count, 12)]:
            factories.AdoptionFactory(tool=target, region_code=code)

    assert_budget(client, "tool", lambda: target.url, add)


def test_guide_index_query_budget(client, site):
    assert_budget(
        client,
        "guide_index",
        lambda: site["tree"]["guides"].url,
        lambda count: listed(factories.GuidePageFactory, "guides", site, count),
    )


def test_guide_page_query_budget(client, site):
    guide = factories.GuidePageFactory(parent=site["tree"]["guides"])

    def add(count):
        guide.related_tools.add(*add_tools(site, count))
        guide.chapters = [
            *guide.chapters.raw_data,
            *[{"type": "chapter", "value": {"heading": "H", "body": "<p>B</p>"}}] * count,
        ]
        factories.save_live(guide)

    assert_budget(client, "guide", lambda: guide.url, add)


def test_experience_index_query_budget(client, site):
    def add(count):
        for n, page in enumerate(listed(factories.ExperiencePageFactory, "experiences", site, count)):
            page.region = site["regions"][REGION_CODES[n % 12]]
            factories.save_live(page)

    assert_budget(client, "experience_index", lambda: site["tree"]["experiences"].url, add)


def test_experience_page_query_budget(client, site):
    experience = factories.ExperiencePageFactory(parent=site["tree"]["experiences"], region=site["regions"]["03"])

    def add(count):
        experience.tools_used.add(*add_tools(site, count))
        factories.save_live(experience)

    assert_budget(client, "experience", lambda: experience.url, add)


def test_recommendation_index_query_budget(client, site):
    assert_budget(
        client,
        "recommendation_index",
        lambda: site["tree"]["recommendations"].url,
        lambda count: listed(factories.RecommendationPageFactory, "recommendations", site, count),
    )


def test_recommendation_page_query_budget(client, site):
    recommendation = factories.RecommendationPageFactory(parent=site["tree"]["recommendations"])

    def add(count):
        recommendation.tools.add(*add_tools(site, count))
        recommendation.benchmarks.add(*listed(factories.BenchmarkPageFactory, "benchmarks", site, count))
        factories.save_live(recommendation)

    assert_budget(client, "recommendation", lambda: recommendation.url, add)


def test_benchmark_index_query_budget(client, site):
    assert_budget(
        client,
        "benchmark_index",
        lambda: site["tree"]["benchmarks"].url,
        lambda count: listed(factories.BenchmarkPageFactory, "benchmarks", site, count),
    )


def test_benchmark_page_query_budget(client, site):
    benchmark = factories.BenchmarkPageFactory(parent=site["tree"]["benchmarks"])

    def add(count):
        benchmark.tools.add(*add_tools(site, count))
        factories.save_live(benchmark)
        for page in listed(factories.RecommendationPageFactory, "recommendations", site, count):
            page.benchmarks.set([benchmark])
            factories.save_live(page)

    assert_budget(client, "benchmark", lambda: benchmark.url, add)


def test_region_index_query_budget(client, site):
    # The list is the 12 regions; what grows elsewhere (tools, adoptions) must not change it.
    assert_budget(client, "region_index", lambda: site["tree"]["regions"].url, lambda count: add_tools(site, count))


def test_region_page_query_budget(client, site):
    region = site["regions"]["05"]

    def add(count):
        add_tools(site, count, region_code="05")
        for page in listed(factories.ExperiencePageFactory, "experiences", site, count):
            page.region = region
            factories.save_live(page)

    assert_budget(client, "region", lambda: region.url, add)


def test_overview_query_budget(client, site):
    assert_budget(client, "overview", lambda: site["tree"]["overview"].url, lambda count: add_tools(site, count))


def test_information_page_query_budget(client, site):
    page = factories.information_pages(site["home"])["privacy"]  # and the footer's three other links

    def add(count):
        page.body = [*page.body.raw_data, *[{"type": "section", "value": {"heading": "H", "body": "<p>B</p>"}}] * count]
        factories.save_live(page)

    assert_budget(client, "information", lambda: page.url, add)


def test_page_history_query_budget(client, site):
    """5 or 50 published revisions, each with a change note: the history is one query."""
    page = tool(site, 0)

    def add(count):
        nonlocal page
        for n in range(count):
            page.change_note = f"Version {n}"
            revision = page.save_revision()
            with sanctioned_publication("tests"):
                revision.publish()
            page.refresh_from_db()

    assert_budget(client, "tool_with_history", lambda: page.url, add)
