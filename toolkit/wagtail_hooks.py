"""The toolkit's snippets in the admin: themes, partners, the footer and tool adoptions."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from toolkit.models import Adoption, Partner, SiteFooter, Theme


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    list_display = ["name", "slug"]


class PartnerViewSet(SnippetViewSet):
    model = Partner
    icon = "group"
    list_display = ["acronym", "name"]


class SiteFooterViewSet(SnippetViewSet):
    model = SiteFooter
    icon = "list-ul"


class AdoptionViewSet(SnippetViewSet):
    """Adoptions have no language: one row per tool and region, shown on every translation."""

    model = Adoption
    icon = "site"
    list_display = ["tool", "region_code", "status", "since"]
    list_filter = ["region_code", "status"]


class ToolkitViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Toolkit")
    menu_icon = "folder-open-inverse"
    items = (AdoptionViewSet, ThemeViewSet, PartnerViewSet, SiteFooterViewSet)


register_snippet(ToolkitViewSetGroup)
