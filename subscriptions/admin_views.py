"""The admin's two views of subscriptions: counts per filter for editors and reviewers, addresses for superusers.

Both only read. Who may see the counts is a permission (``subscriptions.view_subscriber_counts``, granted to the
editors and the partners' reviewer groups by ``bootstrap_portal``); the addresses are personal data that only
superusers see (law 09-08: access limited to what each role needs).
"""

from django.core.paginator import Paginator
from django.http import HttpResponseForbidden
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from subscriptions.counts import subscriber_counts
from subscriptions.models import Subscriber

COUNTS_PERMISSION = "subscriptions.view_subscriber_counts"


def refuse(message):
    """A 403 that says why. (A PermissionDenied in the admin becomes a redirect to the dashboard, which hides the
    refusal from whoever follows a link here.)"""
    return HttpResponseForbidden(message, content_type="text/plain; charset=utf-8")


def may_see_counts(user):
    return user.has_perm(COUNTS_PERMISSION)


def may_see_addresses(user):
    return user.is_active and user.is_superuser


class SubscriberCountsView(WagtailAdminTemplateMixin, TemplateView):
    page_title = _("Subscribers")
    header_icon = "mail"
    template_name = "subscriptions/admin/counts.html"
    http_method_names = ["get", "head", "options"]

    def dispatch(self, request, *args, **kwargs):
        if not may_see_counts(request.user):
            return refuse(gettext("Only editors and the partners' reviewers can see the subscriber counts."))
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        total, tables = subscriber_counts()
        return super().get_context_data(
            **kwargs, total=total, tables=tables, may_see_addresses=may_see_addresses(self.request.user)
        )


class SubscriberAddressesView(WagtailAdminTemplateMixin, TemplateView):
    page_title = _("Subscriber addresses")
    header_icon = "mail"
    template_name = "subscriptions/admin/addresses.html"
    http_method_names = ["get", "head", "options"]
    per_page = 100

    def dispatch(self, request, *args, **kwargs):
        if not may_see_addresses(request.user):
            return refuse(gettext("Only superusers can see the subscribers' addresses."))
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        subscribers = Subscriber.objects.order_by("email").only("email", "language", "confirmed_at")
        page = Paginator(subscribers, self.per_page).get_page(self.request.GET.get("p"))
        return super().get_context_data(**kwargs, page_obj=page)
