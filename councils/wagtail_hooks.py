"""The councils' place in the admin: a council contributor's dashboard on the admin home (``councils.dashboard``),
and where its requests enter the admin: the paths the page permission tester does not see, and the
tool adoptions of its region only.

- Copy, move and bulk actions: Wagtail checks copy and move with its own tester on a plain ``Page`` (not the portal's,
  ``councils.permissions``), and bulk actions act on many objects at once; a council needs none of them, so they are
  refused to council contributors outright.
- Tool adoptions (``toolkit.Adoption``, no language): Wagtail's model permissions (``councils.grants``) let a council
  add and change rows; here each row it opens or saves must be its region's, and a new or changed row must name its
  region. The region is read from the posted form field, which is what the form saves.

Each refusal raises ``PermissionDenied`` before the view changes anything (Wagtail's admin answers it with a redirect
and the message; ``approvals.tests.helpers.refused`` accepts both).
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils.translation import gettext as _
from wagtail import hooks

from councils.dashboard import council_panel_for
from councils.membership import council_region_for
from councils.scope import ADOPTION, label_of


def councils_do_not_message():
    return _("Regional councils propose and edit their own region's content; this action is not theirs.")


def refuse_councils(request, *args, **kwargs):
    if council_region_for(request.user) is not None:
        raise PermissionDenied(councils_do_not_message())
    return None


hooks.register("before_copy_page", refuse_councils, order=-50)
hooks.register("before_move_page", refuse_councils, order=-50)
hooks.register("before_delete_page", refuse_councils, order=-50)
hooks.register("before_bulk_action", refuse_councils, order=-50)
hooks.register("before_delete_snippet", refuse_councils, order=-50)


def other_region_message(region):
    return _("Your council updates the adoptions of region %(code)s only.") % {"code": region}


def _check_posted_region(request, region):
    if request.method == "POST" and request.POST.get("region_code") != region:
        raise PermissionDenied(other_region_message(region))


@hooks.register("before_create_snippet", order=-50)
def adoptions_of_own_region_on_create(request, model):
    region = council_region_for(request.user)
    if region is None:
        return None
    if label_of(model) != ADOPTION:
        raise PermissionDenied(councils_do_not_message())
    _check_posted_region(request, region)
    return None


@hooks.register("before_edit_snippet", order=-50)
def adoptions_of_own_region_on_edit(request, instance):
    region = council_region_for(request.user)
    if region is None:
        return None
    if label_of(instance) != ADOPTION or instance.region_code != region:
        raise PermissionDenied(other_region_message(region))
    _check_posted_region(request, region)
    return None


@hooks.register("construct_homepage_panels")
def add_council_dashboard(request, panels):
    panel = council_panel_for(request.user)
    if panel is not None:
        panels.insert(0, panel)


def published_or_own(pages, user):
    """What a council contributor may see listed: live pages and the drafts it wrote itself. Another region's (or the
    centre's) unpublished proposals are nobody else's business until the partners have approved them; opening them
    was already refused, and now their titles no longer show in the explorer, its search or the page chooser."""
    if council_region_for(user) is None:
        return pages
    return pages.filter(Q(live=True) | Q(owner=user))


@hooks.register("construct_explorer_page_queryset")
def hide_others_drafts_in_the_explorer(parent_page, pages, request):
    return published_or_own(pages, request.user)


@hooks.register("construct_page_chooser_queryset")
def hide_others_drafts_in_the_chooser(pages, request):
    return published_or_own(pages, request.user)
