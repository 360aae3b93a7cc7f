"""Showing related content in the reader's language, in a fixed number of queries.

Relations between toolkit pages, themes and partners point at the source (French) objects and are synchronised to
every translation. A page in Arabic therefore holds references to French objects; these helpers swap them for their
live versions in the page's language, matched by translation key, slug or region code, one query per kind of object
whatever the number of items.
"""

from functools import cached_property

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet
from wagtail.models import Page, get_page_models

from home.prepared import prepared
from home.privacy import live_public
from pagecache import memo


def toolkit_model(name):
    """A toolkit model, looked up by name: the toolkit's page models import this module, so importing them here would
    tie the two into an import cycle (``tests/test_import_graph.py``)."""
    return apps.get_model("toolkit", name)


# What a link to a page reads: its title, slug and URL (``url_path``, and the tree fields Wagtail's URL code reads).
LINK_FIELDS = ("id", "title", "slug", "url_path", "path", "depth", "locale_id", "translation_key", "content_type_id")


def localized_links(sources, locale, order_by=("path",)):
    """The live public versions in ``locale`` of the pages ``sources`` (any page type and language), as links: base
    ``Page`` rows with ``LINK_FIELDS`` only, in one query. A queryset of sources is a subquery of it; a preview's
    relations (held in memory by modelcluster) are read as they are."""
    return localized_link_groups(locale, order_by, links=sources)["links"]


def localized_link_groups(locale, order_by=("path",), **groups):
    """``localized_links`` of each group of sources (``name=sources``, one page type per group), in one query."""
    condition = Q()
    for sources in groups.values():
        if isinstance(sources, QuerySet):
            keys = sources.order_by().values("translation_key")
        else:
            keys = [source.translation_key for source in sources]
        condition |= Q(translation_key__in=keys)
    models = {name: sources.model for name, sources in groups.items()}
    if len(set(models.values())) < len(groups):  # two groups of one page type: one query each
        return {name: localized_links(sources, locale, order_by) for name, sources in groups.items()}
    return links_by_type(links_query(condition, locale.pk, order_by), **models)


def held_in_memory(page, *relations):
    """Whether ``page``'s ``relations`` must be read from the instance, not the database: an unsaved page, or a
    preview whose relations modelcluster holds in memory. Compiled queries (``home.prepared``) read the database."""
    in_memory = getattr(page, "_cluster_related_objects", {})
    return page.pk is None or any(relation in in_memory for relation in relations)


def relation_links(page, **relations):
    """``localized_link_groups`` of ``page``'s own relations (``name=relation field``, one page type each): the query
    is compiled once per process (``home.prepared``) when the relations are read from the database. A preview's
    relations, held in memory by modelcluster, are read as they are, through ``localized_link_groups``."""
    models = {name: page._meta.get_field(relation).related_model for name, relation in relations.items()}
    if held_in_memory(page, *relations.values()) or len(set(models.values())) < len(models):
        sources = {name: getattr(page, relation).all() for name, relation in relations.items()}
        return localized_link_groups(page.locale, **sources)
    return links_by_type(_relation_links(type(page), tuple(relations.values()), page.pk, page.locale_id), **models)


@prepared(fixed=("relations",))
def _relation_links(model, relations, pk, locale_id):
    condition = Q()
    for relation in relations:
        condition |= Q(translation_key__in=model.objects.filter(pk=pk).values(f"{relation}__translation_key"))
    return links_query(condition, locale_id)


def links_by_type(pages, **models):
    """Links split by page type: ``{name: [the pages of models[name]]}`` (a translation keeps its page type)."""
    names = {ContentType.objects.get_for_model(model).pk: name for name, model in models.items()}
    found = {name: [] for name in models}
    for page in pages:
        found[names[page.content_type_id]].append(page)
    return found


def links_query(condition, locale_id, order_by=("path",)):
    """The live public pages of one language matching ``condition``, as links (``LINK_FIELDS``): the query behind
    ``localized_links``, which prepared queries (``home.prepared``) compile once."""
    return live_public(Page.objects).filter(condition, locale_id=locale_id).only(*LINK_FIELDS).order_by(*order_by)


class Catalogue:
    """The taxonomies of one language, each loaded once (one query) on first use."""

    def __init__(self, locale):
        self.locale = locale

    @classmethod
    def for_request(cls, request, locale):
        """The catalogue every request of ``locale``'s language shares in this process until its generation is
        renewed (``pagecache.memo``): publishing or unpublishing a theme, partner or region page renews it."""
        return memo.remember(request, locale.language_code, ("catalogue", locale.pk), lambda: cls(locale))

    @cached_property
    def themes(self):
        themes = toolkit_model("Theme").objects.filter(locale=self.locale, live=True)
        return {theme.slug: theme for theme in themes}

    @cached_property
    def partners(self):
        partners = toolkit_model("Partner").objects.filter(locale=self.locale, live=True)
        return {partner.slug: partner for partner in partners}

    @cached_property
    def regions(self):
        """Live region pages of this language by official code."""
        pages = live_public(toolkit_model("RegionPage").objects).filter(locale=self.locale).order_by("code")
        return {region.code: region for region in pages}

    def localize(self, items, kind):
        """Snippets (any language), or their slugs, replaced by this language's rows with the same slug."""
        catalogue = getattr(self, kind)
        slugs = [item if isinstance(item, str) else item.slug for item in items]
        return [catalogue[slug] for slug in slugs if slug in catalogue]

    def region(self, code):
        return self.regions.get(code)


def live_pages_with_theme(theme):
    """The live pages of ``theme``'s language that carry it (their relations point at its French row, which shares
    its translation key): the pages whose search labels name it."""
    theme_model = toolkit_model("Theme")
    for model in get_page_models():
        field = next((f for f in model._meta.get_fields() if f.name == "themes"), None)
        if field is None or field.related_model is not theme_model or model._meta.abstract:
            continue
        yield from (
            model.objects.live()
            .filter(locale_id=theme.locale_id, themes__translation_key=theme.translation_key)
            .distinct()
        )


def live_pages_naming_region(region):
    """The other live pages of ``region``'s language whose search labels name it (``naming_region`` per type)."""
    for model in get_page_models():
        condition = model.naming_region(region.code) if hasattr(model, "naming_region") else None
        if condition is not None and not model._meta.abstract:
            yield from model.objects.live().filter(condition, locale_id=region.locale_id).distinct()
