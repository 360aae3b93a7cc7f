"""Excerpts: the window around the first matched word, highlighting and escaping (SQLite: test_sqlite_engine.py)."""

from search.engines import DatabaseEngine
from search.models import SearchDocument
from search.query import parse
from search.results import EXCERPT_SOURCE_CHARS, excerpt_html, excerpt_words, word_matcher


def test_window_starts_eight_words_before_the_first_match():
    source = " ".join(f"w{i}" for i in range(100)).replace("w50", "outil")
    html = excerpt_html(source, lambda word: word == "outil")
    assert html.startswith("… w42 w43")
    assert "<mark>outil</mark>" in html
    assert html.endswith("w73 …")
    assert len(html.replace("…", "").split()) == 32


def test_without_a_match_the_excerpt_is_the_start_and_is_escaped():
    assert excerpt_html("un <b> & deux", lambda word: False) == "un &lt;b&gt; &amp; deux"
    assert excerpt_html("", lambda word: True) == ""
    assert excerpt_html("« … »", lambda word: True) == "« … »"


def test_an_excerpt_from_the_start_keeps_its_leading_punctuation():
    html = excerpt_html("« Budget » participatif (2024)", lambda word: word == "Budget")
    assert html == "« <mark>Budget</mark> » participatif (2024)"
    assert excerpt_html("<b>un</b> deux", lambda word: False) == "&lt;b&gt;un&lt;/b&gt; deux"


def test_words_match_through_their_normalised_form():
    is_match = word_matcher(["region", "مشارك"])
    assert is_match("Régions") is False  # the engine passes the normalised forms that stem like the query
    assert is_match("RÉGION") and is_match("région")
    assert is_match("والمشاركة") and is_match("مشاركة") and not is_match("مشاريع")
    assert excerpt_words("La Région, la région et les RÉGIONS.") == ["et", "la", "les", "region", "regions"]


def test_arabic_words_with_diacritics_are_whole_words_and_highlighted(make_page):
    with_marks = excerpt_words("المُشارَكة المواطِنة")
    assert len(with_marks) == 2 and with_marks == excerpt_words("المشاركة المواطنة")
    page = make_page("ar", "دليل", "يعزز هذا الدليل المُشارَكة المواطِنة في الجهات.")
    results = DatabaseEngine().search(parse({"q": "مشاركة"}, "ar"))
    hit = next(h for h in results.hits if h.page_id == page.pk)
    assert "<mark>المُشارَكة</mark>" in hit.excerpt


def test_the_index_keeps_the_excerpt_source_and_its_words(make_page):
    page = make_page("fr", "Fiche", "Cet outil aide les régions. " * 200, summary="Résumé de la fiche.")
    document = SearchDocument.objects.get(page_id=page.pk)
    assert document.excerpt_source.startswith("Résumé de la fiche. Cet outil")
    assert len(document.excerpt_source) == EXCERPT_SOURCE_CHARS
    assert "regions" in document.excerpt_words and "resume" in document.excerpt_words
