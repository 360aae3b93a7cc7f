"""Finding the page a public URL names in one query, then serving it through Wagtail's own ``serve``.

Wagtail routes ``/fr/outils/outil/`` step by step: the Site (a query), the active Locale (a query), the translation of
the site's root page in that language, then for each path segment the child with that slug and its specific page (two
queries a level), then the page's ancestors and their view restrictions (two queries): ten queries before a detail
page starts rendering. Here:

- the Site of the host and port, and the root page of each language (the live translation of the Site's root page,
  else the root page itself, as Wagtail's ``Page.localized`` picks it), come from ``pagecache.memo``: remembered per
  process under the language's generation, which any publication, move or deletion of a page and any change of a
  Site or Locale renews;
- the page is the one whose ``url_path`` is the root's followed by the path, in that root's subtree, read from its
  own page type's table with its locale and whether a view restriction or an alias sits on it or an ancestor
  (subqueries of the same query): one query. Which page type an address holds is a per-process hint that this
  query checks (the page's pk and address), so the first request of an address in a process, or one whose page
  changed, costs a second query, never a wrong page. (Joining every page type's table to the page in one query
  would need no hint, but PostgreSQL plans fifteen outer joins on small, never analysed tables very badly.)

The result is handed to Wagtail as ``request._wagtail_route_for_request`` (and the Site as ``request._wagtail_site``),
the cache Wagtail's ``serve`` and ``Page.route_for_request`` already read, so everything after routing is Wagtail's:
the ``before_serve_page`` and ``on_serve_page`` hooks, the password and login forms of restricted pages, the page's
own ``serve`` and ``route`` (a page that is not live is a 404). A page known to be under no restriction and no alias
answers ``get_view_restrictions()`` without a query (``home.base.BasePage``); any other page asks Wagtail as before.

Anything unusual is left to Wagtail's own routing, unchanged: no page at that address (a 404, which the redirects
middleware may then turn into a redirect, or a sub-route of a routable page), an ancestor whose page type routes its
own subpaths, a cache that does not answer. Previews never come here (the admin serves them).
"""

from functools import cache
from typing import NamedTuple

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import BooleanField, Exists, OuterRef, Q, Value
from django.db.models.functions import Length, Substr
from django.http import Http404
from django.http.request import split_domain_port
from django.utils import translation
from wagtail import views as wagtail_views
from wagtail.models import Page, PageViewRestriction, Site, get_page_models

from home.prepared import prepared
from pagecache import memo


def serve(request, path):
    """Wagtail's ``serve`` view, with the route found in one query when it can be."""
    find_route(request, path)
    return wagtail_views.serve(request, path)


def find_route(request, path):
    """Fill Wagtail's per-request route cache for ``path`` (relative to the language's root), or leave it to Wagtail."""
    if hasattr(request, "_wagtail_route_for_request"):
        return
    language = translation.get_language()
    if language not in {code for code, _name in settings.LANGUAGES}:
        return
    hostname, port = _host_and_port(request)
    site = memo.remember(request, language, ("site", hostname, port), lambda: Site._find_for_request(request))
    if site is None:
        return
    root = memo.remember(request, language, ("root", site.pk, language), lambda: _root_for(site, language))
    if root is None:
        return
    components = [component for component in path.split("/") if component]
    url_path = root.url_path + "".join(f"{component}/" for component in components)
    page = _page_at(root, url_path, root.depth + len(components))
    if page is None or page.routed_elsewhere:
        return
    if not page.guarded:
        page._known_view_restrictions = PageViewRestriction.objects.none()
    request._wagtail_site = site
    # Wagtail's page URLs read the sites' root paths once per request from the shared cache; here once a generation.
    request._wagtail_cached_site_root_paths = memo.remember(
        request, language, ("site_root_paths", language), Site.get_site_root_paths
    )
    try:
        request._wagtail_route_for_request = page.route(request, [])  # live, or Http404 as Wagtail's walk would
    except Http404:
        request._wagtail_route_for_request = None


class Root(NamedTuple):
    path: str
    depth: int
    url_path: str


def _host_and_port(request):
    return split_domain_port(request._get_raw_host())[0], request.get_port()


def _root_for(site, language):
    """The page Wagtail routes ``language``'s URLs from: the live translation of the Site's root page in that
    language, else the root page itself (``Page.localized``)."""
    root_key = Page.objects.filter(pk=site.root_page_id).values("translation_key")
    candidates = Page.objects.filter(
        Q(pk=site.root_page_id) | Q(translation_key__in=root_key, locale__language_code=language, live=True)
    )
    rows = {
        pk: Root(path, depth, url_path)
        for pk, path, depth, url_path in candidates.values_list("pk", "path", "depth", "url_path")
    }
    translated = [root for pk, root in rows.items() if pk != site.root_page_id]
    return translated[0] if translated else rows.get(site.root_page_id)


# The page type found at an address, per process: a hint the page query checks (pk and address), so a stale one
# costs one more query, never a wrong page. Bounded: emptied past MAX_HINTS addresses.
_hints = {}
MAX_HINTS = 10_000


def _page_at(root, url_path, depth):
    """The specific page at ``url_path`` in ``root``'s subtree, with its locale, ``guarded`` (a view restriction or
    an alias on it or an ancestor) and ``routed_elsewhere`` (an ancestor routes its own subpaths): one query when this
    process has seen the address before, else two (the page's type, then the page)."""
    hint = _hints.get((root.path, url_path))
    if hint is not None:
        page = _specific_at(hint[1], hint[0], root, url_path, depth)
        if page is not None:
            return page
    found = _page_type_at(url_path, root.path, depth)
    if not found:
        return None
    model = ContentType.objects.get_for_id(found[0][1]).model_class()
    if model is None or not issubclass(model, Page):
        return None
    page = _specific_at(model, found[0][0], root, url_path, depth)
    if page is not None:
        if len(_hints) >= MAX_HINTS:
            _hints.clear()
        _hints[(root.path, url_path)] = (found[0][0], model)
    return page


def _specific_at(model, pk, root, url_path, depth):
    pages = _specific_rows(model, pk, url_path, root.path, depth, root.depth)
    return pages[0] if pages else None


# The two routing queries differ from one address to the next only by their values: compiled once (home/prepared.py).
@prepared
def _page_type_at(url_path, root_path, depth):
    pages = Page.objects.filter(url_path=url_path, path__startswith=root_path, depth=depth)
    return pages.order_by("path").values_list("pk", "content_type_id")[:1]


@prepared
def _specific_rows(model, pk, url_path, root_path, depth, root_depth):
    return (
        model.objects.filter(pk=pk, url_path=url_path, path__startswith=root_path, depth=depth)
        .select_related("locale", *getattr(model, "serve_select_related", ()))
        .annotate(guarded=_guarded(), routed_elsewhere=_routed_elsewhere(root_depth))
    )


def _guarded():
    """A view restriction or an alias on the page or an ancestor (``home.privacy.restricted``'s ancestors): Wagtail
    reads an alias's restrictions on its source."""
    guards = Q(view_restrictions__isnull=False) | Q(alias_of__isnull=False)
    return Exists(Page.objects.filter(guards, path=Substr(OuterRef("path"), 1, Length("path"))))


def _routed_elsewhere(root_depth):
    """An ancestor below the root is of a page type with its own ``route`` (a routable page): it may claim this
    address for itself, which only Wagtail's walk from the root decides."""
    if not _self_routing_types():
        return Value(False, output_field=BooleanField())
    ancestors = Page.objects.filter(
        path=Substr(OuterRef("path"), 1, Length("path")),
        depth__gte=root_depth,
        depth__lt=OuterRef("depth"),
        content_type_id__in=_self_routing_types(),
    )
    return Exists(ancestors)


@cache
def _self_routing_models():
    """The routable page types: fixed for the life of the process."""
    return tuple(model for model in get_page_models() if model is not Page and model.route is not Page.route)


def _self_routing_types():
    """Their content type ids, from Django's content type cache, which a flush or migrate clears: ids are not kept
    here, since a flush recreates the content types under new ids."""
    return [content_type.pk for content_type in ContentType.objects.get_for_models(*_self_routing_models()).values()]
