"""Who may receive a document's or image's file: the public only when live public content uses it.

A file is served when a live snippet uses it, or a live page whose view restrictions (password, login, groups, its
own or an ancestor's) this request passes; when every live page using it is restricted and the request passes none,
the visitor gets what Wagtail gives for the page itself (its password form, or the login page). Anything else, a file
only drafts or revisions under review use included, is a 404. The language of the request plays no part: a file
used by the Arabic page is one file, served wherever a live page uses it.

People who work in the admin (``wagtailadmin.access_admin``) receive any file: reviewers must open the document a
revision under review proposes, and the admin shows image thumbnails.

The cost is bounded: a handful of queries whatever the number of pages using the file (``usage.live_users`` and one
query for all their restrictions), plus one per distinct group restriction for a signed-in visitor.
"""

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from wagtail.forms import PasswordViewRestrictionForm
from wagtail.models import Page, PageViewRestriction

from mediafiles.usage import live_users


def works_in_admin(user):
    return user.is_authenticated and user.has_perm("wagtailadmin.access_admin")


def restrictions_by_page(pages):
    """Each page's view restrictions, its ancestors' included, in two queries for all the pages."""
    step = Page.steplen
    prefixes = {page.path[:length] for page in pages for length in range(step, len(page.path) + 1, step)}
    restrictions = list(
        PageViewRestriction.objects.filter(page__path__in=prefixes).select_related("page").prefetch_related("groups")
    )
    return {page.pk: [r for r in restrictions if page.path.startswith(r.page.path)] for page in pages}


def refusal(obj, request):
    """None when ``request`` may receive ``obj``'s file; else the response to give instead (or Http404)."""
    if works_in_admin(request.user):
        return None
    users = live_users(obj)
    if users.snippet:
        return None
    if not users.pages:
        raise Http404("No live content uses this file.")
    accepted = {}  # a restriction shared by several pages (an ancestor's) is checked once

    def passes(restriction):
        if restriction.pk not in accepted:
            accepted[restriction.pk] = restriction.accept_request(request)
        return accepted[restriction.pk]

    first_refused = None
    for page, restrictions in restrictions_by_page(users.pages).items():
        failing = [r for r in restrictions if not passes(r)]
        if not failing:
            return None
        first_refused = first_refused or (page, failing[0])
    page_id, restriction = first_refused
    return restriction_response(restriction, next(p for p in users.pages if p.pk == page_id), request)


def restriction_response(restriction, page, request):
    """What Wagtail answers for the restricted page itself (``wagtail.wagtail_hooks.check_view_restrictions``)."""
    if restriction.restriction_type == PageViewRestriction.PASSWORD:
        form = PasswordViewRestrictionForm(instance=restriction, initial={"return_url": request.get_full_path()})
        action_url = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk])
        response = page.specific.serve_password_required_response(request, form, action_url)
    else:
        login_url = getattr(settings, "WAGTAIL_FRONTEND_LOGIN_URL", None) or reverse("wagtailcore_login")
        response = redirect_to_login(request.get_full_path(), login_url)
    add_never_cache_headers(response)
    return response
