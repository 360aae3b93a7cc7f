"""Where each source page stands in each other language: the one definition of "up to date".

A source page is the version first written, French or (for content a council wrote first in Arabic) Arabic: which
one is ``translations.sources``'s rule. For a source page and each other language:

- **missing**: no page of its own in that language (nothing, or only an alias showing the source content);
- **in review**: the translation has a workflow in progress (partner approval), or sent back for changes (then it is
  also on its translators' to-do);
- **to translate**: the translation was started (the page exists in that language) but never published: no
  translated text of it has been approved yet;
- **up to date**: the translation is live and its live revision was made after the French text last changed in a
  published revision (``SourceTextChange``, recorded by ``translations.signals``);
- **out of date**: it was published, and the source text changed since (live with an older revision, or
  unpublished since).

Computed from the database in a fixed number of queries, whatever the number of pages. ``select_rows`` filters and
sorts the rows the status report shows.
"""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page, WorkflowState

from translations.models import SourceTextChange
from translations.sources import source_pages

UP_TO_DATE = "up_to_date"
OUT_OF_DATE = "out_of_date"
TO_TRANSLATE = "to_translate"
IN_REVIEW = "in_review"
MISSING = "missing"
STATUSES = [UP_TO_DATE, OUT_OF_DATE, TO_TRANSLATE, IN_REVIEW, MISSING]
# Sorting by status puts first what awaits a translator, last what awaits nobody.
URGENCY = [OUT_OF_DATE, TO_TRANSLATE, IN_REVIEW, MISSING, UP_TO_DATE]
STATUS_LABELS = {
    UP_TO_DATE: _("Up to date"),
    OUT_OF_DATE: _("Out of date"),
    TO_TRANSLATE: _("To translate"),
    IN_REVIEW: _("In review"),
    MISSING: _("Missing"),
}


@dataclass
class Cell:
    status: str
    page: Page | None = None
    changes_requested: bool = False  # in review, sent back to the translator by a partner

    @property
    def label(self):
        return STATUS_LABELS[self.status]


@dataclass
class Row:
    source: Page
    cells: dict = field(default_factory=dict)  # language code -> Cell, for every language but the source's


TARGET_FIELDS = (
    "id",
    "title",
    "draft_title",
    "translation_key",
    "locale",
    "live",
    "first_published_at",
    "alias_of_id",
    "live_revision__created_at",
)


def target_languages():
    """Every language a page may be translated into: all of them, since the source may be French or Arabic."""
    return list(Locale.objects.order_by("pk"))


def languages_in(rows, locales):
    """The ``locales`` some row has a cell in (the source languages of the rows aside when no row translates into
    them: a report of French sources has no French column)."""
    present = {code for row in rows for code in row.cells}
    return [locale for locale in locales if locale.language_code in present]


def status_rows(pages, locales=None):
    """A Row per page of ``pages`` (source pages), with a Cell per other language among ``locales``."""
    locales = locales if locales is not None else target_languages()
    pages = list(pages)
    keys = [page.translation_key for page in pages]
    translations = {
        (page.translation_key, page.locale_id): page
        for page in Page.objects.filter(translation_key__in=keys, locale__in=locales)
        .select_related("live_revision", "locale")
        .only(*TARGET_FIELDS)
    }
    changed_at = dict(
        SourceTextChange.objects.filter(translation_key__in=keys).values_list("translation_key", "changed_at")
    )
    in_review = dict(
        WorkflowState.objects.active()
        .filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=[str(page.pk) for page in translations.values()],
        )
        .values_list("object_id", "status")
    )
    rows = []
    for source in pages:
        row = Row(source=source)
        for locale in locales:
            if locale.pk == source.locale_id:
                continue
            target = translations.get((source.translation_key, locale.pk))
            row.cells[locale.language_code] = Cell(
                status=cell_status(target, changed_at.get(source.translation_key), in_review),
                page=target,
                changes_requested=target is not None
                and in_review.get(str(target.pk)) == WorkflowState.STATUS_NEEDS_CHANGES,
            )
        rows.append(row)
    return rows


def cell_status(target, source_changed_at, in_review):
    if target is None or target.alias_of_id is not None:
        return MISSING
    if str(target.pk) in in_review:
        return IN_REVIEW
    if target.first_published_at is None:
        return TO_TRANSLATE
    live_revision = target.live_revision if target.live else None
    if live_revision is not None and (source_changed_at is None or live_revision.created_at >= source_changed_at):
        return UP_TO_DATE
    return OUT_OF_DATE


def counts_by_language(rows, locales):
    """{language code: {status: count}} over ``rows``."""
    counts = {locale.language_code: dict.fromkeys(STATUSES, 0) for locale in locales}
    for row in rows:
        for code, cell in row.cells.items():
            counts[code][cell.status] += 1
    return counts


def todo_for(languages):
    """The translations awaiting work in ``languages``: to translate, out of date, or sent back by a reviewer for
    changes.

    Returns (language code, source page, translated page, Cell), in the site's order. Missing translations are not
    listed: starting one is an editor's decision."""
    locales = [locale for locale in target_languages() if locale.language_code in languages]
    if not locales:
        return []
    pages = source_pages().filter(translation_key__in=Page.objects.filter(locale__in=locales).values("translation_key"))
    todo = []
    for row in status_rows(pages.order_by("path"), locales):
        for code, cell in row.cells.items():
            if cell.status in (OUT_OF_DATE, TO_TRANSLATE) or cell.changes_requested:
                todo.append((code, row.source, cell.page, cell))
    return todo


def cells_in(row, codes):
    """The row's cells in ``codes`` (a source page has no cell in its own language)."""
    return [row.cells[code] for code in codes if code in row.cells]


SORTS = {
    "status": lambda row, codes: min(
        (URGENCY.index(cell.status) for cell in cells_in(row, codes)), default=len(URGENCY)
    ),
    "date": lambda row, codes: row.source.last_published_at or row.source.latest_revision_created_at,
}


def select_rows(rows, status=None, language=None, sort=None):
    """The rows with a cell in ``status`` (in ``language``, or in any language), sorted by ``sort``.

    ``sort``: "status" (what awaits a translator first; with ``language``, that language's status), "date" or
    "-date" (the source page's last publication, oldest or newest first); otherwise the site's order is kept.
    """
    codes = [language] if language else sorted({code for row in rows for code in row.cells})
    if status:
        rows = [row for row in rows if any(cell.status == status for cell in cells_in(row, codes))]
    key = SORTS.get((sort or "").lstrip("-"))
    if key is not None:
        # Dates may be missing (a page never published); those sort last either way.
        present = [row for row in rows if key(row, codes) is not None]
        absent = [row for row in rows if key(row, codes) is None]
        rows = sorted(present, key=lambda row: key(row, codes), reverse=sort.startswith("-")) + absent
    return rows
