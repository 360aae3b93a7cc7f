"""Test-only page types extending BasePage, so the approval rule is tested on page types other than the home page.

They exist only in the test settings; the toolkit's page types inherit the same guard from ``BasePage``. Like every
real page type they sit where the tree rules allow them: the test app declares them allowed children of the home page
(``apps.TestAppConfig.ready``), as a real page type is declared in ``HomePage.subpage_types``, and the root
conftest checks after each test that every page it created obeys the tree rules (``tests/tree_rules.py``).
"""

from django.db import models
from wagtail.admin.panels import FieldPanel

from home.base import BasePage
from home.models import HomePage


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


class SectionPage(HomePage):
    """A section with the home page's fields (introduction, programme strands), for the translation and search tests
    that need a page with a StreamField and searchable text. It lives under a home page or another section, never
    as a home page itself."""

    template = HomePage.template
    parent_page_types = ["home.HomePage", "testapp.SectionPage"]
    subpage_types = ["testapp.SectionPage"]

    @classmethod
    def can_create_at(cls, parent):
        """The ordinary tree rule: the home page's "one per language" limit is not a section's."""
        return super(HomePage, cls).can_create_at(parent)
