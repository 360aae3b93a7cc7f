"""The editors' listing of public proposals (Reports → Proposals): who proposed what, where and when, their consents,
and the draft page to complete. It holds personal data (law 09-08): editors and superusers only."""

import django_filters
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView

from approvals.exports import PortalSpreadsheetExportMixin
from cms.roles import EDITORS
from proposals.models import Proposal, ProposalKind, ProposalStatus
from security.audit import log_export
from toolkit.reference import REGION_CHOICES


def may_read_proposals(user):
    """Editors (who complete the drafts) and superusers; not reviewers, translators or councils."""
    return user.is_active and (user.is_superuser or user.groups.filter(name=EDITORS).exists())


class ProposalFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=ProposalKind.choices)
    status = django_filters.ChoiceFilter(label=_("Status"), choices=ProposalStatus.choices)
    region_code = django_filters.ChoiceFilter(label=_("Region"), choices=REGION_CHOICES)

    class Meta:
        model = Proposal
        fields = ["kind", "status", "region_code"]


def draft_edit_url(proposal):
    return reverse("wagtailadmin_pages:edit", args=[proposal.page_id]) if proposal.page_id else None


class ProposalsReportView(PortalSpreadsheetExportMixin, ReportView):
    page_title = _("Proposals")
    header_icon = "mail"
    index_url_name = "proposals:index"
    index_results_url_name = "proposals:index_results"
    filterset_class = ProposalFilterSet
    model = Proposal
    permission_required = None  # checked in dispatch
    columns = [
        TitleColumn("title", label=_("Title"), get_url=draft_edit_url),
        Column("get_kind_display", label=_("Kind")),
        Column("language", label=_("Language")),
        Column("region_code", label=_("Region")),
        Column("proposer_name", label=_("Proposer")),
        Column("council", label=_("Council or organisation")),
        Column("email", label=_("E-mail address")),
        Column("telephone", label=_("Telephone")),
        BooleanColumn("credit_consent", label=_("Credit")),
        Column("get_status_display", label=_("Status")),
        DateColumn("created_at", label=_("Received")),
    ]
    list_export = [
        "created_at",
        "kind",
        "title",
        "language",
        "region_code",
        "theme_slug",
        "proposer_name",
        "council",
        "email",
        "telephone",
        "credit_consent",
        "processing_consent",
        "status",
    ]

    def dispatch(self, request, *args, **kwargs):
        if not may_read_proposals(request.user):
            raise PermissionDenied(gettext("Only editors can read the public proposals."))
        if self.is_export:
            log_export(request, "proposals", request.GET.get("export"))
        return super().dispatch(request, *args, **kwargs)

    def get_filename(self):
        return "proposals"

    def get_queryset(self):
        return Proposal.objects.all().order_by("-created_at", "-pk")
