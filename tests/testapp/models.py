"""A minimal page type extending BasePage, so the approval rule is tested on a page type other than HomePage.

It exists only in the test settings; the toolkit's page types inherit the same guard from ``BasePage``.
"""

from django.db import models
from wagtail.admin.panels import FieldPanel

from home.models import BasePage


class ArticlePage(BasePage):
    """A test page with one extra translatable field."""

    body = models.TextField(blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    parent_page_types = ["home.HomePage", "testapp.ArticlePage"]
    subpage_types = ["testapp.ArticlePage"]
