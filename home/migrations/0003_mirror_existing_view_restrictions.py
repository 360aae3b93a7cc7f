"""Restrictions set before privacy held in every language (home/privacy.py) covered one language only: give each
translation of a restricted page that has no restriction of its own a copy of its page's, and take the pages it now
covers out of the public search index (signals do not run in migrations). Nothing is removed from the restrictions,
and a translation that already has its own restriction keeps it."""

from django.db import migrations


def mirror_existing_restrictions(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    PageViewRestriction = apps.get_model("wagtailcore", "PageViewRestriction")
    SearchDocument = apps.get_model("search", "SearchDocument")
    IndexQueueEntry = apps.get_model("search", "IndexQueueEntry")
    restricted = {}
    for restriction in PageViewRestriction.objects.select_related("page").prefetch_related("groups").order_by("pk"):
        restricted.setdefault(restriction.page_id, (restriction.page, []))[1].append(restriction)
    for page, restrictions in list(restricted.values()):
        translations = Page.objects.filter(translation_key=page.translation_key).exclude(pk__in=list(restricted))
        for translation in translations:
            for restriction in restrictions:
                copy = PageViewRestriction.objects.create(
                    page=translation, restriction_type=restriction.restriction_type, password=restriction.password
                )
                copy.groups.set(restriction.groups.all())
            restricted[translation.pk] = (translation, restrictions)
            covered = SearchDocument.objects.filter(page__path__startswith=translation.path)
            page_ids = list(covered.values_list("page_id", flat=True))
            covered.delete()
            # For Elasticsearch, when configured: `search_index catch-up` removes them there too.
            IndexQueueEntry.objects.bulk_create(IndexQueueEntry(page_id=pk, action="remove") for pk in page_ids)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_homepage_strands"),
        ("search", "0006_vector_index_without_pending_list"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(mirror_existing_restrictions, migrations.RunPython.noop)]
