"""Keep the cached site frame (navigation and footer) in step with what is published.

Only what can change the frame clears it: publication, unpublication, moves and deletion of pages, privacy changes
(a restricted page leaves the navigation) and footer edits. Draft saves (autosave included) leave the public frame
as it is, so they do not touch the cache.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from home.context_processors import clear_frame_cache


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
@receiver(post_delete, sender=Page)
@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def clear_frame_on_publication(sender, **kwargs):
    clear_frame_cache()


def clear_frame_on_footer_change(sender, **kwargs):
    clear_frame_cache()


def connect_footer_signals():
    """Connected from HomeConfig.ready: the footer model lives in the toolkit app."""
    from toolkit.models import SiteFooter

    post_save.connect(clear_frame_on_footer_change, sender=SiteFooter, dispatch_uid="frame-footer-save")
    post_delete.connect(clear_frame_on_footer_change, sender=SiteFooter, dispatch_uid="frame-footer-delete")
