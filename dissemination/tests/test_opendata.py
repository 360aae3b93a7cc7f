"""The adoption matrix as open data, through its public URLs: only live adoptions of live public tools."""

import csv
import datetime
import io
import json

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.documents import get_document_model
from wagtail.models import Collection, Locale, PageViewRestriction

from approvals.guard import sanctioned_publication
from tests.html_checker import vnu_errors
from toolkit.models import Adoption, AdoptionHistory, AdoptionStatus
from toolkit.reference import reference_data
from toolkit.tests import factories

CSV_URL = "/open-data/adoptions.csv"
JSON_URL = "/open-data/adoptions.json"
REGIONS = {region["code"]: region for region in reference_data()["regions"]}


def read_csv(response):
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read Arabic as UTF-8
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


@pytest.fixture
def adoptions(portal):
    tree = factories.toolkit_tree(portal["fr"])
    factories.translate(tree["tools"], "ar")
    tool = factories.ToolPageFactory(parent=tree["tools"], title="Budget participatif")
    factories.translate(tool, "ar")
    private = factories.ToolPageFactory(parent=tree["tools"], title="Réservé")
    factories.translate(private, "ar")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="x")
    factories.AdoptionFactory(tool=tool, region_code="04", status=AdoptionStatus.ADOPTED)
    factories.AdoptionFactory(tool=tool, region_code="01", status=AdoptionStatus.PILOTING)
    factories.AdoptionFactory(tool=private, region_code="04")
    draft = factories.AdoptionFactory(tool=tool, region_code="06")
    Adoption.objects.filter(pk=draft.pk).update(live=False)
    return {"tool": tool, "tree": tree}


def test_csv_holds_only_live_adoptions_of_live_public_tools(client, adoptions):
    response = client.get(CSV_URL)
    assert response.status_code == 200
    rows = read_csv(response)
    assert [(row["tool_title"], row["region_code"], row["status"]) for row in rows] == [
        ("Budget participatif", "01", "piloting"),
        ("Budget participatif", "04", "adopted"),
    ]
    assert rows[1]["region_name"] == REGIONS["04"]["fr"]
    assert rows[1]["since"] == "2024-01-15"
    assert rows[1]["tool_key"] == str(adoptions["tool"].translation_key)
    assert rows[1]["tool_url"] == "http://testserver" + adoptions["tool"].url
    assert response["Link"] == '<https://creativecommons.org/licenses/by/4.0/>; rel="license"'
    assert response["Access-Control-Allow-Origin"] == "*"


def test_json_in_arabic_names_the_licence_and_the_arabic_titles(client, adoptions):
    response = client.get(JSON_URL, {"lang": "ar"})
    assert response.status_code == 200
    document = json.loads(response.content)
    assert document["licence"]["url"] == "https://creativecommons.org/licenses/by/4.0/"
    assert document["language"] == "ar"
    rows = document["adoptions"]
    assert [row["region_code"] for row in rows] == ["01", "04"]
    arabic_tool = adoptions["tool"].get_translation(Locale.objects.get(language_code="ar"))
    assert {row["tool_url"] for row in rows} == {"http://testserver" + arabic_tool.url}
    assert [row["region_name"] for row in rows] == [REGIONS["01"]["ar"], REGIONS["04"]["ar"]]
    assert {row["tool_title"] for row in rows} == {arabic_tool.title}
    assert {row["status_label"] for row in rows} != {"piloting", "adopted"}  # labels translated
    assert response["Access-Control-Allow-Origin"] == "*"


def test_a_tool_not_translated_is_not_in_that_languages_file(client, adoptions):
    assert json.loads(client.get(JSON_URL, {"lang": "en"}).content)["adoptions"] == []


def test_bad_language_and_writes_are_refused(client, adoptions):
    for url in (CSV_URL, JSON_URL):
        response = client.get(url, {"lang": "xx"})
        assert response.status_code == 400
        assert b"lang must be one of" in response.content
        assert client.post(url).status_code == 405
    assert Adoption.objects.count() == 4


def test_a_download_costs_the_same_queries_with_2_or_20_adoptions(client, adoptions):
    def count():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(CSV_URL).status_code == 200
        return len(captured)

    few = count()
    codes = ["02", "03", "05", "07", "08", "09"]
    for index in range(3):
        tool = factories.ToolPageFactory(parent=adoptions["tree"]["tools"], title=f"Outil {index}")
        for code in codes:
            factories.AdoptionFactory(tool=tool, region_code=code)
    assert len(read_csv(client.get(CSV_URL))) == 20
    many = count()
    print(f"adoptions.csv: {few} queries for 2 rows, {many} for 20")
    assert few == many


def test_the_adoption_overview_links_to_its_downloads_in_its_language(client, adoptions):
    overview = adoptions["tree"]["overview"]
    for language in ("fr", "ar"):
        page = overview if language == "fr" else factories.translate(overview, language)
        content = client.get(page.url).content.decode()
        for url in (CSV_URL, JSON_URL):
            link = f'href="{url}?lang={language}"'
            assert link in content, language
            assert client.get(f"{url}?lang={language}").status_code == 200
        assert vnu_errors({page.url: content}) == []


# Evidence and history (issue 16 point 4) ----------------------------------------------------------------------------
HISTORY_CSV_URL = "/open-data/adoption-history.csv"
HISTORY_JSON_URL = "/open-data/adoption-history.json"


def test_the_evidence_column_gives_the_link_or_the_live_row_s_document(client, adoptions, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    document = get_document_model()(title="Délibération", collection=Collection.get_first_root_node())
    document.file.save("deliberation.pdf", ContentFile(b"%PDF-1.4 x"), save=False)
    document.save()
    Adoption.objects.filter(region_code="01").update(evidence_url="https://region-01.example.ma/deliberation")
    row = Adoption.objects.get(region_code="04", tool=adoptions["tool"])
    row.evidence_document = document
    with sanctioned_publication("tests"):  # a save, so the reference index knows the live row uses the document
        row.save()

    rows = {row["region_code"]: row for row in read_csv(client.get(CSV_URL))}
    assert rows["01"]["evidence_url"] == "https://region-01.example.ma/deliberation"
    assert rows["04"]["evidence_url"] == "http://testserver" + document.url
    assert client.get(document.url).status_code == 200  # public, as the live row uses it


def test_the_history_download_lists_every_approved_status_of_the_live_rows(client, adoptions):
    piloting = Adoption.objects.get(region_code="01")
    AdoptionHistory.objects.create(adoption=piloting, status="planned", since=datetime.date(2022, 5, 1))
    AdoptionHistory.objects.create(adoption=piloting, status="piloting", since=datetime.date(2024, 1, 15))
    draft = Adoption.objects.get(region_code="06")
    AdoptionHistory.objects.create(adoption=draft, status="planned", since=datetime.date(2021, 1, 1))

    rows = read_csv(client.get(HISTORY_CSV_URL))
    assert [(row["region_code"], row["status"], row["since"]) for row in rows] == [
        ("01", "planned", "2022-05-01"),
        ("01", "piloting", "2024-01-15"),
    ]
    assert set(rows[0]) == {*read_csv(client.get(CSV_URL))[0], "approved_at"}
    assert "author" not in rows[0]  # who wrote a change is not published
    document = json.loads(client.get(HISTORY_JSON_URL, {"lang": "ar"}).content)
    assert [row["status"] for row in document["history"]] == ["planned", "piloting"]
    assert document["history"][0]["region_name"] == REGIONS["01"]["ar"]
    assert client.get(HISTORY_JSON_URL, {"lang": "xx"}).status_code == 400


def test_the_history_download_costs_the_same_queries_with_2_or_20_entries(client, adoptions):
    def count():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(HISTORY_CSV_URL).status_code == 200
        return len(captured)

    rows = list(Adoption.objects.filter(live=True, tool=adoptions["tool"]))
    for row in rows[:2]:
        AdoptionHistory.objects.create(adoption=row, status="planned", since=datetime.date(2022, 1, 1))
    few = count()
    for year in range(2010, 2019):
        for row in rows[:2]:
            AdoptionHistory.objects.create(adoption=row, status="planned", since=datetime.date(year, 1, 1))
    assert len(read_csv(client.get(HISTORY_CSV_URL))) == 20
    assert count() == few
