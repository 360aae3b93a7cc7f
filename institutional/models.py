"""The institutional pages: legal notice, accessibility statement, privacy notice and contact.

Editors write them like any other page, in French first, translated into Arabic and English, and published only once
the three partners have approved them (``home.base.BasePage``). Each page states its ``kind``; the footer of every
page finds them by kind (``footer_links``), never by slug, so a translated or renamed slug keeps its footer link.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.base import BasePage
from home.privacy import live_public
from institutional.blocks import InformationStoryBlock


class InformationKind(models.TextChoices):
    """In the order the footer lists them."""

    LEGAL_NOTICE = "legal_notice", _("Legal notice")
    ACCESSIBILITY = "accessibility", _("Accessibility")
    PRIVACY = "privacy", _("Privacy")
    CONTACT = "contact", _("Contact")


KIND_ORDER = {kind: position for position, kind in enumerate(InformationKind.values)}


class InformationPage(BasePage):
    """An institutional page the footer links to: the legal notice, the accessibility statement, the privacy
    notice or the contact page. One page of each kind per language, directly under the home page."""

    template = "pages/information_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = []

    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=InformationKind.choices,
        help_text=_("Which link of the footer leads to this page. One page of each kind per language."),
    )
    body = StreamField(InformationStoryBlock(), verbose_name=_("body"), blank=True)
    contact_email = models.EmailField(
        _("contact e-mail address"),
        blank=True,
        help_text=_("Shown as a link on this page, and in the footer for the contact page."),
    )

    content_panels = [*BasePage.content_panels, FieldPanel("kind"), FieldPanel("body"), FieldPanel("contact_email")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("body"),
        SynchronizedField("kind"),
        SynchronizedField("contact_email"),
    ]

    class Meta:
        verbose_name = _("institutional page")
        verbose_name_plural = _("institutional pages")

    def clean(self):
        """One page of each kind per language: the footer links to one."""
        super().clean()
        if not self.kind or self.locale_id is None:
            return
        others = InformationPage.objects.filter(kind=self.kind, locale_id=self.locale_id).exclude(pk=self.pk)
        if others.exists():
            raise ValidationError({"kind": _("This language already has a page of this kind.")})


def footer_links(language):
    """The footer's links to the live public institutional pages of ``language``, in the order of their kinds:
    ``[{"kind", "title", "url", "contact_email"}]``, one per kind (the first in the tree should a copied page
    duplicate one, since copies skip ``clean``). One query; the site frame caches it (home/context_processors.py),
    and publishing, unpublishing, moving or deleting a page renews its language's frame (pagecache/invalidation.py)."""
    pages = live_public(InformationPage.objects.filter(locale__language_code=language))
    links = {}
    for page in pages.select_related("locale").defer_streamfields().order_by("path"):
        url = page.get_url()
        if url and page.kind not in links:
            links[page.kind] = {"kind": page.kind, "title": page.title, "url": url, "contact_email": page.contact_email}
    return sorted(links.values(), key=lambda link: KIND_ORDER.get(link["kind"], len(KIND_ORDER)))
