"""Admin views of partner approval: the emergency publication and the approvals report."""

import django_filters
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page

from approvals.audit import log_emergency_publication
from approvals.forms import EmergencyPublicationForm
from approvals.guard import sanctioned_publication
from approvals.models import EmergencyPublication, PartnerDecision, display_name
from approvals.partners import PARTNER_CHOICES


class EmergencyPublishView(WagtailAdminTemplateMixin, FormView):
    """A superuser publishes the latest revision without partner approval, giving a written reason.

    The publication is recorded (``EmergencyPublication``) and logged, the page is flagged until the partners approve
    its live revision, and their review of that revision starts at once.
    """

    form_class = EmergencyPublicationForm
    template_name = "approvals/emergency_publish.html"
    page_title = _("Emergency publication")
    header_icon = "warning"

    def dispatch(self, request, page_id):
        self.page = get_object_or_404(Page, pk=page_id).specific
        perms = self.page.permissions_for_user(request.user)
        if not getattr(perms, "can_emergency_publish", lambda: False)():
            raise PermissionDenied(gettext("Only a superuser may publish without partner approval."))
        return super().dispatch(request, page_id)

    def get_context_data(self, **kwargs):
        return super().get_context_data(page=self.page, **kwargs)

    def get_page_subtitle(self):
        return self.page.get_admin_display_title()

    def form_valid(self, form):
        user = self.request.user
        with transaction.atomic():
            revision = self.page.get_latest_revision() or self.page.save_revision(user=user)
            with sanctioned_publication(f"emergency:{user.pk}"):
                revision.publish(user=user, skip_permission_checks=True)
            page = Page.objects.get(pk=self.page.pk).specific
            record = EmergencyPublication.objects.create(
                page=page,
                page_title=page.get_admin_display_title()[:255],
                language=page.locale.language_code,
                revision_id=revision.pk,
                user=user,
                user_name=display_name(user)[:255],
                reason=form.cleaned_data["reason"],
            )
            log_emergency_publication(page, record, user, revision)
            workflow = page.get_workflow()
            if workflow is not None and page.current_workflow_state is None:
                workflow.start(page, user)
        messages.warning(
            self.request,
            gettext("“%(title)s” was published without partner approval; the partners' review has started.")
            % {"title": page.get_admin_display_title()},
        )
        return redirect("wagtailadmin_pages:edit", page.pk)


class DecisionFilterSet(WagtailFilterSet):
    partner = django_filters.ChoiceFilter(label=_("Partner"), choices=PARTNER_CHOICES)
    decision = django_filters.ChoiceFilter(label=_("Decision"), choices=PartnerDecision.DECISION_CHOICES)
    language = django_filters.ChoiceFilter(label=_("Language"), choices=[])
    decided_at = django_filters.DateFromToRangeFilter(label=_("Decided at"), widget=DateRangePickerWidget)
    page_title = django_filters.CharFilter(label=_("Page"), lookup_expr="icontains")

    class Meta:
        model = PartnerDecision
        fields = ["partner", "decision", "language", "decided_at", "page_title"]

    def __init__(self, *args, **kwargs):
        from django.conf import settings

        super().__init__(*args, **kwargs)
        self.filters["language"].extra["choices"] = settings.WAGTAIL_CONTENT_LANGUAGES


class ApprovalsReportView(ReportView):
    """Every partner decision: page, language, revision, partner, decision, reviewer, time, comment; whether the
    revision was published without partner approval. Filterable; exported as CSV or XLSX."""

    page_title = _("Approvals")
    header_icon = "tasks"
    index_url_name = "approvals:report"
    index_results_url_name = "approvals:report_results"
    filterset_class = DecisionFilterSet
    model = PartnerDecision
    permission_required = None  # every admin user may read the approval trail
    columns = [
        Column("page_title", label=_("Page")),
        Column("language", label=_("Language")),
        Column("revision_id", label=_("Revision")),
        Column("partner_name", label=_("Partner")),
        Column("get_decision_display", label=_("Decision")),
        Column("reviewer_name", label=_("Reviewer")),
        DateColumn("decided_at", label=_("Time")),
        Column("comment", label=_("Comment")),
        Column("emergency_label", label=_("Published without partner approval")),
    ]
    list_export = [
        "page_title",
        "language",
        "revision_id",
        "partner_name",
        "get_decision_display",
        "reviewer_name",
        "decided_at",
        "comment",
        "emergency_label",
    ]
    export_headings = {
        "page_title": _("Page"),
        "language": _("Language"),
        "revision_id": _("Revision"),
        "partner_name": _("Partner"),
        "get_decision_display": _("Decision"),
        "reviewer_name": _("Reviewer"),
        "decided_at": _("Time"),
        "comment": _("Comment"),
        "emergency_label": _("Published without partner approval"),
    }

    def get_filename(self):
        return "approvals"

    def get_queryset(self):
        return PartnerDecision.objects.all().order_by("-decided_at", "-pk")

    def decorate_paginated_queryset(self, object_list):
        return annotate_emergency(object_list)

    def as_spreadsheet(self, queryset, spreadsheet_format):
        return super().as_spreadsheet(annotate_emergency(list(queryset)), spreadsheet_format)


def annotate_emergency(decisions):
    decisions = list(decisions)
    emergency = set(
        EmergencyPublication.objects.filter(revision_id__in={d.revision_id for d in decisions}).values_list(
            "revision_id", flat=True
        )
    )
    for decision in decisions:
        decision.emergency_label = gettext("yes") if decision.revision_id in emergency else ""
    return decisions
