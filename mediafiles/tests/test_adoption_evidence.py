"""An adoption's evidence document follows the media rules: public only while the adoption row is live.

A live adoption row is live content using the document (``mediafiles.usage`` counts live draft-state snippets), so
its evidence becomes public when the three partners approve the revision that chooses it, and not before.
"""

import pytest

from approvals.tests.helpers import decide_snippet, snippet_url
from mediafiles.tests.helpers import body, public_get
from mediafiles.usage import is_frozen
from toolkit.models import Adoption
from toolkit.tests.factories import AdoptionFactory, ToolIndexPageFactory, ToolPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def adoption(portal):
    """A live adoption (published by an operator), no evidence yet."""
    tool = ToolPageFactory(parent=ToolIndexPageFactory(parent=portal["fr"]))
    return AdoptionFactory(tool=tool, region_code="09")


def submit_evidence(client, adoption, document):
    data = {
        "tool": adoption.tool_id,
        "region_code": adoption.region_code,
        "status": adoption.status,
        "since": adoption.since.isoformat(),
        "evidence_url": "",
        "evidence_document": document.pk,
        "action-submit": "1",
    }
    return client.post(snippet_url(adoption, "edit", adoption.pk), data)


def test_an_evidence_document_is_public_only_once_the_partners_approve_the_adoption(clients, adoption, make_document):
    document = make_document(content=b"%PDF-1.4 deliberation du conseil", name="deliberation.pdf")
    assert submit_evidence(clients["editor"], adoption, document).status_code == 302
    assert public_get(document.url).status_code == 404
    assert is_frozen(document)  # under review: its file may not change
    decide_snippet(clients["dgct"], adoption)
    decide_snippet(clients["arm"], adoption)
    assert public_get(document.url).status_code == 404

    decide_snippet(clients["embassy"], adoption)
    assert Adoption.objects.get(pk=adoption.pk).evidence_document_id == document.pk
    response = public_get(document.url)
    assert response.status_code == 200
    assert body(response) == b"%PDF-1.4 deliberation du conseil"


def test_an_evidence_document_stops_being_public_when_the_adoption_is_unpublished(clients, adoption, make_document):
    document = make_document()
    submit_evidence(clients["editor"], adoption, document)
    for partner in ("dgct", "arm", "embassy"):
        decide_snippet(clients[partner], adoption)
    assert public_get(document.url).status_code == 200

    assert clients["dgct"].post(snippet_url(adoption, "unpublish", adoption.pk)).status_code == 302
    assert Adoption.objects.get(pk=adoption.pk).live is False
    assert public_get(document.url).status_code == 404
    assert Adoption.objects.filter(pk=adoption.pk).exists()
