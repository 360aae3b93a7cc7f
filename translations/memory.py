"""What the translation editor offers a translator beside each string: translation memory and the glossary.

wagtail-localize keys a translation on the French text itself (``StringTranslation.translation_of``): when an editor
changes one word of a French paragraph, the new text is a new ``String`` with no translation, and the translator
would retype the whole paragraph. The earlier translation is still there, attached to the same position in the page
(``TranslationContext``) and to the earlier French text. This module finds, for each string of a translation:

- **the previous translation**: a string that needs work (no translation in the target language, or one with an
  error) whose position was translated before for another French text: that translation, with the earlier French
  text and what changed in it;
- **exact matches**: the same French text already translated elsewhere in the portal in that language;
- **glossary terms**: the programme terms its French text uses (``translations.glossary_lookup``), with their
  rendering in the target language and, for reference, in the other languages.

Nothing is saved here: the editor's panel offers each suggestion, and the translator's click sends it through
wagtail-localize's own string API, where the usual rules apply (``translations.guards``). Computed in a fixed number
of queries, whatever the number of strings.
"""

import difflib
import re
from dataclasses import dataclass, field

from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation
from wagtail_localize.strings import StringValue

from translations.glossary_lookup import term_pattern, terms_in
from translations.models import GlossaryTerm

MAX_EXACT_MATCHES = 3
_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")


@dataclass
class TextPart:
    text: str
    changed: bool = False


@dataclass
class Suggestion:
    value: str  # what is saved if the translator uses it (as stored: inline markup kept)
    text: str  # the same, as plain text to read
    where: str = ""  # exact matches: the title of the page it was translated for, when it is a page


@dataclass
class GlossaryEntry:
    french: str
    target: str
    others: list = field(default_factory=list)  # [(language code, term)] in the other languages


@dataclass
class StringAid:
    segment_id: int
    edit_url: str
    source_text: str
    needs_work: bool
    previous: Suggestion | None = None
    previous_source: list = field(default_factory=list)  # [TextPart] the earlier French text, removals changed
    source_parts: list = field(default_factory=list)  # [TextPart] the current French text, additions changed
    matches: list = field(default_factory=list)  # [Suggestion]
    terms: list = field(default_factory=list)  # [GlossaryEntry]

    @property
    def has_suggestions(self):
        return self.needs_work and (self.previous is not None or bool(self.matches))


@dataclass
class TranslationAids:
    strings: list  # [StringAid] with a suggestion or a glossary term, in the page's order
    needing_work: int  # strings of the translation without a usable translation


def plain(data):
    return StringValue(data).render_text()


def compare_texts(old, new):
    """The two texts cut in words, each part marked when it differs from the other text."""
    old_tokens, new_tokens = _TOKEN.findall(old), _TOKEN.findall(new)
    old_parts, new_parts = [], []
    matcher = difflib.SequenceMatcher(a=old_tokens, b=new_tokens, autojunk=False)
    for operation, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        changed = operation != "equal"
        _append(old_parts, "".join(old_tokens[old_start:old_end]), changed)
        _append(new_parts, "".join(new_tokens[new_start:new_end]), changed)
    return old_parts, new_parts


def _append(parts, text, changed):
    if not text:
        return
    if parts and parts[-1].changed == changed:
        parts[-1].text += text
    else:
        parts.append(TextPart(text, changed))


def translation_aids(translation):
    """The aids for ``translation`` (a wagtail-localize ``Translation``), see the module's docstring."""
    source, target = translation.source, translation.target_locale
    segments = list(
        StringSegment.objects.filter(source_id=source.pk)
        .select_related("string")
        .only("id", "order", "context_id", "string__id", "string__data")
        .order_by("order")
    )
    current, previous = _translations_by_context(segments, target.pk)
    needing_work = [segment for segment in segments if segment.pk not in current]
    matches = _exact_matches(needing_work, target.pk)
    glossary = _glossary(source.locale.language_code, target.language_code)

    aids = []
    for segment in segments:
        aid = StringAid(
            segment_id=segment.pk,
            edit_url=reverse(
                "wagtail_localize:edit_string_translation",
                kwargs={"translation_id": translation.pk, "string_segment_id": segment.pk},
            ),
            source_text=plain(segment.string.data),
            needs_work=segment.pk not in current,
            terms=[glossary.entries[key] for key in terms_in(segment.string.data, glossary.patterns)],
        )
        if aid.needs_work:
            earlier = previous.get(segment.context_id)
            if earlier is not None:
                aid.previous = Suggestion(value=earlier.data, text=plain(earlier.data))
                aid.previous_source, aid.source_parts = compare_texts(
                    plain(earlier.translation_of.data), aid.source_text
                )
            offered = {aid.previous.value} if aid.previous else set()
            aid.matches = [match for match in matches.get(segment.string_id, []) if match.value not in offered]
        if aid.has_suggestions or aid.terms:
            aids.append(aid)
    return TranslationAids(strings=aids, needing_work=len(needing_work))


def _translations_by_context(segments, locale_id):
    """({segment id} translated without error, {context id: the latest earlier translation at that position})."""
    by_context = {segment.context_id: segment for segment in segments}
    translations = (
        StringTranslation.objects.filter(locale_id=locale_id, context_id__in=by_context)
        .select_related("translation_of")
        .only("data", "has_error", "updated_at", "context_id", "translation_of__id", "translation_of__data")
        .order_by("-updated_at", "-pk")
    )
    current, previous = set(), {}
    for string_translation in translations:
        segment = by_context[string_translation.context_id]
        if string_translation.translation_of_id == segment.string_id:
            if not string_translation.has_error:
                current.add(segment.pk)
        elif not string_translation.has_error:
            previous.setdefault(segment.context_id, string_translation)
    return current, previous


def _exact_matches(segments, locale_id):
    """{string id: [Suggestion]}: the same French strings translated elsewhere in that language, newest first."""
    if not segments:
        return {}
    rows = list(
        StringTranslation.objects.filter(
            locale_id=locale_id, translation_of_id__in={segment.string_id for segment in segments}, has_error=False
        )
        .order_by("-updated_at", "-pk")
        .values_list("translation_of_id", "data", "context__object_id")
    )
    titles = dict(
        Page.objects.filter(
            translation_key__in={object_id for _string, _data, object_id in rows if object_id}, locale_id=locale_id
        ).values_list("translation_key", "title")
    )
    found = {}
    for string_id, data, object_id in rows:
        suggestions = found.setdefault(string_id, [])
        if len(suggestions) < MAX_EXACT_MATCHES and all(s.value != data for s in suggestions):
            suggestions.append(Suggestion(value=data, text=plain(data), where=titles.get(object_id, "")))
    return found


@dataclass
class _Glossary:
    patterns: dict  # translation key -> compiled pattern of the French term
    entries: dict  # translation key -> GlossaryEntry


def _glossary(source_language, target_language):
    """The whole glossary in one query: it holds a few dozen terms, matched in Python."""
    terms = {}
    rows = GlossaryTerm.objects.order_by("locale__pk").values_list("translation_key", "locale__language_code", "term")
    for key, language, term in rows:
        terms.setdefault(key, {})[language] = term
    patterns, entries = {}, {}
    for key, by_language in sorted(terms.items(), key=lambda item: item[1].get(source_language, "").casefold()):
        french = by_language.get(source_language)
        if not french:
            continue
        patterns[key] = term_pattern(french)
        entries[key] = GlossaryEntry(
            french=french,
            target=by_language.get(target_language, ""),
            others=[
                (language, term)
                for language, term in by_language.items()
                if language not in (source_language, target_language)
            ],
        )
    return _Glossary(patterns=patterns, entries=entries)
