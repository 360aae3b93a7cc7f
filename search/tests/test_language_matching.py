"""Matching that understands French, Arabic and English, through the public search URL."""

import re

import pytest


def result_titles(client, language, query):
    """Titles of the results, without the home pages (their introduction mentions regions and participation)."""
    response = client.get(f"/{language}/search/", {"q": query})
    assert response.status_code == 200
    titles = re.findall(r'class="search-result__title"><a href="[^"]+">([^<]+)</a>', response.content.decode())
    return [t for t in titles if t not in HOME_TITLES]


HOME_TITLES = {"Régionalisation avancée", "الجهوية المتقدمة", "Advanced regionalisation"}


@pytest.mark.parametrize("query", ["region", "REGION", "Région", "regions", "RÉGIONS"])
def test_french_ignores_accents_case_and_plural(client, make_page, query):
    make_page("fr", "Conseil de la région pilote", "La région organise des ateliers.")
    make_page("fr", "Rapport annuel", "Sans rapport avec le sujet.")
    assert result_titles(client, "fr", query) == ["Conseil de la région pilote"]


def test_french_plural_finds_singular(client, make_page):
    make_page("fr", "Fiche pratique", "Un outil de concertation pour les conseils régionaux.")
    assert result_titles(client, "fr", "outils") == ["Fiche pratique"]
    assert result_titles(client, "fr", "conseil") == ["Fiche pratique"]


@pytest.mark.parametrize(
    "query",
    [
        "المشاركة",  # with the article
        "مشاركة",  # bare
        "والمشاركة",  # conjunction + article
        "بالمشاركة",  # preposition + article
        "المشاركه",  # taa marbuta typed as haa
        "المُشارَكة",  # with diacritics
        "المشـــاركة",  # with tatweel
    ],
)
def test_arabic_normalises_and_strips_prefixes(client, make_page, query):
    make_page("ar", "ميثاق مشاركة", "وثيقة تنظم والمشاركة في إعداد البرامج.")
    make_page("ar", "دليل عملي", "يشرح الدليل آليات المشاركة المواطنة.")
    make_page("ar", "تقرير سنوي", "لا علاقة له بالموضوع.")
    assert sorted(result_titles(client, "ar", query)) == ["دليل عملي", "ميثاق مشاركة"]


@pytest.mark.parametrize(("query", "expected"), [("ادوات", "أدوات التواصل"), ("إدوات", "أدوات التواصل")])
def test_arabic_hamza_forms_of_alef_meet(client, make_page, query, expected):
    make_page("ar", "أدوات التواصل", "مجموعة من الوسائل.")
    assert result_titles(client, "ar", query) == [expected]


def test_arabic_alef_maqsura_meets_yaa(client, make_page):
    make_page("ar", "ملتقى الجهات", "لقاء سنوي.")
    assert result_titles(client, "ar", "ملتقي") == ["ملتقى الجهات"]


@pytest.mark.parametrize("query", ["councils", "council", "Councils'"])
def test_english_stems(client, make_page, query):
    make_page("en", "Guide for regional councils", "How a council consults citizens.")
    assert result_titles(client, "en", query) == ["Guide for regional councils"]


def test_matched_words_are_highlighted_in_the_excerpt(client, make_page):
    make_page("fr", "Fiche", "Cet outil aide les régions à consulter les citoyens.")
    body = client.get("/fr/search/", {"q": "outils region"}).content.decode()
    assert "<mark>outil</mark>" in body
    assert "<mark>régions</mark>" in body


def test_words_found_in_no_single_page_fall_back_to_any_word(client, make_page):
    make_page("fr", "Budget participatif", "Les citoyens votent.")
    make_page("fr", "Jumelage", "Coopération décentralisée.")
    response = client.get("/fr/search/", {"q": "budget jumelage"})
    body = response.content.decode()
    assert "2 résultats" in body
    assert "ne contient tous vos mots" in body
