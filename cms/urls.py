"""URL configuration: the admin and operational endpoints unprefixed, public pages under /fr/, /ar/, /en/."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms import views
from dissemination import embed, opendata
from dissemination import views as dissemination_views
from dissemination.api import api_router
from home import routing
from mediafiles.views import RENDITIONS_FOLDER, serve_rendition

handler404 = "cms.views.page_not_found"
handler500 = "cms.views.server_error"

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("healthz", views.healthz, name="healthz"),
    path("favicon.ico", views.favicon, name="favicon"),
    # For crawlers, at the root without a language prefix (dissemination/views.py).
    path("sitemap.xml", dissemination_views.sitemap, name="sitemap"),
    path("robots.txt", dissemination_views.robots, name="robots"),
    # Open data, read-only and for any origin, without a language prefix (dissemination/api.py, opendata.py).
    path("api/v2/", api_router.urls),
    path("open-data/adoptions.csv", opendata.adoptions_csv, name="opendata_adoptions_csv"),
    path("open-data/adoptions.json", opendata.adoptions_json, name="opendata_adoptions_json"),
    path("open-data/adoption-history.csv", opendata.history_csv, name="opendata_history_csv"),
    path("open-data/adoption-history.json", opendata.history_json, name="opendata_history_json"),
    # Image renditions go through the app, which serves only those of images live public content uses (mediafiles/).
    path(
        f"{settings.MEDIA_URL.strip('/')}/{RENDITIONS_FOLDER}/<path:name>",
        serve_rendition,
        name="mediafiles_rendition",
    ),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    # MEDIA_ROOT is never served by name, not even here: documents and renditions pass the same rule as in
    # production (mediafiles/).
    urlpatterns += staticfiles_urlpatterns()

urlpatterns += i18n_patterns(
    path("search/", include("search.urls")),
    path("feed/", dissemination_views.feed, name="feed"),
    path("embed/region/<str:code>/", embed.region_widget, name="embed_region"),
    path("subscribe/", include("subscriptions.urls")),
    path("", include("proposals.urls")),
    # Wagtail's URLs, its page view swapped for the same view routing in one query (home/routing.py).
    *[pattern for pattern in wagtail_urls.urlpatterns if pattern.name != "wagtail_serve"],
    re_path(wagtail_urls.serve_pattern, routing.serve, name="wagtail_serve"),
    prefix_default_language=True,
)
