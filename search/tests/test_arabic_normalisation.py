"""Every Arabic rule of ``search/text.py``, one by one: letter forms, marks, prefixes, suffixes, minimum stem.

These are pure functions (no database): the index and the query both go through ``normalize_token``, so each rule
tested here holds on both sides.
"""

import pytest

from search.text import (
    ARABIC_ARTICLES,
    ARABIC_MIN_STEM,
    ARABIC_SUFFIXES,
    normalize,
    normalize_arabic_letters,
    normalize_token,
    stem_arabic,
    tokens,
)


@pytest.mark.parametrize(
    ("written", "folded"),
    [
        ("أ", "ا"),  # alef with hamza above
        ("إ", "ا"),  # alef with hamza below
        ("آ", "ا"),  # alef with madda
        ("ٱ", "ا"),  # alef wasla
        ("ى", "ي"),  # alef maqsura
        ("ة", "ه"),  # taa marbuta
        ("ؤ", "و"),  # waw with hamza
        ("٣", "3"),  # Arabic-Indic digit
        ("۷", "7"),  # extended Arabic-Indic digit
    ],
)
def test_each_letter_form_is_folded(written, folded):
    assert normalize_arabic_letters(written) == folded


@pytest.mark.parametrize(
    "mark",
    ["\u064e", "\u064f", "\u0650", "\u0651", "\u0652", "\u064b", "\u064c", "\u064d", "\u0670"],
    ids=["fatha", "damma", "kasra", "shadda", "sukun", "fathatan", "dammatan", "kasratan", "superscript-alef"],
)
def test_each_diacritic_is_removed_without_splitting_the_word(mark):
    word = f"مد{mark}ينة"
    assert tokens(word) == ["مدينة"]
    assert normalize_token(f"مد{mark}ينة") == normalize_token("مدينة")


def test_tatweel_is_removed_without_splitting_the_word():
    assert tokens("المشـــاركة") == ["المشاركة"]
    assert normalize("المشـــاركة") == normalize("المشاركة") == "مشارك"


def test_the_conjunction_waw_is_stripped_only_from_a_long_enough_word():
    assert stem_arabic("وثيقه") == "ثيق"  # و + ثيقه: four letters remain
    assert stem_arabic("ورد") == "ورد"  # a three-letter word keeps its و (rose, not "and" + رد)


@pytest.mark.parametrize("prefix", ARABIC_ARTICLES)
def test_each_article_prefix_is_stripped(prefix):
    assert stem_arabic(f"{prefix}مدن") == "مدن"


@pytest.mark.parametrize("word", ["والمشاركة", "المشاركة", "بالمشاركة", "كالمشاركة", "فالمشاركة", "للمشاركة"])
def test_every_prefixed_form_meets_the_bare_word(word):
    assert normalize_token(word) == normalize_token("مشاركة") == "مشارك"


def test_the_article_written_with_alef_wasla_is_stripped():
    assert normalize_token("ٱلمشاركة") == "مشارك"


@pytest.mark.parametrize("suffix", ARABIC_SUFFIXES)
def test_each_suffix_is_stripped(suffix):
    assert stem_arabic(f"مشارك{suffix}") == "مشارك"


def test_taa_marbuta_and_plural_forms_meet():
    assert normalize_token("مشاركة") == normalize_token("مشاركه") == normalize_token("مشاركات") == "مشارك"


@pytest.mark.parametrize("word", ["آليات", "آلية", "وآليات", "الآليات"])
def test_a_word_starting_with_alef_madda_and_lam_keeps_its_letters(word):
    """«آليات» (mechanisms) only looks like the article once آ is folded to ا: it stays a word about mechanisms."""
    assert normalize_token(word) == "الي"


@pytest.mark.parametrize(("word", "stem"), [("ألوان", "الو"), ("إلغاء", "الغاء")])
def test_a_word_starting_with_a_hamza_alef_and_lam_keeps_its_letters(word, stem):
    assert normalize_token(word) == stem


def test_no_prefix_or_suffix_leaves_fewer_than_three_letters():
    assert ARABIC_MIN_STEM == 3
    assert stem_arabic("الحق") == "الحق"  # "ال" + two letters: kept whole
    assert stem_arabic("لغات") == "لغات"  # two letters + "ات": kept whole
    assert stem_arabic("الدور") == "دور"  # three letters remain: stripped


def test_the_query_and_the_index_fold_a_sentence_alike():
    assert normalize("يشرح الدليل آليات المشاركة المواطنة.") == "يشرح دليل الي مشارك مواطن"
