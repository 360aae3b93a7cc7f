"""The institutional pages, seen through public URLs: each in its language, linked from every page's footer."""

import pytest
from django.utils.html import escape
from django.utils.timezone import localtime
from wagtail.models import PageViewRestriction

from approvals.operator import publish_as_operator
from home.models import HomePage
from institutional.models import InformationKind, InformationPage
from institutional.tests.forms import add_url, information_form
from toolkit.tests import factories

LANGUAGES = ("fr", "ar", "en")
TITLES = {
    "fr": ["Mentions légales", "Accessibilité", "Données personnelles", "Contact"],
    "ar": ["الإشعار القانوني", "إمكانية الولوج", "المعطيات الشخصية", "الاتصال"],
    "en": ["Legal notice", "Accessibility", "Personal data", "Contact"],
}


@pytest.fixture
def pages(portal):
    """The four pages in French, translated into Arabic and English with each language's titles."""
    french = factories.information_pages(portal["fr"])
    by_language = {"fr": french}
    for language in ("ar", "en"):
        by_language[language] = {}
        for kind, page in french.items():
            translation = factories.translate(page, language)
            translation.title = TITLES[language][InformationKind.values.index(kind)]
            by_language[language][kind] = factories.save_live(translation)
    for kind, page in french.items():
        page.title = TITLES["fr"][InformationKind.values.index(kind)]
        page.save_revision()
        by_language["fr"][kind] = publish_as_operator(page, "tests").specific  # a publication dates the page
    return by_language


def footer_of(html):
    return html[html.index('<footer class="site-footer">') :]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_footer_links_to_the_four_pages_in_its_language(client, pages, language):
    tools = factories.ToolIndexPageFactory(parent=HomePage.objects.get(locale__language_code=language))
    for path in (f"/{language}/", tools.url):
        footer = footer_of(client.get(path).content.decode())
        links = [
            f'<a href="{pages[language][kind].url}" data-kind="{kind}">{escape(title)}</a>'
            for kind, title in zip(InformationKind.values, TITLES[language], strict=True)
        ]
        positions = [footer.index(link) for link in links]  # each present...
        assert positions == sorted(positions)  # ...in the order of their kinds
        for other in set(LANGUAGES) - {language}:
            assert pages[other]["privacy"].url not in footer


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_page_shows_its_sections_and_when_it_was_last_updated(client, pages, language):
    page = pages[language]["accessibility"]
    response = client.get(page.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert f"<h1>{escape(page.title)}</h1>" in html
    assert '<h2 id="chapter-1-heading">' in html
    assert f'<time datetime="{localtime(page.last_published_at):%Y-%m-%d}">' in html


def test_the_contact_page_address_shows_on_the_page_and_in_the_footer(client, pages):
    contact = pages["fr"]["contact"]
    contact.contact_email = "contact@regionalisation.example"
    factories.save_live(contact)
    for path in ("/fr/", contact.url):
        html = client.get(path).content.decode()
        assert 'href="mailto:contact@regionalisation.example"' in footer_of(html)
    main = client.get(contact.url).content.decode().split("<footer")[0]
    assert 'href="mailto:contact@regionalisation.example"' in main


def test_a_draft_or_a_private_page_is_not_linked(client, pages):
    pages["fr"]["legal_notice"].unpublish()
    PageViewRestriction.objects.create(page=pages["fr"]["privacy"], restriction_type="password", password="x")
    footer = footer_of(client.get("/fr/").content.decode())
    assert 'data-kind="legal_notice"' not in footer
    assert 'data-kind="privacy"' not in footer
    assert 'data-kind="accessibility"' in footer
    # The Arabic translation of the private page is private too (home.privacy); the Arabic legal notice stays.
    arabic = footer_of(client.get("/ar/").content.decode())
    assert 'data-kind="privacy"' not in arabic and 'data-kind="legal_notice"' in arabic


def test_the_pages_go_only_under_a_home_page_and_have_no_children():
    assert InformationPage.allowed_parent_page_models() == [HomePage]
    assert InformationPage.allowed_subpage_models() == []


def test_a_language_has_one_page_of_each_kind(clients, portal):
    factories.InformationPageFactory(parent=portal["fr"], kind="privacy")
    before = InformationPage.objects.count()
    form = information_form(kind="privacy", title="Vie privée", slug="vie-privee", action="action-submit")
    response = clients["editor"].post(add_url(portal["fr"]), form)
    assert response.status_code == 200  # the form again, with its error
    assert "Cette langue a déjà une page de ce type." in response.content.decode()  # the editor's admin is in French
    assert InformationPage.objects.count() == before
    # The same kind in another language is that language's own page.
    arabic = factories.InformationPageFactory(parent=portal["ar"], kind="privacy", slug="khususiya")
    assert arabic.live
