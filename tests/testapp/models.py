"""A minimal page type extending BasePage, so the approval rule is tested on a page type other than HomePage.

It exists only in the test settings; the toolkit's page types inherit the same guard from ``BasePage``.
"""

from django.db import models
from wagtail.admin.panels import FieldPanel

from home.base import BasePage


class ArticlePage(BasePage):
    """A test page with one extra translatable field, and a document and an image (the portal's pages use no image
    yet; the files-under-approval rule of ``mediafiles`` is tested on both)."""

    body = models.TextField(blank=True)
    document = models.ForeignKey(
        "wagtaildocs.Document", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    image = models.ForeignKey("wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    content_panels = [*BasePage.content_panels, FieldPanel("body"), FieldPanel("document"), FieldPanel("image")]
    parent_page_types = ["home.HomePage", "testapp.ArticlePage"]
    subpage_types = ["testapp.ArticlePage"]
