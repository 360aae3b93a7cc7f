"""The public site in three languages: prefixes, redirects, direction, switcher and hreflang."""

import html
import re

import pytest

HOME_TITLES = {"fr": "Régionalisation avancée", "ar": "الجهوية المتقدمة", "en": "Advanced regionalisation"}


def html_tag(response):
    return re.search(r"<html[^>]*>", response.content.decode()).group(0)


@pytest.mark.parametrize(("language", "direction"), [("fr", "ltr"), ("ar", "rtl"), ("en", "ltr")])
def test_home_page_renders_in_its_language(client, portal, language, direction):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    assert html_tag(response) == f'<html lang="{language}" dir="{direction}">'
    # The heading says what the portal offers (the page's summary; its title when it has none), in its language.
    home = portal[language]
    assert home.title == HOME_TITLES[language]
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", response.content.decode(), re.S).group(1)
    assert html.unescape(re.sub(r"<[^>]+>", "", heading)).strip() == (home.summary or home.title)
    assert response["Content-Language"] == language


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [("ar", "/ar/"), ("ar-MA,ar;q=0.9,fr;q=0.8", "/ar/"), ("en-GB,en;q=0.9", "/en/"), ("de-DE", "/fr/"), ("", "/fr/")],
)
def test_root_redirects_to_the_visitors_language(client, portal, accept_language, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == expected


def test_language_cookie_wins_over_accept_language(client, portal):
    client.cookies["portal_language"] = "en"
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="ar")
    assert response["Location"] == "/en/"


def switcher_links(response):
    nav = re.search(r'<nav class="language-switcher".*?</nav>', response.content.decode(), re.S).group(0)
    return dict(re.findall(r'<a href="([^"]+)" hreflang="(\w+)"', nav))


def hreflang_links(response):
    pattern = r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)">'
    return dict(re.findall(pattern, response.content.decode()))


def test_language_switcher_leads_to_the_same_page_in_other_languages(client, portal):
    response = client.get("/ar/")
    assert switcher_links(response) == {"/fr/": "fr", "/en/": "en"}
    assert hreflang_links(response) == {
        "fr": "http://testserver/fr/",
        "ar": "http://testserver/ar/",
        "en": "http://testserver/en/",
        "x-default": "http://testserver/fr/",
    }


def test_switcher_and_hreflang_list_only_live_translations(client, portal):
    portal["en"].unpublish()
    response = client.get("/fr/")
    assert switcher_links(response) == {"/ar/": "ar"}
    assert set(hreflang_links(response)) == {"fr", "ar", "x-default"}
    assert client.get("/en/").status_code == 404


def test_unknown_language_prefix_is_a_404_in_the_default_language(client, portal):
    response = client.get("/xx/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 404
    assert html_tag(response) == '<html lang="fr" dir="ltr">'
    assert "Page introuvable" in response.content.decode()


def test_missing_page_is_a_404_in_the_language_of_the_url(client, portal):
    response = client.get("/ar/no-such-page/")
    assert response.status_code == 404
    assert html_tag(response) == '<html lang="ar" dir="rtl">'
    assert "الصفحة غير موجودة" in response.content.decode()


def test_missing_page_declares_no_alternates_since_they_are_missing_too(client, portal):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert hreflang_links(response) == {}
    assert client.get("/fr/no-such-page/").status_code == 404


def test_search_page_is_described_in_its_language_and_only_its_results_are_kept_out_of_indexes(client, portal):
    response = client.get("/ar/search/")
    description = re.search(r'<meta name="description" content="([^"]+)">', response.content.decode()).group(1)
    assert "ابحث في أدوات جهات المغرب" in description
    assert "noindex" not in response.content.decode()
    assert '<meta name="robots" content="noindex">' in client.get("/ar/search/", {"q": "x"}).content.decode()
