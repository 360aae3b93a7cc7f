"""Signal handlers that keep the public search index in step with publication, moves and privacy."""

from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

from search import indexing
from toolkit.lookups import live_pages_naming_region, live_pages_with_theme
from toolkit.models import RegionPage, Theme


@receiver(page_published)
def index_published_page(sender, instance, **kwargs):
    indexing.safely_index(instance)


@receiver(page_unpublished)
def remove_unpublished_page(sender, instance, **kwargs):
    indexing.safely_remove(instance.pk)


@receiver(post_page_move)
def reindex_moved_subtree(sender, instance, **kwargs):
    indexing.safely_reindex_subtree(instance)


@receiver(pre_delete, sender=Page)
def remove_deleted_page(sender, instance, **kwargs):
    indexing.safely_remove(instance.pk)


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def reindex_restricted_subtree(sender, instance, **kwargs):
    indexing.safely_reindex_subtree(instance.page)


@receiver(published)
@receiver(unpublished)
def relabel_pages_of_a_theme(sender, instance, **kwargs):
    """A theme's name is a search facet label of the pages that carry it, in its language: publishing a new name
    (or taking the theme down) reindexes those pages."""
    if isinstance(instance, Theme):
        for page in live_pages_with_theme(instance):
            indexing.safely_index(page)


@receiver(page_published)
@receiver(page_unpublished)
def relabel_pages_of_a_region(sender, instance, **kwargs):
    """A region page's title labels the tools and experiences of its language that name the region."""
    if isinstance(instance, RegionPage):
        for page in live_pages_naming_region(instance):
            indexing.safely_index(page)
