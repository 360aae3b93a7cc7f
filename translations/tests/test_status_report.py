"""The "Translation status" report: pages x languages, counts per language, filters; with a bounded query count."""

import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page
from wagtail.users.models import UserProfile

from home.models import HomePage
from tests.testapp.models import ArticlePage, SectionPage
from translations.starting import translate_into_all_languages
from translations.status import IN_REVIEW, MISSING, OUT_OF_DATE, STATUS_LABELS, TO_TRANSLATE, UP_TO_DATE
from translations.submission import submit_translation
from translations.tests.factories import french_page, translation_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def content(portal, users):
    """Home page: ar and en up to date. "Coopération": ar in review, en to translate (never submitted).
    "Pétition": missing in both."""
    cooperation = french_page(portal, "Coopération")
    translate_into_all_languages(cooperation, users["editor"])
    submit_translation(translation_of(cooperation, "ar"), users["translator_ar"])
    petition = french_page(portal, "Pétition")
    return {"home": portal["fr"], "cooperation": cooperation, "petition": petition}


def cells(content_html):
    """{(page id, language): status} read from the report's table."""
    found = {}
    for page_id, row in re.findall(r'<tr data-page="(\d+)">(.*?)</tr>', content_html, re.S):
        for language, status in re.findall(r'data-language="(\w+)" data-status="(\w+)"', row):
            found[(int(page_id), language)] = status
    return found


def counts(content_html):
    found = {}
    for language, row in re.findall(r'<tr data-language="(\w+)">(.*?)</tr>', content_html, re.S):
        found[language] = [int(n) for n in re.findall(r"<td>(\d+)</td>", row)]
    return found


def test_report_shows_each_pages_status_per_language(client, users, content):
    client.force_login(users["editor"])
    response = client.get(reverse("portal_translations:status"))
    assert response.status_code == 200
    table = cells(response.content.decode())
    assert table == {
        (content["home"].pk, "ar"): UP_TO_DATE,
        (content["home"].pk, "en"): UP_TO_DATE,
        (content["cooperation"].pk, "ar"): IN_REVIEW,
        (content["cooperation"].pk, "en"): TO_TRANSLATE,
        (content["petition"].pk, "ar"): MISSING,
        (content["petition"].pk, "en"): MISSING,
    }


def test_report_counts_match_the_data(client, users, content):
    client.force_login(users["translator_ar"])
    response = client.get(reverse("portal_translations:status"))
    # columns: up to date, out of date, to translate, in review, missing
    assert counts(response.content.decode()) == {"ar": [1, 0, 0, 1, 1], "en": [1, 0, 1, 0, 1]}


def test_report_filters_by_section(client, users, content, portal):
    section = content["cooperation"]
    child = SectionPage(title="Sous-page", slug="sous-page", locale=section.locale)
    section.add_child(instance=child)
    client.force_login(users["editor"])
    response = client.get(reverse("portal_translations:status_results"), {"section": section.pk})
    table = cells(response.content.decode())
    assert {page_id for page_id, _language in table} == {section.pk, child.pk}
    assert counts(response.content.decode()) == {"ar": [0, 0, 0, 1, 1], "en": [0, 0, 1, 0, 1]}


def test_report_filters_by_page_type(client, users, content, portal):
    plain = ArticlePage(title="Page simple", slug="page-simple", locale=portal["fr"].locale)
    portal["fr"].add_child(instance=plain)
    client.force_login(users["editor"])

    def of_type(model):
        content_type = ContentType.objects.get_for_model(model)
        url = reverse("portal_translations:status_results")
        return cells(client.get(url, {"content_type": content_type.pk}).content.decode())

    homes, sections, plains = of_type(HomePage), of_type(SectionPage), of_type(ArticlePage)
    assert {page_id for page_id, _language in homes} == {content["home"].pk}
    assert {page_id for page_id, _language in sections} == {content["cooperation"].pk, content["petition"].pk}
    assert len(sections) == 4
    assert plains == {(plain.pk, "ar"): MISSING, (plain.pk, "en"): MISSING}


def count_queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_report_and_dashboard_queries_do_not_grow_with_the_number_of_pages(client, users, portal, content):
    """Prints the figures; asserts only that 20 more pages cost no more queries."""
    report, dashboard = reverse("portal_translations:status"), reverse("wagtailadmin_home")
    client.force_login(users["translator_en"])
    for url in (report, dashboard):
        count_queries(client, url)  # warm caches (content types, locales, site)
    before = count_queries(client, report), count_queries(client, dashboard)
    for number in range(20):
        page = french_page(portal, f"Page {number}")
        translate_into_all_languages(page, users["editor"])  # 20 more out-of-date English pages on the dashboard
    after = count_queries(client, report), count_queries(client, dashboard)
    print(f"\nqueries (report, translator dashboard): 3 pages {before}, 23 pages {after}")
    assert after == before


# "To translate", status filter and sorting --------------------------------------------------------------------------
def page_order(content_html):
    return [int(page_id) for page_id in re.findall(r'<tr data-page="(\d+)">', content_html)]


def report(client, **params):
    response = client.get(reverse("portal_translations:status_results"), params)
    assert response.status_code == 200, response.content[:500]
    return response.content.decode()


def label_for(user, status):
    """A status label in ``user``'s admin language."""
    with translation.override(UserProfile.get_for_user(user).get_preferred_language()):
        return str(STATUS_LABELS[status])


def test_a_translation_never_started_reads_to_translate(client, users, content):
    client.force_login(users["editor"])
    html = report(client)
    cell = re.search(rf'<tr data-page="{content["cooperation"].pk}">.*?data-language="en"[^>]*>(.*?)</td>', html, re.S)
    assert 'data-status="to_translate"' in cell.group(0)
    assert label_for(users["editor"], TO_TRANSLATE) in cell.group(1)
    assert label_for(users["editor"], OUT_OF_DATE) not in cell.group(1)


def test_translators_dashboard_lists_a_never_started_translation_as_to_translate(client, users, content):
    client.force_login(users["translator_en"])
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    english = Page.objects.get(translation_key=content["cooperation"].translation_key, locale__language_code="en")
    row = re.search(rf'href="{reverse("wagtailadmin_pages:edit", args=[english.pk])}".*?</tr>', html, re.S).group(0)
    assert 'data-status="to_translate"' in row
    assert label_for(users["translator_en"], TO_TRANSLATE) in row


def test_report_filters_by_status(client, users, content):
    client.force_login(users["editor"])
    assert page_order(report(client, status=TO_TRANSLATE)) == [content["cooperation"].pk]
    assert page_order(report(client, status=UP_TO_DATE)) == [content["home"].pk]
    assert page_order(report(client, status=MISSING)) == [content["petition"].pk]
    assert page_order(report(client, status=IN_REVIEW, language="en")) == []
    assert page_order(report(client, status=IN_REVIEW, language="ar")) == [content["cooperation"].pk]
    filtered = report(client, status=TO_TRANSLATE)
    assert counts(filtered) == {"ar": [0, 0, 0, 1, 0], "en": [0, 0, 1, 0, 0]}  # the pages listed


def test_report_sorts_by_status_and_by_date(client, users, content):
    client.force_login(users["editor"])
    home, cooperation, petition = content["home"].pk, content["cooperation"].pk, content["petition"].pk
    assert page_order(report(client)) == [home, cooperation, petition]  # the site's order
    # What awaits a translator first: to translate (English), then missing, then up to date.
    assert page_order(report(client, sort="status")) == [cooperation, petition, home]
    # Arabic only: in review, then missing, then up to date.
    assert page_order(report(client, sort="status", language="ar")) == [cooperation, petition, home]
    assert page_order(report(client, sort="-date")) == [petition, cooperation, home]
    assert page_order(report(client, sort="date")) == [home, cooperation, petition]


@pytest.mark.parametrize("params", [{"status": "bogus"}, {"sort": "bogus"}, {"language": "xx"}])
def test_report_refuses_an_unknown_filter_value(client, users, content, params):
    client.force_login(users["editor"])
    response = client.get(reverse("portal_translations:status"), params)
    assert response.status_code == 400
    assert next(iter(params)) in response.content.decode()
