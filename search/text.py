"""How each language's text is prepared for search: one place for every normalisation rule.

The same functions prepare the indexed documents and the visitor's query, so both sides always agree.

- French: case and accents are folded ("Région" -> "region", "œ" -> "oe"); PostgreSQL's ``french`` configuration then
  stems ("outils" -> "outil").
- Arabic: diacritics and tatweel are removed; hamza forms of alef (أ إ آ ٱ) become ا, alef maqsura ى becomes ي, taa
  marbuta ة becomes ه; then a light stemmer (in the manner of Larkey's "light10") strips the conjunction و and the
  article with its attached prepositions (ال، وال، بال، كال، فال، لل) and common suffixes, so "والمشاركة", "المشاركة"
  and "مشاركة" meet. PostgreSQL's ``arabic`` configuration alone does not: it keeps "والمشارك" apart from "مشارك".
  Two rules keep words whole that only look like they carry the article (``stem_arabic``):
  - the article is recognised on the word as written, before the letter forms are folded: its alef is a bare ا (or
    the wasla ٱ), never a hamza or madda alef, so "آليات" (mechanisms: آ + ل) and "ألوان" keep their first letters,
    although folding makes them start with "ال";
  - a stem keeps at least three letters (most Arabic roots have three): no prefix or suffix is stripped when fewer
    would remain, so "آليات" becomes "الي", as "آلية" does, not "يات" or "ال". The price: a two-letter stem such as
    "الحق" / "حق" does not meet. A word written without its madda ("اليات") cannot be told from the article.
- English: case is folded; the ``english`` configuration stems ("councils" -> "council").

Without PostgreSQL (the SQLite file of `make run`), ``light_stem`` gives French and English a rough plural folding so
search still works there, less finely.
"""

import re
import unicodedata

CONFIGS = {"fr": "french", "ar": "arabic", "en": "english"}

WORD = re.compile(r"\w+", re.UNICODE)
ARABIC_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
TATWEEL = "\u0640"
ARABIC_LETTER_MAP = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ة": "ه",
        "ؤ": "و",
        # Arabic-Indic digits read as digits.
        **{chr(0x0660 + i): str(i) for i in range(10)},
        **{chr(0x06F0 + i): str(i) for i in range(10)},
    }
)
ARABIC_ARTICLES = ("وال", "بال", "كال", "فال", "لل", "ال")
# After folding, taa marbuta is ه: "ية" is written "يه" here.
ARABIC_SUFFIXES = ("ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي")
ARABIC_MIN_STEM = 3


def config_for(language):
    """The PostgreSQL text search configuration of a language code ('simple' for anything else)."""
    return CONFIGS.get(language, "simple")


def fold_latin(text):
    """Lower case without accents: 'Région' -> 'region', 'Œuvre' -> 'oeuvre'."""
    text = text.lower().replace("œ", "oe").replace("æ", "ae").replace("ß", "ss")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def normalize_arabic_letters(text):
    text = ARABIC_DIACRITICS.sub("", text).replace(TATWEEL, "")
    return text.translate(ARABIC_LETTER_MAP)


def stem_arabic(word):
    """Light stemming of one Arabic word (diacritics and tatweel already removed): the conjunction و, then the article
    with its attached preposition, recognised on the letters as written (its alef is ا or ٱ, not أ إ آ); then the
    letter forms are folded and common suffixes stripped. No step leaves fewer than ``ARABIC_MIN_STEM`` letters."""
    word = word.replace("ٱ", "ا")
    if word.startswith("و") and len(word) - 1 >= ARABIC_MIN_STEM:
        word = word[1:]
    for prefix in ARABIC_ARTICLES:
        if word.startswith(prefix) and len(word) - len(prefix) >= ARABIC_MIN_STEM:
            word = word[len(prefix) :]
            break
    token = normalize_arabic_letters(word)
    for suffix in ARABIC_SUFFIXES:
        if len(token) - len(suffix) >= ARABIC_MIN_STEM and token.endswith(suffix):
            token = token[: -len(suffix)]
    return token


def is_arabic(token):
    return any("\u0600" <= ch <= "\u06ff" for ch in token)


def tokens(text):
    """The words of a text. Arabic diacritics and tatweel go first, or they would split words in two."""
    text = ARABIC_DIACRITICS.sub("", text or "").replace(TATWEEL, "")
    return WORD.findall(text)


def normalize_token(token):
    """One word as the index and the query both see it, whatever the page's language.

    Arabic words are folded and lightly stemmed in every language (a French page may quote an Arabic name), Latin
    words are folded.
    """
    token = unicodedata.normalize("NFKC", token)
    if is_arabic(token):
        return stem_arabic(ARABIC_DIACRITICS.sub("", token).replace(TATWEEL, ""))
    return fold_latin(token)


def normalize(text):
    """A whole text, word by word (see normalize_token); punctuation and operators disappear."""
    return " ".join(filter(None, (normalize_token(t) for t in tokens(text))))


def light_stem(token):
    """A rough plural folding for Latin words, used only where PostgreSQL's stemmers are not available."""
    if is_arabic(token) or len(token) <= 3:
        return token
    for suffix in ("ies", "aux", "es", "s", "x"):
        if token.endswith(suffix) and len(token) - len(suffix) >= 3:
            return token[: -len(suffix)] + ("y" if suffix == "ies" else "al" if suffix == "aux" else "")
    return token
