"""What each person sees: the editor's partner status, the reviewer's dashboard, the approvals report and exports;
and the approval trail outlives purged revisions."""

import csv
import io

import openpyxl
import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Page, Revision

from approvals.models import PartnerDecision
from approvals.tests.helpers import decide, edit_url, post_edit, submit
from tests.testapp.models import ArticlePage

pytestmark = pytest.mark.django_db


def test_the_editor_shows_each_partners_decision_on_the_current_revision(clients, article):
    submit(clients["editor"], article)
    decide(clients["dgct"], article)
    decide(clients["arm"], article, "reject", comment="Ajoutez la source des chiffres.")

    html = clients["editor"].get(edit_url(article)).content.decode()
    section = html[html.index("data-partner-approval") :]
    assert 'data-partner="dgct"' in section and "dgct" in section
    assert "Ajoutez la source des chiffres." in section
    embassy = section[section.index('data-partner="embassy"') :]
    assert "en attente" in embassy[:200] or "pending" in embassy[:200]


def test_the_reviewers_dashboard_lists_what_awaits_their_partner_oldest_first(clients, portal, users, article):
    submit(clients["editor"], article)
    newer = ArticlePage(title="Plus récent", slug="plus-recent")
    portal["fr"].add_child(instance=newer)
    newer.save_revision(user=users["editor"])
    submit(clients["editor"], newer)

    html = clients["arm"].get("/admin/").content.decode()
    panel = html[html.index("data-awaiting-partner") :]
    assert panel.index("Budget participatif") < panel.index("Plus récent")
    assert "<time" in panel

    decide(clients["arm"], article)
    panel = clients["arm"].get("/admin/").content.decode()
    panel = panel[panel.index("data-awaiting-partner") :]
    assert "Budget participatif" not in panel.split("</section>")[0]
    assert "Plus récent" in panel
    # The DGCT reviewer still has both.
    dgct = clients["dgct"].get("/admin/").content.decode()
    dgct_panel = dgct[dgct.index("data-awaiting-partner") :].split("</section>")[0]
    assert "Budget participatif" in dgct_panel and "Plus récent" in dgct_panel


def test_the_dashboard_panel_query_count_does_not_grow_with_the_pages_awaiting(
    clients, portal, users, article, django_user_model
):
    User = django_user_model
    from approvals.panels import awaiting_partner

    submit(clients["editor"], article)
    with CaptureQueriesContext(connection) as one:
        awaiting_partner(User.objects.get(username="arm"))
    for index in range(3):
        page = ArticlePage(title=f"Page {index}", slug=f"page-{index}")
        portal["fr"].add_child(instance=page)
        page.save_revision(user=users["editor"])
        submit(clients["editor"], page)
    with CaptureQueriesContext(connection) as four:
        _partner, rows = awaiting_partner(User.objects.get(username="arm"))
    assert len(rows) == 4
    # Partner, reviews awaiting it, their pages (with locales); where they come from (approvals.provenance): the
    # revisions with their authors, the authors' council groups, the public proposals behind the pages; the language
    # each was first written in (translations.sources, to tell a translation from a source).
    assert len(four) == len(one) <= 8


@pytest.fixture
def decided(clients, article):
    submit(clients["editor"], article)
    decide(clients["dgct"], article, comment="Conforme.")
    decide(clients["arm"], article, "reject", comment="Ajoutez la source.")
    return article


def test_the_report_lists_each_decision_and_filters_by_partner(clients, decided):
    html = clients["embassy"].get(reverse("approvals:report")).content.decode()
    assert "Budget participatif" in html and "Conforme." in html and "Ajoutez la source." in html
    filtered = clients["embassy"].get(reverse("approvals:report"), {"partner": "arm"}).content.decode()
    assert "Ajoutez la source." in filtered and "Conforme." not in filtered


def test_the_report_exports_csv_and_xlsx(clients, decided):
    response = clients["editor"].get(reverse("approvals:report"), {"export": "csv"})
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert len(rows) == 3
    body = {(row[3], row[7]) for row in rows[1:]}
    assert {row[0] for row in rows[1:]} == {"Budget participatif"}
    assert any("Ajoutez la source." in comment for _partner, comment in body)

    response = clients["editor"].get(reverse("approvals:report"), {"export": "xlsx"})
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert len(values) == 3
    assert "Conforme." in [row[7] for row in values]


def test_decisions_survive_purge_revisions(clients, article):
    submit(clients["editor"], article)
    decide(clients["dgct"], article)
    response = post_edit(clients["editor"], article, body="Nouvelle version.")  # that revision is now an old one
    assert response.status_code == 302
    for reviewer in ("dgct", "arm", "embassy"):
        assert decide(clients[reviewer], article).status_code == 302
    before = list(PartnerDecision.objects.values_list("revision_id", "partner", "decision", "reviewer_name"))
    assert len(before) == 4

    call_command("purge_revisions", days=0, stdout=io.StringIO())
    remaining = set(Revision.objects.filter(object_id=str(article.pk)).values_list("pk", flat=True))
    assert before[-1][0] not in remaining  # the first decision's revision was purged
    assert list(PartnerDecision.objects.values_list("revision_id", "partner", "decision", "reviewer_name")) == before
    assert Page.objects.get(pk=article.pk).live is True
    html = clients["dgct"].get(reverse("approvals:report")).content.decode()
    assert html.count("Budget participatif") >= 4
