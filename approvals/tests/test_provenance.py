"""Reviewers see where a change comes from: the author and the council region of a council's submission, on their
dashboard and in the approval panel; the approvals report filters decisions by region. Through the admin views."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from approvals.models import PartnerDecision
from approvals.tests.helpers import decide, edit_url, submit
from tests.testapp.models import ArticlePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def council_article(portal, users):
    """A French article whose revision under review council_04 (Rabat-Salé-Kénitra) wrote and submitted."""
    page = ArticlePage(title="Maisons de la participation", slug="maisons", summary="Un outil.", body="Texte.")
    portal["fr"].add_child(instance=page)
    page.save_revision(user=users["council_04"])
    page.get_workflow().start(page, users["council_04"])
    return Page.objects.get(pk=page.pk).specific


def provenance_cells(html):
    return [chunk.split("</td>")[0] for chunk in html.split("<td data-provenance>")[1:]]


def test_the_reviewers_dashboard_names_the_council_author_and_region(clients, council_article, article):
    submit(clients["editor"], article)

    html = clients["dgct"].get(reverse("wagtailadmin_home")).content.decode()

    cells = provenance_cells(html)
    assert len(cells) == 2
    council = next(cell for cell in cells if 'data-provenance-region="04"' in cell)
    assert "council_04" in council or "Rabat" in council
    editor = next(cell for cell in cells if cell is not council)
    assert "data-provenance-region" not in editor  # an editor speaks for no region
    assert "data-provenance-author" in editor


def test_the_approval_panel_names_the_council_author_and_region(clients, council_article):
    html = clients["dgct"].get(edit_url(council_article)).content.decode()

    panel = html.split("data-partner-approval", 1)[1].split("</section>", 1)[0]
    assert 'data-provenance-region="04"' in panel
    assert "Rabat-Salé-Kénitra" in panel


def test_the_approvals_report_filters_by_region(clients, council_article, article):
    submit(clients["editor"], article)
    for page in (council_article, article):
        assert decide(clients["dgct"], page).status_code == 302
    assert PartnerDecision.objects.count() == 2
    url = reverse("approvals:report_results")

    council_only = clients["editor"].get(url, {"region": "04"}).content.decode()
    other_region = clients["editor"].get(url, {"region": "09"}).content.decode()
    everything = clients["editor"].get(url).content.decode()

    assert "Maisons de la participation" in council_only and "Budget participatif" not in council_only
    assert "Maisons de la participation" not in other_region and "Budget participatif" not in other_region
    assert "Maisons de la participation" in everything and "Budget participatif" in everything
    assert clients["editor"].get(url, {"region": "99"}).status_code == 200  # an unknown region: no 500
