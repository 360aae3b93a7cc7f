"""Where a change under review comes from: its author, and the region it speaks for.

Reviewers weigh a council's submission knowing which council wrote it. The one answer here serves the editor's
approval panel, the reviewers' dashboard and the approvals report's region filter:

- the author is the revision's user (``Revision.user``);
- the region is the author's council region (``councils.membership.council_region_for``, read for all the authors
  of a list at once by ``council_regions_for``: their one council group,
  as it is now); else, for a page made from a public proposal (``proposals.Proposal``, matched on the page's
  translation key, so its translations count too), the proposal's region, with the proposer and their council.

The proposal model is named by string (``apps.get_model``): the proposals app imports the toolkit, which imports
this app; a string is not an import (``tests/test_import_graph.py``).
"""

from dataclasses import dataclass

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db.models import Count, Q
from django.utils import translation
from wagtail.models import Page, Revision

from approvals.models import display_name
from cms.roles import COUNCIL_GROUPS
from councils.membership import council_regions_for
from toolkit.reference import reference_data


@dataclass
class Provenance:
    author: str  # the revision's author, "" when none (a draft made from a public proposal)
    region_code: str | None
    region_name: str
    proposer: str  # "Name (council)" for a page from a public proposal, else ""

    @property
    def known(self):
        return bool(self.author or self.region_code or self.proposer)


def region_name(code, language=None):
    """The region's official name in ``language`` (the admin's current language by default)."""
    language = (language or translation.get_language() or "fr")[:2]
    for region in reference_data()["regions"]:
        if region["code"] == code:
            return region.get(language) or region["fr"]
    return ""


def proposal_model():
    return apps.get_model("proposals", "Proposal")


def proposals_by_translation_key(keys):
    """The earliest public proposal behind each translation key of ``keys``, in one query."""
    found = {}
    rows = (
        proposal_model()
        .objects.filter(page__translation_key__in=set(keys))
        .order_by("created_at", "pk")
        .values("page__translation_key", "region_code", "proposer_name", "council")
    )
    for row in rows:
        found.setdefault(row["page__translation_key"], row)
    return found


def provenances(items):
    """``{key: Provenance}`` for ``items``, pairs of (key, revision id, object); a bounded number of queries."""
    items = list(items)
    revisions = Revision.objects.filter(pk__in={rid for _key, rid, _obj in items if rid}).select_related("user")
    revisions = {revision.pk: revision for revision in revisions}
    keys = [getattr(obj, "translation_key", None) for _key, _rid, obj in items if isinstance(obj, Page)]
    proposals = proposals_by_translation_key([key for key in keys if key]) if keys else {}
    regions_by_user = council_regions_for({r.user_id: r.user for r in revisions.values() if r.user_id}.values())
    result = {}
    for key, revision_id, obj in items:
        revision = revisions.get(revision_id)
        author = revision.user if revision is not None else None
        code = regions_by_user.get(author.pk) if author is not None else None
        proposal = proposals.get(getattr(obj, "translation_key", None)) if isinstance(obj, Page) else None
        proposer = f"{proposal['proposer_name']} ({proposal['council']})" if proposal else ""
        if code is None and proposal:
            code = proposal["region_code"]
        result[key] = Provenance(display_name(author), code, region_name(code) if code else "", proposer)
    return result


def provenance_of(obj, revision_id):
    return provenances([(None, revision_id, obj)])[None]


def council_authors(code):
    """The accounts ``council_region_for`` places in region ``code``: active, not superusers, in that one council
    group and no other."""
    return (
        get_user_model()
        .objects.filter(is_active=True, is_superuser=False)
        .annotate(councils=Count("groups", filter=Q(groups__name__in=COUNCIL_GROUPS.values())))
        .filter(councils=1, groups__name=COUNCIL_GROUPS.get(code, ""))
    )


def region_condition(code):
    """A filter of approval records (``revision_id``, ``page``) about changes from region ``code``: revisions written
    by its council's members, and pages made from a public proposal for that region (and their translations)."""
    by_council = Q(revision_id__in=Revision.objects.filter(user__in=council_authors(code)).values("pk"))
    proposal_keys = proposal_model().objects.filter(region_code=code).values("page__translation_key")
    by_proposal = Q(page__in=Page.objects.filter(translation_key__in=proposal_keys).values("pk"))
    return by_council | by_proposal
