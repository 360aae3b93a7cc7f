"""A council's dashboard on the admin home: its own region only, in a fixed number of queries.

Through the admin home as council_04 (Rabat-Salé-Kénitra) and as an editor (no council panel). Region 09's items
are set up beside region 04's and must never show on 04's dashboard.
"""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from approvals.tests.helpers import decide_snippet
from toolkit.models import Adoption
from toolkit.tests import factories
from toolkit.tests.test_adoption import add_adoption

pytestmark = pytest.mark.django_db


@pytest.fixture
def region_site(portal):
    tree = factories.toolkit_tree(portal["fr"])
    regions = factories.twelve_regions(tree["regions"])
    tools = {
        name: factories.ToolPageFactory(parent=tree["tools"], title=title)
        for name, title in [("charter", "Charte de participation"), ("budget", "Budget participatif")]
    }
    factories.AdoptionFactory(tool=tools["charter"], region_code="09", status="adopted")
    factories.AdoptionFactory(tool=tools["charter"], region_code="01", status="adopted")
    factories.AdoptionFactory(tool=tools["budget"], region_code="04", status="adopted")
    return {"tree": tree, "regions": regions, "tools": tools}


def in_review(page, user):
    page.save_revision(user=user)
    page.get_workflow().start(page, user)


def submitted_adoption(clients, tool, code, status="piloting"):
    assert add_adoption(clients["editor"], tool, code, status=status).status_code == 302
    return Adoption.objects.get(tool=tool, region_code=code)


def add_items(clients, users, region_site, count, start=0):
    """``count`` more tools, each submitted as an adoption of region 04 (and one of 09) and approved by DGCT."""
    for n in range(start, start + count):
        tool = factories.ToolPageFactory(parent=region_site["tree"]["tools"], title=f"Outil {n:02d}")
        decide_snippet(clients["dgct"], submitted_adoption(clients, tool, "04"))
        submitted_adoption(clients, tool, "09")


def panel(response):
    content = response.content.decode()
    match = re.search(r'<section class="w-panel council-dashboard".*?</section>', content, re.S)
    return match.group(0) if match else None


def test_council_04_sees_its_region_in_review_change_requests_tools_to_adopt_and_progress(clients, users, region_site):
    in_review(region_site["regions"]["04"], users["editor"])
    in_review(region_site["regions"]["09"], users["editor"])
    new_04 = submitted_adoption(clients, region_site["tools"]["charter"], "04", status="planned")
    decide_snippet(clients["dgct"], new_04)
    refused_04 = submitted_adoption(clients, factories.ToolPageFactory(parent=region_site["tree"]["tools"]), "04")
    decide_snippet(clients["arm"], refused_04, action="reject", comment="Joindre la délibération du conseil")
    refused_09 = submitted_adoption(clients, region_site["tools"]["budget"], "09")
    decide_snippet(clients["arm"], refused_09, action="reject", comment="Date du Souss-Massa à revoir")

    html = panel(clients["council_04"].get("/admin/"))

    assert html is not None and 'data-council-dashboard="04"' in html
    assert "Rabat-Salé-Kénitra" in html and "Souss-Massa" not in html.split("data-council-to-adopt")[0]
    review = re.search(r"<table[^>]*data-council-in-review>.*?</table>", html, re.S).group(0)
    rows = re.findall(r"<tr>\s*<td>(.*?)</tr>", review, re.S)
    assert len(rows) == 2  # region 04's page and its adoption under review; 09's page is not there
    adoption_row = next(row for row in rows if "Charte de participation" in row)
    approved, awaited = re.findall(r"<td>([^<]*)</td>", adoption_row)[-2:]
    assert approved == "DGCT" and awaited == "ARM, Ambassade britannique"  # council_04 reads the admin in French
    assert "Joindre la délibération du conseil" in html and "Souss-Massa à revoir" not in html
    to_adopt = re.search(r"<table[^>]*data-council-to-adopt>.*?</table>", html, re.S).group(0)
    charter = re.search(rf'<tr data-tool="{region_site["tools"]["charter"].pk}">.*?</tr>', to_adopt, re.S).group(0)
    assert f'href="{region_site["regions"]["09"].url}" data-region="09"' in charter
    assert f'href="{region_site["regions"]["01"].url}" data-region="01"' in charter
    assert f'data-tool="{region_site["tools"]["budget"].pk}"' not in to_adopt  # 04 adopted it
    assert '<figure class="adoption-progress">' in html
    assert re.search(r'<tr><th scope="row">2024</th><td>1</td>', html)  # 04's adoption of the budget, 2024


def test_an_editor_gets_no_council_panel(clients, region_site):
    response = clients["editor"].get("/admin/")
    assert response.status_code == 200
    assert panel(response) is None and "data-council-dashboard" not in response.content.decode()


def test_the_dashboard_costs_the_same_queries_with_2_or_8_items_in_review(clients, users, region_site):
    def count():
        clients["council_04"].get("/admin/")  # warm what the admin remembers per process
        with CaptureQueriesContext(connection) as captured:
            assert clients["council_04"].get("/admin/").status_code == 200
        return len(captured)

    add_items(clients, users, region_site, 2)
    few = count()
    add_items(clients, users, region_site, 6, start=2)
    assert panel(clients["council_04"].get("/admin/")).count("Outil ") >= 8
    many = count()
    print(f"council dashboard: {few} queries with 2 items, {many} with 8")
    assert few == many
