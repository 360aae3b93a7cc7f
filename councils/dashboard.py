"""A council's dashboard: what a regional council contributor sees on the admin home, for their own region only.

Their region's name; what of their region is in the partners' review (pages and adoption rows, which partners
approved, which are awaited); what the partners last asked to change; the tools their region has not adopted yet,
with the regions that have (to contact them); and their region's adoption progress over time (the public chart,
``toolkit.adoption_progress``). Only for a person ``council_region_for`` names a region for; nobody else gets it.

"Their region's pages" are the region's own page (every language), the experiences of the region and the tools it
developed. Every list is read in a fixed number of queries whatever its length (asserted by
``councils/tests/test_dashboard.py``): ids are gathered with subqueries, each kind of object in one query.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils import translation
from wagtail.admin.ui.components import Component
from wagtail.models import Locale, Page, WorkflowState

from approvals.models import PartnerDecision
from approvals.objects import snippet_edit_url
from approvals.partners import PARTNERS
from councils.membership import council_region_for
from toolkit.models import Adoption, AdoptionStatus, ExperiencePage, RegionPage, ToolPage
from toolkit.reference import reference_data

LATEST_REQUESTS = 10


def region_pages(code):
    """The region's pages, every language: its region page, its experiences, the tools it developed."""
    return Page.objects.filter(
        Q(pk__in=RegionPage.objects.filter(code=code).values("pk"))
        | Q(pk__in=ExperiencePage.objects.filter(region__code=code).values("pk"))
        | Q(pk__in=ToolPage.objects.filter(developed_by_regions__code=code).values("pk"))
    )


def region_page_ids(code):
    """A subquery of their ids as text, as generic relations (``object_id``) name them."""
    return region_pages(code).annotate(key=Cast("pk", CharField())).values("key")


def region_adoption_ids(code):
    return Adoption.objects.filter(region_code=code).annotate(key=Cast("pk", CharField())).values("key")


def content_types():
    """Pages' and adoptions' content types (Django caches them: no query after the first)."""
    types = ContentType.objects.get_for_models(Page, Adoption)
    return types[Page], types[Adoption]


def _of_region(code, page_type, adoption_type):
    return Q(base_content_type=page_type, object_id__in=region_page_ids(code)) | Q(
        base_content_type=adoption_type, object_id__in=region_adoption_ids(code)
    )


def in_review(code):
    """[{title, language, url, since, approved: [partner], awaited: [partner]}] of the region's items in review."""
    page_type, adoption_type = content_types()
    states = list(
        WorkflowState.objects.filter(status=WorkflowState.STATUS_IN_PROGRESS)
        .filter(_of_region(code, page_type, adoption_type))
        .select_related("current_task_state")
        .order_by("created_at", "pk")
    )
    page_ids = [int(s.object_id) for s in states if s.base_content_type_id == page_type.pk]
    adoption_ids = [int(s.object_id) for s in states if s.base_content_type_id == adoption_type.pk]
    pages = {str(p.pk): p for p in Page.objects.filter(pk__in=page_ids).select_related("locale")} if page_ids else {}
    adoptions = (
        {str(a.pk): a for a in Adoption.objects.filter(pk__in=adoption_ids).select_related("tool")}
        if adoption_ids
        else {}
    )
    revisions = [s.current_task_state.revision_id for s in states if s.current_task_state_id]
    approved = {}
    decisions = PartnerDecision.objects.current().filter(revision_id__in=revisions, decision=PartnerDecision.APPROVED)
    for revision_id, partner in decisions.values_list("revision_id", "partner") if revisions else []:
        approved.setdefault(revision_id, set()).add(partner)
    rows = []
    for state in states:
        page, adoption = pages.get(state.object_id), adoptions.get(state.object_id)
        if state.base_content_type_id == page_type.pk and page is not None:
            title, language, url = page.get_admin_display_title(), page.locale.get_display_name(), edit_page(page.pk)
        elif state.base_content_type_id == adoption_type.pk and adoption is not None:
            title, language, url = adoption_title(adoption), "", snippet_edit_url(Adoption, adoption.pk)
        else:
            continue
        done = approved.get(state.current_task_state.revision_id if state.current_task_state_id else None, set())
        rows.append(
            {
                "title": title,
                "language": language,
                "url": url,
                "since": state.created_at,
                "approved": [p.name for p in PARTNERS if p.code in done],
                "awaited": [p.name for p in PARTNERS if p.code not in done],
            }
        )
    return rows


def edit_page(pk):
    return reverse("wagtailadmin_pages:edit", args=[pk])


def adoption_title(adoption):
    return f"{adoption.tool.title} · {adoption.get_status_display()}"


def change_requests(code):
    """The partners' latest requests for changes on the region's pages and adoption rows, newest first."""
    adoption_type = content_types()[1]
    requests = (
        PartnerDecision.objects.filter(decision=PartnerDecision.CHANGES_REQUESTED)
        .filter(
            Q(page_id__in=region_pages(code).values("pk"))
            | Q(content_type=adoption_type, object_id__in=region_adoption_ids(code))
        )
        .order_by("-decided_at", "-pk")[:LATEST_REQUESTS]
    )
    partners = {p.code: p.name for p in PARTNERS}
    return [
        {
            "title": request.page_title,
            "url": edit_page(request.page_id) if request.page_id else snippet_edit_url(Adoption, request.object_id),
            "partner": partners.get(request.partner, request.partner),
            "reviewer": request.reviewer_name,
            "comment": request.comment,
            "decided_at": request.decided_at,
        }
        for request in requests
    ]


def tools_to_adopt(code, locale):
    """[(tool, [(region code, region name, public url)])]: live tools the region has not adopted, each with the
    regions that adopted it. Titles and region pages in ``locale`` where translated, else in the source language."""
    default = Locale.get_default()
    adopted_here = Adoption.objects.filter(live=True, region_code=code, status=AdoptionStatus.ADOPTED)
    tools = list(
        ToolPage.objects.live()
        .filter(locale=default)
        .exclude(pk__in=adopted_here.values("tool_id"))
        .order_by("title")
        .only("pk", "title", "translation_key")
    )
    adopters = {}
    for tool_id, region_code in (
        Adoption.objects.filter(live=True, status=AdoptionStatus.ADOPTED, tool__in=[t.pk for t in tools])
        .order_by("region_code")
        .values_list("tool_id", "region_code")
    ):
        adopters.setdefault(tool_id, []).append(region_code)
    region_pages = {}
    for page in RegionPage.objects.live().filter(locale__in=[default, locale]).order_by("-locale_id"):
        if page.code not in region_pages or page.locale_id == locale.pk:
            region_pages[page.code] = page
    translated = {
        page.translation_key: page
        for page in ToolPage.objects.live()
        .filter(locale=locale, translation_key__in=[t.translation_key for t in tools])
        .only("pk", "title", "translation_key")
    }
    names = {region["code"]: region.get(locale.language_code, region["fr"]) for region in reference_data()["regions"]}
    return [
        (
            translated.get(tool.translation_key, tool),
            [(other, names.get(other, other), _url(region_pages.get(other))) for other in adopters.get(tool.pk, [])],
        )
        for tool in tools
    ]


def _url(page):
    return page.get_url() if page is not None else ""


def admin_locale():
    """The content language matching the admin's (Arabic admin: Arabic titles and a right-to-left chart)."""
    language = translation.get_language() or ""
    return Locale.objects.filter(language_code=language[:2]).first() or Locale.get_default()


class CouncilDashboardPanel(Component):
    name = "council_dashboard"
    template_name = "councils/dashboard_panel.html"
    order = 40

    def __init__(self, code):
        self.code = code
        self.locale = admin_locale()

    def get_context_data(self, parent_context):
        names = {region["code"]: region for region in reference_data()["regions"]}[self.code]
        return {
            "code": self.code,
            "region_name": names.get(self.locale.language_code, names["fr"]),
            "in_review": in_review(self.code),
            "change_requests": change_requests(self.code),
            "tools_to_adopt": tools_to_adopt(self.code, self.locale),
            "locale": self.locale,
            "request": parent_context.get("request"),
        }


def council_panel_for(user):
    """The panel for a council contributor, or None for anybody else."""
    code = council_region_for(user)
    return CouncilDashboardPanel(code) if code else None
