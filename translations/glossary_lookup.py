"""Which glossary terms a French text uses: the rule behind "glossary beside the strings" in the translation editor.

A term is found in a text when its words appear there in order, as whole words, whatever the accents and the case
("Regionalisation avancee" finds "régionalisation avancée"), with French plurals tolerated: a final -s or -x may be
added or dropped, and -al may read -aux ("conseils régionaux" finds "conseil régional"). Hyphens, apostrophes and
spaces between words are interchangeable (typed or typographic apostrophe alike). Rich-text markup is not text.
"""

import re
import unicodedata

_TAG = re.compile(r"<[^>]+>")
_SEPARATOR = r"[\s\-'’]+"


def normalise(text):
    """Lower case, without accents or markup, apostrophes typed one way: the form both sides are compared in."""
    text = _TAG.sub(" ", text or "").replace("’", "'")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


def _word_pattern(word):
    if word.endswith("aux") and len(word) > 4:
        return re.escape(word[:-3]) + "(?:al|aux)"
    if word.endswith("al") and len(word) > 3:
        return re.escape(word[:-2]) + "(?:als?|aux)"
    stem = word[:-1] if word[-1] in "sx" and len(word) > 3 else word
    return re.escape(stem) + "[sx]?"


def term_pattern(term):
    """A compiled pattern finding ``term`` in a normalised text, or None for a term without words."""
    words = [word for word in re.split(_SEPARATOR, normalise(term)) if word]
    if not words:
        return None
    return re.compile(r"(?<!\w)" + _SEPARATOR.join(_word_pattern(word) for word in words) + r"(?!\w)")


def terms_in(text, patterns):
    """The keys of ``patterns`` ({key: compiled term_pattern}) whose term appears in ``text``, in their order."""
    normalised = normalise(text)
    return [key for key, pattern in patterns.items() if pattern is not None and pattern.search(normalised)]
