"""What belongs to a region, for its council: the one map of the content a council may write.

A council writes, in French or Arabic only (English is translated):

- its region page (``toolkit.RegionPage`` whose ``code`` is the region's), and there only the sections the council
  owns (``REGION_PAGE_FIELDS``): its presentation and its contacts. Code, seat, title, slug, summary and SEO stay
  the editors'; census figures are not fields at all;
- the experiences of its region (``toolkit.ExperiencePage`` whose ``region`` is its region page) and the tools its
  council developed (``toolkit.ToolPage`` whose ``developed_by_regions`` names it), which it proposes itself;
- its region's tool adoptions (``toolkit.Adoption`` whose ``region_code`` is the region's).

Models are named by label, never imported: the approval and page modules that ask this map sit below the toolkit.
"""

COUNCIL_LANGUAGES = ("fr", "ar")

REGION_PAGE = "toolkit.regionpage"
EXPERIENCE_PAGE = "toolkit.experiencepage"
TOOL_PAGE = "toolkit.toolpage"
ADOPTION = "toolkit.adoption"
# The indexes under which a council proposes new pages, with the page type it may create there.
PROPOSAL_INDEXES = {"toolkit.experienceindexpage": EXPERIENCE_PAGE, "toolkit.toolindexpage": TOOL_PAGE}

# The sections of its region page a council owns. ``change_note`` is the public note of what changed, which goes
# through approval with the revision.
REGION_PAGE_FIELDS = frozenset(
    {"introduction", "contact_office", "contact_address", "contact_email", "contact_phone", "change_note"}
)

# Fields of a council's own proposals that reach beyond its region: the home page's selection and the site's menus.
EDITORS_ONLY_FIELDS = frozenset({"featured", "show_in_menus"})


def label_of(obj_or_model):
    return obj_or_model._meta.label_lower


def page_regions(page):
    """The region codes ``page`` (a specific page) belongs to, for the council rule: empty when none."""
    label = label_of(page)
    if label == REGION_PAGE:
        return {page.code}
    if label == EXPERIENCE_PAGE:
        return {page.region.code} if page.region_id else set()
    if label == TOOL_PAGE:
        if page.pk is None:
            return set()
        return set(page.developed_by_regions.values_list("code", flat=True))
    return set()


def is_in_region(page, code):
    """Whether the council of ``code`` may write ``page`` at all (its fields may be narrower: ``REGION_PAGE_FIELDS``).

    A tool developed by several regions belongs to each of them; nothing else belongs to two regions.
    """
    page = getattr(page, "specific", page)
    return page.locale.language_code in COUNCIL_LANGUAGES and code in page_regions(page)
