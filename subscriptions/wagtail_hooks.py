from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from subscriptions import admin_urls
from subscriptions.admin_views import may_see_addresses, may_see_counts


@hooks.register("register_admin_urls")
def register_subscription_admin_urls():
    return [path("subscriptions/", include((admin_urls, "subscriptions_admin"), namespace="subscriptions_admin"))]


class CountsMenuItem(MenuItem):
    def is_shown(self, request):
        return may_see_counts(request.user)


class AddressesMenuItem(MenuItem):
    def is_shown(self, request):
        return may_see_addresses(request.user)


@hooks.register("register_reports_menu_item")
def register_subscriber_counts_menu_item():
    return CountsMenuItem(
        _("Subscribers"), reverse("subscriptions_admin:counts"), name="subscribers", icon_name="mail", order=60
    )


@hooks.register("register_reports_menu_item")
def register_subscriber_addresses_menu_item():
    return AddressesMenuItem(
        _("Subscriber addresses"),
        reverse("subscriptions_admin:addresses"),
        name="subscriber-addresses",
        icon_name="mail",
        order=61,
    )
