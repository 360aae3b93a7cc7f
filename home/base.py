"""The abstract base page every public page extends.

It imports no content app: the toolkit's pages extend it, and ``home.models`` (the home page, which shows the toolkit)
imports both, so the imports run one way (``tests/test_import_graph.py``).
"""

from django.db import models
from django.http import Http404
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from approvals.guard import PartnerApprovalGuardMixin
from councils.forms import CouncilScopedPageForm
from councils.permissions import CouncilPermissionTester
from home import page_urls


class BasePage(PartnerApprovalGuardMixin, Page):
    """What every public page shares: a summary for listings and search results, and the translation policy.

    Publication policy, inherited from ``PartnerApprovalGuardMixin``: a revision goes live only once DGCT, ARM and
    the British Embassy have each approved it (``approvals.guard``); the admin offers nobody a button that rule would
    refuse (``permissions_for_user``).

    Translation policy, declared once here: the title, slug, summary and SEO fields are translated per language;
    flags that govern the page's place on the site are synchronised from the French source. Page types add their own
    fields with ``translatable_fields = [*BasePage.translatable_fields, ...]``.
    """

    summary = models.TextField(
        _("summary"),
        blank=True,
        max_length=600,
        help_text=_("One or two sentences shown in listings, search results and link previews."),
    )

    # Part of each revision's content, so it goes through partner approval with the rest and the page's public
    # history reads it from the revisions that went live (home/history.py).
    change_note = models.CharField(
        _("change note"),
        blank=True,
        max_length=255,
        help_text=_(
            "Public: describe in one sentence what changed in this version. It is shown in the page's history once "
            "this version is published."
        ),
    )

    # A council contributor's edit form writes only what its region owns (``councils.forms``); everyone else's is
    # Wagtail's own.
    base_form_class = CouncilScopedPageForm

    content_panels = [*Page.content_panels, FieldPanel("summary")]
    promote_panels = [*Page.promote_panels, FieldPanel("change_note")]
    search_fields = [*Page.search_fields, index.SearchField("summary")]

    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("summary"),
        TranslatableField("change_note"),
        SynchronizedField("show_in_menus"),
    ]

    # The foreign keys this page type's template reads (its guide's PDF...), joined by the query that finds the page
    # for a public URL (``home.routing``), so reading them costs no query of its own.
    serve_select_related = ()

    class Meta:
        abstract = True

    def permissions_for_user(self, user):
        """What the admin offers ``user`` on this page: nothing partner approval would refuse
        (``approvals.permissions``), and to a council contributor its own region's pages only
        (``councils.permissions``)."""
        return CouncilPermissionTester(user, self)

    def get_url_parts(self, request=None):
        """Wagtail's answer, with the reverse of the page's path remembered per process (``home.page_urls``)."""
        parts = page_urls.url_parts(self, request)
        return super().get_url_parts(request) if parts is NotImplemented else parts

    def get_meta_description(self):
        return self.search_description or self.summary

    def get_view_restrictions(self):
        """None, without a query, when the route query already found no restriction and no alias on this page or
        its ancestors (``home.routing``); else Wagtail's answer."""
        known = getattr(self, "_known_view_restrictions", None)
        return known if known is not None else super().get_view_restrictions()

    def serve(self, request, *args, **kwargs):
        """Serve the page only under its own language's prefix.

        When a home page has no live translation, Wagtail's router falls back to the French tree, which would show
        French pages under /en/ or /ar/ URLs labelled as English or Arabic. Such a request is a 404 instead.
        """
        if self.locale.language_code != translation.get_language():
            raise Http404("This page is not published in this language.")
        return super().serve(request, *args, **kwargs)
