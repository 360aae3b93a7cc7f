"""The programme glossary as DeepL accepts it: one file per language pair, one "source<TAB>target" entry a line.

DeepL's glossary rules (its API documentation, "Glossaries"): entries in TSV (or CSV) without a header, no empty
terms, no leading or trailing spaces, no tabs or line breaks inside a term, each source term once. Terms that break
a rule are left out and reported, rather than sent for DeepL to reject the whole glossary.
"""

import csv
import io

from translations.models import GlossaryTerm

FORMATS = {"tsv": "text/tab-separated-values", "csv": "text/csv"}


def clean(term):
    term = " ".join((term or "").split())  # tabs and line breaks are not allowed inside an entry
    return term


def glossary_entries(source_language, target_language):
    """[(source term, target term)] for the terms that exist in both languages, and [skipped source terms]."""
    targets = dict(
        GlossaryTerm.objects.filter(locale__language_code=target_language).values_list("translation_key", "term")
    )
    entries, skipped, seen = [], [], set()
    sources = GlossaryTerm.objects.filter(locale__language_code=source_language).order_by("term")
    for key, term in sources.values_list("translation_key", "term"):
        source, target = clean(term), clean(targets.get(key))
        if not source or not target or source in seen:
            skipped.append(term)
            continue
        seen.add(source)
        entries.append((source, target))
    return entries, skipped


def render_glossary(entries, file_format="tsv"):
    if file_format not in FORMATS:
        raise ValueError(file_format)
    buffer = io.StringIO()
    if file_format == "tsv":
        buffer.writelines(f"{source}\t{target}\n" for source, target in entries)
    else:
        csv.writer(buffer, lineterminator="\n").writerows(entries)
    return buffer.getvalue()
