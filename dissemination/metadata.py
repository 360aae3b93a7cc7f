"""What a public page says about itself in its head, for search engines, social networks and link previews.

One address per content (``canonical``): a Wagtail page's own full URL; a filtered or paged listing's URL carries its
filters and page, because each combination is a list of its own that a regional council may link to ("the tools of
Souss-Massa") and a search engine may show. The query is normalised so that one list has one address: only the
filters the listing recognised and applied (an unknown parameter or value is dropped), sorted by name, then the page
number when it is not the first (``page=1`` is the listing itself, an out-of-range page the one actually shown). The
hreflang alternates of a listing carry the same query: filter values are the same in every language (theme slugs are
synchronised, region codes and years are codes), so the Arabic version of "tools of region 04" is the Arabic listing
with ``region=04``.

Open Graph and the Twitter card repeat the title, description and canonical address, name the page's language as a
locale (``fr_MA``, ``ar_MA``, ``en_GB``) and its other languages as alternates. Their image is the portal's icon (a
real file served by the portal), the only image every page has.

schema.org JSON-LD, one block per page, typed by page kind (``SCHEMA_TYPES``): ``Article`` for guides and experiences,
with their first and last publication dates; ``Dataset`` for the adoption overview; the partners (DGCT, ARM, British
Embassy) as ``GovernmentOrganization`` wherever the page already shows them (the home page, a tool's makers). It is
serialised with the escaping of Django's ``json_script``, so no text an editor writes can close the script element.

Everything here reads what the page's rendering already loaded (the page, its listing, its alternates, the partners
and region in its context): the metadata costs no database query.
"""

import json
from urllib.parse import urlencode

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.templatetags.static import static
from django.utils import translation
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from home import page_urls

# The Open Graph locale of each language: Morocco's French and Arabic, British English (the Embassy's).
OG_LOCALES = {"fr": "fr_MA", "ar": "ar_MA", "en": "en_GB"}

# The schema.org type of each page kind; a kind not named here is a ``WebPage``.
SCHEMA_TYPES = {
    "home.homepage": "WebSite",
    "toolkit.guidepage": "Article",
    "toolkit.experiencepage": "Article",
    "toolkit.adoptionoverviewpage": "Dataset",
    "toolkit.toolindexpage": "CollectionPage",
    "toolkit.guideindexpage": "CollectionPage",
    "toolkit.experienceindexpage": "CollectionPage",
    "toolkit.recommendationindexpage": "CollectionPage",
    "toolkit.benchmarkindexpage": "CollectionPage",
    "toolkit.regionindexpage": "CollectionPage",
}
OG_ARTICLE_TYPES = {"Article"}

# The default image: the portal's icon, 180 x 180 (assets/icons/).
IMAGE = {"path": "icons/apple-touch-icon.png", "width": 180, "height": 180, "type": "image/png"}

# Characters that could end a <script> element or start a comment, as Django's json_script escapes them.
_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def site_name():
    return gettext("Advanced regionalisation")


def title_with_site_name(title):
    """``title | site name``, or the title alone when it already names the site (the home page), so a title never
    says the site's name twice. ``title`` may be escaped HTML (a rendered block): the name is compared escaped too."""
    name = conditional_escape(site_name())
    title = conditional_escape(title)
    title = mark_safe(title.strip())  # noqa: S308 - escaped just above (str.strip would drop the safe mark)
    if not title:
        return name
    if name.casefold() in title.casefold():
        return title
    return mark_safe(f"{title} | {name}")  # noqa: S308 - both parts are escaped above


# Addresses ----------------------------------------------------------------------------------------------------------
def page_address(request, page):
    """A page's absolute address on the host the request came to (as hreflang links are): the Site record's hostname
    is an editor's setting that may lag behind the real one, and a sitemap must list addresses of its own host."""
    url = page.get_url(request)
    return request.build_absolute_uri(url) if url else None


def listing_query(listing):
    """The normalised query of a listing: its applied filters sorted by name, then its page number if not the first."""
    pairs = sorted((facet.name, facet.selected) for facet in listing.facets if facet.selected)
    if listing.page.number > 1:
        pairs.append(("page", str(listing.page.number)))
    return urlencode(pairs)


def request_query(request):
    """The query of a view that is not a Wagtail page (search): its non-empty parameters, sorted."""
    return urlencode(sorted((key, value) for key, value in request.GET.items() if value))


def with_query(url, query):
    return f"{url}?{query}" if query else url


def canonical_and_alternates(request, page, listing, alternates):
    """The canonical address and the hreflang links (x-default last) of the current response, all absolute."""
    if page is not None:
        query = listing_query(listing) if listing is not None else ""
        # A page without an address of its own (a preview of one not yet routable) is named by the request's path.
        address = page_address(request, page) or request.build_absolute_uri(request.path)
        canonical = with_query(address, query)
        links = [{"code": link["code"], "url": with_query(link["absolute_url"], query)} for link in alternates]
    else:
        query = request_query(request)
        canonical = with_query(request.build_absolute_uri(request.path), query)
        links = [{"code": link["code"], "url": link["absolute_url"]} for link in alternates]
    if links:
        default = next((link for link in links if link["code"] == settings.LANGUAGE_CODE), links[0])
        links.append({"code": "x-default", "url": default["url"]})
    return canonical, links


def home_url(request, language):
    return request.build_absolute_uri(page_urls.localized_reverse("wagtail_serve", language, ("",)))


# The head -------------------------------------------------------------------------------------------------------------
def head_metadata(request, context, alternates, title=None, description=None):
    """Everything the head says about this response: ``canonical``, ``hreflang``, ``open_graph``, ``twitter`` (lists
    of (property, content)) and ``json_ld`` (a safe script element, or '')."""
    page = context.get("page")
    page = page if getattr(page, "pk", None) else None
    listing = context.get("listing")
    language = translation.get_language()
    canonical, hreflang = canonical_and_alternates(request, page, listing, alternates)
    if page is not None:
        title = page.seo_title or page.title
        description = page.get_meta_description()
    title = title or site_name()
    description = description or ""
    schema_type = SCHEMA_TYPES.get(page._meta.label_lower, "WebPage") if page is not None else "WebPage"
    image = request.build_absolute_uri(static(IMAGE["path"]))

    open_graph = [
        ("og:site_name", site_name()),
        ("og:title", title),
        *([("og:description", description)] if description else []),
        ("og:url", canonical),
        ("og:type", "article" if schema_type in OG_ARTICLE_TYPES else "website"),
        ("og:locale", OG_LOCALES.get(language, language)),
        *[
            ("og:locale:alternate", OG_LOCALES.get(link["code"], link["code"]))
            for link in alternates
            if link["code"] != language
        ],
        ("og:image", image),
        ("og:image:type", IMAGE["type"]),
        ("og:image:width", str(IMAGE["width"])),
        ("og:image:height", str(IMAGE["height"])),
    ]
    if page is not None and schema_type in OG_ARTICLE_TYPES:
        open_graph += [
            (name, value.isoformat())
            for name, value in (
                ("article:published_time", page.first_published_at),
                ("article:modified_time", page.last_published_at),
            )
            if value
        ]
    twitter = [
        ("twitter:card", "summary"),
        ("twitter:title", title),
        *([("twitter:description", description)] if description else []),
    ]
    data = structured_data(request, context, page, schema_type, canonical, title, description, image, language)
    return {
        "canonical": canonical,
        "hreflang": hreflang,
        "open_graph": open_graph,
        "twitter": twitter,
        "json_ld": json_ld_script(data),
    }


# schema.org -----------------------------------------------------------------------------------------------------------
def government_organization(partner):
    return {"@type": "GovernmentOrganization", "name": partner.name, "alternateName": partner.acronym}


def structured_data(request, context, page, schema_type, canonical, title, description, image, language):
    """The schema.org description of the page, as a dict (``json_ld_script`` serialises it)."""
    website = {"@type": "WebSite", "name": site_name(), "url": home_url(request, language)}
    data = {
        "@context": "https://schema.org",
        "@type": schema_type,
        "name": title,
        "url": canonical,
        "inLanguage": language,
    }
    if description:
        data["description"] = description
    partners = [government_organization(partner) for partner in context.get("partners") or []]
    if schema_type == "WebSite":
        data["url"] = website["url"]
        if partners:
            data["publisher"] = partners
        return data
    data["isPartOf"] = website
    if page is None:
        return data
    if page.last_published_at:
        data["dateModified"] = page.last_published_at.isoformat()
    if schema_type == "Article":
        data["headline"] = title[:110]
        data["mainEntityOfPage"] = canonical
        data["image"] = image
        if page.first_published_at:
            data["datePublished"] = page.first_published_at.isoformat()
        themes = context.get("themes") or []
        if themes:
            data["about"] = [theme.name for theme in themes]
        region = context.get("region_page")
        if region is not None:
            data["contentLocation"] = {"@type": "AdministrativeArea", "name": region.title}
        if getattr(page, "version", ""):
            data["version"] = page.version
    elif schema_type == "Dataset":
        data["description"] = description or gettext(
            "The adoption status of each tool of the programme in each of the 12 regions of Morocco."
        )
        data["spatialCoverage"] = {"@type": "Country", "name": gettext("Morocco")}
        data["variableMeasured"] = gettext("Adoption status of a tool in a region")
        data["isAccessibleForFree"] = True
    if partners and schema_type != "Dataset":
        data["author"] = partners
    return data


def json_ld_script(data):
    """``data`` in a ``<script type="application/ld+json">``: '<', '>' and '&' written as JSON escapes, as Django's
    ``json_script`` does, so no value can end the element."""
    if not data:
        return ""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308
