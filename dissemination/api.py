"""The open API at ``/api/v2/``: Wagtail's API v2 for pages, read-only, live public content only.

Every answer starts from one queryset, ``PublicPagesViewSet.get_base_queryset``: pages ``live_public`` (home/privacy.py)
under the site's root, aliases left out (an alias repeats its original under another address). Wagtail builds the
listing, the detail (``/api/v2/pages/<id>/``), ``find`` and the ``parent`` field from it, so a draft, an unpublished
page or a page under a view restriction (and, privacy being mirrored, its translations) is never listed, never
found and never named as a parent: it is a 404 like a page that does not exist.

No authentication runs (no session, no Basic): the answer is the same for everyone, so an editor's browser cannot
see more through the API than the public. Only GET, HEAD and OPTIONS are routed; anything else is a 405.
Filters: Wagtail's own (``type``, ``locale`` by language code, ``child_of``, ``search``, ``order``, ``fields``...);
the toolkit pages' fields are declared by ``api_fields`` on their models (toolkit/models/), themes and regions by
code. A listing costs a fixed number of queries: the locale is joined and what the fields read is prefetched
(``api_prefetch``, ``api_select`` of the page type asked for).
"""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.models import Page

from dissemination.cors import allow_any_origin
from home.privacy import live_public


class PublicPagesViewSet(PagesAPIViewSet):
    authentication_classes = []
    permission_classes = []
    http_method_names = ["get", "head", "options"]

    def get_base_queryset(self):
        """Wagtail's public pages of the site, narrowed to the portal's rule by primary key: a plain ``pk__in`` (one
        subquery) is a filter search backends accept, where the privacy condition itself is not."""
        public = live_public(Page.objects.filter(alias_of__isnull=True)).values("pk")
        return super().get_base_queryset().filter(pk__in=public)

    def get_queryset(self):
        queryset = super().get_queryset().select_related("locale")
        model = queryset.model
        prefetch = getattr(model, "api_prefetch", [])
        select = getattr(model, "api_select", [])
        return queryset.prefetch_related(*prefetch).select_related(*select)

    def finalize_response(self, request, response, *args, **kwargs):
        return allow_any_origin(super().finalize_response(request, response, *args, **kwargs))


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesViewSet)
