"""Keep the cached site frame (navigation and footer) in step with what is published."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, post_page_move

from home.context_processors import clear_frame_cache


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def clear_frame_on_publication(sender, **kwargs):
    clear_frame_cache()


@receiver(post_delete)
@receiver(post_save)
def clear_frame_on_footer_or_page_change(sender, **kwargs):
    from toolkit.models import SiteFooter

    if sender is SiteFooter or (hasattr(sender, "_meta") and sender._meta.label_lower == "wagtailcore.page"):
        clear_frame_cache()
