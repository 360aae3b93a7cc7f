"""Adoption over time: each approved status of a row is kept, and the overview and region pages chart the spread.

Driven through the snippet admin views and the workflow action URLs (as editors and reviewers use them) and the
public pages. A history entry appears only when a change goes live: never for a draft, a submission, or a change
the partners refused.
"""

import datetime
import importlib
import re

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from approvals.models import display_name
from approvals.tests.helpers import approve_snippet_by_all, decide_snippet, snippet_state, snippet_url
from toolkit import adoption_progress, models
from toolkit.tests import factories
from toolkit.tests.test_adoption import add_adoption


@pytest.fixture
def site(portal):
    tree = factories.toolkit_tree(portal["fr"])
    regions = factories.twelve_regions(tree["regions"])
    tool = factories.ToolPageFactory(parent=tree["tools"], title="Budget participatif")
    return {"tree": tree, "regions": regions, "tool": tool}


@pytest.fixture
def live_adoption(clients, site):
    """Region 09 plans the tool: entered by the editor, approved by the three partners (its first history entry)."""
    add_adoption(clients["editor"], site["tool"], "09", status="planned", since="2023-03-01")
    adoption = models.Adoption.objects.get()
    approve_snippet_by_all(clients, adoption)
    return models.Adoption.objects.get(pk=adoption.pk)


def edit_adoption(client, adoption, action="action-submit", **changes):
    data = {
        "tool": adoption.tool_id,
        "region_code": adoption.region_code,
        "status": adoption.status,
        "since": adoption.since.isoformat(),
        "evidence_url": adoption.evidence_url,
        "evidence_document": adoption.evidence_document_id or "",
        **changes,
    }
    if action:
        data[action] = "1"
    return client.post(snippet_url(adoption, "edit", adoption.pk), data)


def entries(adoption):
    return list(
        models.AdoptionHistory.objects.filter(adoption=adoption).values_list("status", "since", "author__username")
    )


# Recording -----------------------------------------------------------------------------------------------------------
def test_the_first_approval_records_the_row_s_first_entry(live_adoption, users):
    assert entries(live_adoption) == [("planned", datetime.date(2023, 3, 1), "editor")]
    entry = models.AdoptionHistory.objects.get()
    assert entry.revision_id == live_adoption.live_revision_id
    assert entry.author_name == display_name(users["editor"])


def test_an_approved_change_records_one_entry_when_the_third_partner_approves(clients, live_adoption):
    response = edit_adoption(
        clients["editor"], live_adoption, status="adopted", since="2024-06-10", evidence_url="https://example.org/d"
    )
    assert response.status_code == 302
    for partner in ("dgct", "arm"):
        assert decide_snippet(clients[partner], live_adoption).status_code == 302
        assert len(entries(live_adoption)) == 1  # two approvals publish nothing, record nothing

    assert decide_snippet(clients["embassy"], live_adoption).status_code == 302
    assert entries(live_adoption) == [
        ("planned", datetime.date(2023, 3, 1), "editor"),
        ("adopted", datetime.date(2024, 6, 10), "editor"),
    ]
    latest = models.AdoptionHistory.objects.order_by("recorded_at", "pk").last()
    live = models.Adoption.objects.get(pk=live_adoption.pk)
    assert (latest.evidence_url, latest.revision_id) == ("https://example.org/d", live.live_revision_id)
    assert timezone.now() - latest.recorded_at < datetime.timedelta(minutes=1)


def test_a_draft_a_submission_and_a_refused_change_record_nothing(clients, live_adoption):
    before = snippet_state(live_adoption)
    assert edit_adoption(clients["editor"], live_adoption, action=None, status="adopted").status_code == 302
    assert len(entries(live_adoption)) == 1

    assert edit_adoption(clients["editor"], live_adoption, status="piloting", since="2024-01-01").status_code == 302
    decide_snippet(clients["dgct"], live_adoption)
    assert decide_snippet(clients["arm"], live_adoption, action="reject", comment="Date à vérifier").status_code == 302
    assert len(entries(live_adoption)) == 1
    assert snippet_state(live_adoption) == before


def test_a_bad_evidence_link_is_refused_with_a_message_and_changes_nothing(clients, live_adoption):
    before = snippet_state(live_adoption)
    response = edit_adoption(clients["editor"], live_adoption, evidence_url="javascript:alert(1)")
    assert response.status_code == 200
    assert "evidence_url" in response.context["form"].errors
    assert snippet_state(live_adoption) == before
    assert models.Adoption.objects.get(pk=live_adoption.pk).latest_revision_id == live_adoption.latest_revision_id


def test_the_data_migration_seeds_one_entry_per_live_row_once(site):
    live = factories.AdoptionFactory(tool=site["tool"], region_code="04", since=datetime.date(2022, 2, 2))
    factories.AdoptionFactory(tool=site["tool"], region_code="01", live=False)
    seed = importlib.import_module("toolkit.migrations.0007_seed_adoption_history").seed

    seed(apps, None)
    seed(apps, None)

    assert list(models.AdoptionHistory.objects.values_list("adoption_id", "status", "since")) == [
        (live.pk, "adopted", datetime.date(2022, 2, 2))
    ]


# The chart -----------------------------------------------------------------------------------------------------------
def history(adoption, *facts):
    for status, since in facts:
        since = datetime.date.fromisoformat(since)
        models.AdoptionHistory.objects.create(adoption=adoption, status=status, since=since)


def chart_table(content):
    """The chart's table for screen readers: {year: (adopted, piloting, planned, total)}."""
    table = re.search(r'<figure class="adoption-progress">.*?<tbody>(.*?)</tbody>', content, re.S).group(1)
    return {
        int(year): tuple(int(n) for n in re.findall(r"<td>(\d+)</td>", cells))
        for year, cells in re.findall(r'<tr><th scope="row">(\d{4})</th>(.*?)</tr>', table)
    }


def test_the_region_page_charts_its_rows_year_by_year(client, site):
    adoption = factories.AdoptionFactory(tool=site["tool"], region_code="09", since=datetime.date(2024, 5, 1))
    history(adoption, ("planned", "2022-01-10"), ("piloting", "2023-04-01"), ("adopted", "2024-05-01"))
    other = factories.ToolPageFactory(parent=site["tree"]["tools"], title="Charte")
    factories.AdoptionFactory(tool=other, region_code="09", status="piloting", since=datetime.date(2023, 9, 1))
    factories.AdoptionFactory(tool=other, region_code="04", status="adopted", since=datetime.date(2020, 1, 1))

    content = client.get(site["regions"]["09"].url).content.decode()

    table = chart_table(content)
    assert table[2022] == (0, 0, 1, 1)
    assert table[2023] == (0, 2, 0, 2)
    assert table[2024] == (1, 1, 0, 2)
    assert sorted(table) == list(range(2022, timezone.localdate().year + 1))
    assert 'aria-hidden="true" focusable="false"' in content  # the SVG; the table speaks for it


def test_the_overview_charts_every_region_and_the_arabic_years_run_right_to_left(client, site):
    factories.AdoptionFactory(tool=site["tool"], region_code="09", status="adopted", since=datetime.date(2021, 1, 1))
    factories.AdoptionFactory(tool=site["tool"], region_code="04", status="planned", since=datetime.date(2023, 1, 1))
    factories.AdoptionFactory(tool=site["tool"], region_code="01", live=False, since=datetime.date(2019, 1, 1))

    table = chart_table(client.get(site["tree"]["overview"].url).content.decode())
    assert table[2021] == (1, 0, 0, 1) and table[2023] == (1, 0, 1, 2)
    assert min(table) == 2021  # the draft row of 2019 is not counted

    factories.translate(site["tool"], "ar")
    arabic = client.get(factories.translate(site["tree"]["overview"], "ar").url).content.decode()
    positions = re.findall(r'<text x="([\d.]+)" y="[\d.]+" [^>]*>(\d{4})</text>', arabic)
    by_year = {int(year): float(x) for x, year in positions}
    assert by_year[2021] > by_year[2022] > by_year[timezone.localdate().year]  # right to left
    assert chart_table(arabic)[2023] == (1, 0, 1, 2)


def test_the_drawn_chart_follows_an_approval_and_not_a_submission(client, clients, site, live_adoption):
    """The chart's HTML is drawn once per language generation (toolkit_tags): a change shows once it goes live."""
    url = site["regions"]["09"].url
    assert chart_table(client.get(url).content.decode())[2024] == (0, 0, 1, 1)  # drawn and remembered: planned

    assert edit_adoption(clients["editor"], live_adoption, status="adopted", since="2024-06-10").status_code == 302
    decide_snippet(clients["dgct"], live_adoption)
    decide_snippet(clients["arm"], live_adoption)
    assert chart_table(client.get(url).content.decode())[2024] == (0, 0, 1, 1)  # two approvals of three: unchanged

    decide_snippet(clients["embassy"], live_adoption)
    table = chart_table(client.get(url).content.decode())
    assert table[2024] == (1, 0, 0, 1) and table[2023] == (0, 0, 1, 1)


def test_the_chart_is_one_query_for_5_or_50_rows(site):
    tools = [factories.ToolPageFactory(parent=site["tree"]["tools"]) for _ in range(5)]
    counts = []
    for batch in (tools[:1], tools[1:5]):
        for tool in batch:
            for code in ("01", "02", "03", "04", "05", "06", "07", "08", "09", "10"):
                row = factories.AdoptionFactory(tool=tool, region_code=code)
                history(row, ("planned", "2021-01-01"))
        with CaptureQueriesContext(connection) as captured:
            adoption_progress.events(adoption_progress.counted_adoptions(site["tree"]["overview"].locale))
        counts.append(len(captured))
    assert models.Adoption.objects.count() == 50
    assert counts == [1, 1]
