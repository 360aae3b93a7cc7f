"""Breadcrumbs: the trail from the home page of the page's language down to the page itself.

Every page below the home page shows where it sits (home > section > page), in its own language: the titles are
those of the page's ancestors, which live in the same language's tree. The trail costs no query for the pages the
portal has today, at most two levels below the home page: the home page and its public children come with the
site's frame, cached per language and renewed by every publication (home/context_processors.py,
pagecache/invalidation.py), so a renamed section shows its new title at once. A deeper page fetches the ancestors
the frame does not hold in one query, however deep it sits.

A page outside the current language's home (a page served in a language that is not its own) fetches its whole
trail in that one query as well.
"""

from django.utils.translation import gettext as _
from wagtail.models import Page

STEP = Page.steplen


def _ancestor_paths(path, below):
    """The paths of the ancestors of ``path`` strictly below ``below`` (a path prefix), top first."""
    return [path[:end] for end in range(len(below) + STEP, len(path), STEP)]


def _fetch(paths, request):
    """The live ancestors at ``paths``, in one query, as {path: {"title", "url"}}."""
    found = {}
    for ancestor in Page.objects.filter(path__in=paths, live=True).only("path", "title", "url_path"):
        url = ancestor.get_url(request)
        if url:
            found[ancestor.path] = {"title": ancestor.title, "url": url}
    return found


def trail(page, frame, request=None):
    """The breadcrumbs of ``page`` as a list of {"title", "url"}, the page itself last; [] for the home page, a page
    that is not a Wagtail page, or the tree's root."""
    if not isinstance(page, Page) or not page.path or (page.depth or 0) <= 2:  # a new page's preview has no path
        return []
    home = frame.get("home") if frame else None
    if home and page.path.startswith(home["path"]) and page.path != home["path"]:
        known = dict(frame.get("sections") or {})
        wanted = _ancestor_paths(page.path, home["path"])
        missing = [path for path in wanted if path not in known]
        if missing:
            known.update(_fetch(missing, request))
        steps = [{"title": _("Home"), "url": home["url"]}]
    else:
        # The page's own home (depth 2, under the root) starts its trail.
        home_path = page.path[: 2 * STEP]
        wanted = _ancestor_paths(page.path, home_path)
        known = _fetch([home_path, *wanted], request)
        if home_path not in known:
            return []
        steps = [{"title": _("Home"), "url": known[home_path]["url"]}]
    steps += [known[path] for path in wanted if path in known]
    steps.append({"title": page.title, "url": page.get_url(request)})
    return steps


def for_section(title, url, frame):
    """The breadcrumbs of a page that is not in the page tree (the search page): home > ``title``."""
    home = frame.get("home") if frame else None
    if not home:
        return []
    return [{"title": _("Home"), "url": home["url"]}, {"title": title, "url": url}]
