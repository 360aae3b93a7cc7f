"""The embeddable region widget is kept by the page cache like any public page, and a newly approved adoption shows
on the next request: approving it renews the language's generation (pagecache/invalidation.py)."""

from approvals.tests.helpers import approve_snippet_by_all
from toolkit import models
from toolkit.reference import REGION_CODES
from toolkit.tests import factories


def test_a_newly_approved_adoption_shows_on_the_next_get_of_the_cached_widget(shared_cache, portal, clients, client):
    tree = factories.toolkit_tree(portal["fr"])
    region = factories.twelve_regions(tree["regions"])[REGION_CODES[3]]
    tool = factories.ToolPageFactory(parent=tree["tools"], title="Plateforme de pétitions")
    url = f"/fr/embed/region/{region.code}/"

    first = client.get(url)
    assert "Plateforme de pétitions" not in first.content.decode()
    second = client.get(url)
    assert second["X-Page-Cache"] == "hit"
    assert "Set-Cookie" not in second and "X-Frame-Options" not in second

    data = {"tool": tool.pk, "region_code": region.code, "status": "piloting", "since": "2025-02-03"}
    response = clients["editor"].post("/admin/snippets/toolkit/adoption/add/", {**data, "action-submit": "1"})
    assert response.status_code == 302
    approve_snippet_by_all(clients, models.Adoption.objects.get(tool=tool))

    after = client.get(url)
    assert after["X-Page-Cache"] == "miss"
    assert "Plateforme de pétitions" in after.content.decode()
