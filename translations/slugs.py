"""Translated addresses: an Arabic or English page gets a slug in its own language.

wagtail-localize offers the slug as one more string to translate and, until a translator changes it, copies the
French one, so /ar/ and /en/ pages kept French addresses. It also passes the slug through Django's ASCII-only
``slugify`` when it writes a translation, which empties an Arabic slug. When a translation is submitted, its draft
revision is therefore given the address the translator wrote (Arabic letters kept: Wagtail allows Unicode slugs),
or, if they left it untranslated, one made from the translated title; numbered if a sibling page has it. The
partners review the address with the text and it goes live with it. If a published translation's address changes
this way, Wagtail's redirects app records a redirect from the old address when the new version goes live
(``WAGTAILREDIRECTS_AUTO_CREATE``), so links and bookmarks keep working.
"""

from django.utils.text import slugify
from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation


def _strings(translation, path):
    """The source text at ``path`` and its translation in the target language (or None)."""
    segment = StringSegment.objects.filter(source=translation.source, context__path=path).select_related("string")
    segment = segment.first()
    if segment is None:
        return None, None
    translated = StringTranslation.objects.filter(
        translation_of=segment.string, locale=translation.target_locale, context=segment.context
    ).first()
    return segment.string.data, (translated.data if translated is not None else None)


def intended_slug(translation):
    """The address the translated page should have, or None to leave it as it is."""
    source_slug, translated_slug = _strings(translation, "slug")
    if source_slug is None:
        return None
    if translated_slug and translated_slug != source_slug:
        return slugify(translated_slug, allow_unicode=True)[:240] or None
    source_title, translated_title = _strings(translation, "title")
    if not translated_title or translated_title == source_title:
        return None  # nothing translated yet to make an address from
    return slugify(translated_title, allow_unicode=True)[:240] or None


def available_slug(page, slug):
    """``slug``, or ``slug-2``, ``slug-3``... if a sibling of ``page`` already has it."""
    taken = set(page.get_siblings().exclude(pk=page.pk).values_list("slug", flat=True))
    candidate, number = slug, 1
    while candidate in taken:
        number += 1
        candidate = f"{slug}-{number}"
    return candidate


def apply_translated_slug(translation, page):
    """Give the draft revision of the translated ``page`` its address in its own language (before submission).

    A page never published also gets it in its row (its preview and admin address); a live page keeps its public
    address until the partners approve the new version."""
    if not isinstance(page, Page) or page.latest_revision_id is None:
        return None
    slug = intended_slug(translation)
    if slug is None:
        return None
    slug = available_slug(page, slug)
    revision = page.latest_revision
    if revision.content.get("slug") == slug:
        return slug
    # The revision this submission has just written, before anyone reviewed it: completed in place (an update
    # without signals), not saved again, which would count as overwriting a revision under review and restart the
    # review a second time (``approvals.workflow``).
    type(revision).objects.filter(pk=revision.pk).update(content={**revision.content, "slug": slug})
    if not page.live and page.slug != slug:
        page.slug = slug
        page.save(clean=False, update_fields=["slug", "url_path"])
    return slug
