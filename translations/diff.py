"""Word by word differences between two versions of a field's text, readable without colour.

Removed words are wrapped in ``<del>``, added words in ``<ins>`` (struck through and underlined by every browser),
each with a visually hidden "removed:" / "added:" for screen readers. Works on the rendered text (tags stripped), so
rich text and StreamFields compare by what a reader sees, in any script (words are split on whitespace).
"""

import difflib
from html import unescape

from django.utils.html import conditional_escape, format_html, strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import gettext


def plain_text(html):
    """What a reader sees of ``html``: its text, whitespace collapsed."""
    return " ".join(unescape(strip_tags(str(html or ""))).split())


def diff_words(before, after):
    """The HTML of ``after`` with what changed since ``before`` marked; both are plain texts."""
    old, new = before.split(), after.split()
    parts = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal":
            parts.append(conditional_escape(" ".join(new[j1:j2])))
            continue
        if tag in ("delete", "replace"):
            parts.append(
                format_html(
                    '<del><span class="w-sr-only">{} </span>{}</del>', gettext("removed:"), " ".join(old[i1:i2])
                )
            )
        if tag in ("insert", "replace"):
            parts.append(
                format_html('<ins><span class="w-sr-only">{} </span>{}</ins>', gettext("added:"), " ".join(new[j1:j2]))
            )
    return mark_safe(" ".join(str(part) for part in parts))  # noqa: S308 (every part escaped above)
