"""The Latin and shared rules of ``search/text.py``: folding, the SQLite plural folding, configurations, word splitting.

Pure functions, no database. The Arabic rules have their own file (test_arabic_normalisation.py); these were found
untested by the mutation run (`make mutants`, docs/testing.md): each assertion fails if one operator, constant or
string of the rule changes.
"""

import pytest

from search.text import (
    config_for,
    fold_latin,
    is_arabic,
    light_stem,
    normalize,
    normalize_arabic_letters,
    normalize_token,
    stem_arabic,
    tokens,
)


@pytest.mark.parametrize(
    ("written", "folded"),
    [
        ("Région", "region"),
        ("ÉLÈVES", "eleves"),
        ("Œuvre", "oeuvre"),
        ("cœur", "coeur"),
        ("Lætitia", "laetitia"),
        ("Straße", "strasse"),
        ("façade", "facade"),
        ("naïve", "naive"),
        ("council", "council"),
    ],
)
def test_latin_words_lose_case_and_accents(written, folded):
    assert fold_latin(written) == folded
    assert normalize_token(written) == folded


@pytest.mark.parametrize(
    ("language", "config"),
    [("fr", "french"), ("ar", "arabic"), ("en", "english"), ("de", "simple"), ("", "simple")],
)
def test_each_language_has_its_postgresql_configuration(language, config):
    assert config_for(language) == config


@pytest.mark.parametrize(
    ("token", "stem"),
    [
        ("policies", "policy"),  # -ies -> -y
        ("regionaux", "regional"),  # French -aux -> -al
        ("classes", "class"),  # -es
        ("councils", "council"),  # -s
        ("maps", "map"),  # four letters: three remain, the shortest stem allowed
        ("choix", "choi"),  # -x
        ("ties", "tie"),  # -ies would leave one letter: -s is stripped instead
        ("axes", "axe"),  # -es would leave two letters: -s is stripped instead
        ("bus", "bus"),  # three letters: kept whole
        ("region", "region"),  # no plural ending
    ],
)
def test_the_sqlite_plural_folding(token, stem):
    assert light_stem(token) == stem


def test_the_sqlite_plural_folding_leaves_arabic_words_alone():
    assert light_stem("مدارس") == "مدارس"
    # A word holding Arabic letters is not a Latin plural, even with a Latin tail (\w+ keeps "مدنs" in one word).
    assert light_stem("مدنs") == "مدنs"


@pytest.mark.parametrize("char", ["\u0600", "\u0627", "\u06ff"])
def test_the_whole_arabic_block_counts_as_arabic(char):
    assert is_arabic(f"x{char}")


@pytest.mark.parametrize("token", ["a", "region", "z", "123", "\u05ff", "\u0700", "Ω"])
def test_other_letters_are_not_arabic(token):
    assert not is_arabic(token)


def test_no_text_has_no_words():
    assert tokens(None) == []
    assert tokens("") == []
    assert normalize(None) == ""


def test_a_word_with_tatweel_met_alone_is_the_word_without_it():
    """The excerpt highlighter (search/results.py) normalises words one by one, tatweel included."""
    assert normalize_token("مـدينـة") == normalize_token("مدينة")
    assert "ـ" not in normalize_token("مـدينـة")


def test_arabic_letter_folding_also_drops_marks_and_tatweel():
    assert normalize_arabic_letters("مُدُن") == "مدن"
    assert normalize_arabic_letters("مـدن") == "مدن"


def test_the_conjunction_leaves_a_three_letter_stem():
    assert stem_arabic("وعمل") == "عمل"  # و + three letters: the shortest stem allowed
