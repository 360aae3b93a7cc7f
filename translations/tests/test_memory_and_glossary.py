"""Beside the translation editor: the previous translation of a changed French string, the same French text translated
elsewhere, and the glossary terms of each string; a suggestion is saved only through the string API, when used."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail_localize.models import StringTranslation

from approvals.operator import publish_as_operator
from tests.testapp.models import SectionPage
from translations.glossary_lookup import term_pattern, terms_in
from translations.memory import translation_aids
from translations.starting import translate_into_all_languages
from translations.submission import submit_translation
from translations.tests.factories import put_string, segment, translation_of

pytestmark = pytest.mark.django_db

SUMMARY = "La régionalisation avancée en pratique."
INTRODUCTION = "Les régions coopèrent entre elles."
CHANGED_INTRODUCTION = "Les douze régions coopèrent entre elles."
TITLE = "Coopération interrégionale"
ARABIC = {
    TITLE: "التعاون بين الجهات",
    "cooperation-interregionale": "التعاون-بين-الجهات",  # the slug is translated too
    SUMMARY: "الجهوية المتقدمة في الممارسة.",
    INTRODUCTION: "تتعاون الجهات فيما بينها.",
}


def french_page(portal, title, strands=(), **fields):
    """A published French home-type page with the given texts (strands: the programme strands, one string each)."""
    page = SectionPage(
        title=title,
        slug=title.lower().replace(" ", "-").replace("é", "e"),
        locale=portal["fr"].locale,
        summary=fields.get("summary", ""),
        introduction=fields.get("introduction", ""),
        strands=[("strand", text) for text in strands],
    )
    portal["fr"].add_child(instance=page)
    publish_as_operator(page, "tests")
    return page


def publish_french_change(page, **fields):
    """A new French revision, published (as the partners' approval would): the signal re-reads the source."""
    page = SectionPage.objects.get(pk=page.pk)
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision()
    publish_as_operator(page, "tests")


def translate(client, translation, texts):
    for text, value in texts.items():
        response = put_string(client, translation, segment(translation, text), value)
        assert response.status_code == 201, response.content


def editor_panel(client, page):
    """The aids panel of the translation editor of ``page``, parsed."""
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    panel = BeautifulSoup(response.content, "html.parser").select_one("[data-portal-aids]")
    assert panel is not None
    return panel


def card(panel, string_segment):
    return panel.select_one(f'[data-segment="{string_segment.pk}"]')


@pytest.fixture
def changed(client, users, portal):
    """A page translated into Arabic by translator_ar, whose French introduction then changed by two words."""
    page = french_page(portal, TITLE, summary=SUMMARY, introduction=INTRODUCTION)
    translate_into_all_languages(page, users["editor"])
    translation = translation_of(page, "ar")
    client.force_login(users["translator_ar"])
    translate(client, translation, ARABIC)
    publish_french_change(page, introduction=CHANGED_INTRODUCTION)
    new_segment = segment(translation, CHANGED_INTRODUCTION)
    return {
        "page": page,
        "arabic": page.get_translation(portal["ar"].locale),
        "translation": translation,
        "segment": new_segment,
    }


def test_a_changed_french_string_offers_its_previous_translation(client, changed):
    panel = editor_panel(client, changed["arabic"])

    item = card(panel, changed["segment"])
    assert item is not None
    previous = item.select_one('[data-kind="previous"]')
    assert previous.select_one(".portal-aids__text").get_text() == ARABIC[INTRODUCTION]
    assert previous.select_one(".portal-aids__text")["dir"] == "rtl"
    assert "Les régions coopèrent entre elles." in item.select_one('[data-role="previous-source"]').get_text()
    assert [ins.get_text().strip() for ins in item.select('[data-role="source"] ins')] == ["douze"]
    button = previous.select_one("[data-portal-use-suggestion]")
    assert button["data-value"] == ARABIC[INTRODUCTION]
    # Showing it saved nothing: the new French text has no Arabic translation yet.
    assert not StringTranslation.objects.filter(
        translation_of=changed["segment"].string, locale__language_code="ar"
    ).exists()


def test_only_strings_that_need_work_are_offered_suggestions(client, changed):
    panel = editor_panel(client, changed["arabic"])
    summary = segment(changed["translation"], SUMMARY)  # translated, unchanged, no glossary loaded
    assert card(panel, summary) is None
    assert card(panel, changed["segment"]) is not None
    assert panel["data-needing-work"] == "1"


def test_using_the_previous_translation_saves_it_through_the_string_api(client, changed):
    button = card(editor_panel(client, changed["arabic"]), changed["segment"]).select_one(
        "[data-portal-use-suggestion]"
    )
    assert button["data-url"] == reverse(
        "wagtail_localize:edit_string_translation",
        kwargs={"translation_id": changed["translation"].pk, "string_segment_id": changed["segment"].pk},
    )

    response = put_string(client, changed["translation"], changed["segment"], button["data-value"])

    assert response.status_code == 201
    saved = StringTranslation.objects.get(
        translation_of=changed["segment"].string, locale__language_code="ar", context=changed["segment"].context
    )
    assert saved.data == ARABIC[INTRODUCTION]
    assert not saved.has_error
    panel = editor_panel(client, changed["arabic"])
    assert card(panel, changed["segment"]) is None
    assert panel["data-needing-work"] == "0"


def test_the_panel_offers_no_button_while_the_translation_is_in_partner_review(client, users, changed):
    submit_translation(changed["translation"], users["translator_ar"])
    panel = editor_panel(client, changed["arabic"])
    item = card(panel, changed["segment"])
    assert item.select_one('[data-kind="previous"]') is not None  # still readable
    assert item.select("[data-portal-use-suggestion]") == []


def test_the_same_french_text_translated_on_another_page_is_offered(client, users, portal):
    shared = "Un guide pour toutes les régions."
    other = french_page(portal, "Guide des régions", introduction=shared)
    translate_into_all_languages(other, users["editor"])
    client.force_login(users["translator_ar"])
    translate(client, translation_of(other, "ar"), {shared: "دليل لجميع الجهات."})
    page = french_page(portal, "Nouvelle page", introduction=shared)
    translate_into_all_languages(page, users["editor"])
    translation = translation_of(page, "ar")

    item = card(editor_panel(client, page.get_translation(portal["ar"].locale)), segment(translation, shared))

    match = item.select_one('[data-kind="exact"]')
    assert match.select_one(".portal-aids__text").get_text() == "دليل لجميع الجهات."
    assert "Guide des régions" in match.select_one(".portal-aids__label").get_text()
    assert match.select_one("[data-portal-use-suggestion]")["data-value"] == "دليل لجميع الجهات."
    # The English translator is offered nothing from the Arabic translation.
    client.force_login(users["translator_en"])
    english = card(
        editor_panel(client, page.get_translation(portal["en"].locale)),
        segment(translation_of(page, "en"), shared),
    )
    assert english is None


def test_glossary_terms_are_shown_beside_the_strings_that_use_them(client, glossary, changed):
    panel = editor_panel(client, changed["arabic"])

    terms = card(panel, segment(changed["translation"], SUMMARY)).select_one('[data-role="glossary"]')
    assert terms.select_one("dt").get_text() == "régionalisation avancée"
    assert terms.select_one(".portal-aids__term").get_text() == glossary["ar"].term
    assert terms.select_one(".portal-aids__term")["lang"] == "ar"
    assert "advanced regionalisation" in terms.get_text()  # the third language, for reference
    # The changed introduction uses no glossary term: its card has suggestions, not terms.
    assert card(panel, changed["segment"]).select_one('[data-role="glossary"]') is None
    assert panel.select_one('a[href$="?locale=ar"]')["href"].startswith(
        reverse("wagtailsnippets_translations_glossaryterm:list")
    )


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("La REGIONALISATION avancee du pays", True),
        ("Deux régionalisations avancées", True),
        ("dérégionalisation avancée", False),
        ("la régionalisation, avancée", False),
    ],
)
def test_glossary_matching_ignores_accents_and_case_and_tolerates_plurals(text, found):
    patterns = {"term": term_pattern("régionalisation avancée")}
    assert (terms_in(text, patterns) == ["term"]) is found


def test_glossary_matching_finds_whole_words_and_french_plurals():
    patterns = {term: term_pattern(term) for term in ("conseil régional", "pétition", "contrat-programme État-Région")}
    assert terms_in("Les conseils régionaux reçoivent une pétition.", patterns) == ["conseil régional", "pétition"]
    assert terms_in("Les conseillers régionaux et les pétitionnaires.", patterns) == []
    assert terms_in("Le contrat programme Etat-Region", patterns) == ["contrat-programme État-Région"]


def changed_page_with_strands(client, users, portal, count):
    """A page of ``count`` strands translated into Arabic, then each French strand changed."""
    strands = [f"Axe {number} de la régionalisation avancée." for number in range(count)]
    page = french_page(portal, f"Axes {count}", strands=strands)
    translate_into_all_languages(page, users["editor"])
    translation = translation_of(page, "ar")
    translate(client, translation, {text: f"المحور {number}" for number, text in enumerate(strands)})
    # Each block keeps its id, as when an editor changes its text in the page editor.
    changed = [{"type": "strand", "value": f"{block.value} (2026)", "id": block.id} for block in page.strands]
    publish_french_change(page, strands=changed)
    return translation_of(page, "ar")


def test_the_aids_take_the_same_number_of_queries_for_3_or_30_strings(
    client, users, portal, glossary, django_assert_max_num_queries
):
    client.force_login(users["translator_ar"])
    small, large = (changed_page_with_strands(client, users, portal, count) for count in (3, 30))
    counts = []
    for translation, strands in ((small, 3), (large, 30)):
        with CaptureQueriesContext(connection) as queries, django_assert_max_num_queries(6):
            aids = translation_aids(translation)
        counts.append(len(queries))
        strand_aids = [aid for aid in aids.strings if aid.previous is not None]
        assert len(strand_aids) == strands
        assert all(aid.terms for aid in strand_aids)
    assert counts[0] == counts[1]
