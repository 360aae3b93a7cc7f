from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from proposals import admin_urls
from proposals.admin_views import may_read_proposals


@hooks.register("register_admin_urls")
def register_proposals_urls():
    return [path("proposals/", include((admin_urls, "proposals"), namespace="proposals"))]


class ProposalsMenuItem(MenuItem):
    def is_shown(self, request):
        return may_read_proposals(request.user)


@hooks.register("register_reports_menu_item")
def register_proposals_menu_item():
    return ProposalsMenuItem(_("Proposals"), reverse("proposals:index"), name="proposals", icon_name="mail", order=60)
