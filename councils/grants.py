"""The Wagtail permissions each regional council group holds: the pages it may write, in French and Arabic.

- "change" on its own region page, in each council language;
- "add" on the experience and tool indexes of each council language: Wagtail's "add" lets the holder create pages
  there and edit the ones it created, never anyone else's (``councils.permissions`` further keeps them to the
  region);
- images and documents: upload (and change what it uploaded) and choose, never change others' files;
- add and change on tool adoptions (no delete: a council corrects a row, the editors remove one); the region of each
  row it touches is checked where the request enters (``councils.wagtail_hooks``).

Never "publish", never a language tree's root, never English. The region pages and indexes are created after
``bootstrap_portal`` (by ``load_demo_content`` or the editors), so a page of these types receives its council grants
when it is created (``councils.signals``), and ``bootstrap_portal`` grants whatever is missing on every run.
"""

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission

from cms.roles import COUNCIL_GROUPS
from councils.scope import COUNCIL_LANGUAGES, PROPOSAL_INDEXES, REGION_PAGE

COUNCIL_SNIPPET_PERMISSIONS = [("toolkit", "add_adoption"), ("toolkit", "change_adoption")]
COUNCIL_COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
]


def council_model_permissions():
    return [
        Permission.objects.get(content_type__app_label=app_label, codename=codename)
        for app_label, codename in COUNCIL_SNIPPET_PERMISSIONS
    ]


def page_grants(page):
    """[(group name, codename)] the council groups hold on ``page`` (a specific page), or []."""
    if page.locale.language_code not in COUNCIL_LANGUAGES:
        return []
    label = page._meta.label_lower
    if label == REGION_PAGE and page.code in COUNCIL_GROUPS:
        return [(COUNCIL_GROUPS[page.code], "change_page")]
    if label in PROPOSAL_INDEXES:
        return [(name, "add_page") for name in COUNCIL_GROUPS.values()]
    return []


def grant_on_page(page):
    """Create the council grants ``page`` should carry; the descriptions of those created."""
    changes = []
    for group_name, codename in page_grants(page):
        group = Group.objects.filter(name=group_name).first()
        if group is None:  # not bootstrapped yet: bootstrap_portal grants it later
            continue
        permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
        _grant, created = GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)
        if created:
            changes.append(f"granted {codename} on {page.locale.language_code} {page.title} to {group_name}")
    return changes


def ensure_council_page_grants():
    """Every council grant on the pages that exist (``bootstrap_portal``; idempotent)."""
    changes = []
    for label in (REGION_PAGE, *PROPOSAL_INDEXES):
        model = apps.get_model(label)
        for page in model.objects.filter(locale__language_code__in=COUNCIL_LANGUAGES).select_related("locale"):
            changes += grant_on_page(page)
    return changes
