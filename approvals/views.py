"""Admin views of partner approval: the emergency publication, the approvals report, the dashboard decision."""

import django_filters
from django.apps import apps
from django.contrib.admin.utils import unquote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import get_language_info, gettext
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.decorators.http import require_POST
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.utils import get_admin_base_url
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page

from approvals import objects
from approvals.audit import log_emergency_publication
from approvals.decisions import DecisionRefused, take_decision
from approvals.exports import PortalSpreadsheetExportMixin
from approvals.forms import EmergencyPublicationForm
from approvals.guard import is_guarded_snippet, sanctioned_publication
from approvals.models import EmergencyPublication, PartnerDecision, display_name
from approvals.partners import PARTNER_CHOICES
from approvals.permissions import may_emergency_publish
from approvals.provenance import region_condition
from approvals.reviewers import may_resubmit_as_own
from approvals.status import blocked_partners
from security.audit import log_export
from toolkit.reference import REGION_CHOICES


class EmergencyPublishView(WagtailAdminTemplateMixin, FormView):
    """A superuser publishes the latest revision without partner approval, giving a written reason.

    For a page (``page_id``) or a toolkit snippet (``app_label``, ``model_name``, ``pk``). The publication is recorded
    (``EmergencyPublication``) and logged, the object is flagged until the partners approve its live revision, and
    their review of that revision starts at once.
    """

    form_class = EmergencyPublicationForm
    template_name = "approvals/emergency_publish.html"
    page_title = _("Emergency publication")
    header_icon = "warning"

    def dispatch(self, request, page_id=None, app_label=None, model_name=None, pk=None):
        self.object = self.get_object(page_id, app_label, model_name, pk)
        if not may_emergency_publish(request.user, self.object):
            raise PermissionDenied(gettext("Only a superuser may publish without partner approval."))
        return super().dispatch(request)

    @staticmethod
    def get_object(page_id, app_label, model_name, pk):
        if page_id is not None:
            return get_object_or_404(Page, pk=page_id).specific
        try:
            model = apps.get_model(app_label, model_name)
        except LookupError as exc:
            raise Http404 from exc
        if not is_guarded_snippet(model):
            raise Http404
        return get_object_or_404(model, pk=unquote(pk))

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            object_title=objects.admin_title(self.object), cancel_url=objects.edit_url(self.object), **kwargs
        )

    def get_page_subtitle(self):
        return objects.admin_title(self.object)

    def form_valid(self, form):
        user = self.request.user
        obj = self.object
        with transaction.atomic():
            revision = obj.get_latest_revision() or obj.save_revision(user=user)
            with sanctioned_publication(f"emergency:{user.pk}"):
                revision.publish(user=user, skip_permission_checks=True)
            obj = type(obj)._default_manager.get(pk=obj.pk)
            record = EmergencyPublication.objects.create(
                **objects.record_fields(obj),
                revision_id=revision.pk,
                user=user,
                user_name=display_name(user)[:255],
                reason=form.cleaned_data["reason"],
            )
            log_emergency_publication(obj, record, user, revision)
            workflow = obj.get_workflow()
            if workflow is not None and obj.current_workflow_state is None:
                workflow.start(obj, user)
        messages.warning(
            self.request,
            gettext("“%(title)s” was published without partner approval; the partners' review has started.")
            % {"title": objects.admin_title(obj)},
        )
        return redirect(objects.edit_url(obj))


class DecisionFilterSet(WagtailFilterSet):
    partner = django_filters.ChoiceFilter(label=_("Partner"), choices=PARTNER_CHOICES)
    decision = django_filters.ChoiceFilter(label=_("Decision"), choices=PartnerDecision.DECISION_CHOICES)
    language = django_filters.ChoiceFilter(label=_("Language"), choices=[])
    decided_at = django_filters.DateFromToRangeFilter(label=_("Decided at"), widget=DateRangePickerWidget)
    page_title = django_filters.CharFilter(label=_("Page"), lookup_expr="icontains")
    region = django_filters.ChoiceFilter(label=_("Region"), choices=REGION_CHOICES, method="filter_region")

    class Meta:
        model = PartnerDecision
        fields = ["partner", "decision", "language", "decided_at", "page_title", "region"]

    def filter_region(self, queryset, name, value):
        """Decisions on changes from that region: by its council's members, or from a public proposal for it
        (``approvals.provenance``)."""
        return queryset.filter(region_condition(value))

    def __init__(self, *args, **kwargs):
        from django.conf import settings

        super().__init__(*args, **kwargs)
        self.filters["language"].extra["choices"] = settings.WAGTAIL_CONTENT_LANGUAGES


class ApprovalsReportView(PortalSpreadsheetExportMixin, ReportView):
    """Every partner decision: page, language, revision, partner, decision, reviewer, time, comment; whether the
    revision was published without partner approval. Filterable; exported as CSV or XLSX."""

    page_title = _("Approvals")
    header_icon = "tasks"
    index_url_name = "approvals:report"
    index_results_url_name = "approvals:report_results"
    filterset_class = DecisionFilterSet
    model = PartnerDecision
    permission_required = None  # checked in dispatch: Wagtail's ReportView knows no model permission

    def dispatch(self, request, *args, **kwargs):
        """Editors, the partners' reviewers and superusers read the trail (``approvals.view_partnerdecision``,
        granted by ``bootstrap_portal``); translators and others are refused. Each export is logged."""
        if not request.user.has_perm("approvals.view_partnerdecision"):
            raise PermissionDenied(gettext("Only editors and the partners' reviewers can read the approval trail."))
        if self.is_export:
            log_export(request, "approvals", request.GET.get("export"))
        return super().dispatch(request, *args, **kwargs)

    columns = [
        Column("page_title", label=_("Page")),
        Column("language", label=_("Language")),
        Column("revision_id", label=_("Revision")),
        Column("get_partner_display", label=_("Partner")),
        Column("get_decision_display", label=_("Decision")),
        Column("reviewer_name", label=_("Reviewer")),
        DateColumn("decided_at", label=_("Time")),
        Column("comment", label=_("Comment")),
        Column("emergency_label", label=_("Published without partner approval")),
    ]
    list_export = [
        "page_title",
        "language_name",
        "revision_id",
        "get_partner_display",
        "get_decision_display",
        "reviewer_name",
        "decided_at",
        "comment",
        "emergency_label",
        "admin_link",
    ]
    export_headings = {
        "page_title": _("Page"),
        "language_name": _("Language"),
        "revision_id": _("Revision"),
        "get_partner_display": _("Partner"),
        "get_decision_display": _("Decision"),
        "reviewer_name": _("Reviewer"),
        "decided_at": _("Time"),
        "comment": _("Comment"),
        "emergency_label": _("Published without partner approval"),
        "admin_link": _("Link"),
    }

    def get_filename(self):
        return "approvals"

    def get_queryset(self):
        return PartnerDecision.objects.all().order_by("-decided_at", "-pk")

    def decorate_paginated_queryset(self, object_list):
        return annotate_emergency(object_list)

    def as_spreadsheet(self, queryset, spreadsheet_format):
        return super().as_spreadsheet(annotate_export(annotate_emergency(queryset)), spreadsheet_format)


def annotate_export(decisions):
    """What an export adds to each row: the language's name in the reader's language and the admin link."""
    base_url = get_admin_base_url()
    for decision in decisions:
        decision.language_name = (
            get_language_info(decision.language)["name_translated"] if decision.language else gettext("all languages")
        )
        obj_url = decision_edit_url(decision)
        decision.admin_link = f"{base_url}{obj_url}" if obj_url else ""
    return decisions


def decision_edit_url(decision):
    """The admin edit URL of the page or snippet a decision is about, without loading it."""
    if decision.page_id:
        return reverse("wagtailadmin_pages:edit", args=[decision.page_id])
    model = ContentType.objects.get_for_id(decision.content_type_id).model_class() if decision.content_type_id else None
    if model is None or not decision.object_id:
        return ""
    return objects.snippet_edit_url(model, decision.object_id)


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


@method_decorator(require_POST, name="dispatch")
class DashboardDecisionView(View):
    """A reviewer's decision from their dashboard panel (``approvals.panels``): Approve, or Request changes with a
    comment, on the revision the row showed. The decision goes through the task like every other
    (``approvals.decisions``); the reviewer returns to the dashboard with one message saying what it did."""

    def post(self, request, content_type_id, object_id):
        obj = self.get_object(content_type_id, object_id)
        revision_id = request.POST.get("revision", "")
        if not revision_id.isdigit():
            return self.answer(request, gettext("The version you decided on is missing: reload the dashboard."), 400)
        data = {"comment": request.POST.get("comment", "")}
        try:
            message = take_decision(obj, request.user, request.POST.get("action"), data, revision_id=revision_id)
        except DecisionRefused as refusal:
            return self.answer(request, refusal.message, refusal.status)
        return self.answer(request, message, 200)

    @staticmethod
    def get_object(content_type_id, object_id):
        try:
            model = ContentType.objects.get_for_id(content_type_id).model_class()
        except ContentType.DoesNotExist as exc:
            raise Http404 from exc
        if model is None:
            raise Http404
        obj = model._default_manager.filter(pk=unquote(object_id)).first()
        if obj is None:
            raise Http404
        return getattr(obj, "specific", obj)

    @staticmethod
    def answer(request, message, status):
        """Back to the dashboard with the message (success or refusal); a client that does not read HTML gets the
        status and the message as JSON."""
        if not request.accepts("text/html"):
            return JsonResponse({"success": status == 200, "message": str(message)}, status=status)
        (messages.success if status == 200 else messages.error)(request, message)
        return redirect("wagtailadmin_home")


@method_decorator(require_POST, name="dispatch")
class ResubmitAsOwnView(View):
    """The author restarts a review that a partner cannot decide on (its only reviewers wrote the version under
    review): the same content is saved as a new version in the author's name, which restarts the partners' review
    (``approvals.workflow``). Editors only; reviewers never write, translators wait for the partners."""

    def post(self, request, content_type_id, object_id):
        obj = DashboardDecisionView.get_object(content_type_id, object_id)
        if not may_resubmit_as_own(request.user, obj):
            raise PermissionDenied(gettext("Only the content's editors can resubmit it as their version."))
        if not any(item.author_only for item in blocked_partners(obj)):
            messages.error(request, gettext("Every partner can decide on this version: there is nothing to resubmit."))
            return redirect(objects.edit_url(obj))
        latest = obj.get_latest_revision_as_object()
        latest.save_revision(user=request.user)
        messages.success(request, gettext("The review restarted on your version: the three partners can decide on it."))
        return redirect(objects.edit_url(obj))
