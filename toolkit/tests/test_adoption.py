"""Adoption is entered once, in the admin, and shows on the tool, the region and the overview in every language,
once the three partners have approved it."""

import datetime

import pytest

from approvals.tests.helpers import approve_snippet_by_all
from toolkit import models
from toolkit.tests import factories


@pytest.fixture
def site(portal):
    tree = factories.toolkit_tree(portal["fr"])
    regions = factories.twelve_regions(tree["regions"])
    tool = factories.ToolPageFactory(parent=tree["tools"], title="Budget participatif")
    return {"tree": tree, "regions": regions, "tool": tool}


def add_adoption(client, tool, region_code, status="adopted", since="2024-05-02", action="action-submit"):
    """The editor's "Submit to Validation tripartite" on a new adoption (``action=None``: save a draft)."""
    data = {"tool": tool.pk, "region_code": region_code, "status": status, "since": since}
    if action:
        data[action] = "1"
    return client.post("/admin/snippets/toolkit/adoption/add/", data)


def row(content, marker, end="</tr>"):
    """The HTML from ``marker`` (a data- attribute of a table row or cell) to the end of that row or cell."""
    start = content.index(marker)
    return content[start : content.index(end, start)]


def cell(content, region_code):
    return row(content, f'<td data-region="{region_code}"', "</td>")


def test_adoption_entered_in_the_admin_shows_on_tool_region_and_overview_once_approved(client, clients, site):
    response = add_adoption(clients["editor"], site["tool"], "09", status="piloting")
    assert response.status_code == 302
    adoption = models.Adoption.objects.get()
    assert (adoption.tool_id, adoption.region_code, adoption.since, adoption.live) == (
        site["tool"].pk,
        "09",
        datetime.date(2024, 5, 2),
        False,
    )
    assert 'data-region="09"' not in client.get(site["tool"].url).content.decode()
    assert "mark--piloting" not in cell(client.get(site["tree"]["overview"].url).content.decode(), "09")

    approve_snippet_by_all(clients, adoption)

    tool_row = row(client.get(site["tool"].url).content.decode(), 'data-region="09"')
    assert "Souss-Massa" in tool_row and "status--piloting" in tool_row and "2024-05-02" in tool_row
    region_row = row(client.get(site["regions"]["09"].url).content.decode(), f'data-tool="{site["tool"].slug}"')
    assert "Budget participatif" in region_row and "status--piloting" in region_row
    overview = client.get(site["tree"]["overview"].url).content.decode()
    assert "mark--piloting" in cell(overview, "09")
    assert "mark--none" in cell(overview, "04")


def test_adoption_shows_on_every_translation_without_being_copied(client, clients, site):
    for page in [site["tool"], site["regions"]["09"], site["tree"]["overview"]]:
        factories.translate(page, "ar")
    add_adoption(clients["editor"], site["tool"], "09")
    approve_snippet_by_all(clients, models.Adoption.objects.get())
    arabic_tool = factories.translate(site["tool"], "ar")
    arabic_region = factories.translate(site["regions"]["09"], "ar")
    arabic_overview = factories.translate(site["tree"]["overview"], "ar")

    tool_row = row(client.get(arabic_tool.url).content.decode(), 'data-region="09"')
    assert arabic_region.title in tool_row and "status--adopted" in tool_row
    region_row = row(client.get(arabic_region.url).content.decode(), f'data-tool="{arabic_tool.slug}"')
    assert f'href="{arabic_tool.url}"' in region_row
    assert "mark--adopted" in cell(client.get(arabic_overview.url).content.decode(), "09")
    assert models.Adoption.objects.count() == 1


def test_adoption_picked_through_a_translation_is_stored_against_the_source_tool(clients, site):
    arabic_tool = factories.translate(site["tool"], "ar")
    add_adoption(clients["editor"], arabic_tool, "04")
    assert models.Adoption.objects.get().tool_id == site["tool"].pk


def test_second_adoption_of_the_same_tool_in_the_same_region_is_refused(clients, site):
    add_adoption(clients["editor"], site["tool"], "04")
    arabic_tool = factories.translate(site["tool"], "ar")
    response = add_adoption(clients["editor"], arabic_tool, "04", status="planned")
    assert response.status_code == 200  # the form again, with its error
    assert models.Adoption.objects.count() == 1
    assert models.Adoption.objects.get().status == "adopted"


def test_editors_can_record_adoptions_as_drafts(clients, site):
    response = add_adoption(clients["editor"], site["tool"], "01", action=None)
    assert response.status_code == 302
    assert models.Adoption.objects.filter(region_code="01", live=False).exists()


def test_translators_cannot_record_adoptions(client, users, site):
    client.force_login(users["translator_ar"])
    response = add_adoption(client, site["tool"], "01")
    assert response.status_code in (302, 403)
    assert not models.Adoption.objects.exists()


def test_overview_counts_the_tools_used_in_each_region(client, site):
    other = factories.ToolPageFactory(parent=site["tree"]["tools"], title="Charte")
    factories.AdoptionFactory(tool=site["tool"], region_code="04")
    factories.AdoptionFactory(tool=other, region_code="04", status=models.AdoptionStatus.PLANNED)
    factories.AdoptionFactory(tool=site["tool"], region_code="09")
    factories.AdoptionFactory(tool=other, region_code="01", live=False)  # a draft: not public yet
    totals = client.get(site["tree"]["overview"].url).context["region_totals"]
    assert totals == [0, 0, 0, 2, 0, 0, 0, 0, 1, 0, 0, 0]
