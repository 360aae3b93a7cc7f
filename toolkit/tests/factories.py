"""Factories of the toolkit's content, the one place tests build pages, snippets and adoptions from.

Pages are built in French under the French home page (the source language); ``translate`` makes a live copy in
another language the way wagtail-localize would (synchronised fields and relations copied from the source).
"""

import datetime

import factory
import wagtail_factories
from factory.django import DjangoModelFactory
from wagtail.models import Locale

from approvals.guard import sanctioned_publication
from approvals.operator import publish_as_operator
from home.models import HomePage
from institutional.models import InformationKind, InformationPage
from toolkit import models

COMMAND = "tests"


def french_home():
    return HomePage.objects.get(locale__language_code="fr")


def save_live(page):
    """Save a change to a live test page as it stands. Tests set up content directly; partner approval (which would
    otherwise keep a live page's content unchanged) is tested in the approvals app."""
    with sanctioned_publication(f"operator:{COMMAND}"):
        page.save()
    return page


def translate(page, language):
    """A live translation of ``page`` into ``language`` (parents translated first where missing)."""
    locale = Locale.objects.get(language_code=language)
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    parent = page.get_parent()
    if parent.depth > 1 and parent.get_translation_or_none(locale) is None:
        translate(parent, language)  # a real translation, never the alias copy_parents would make
    with sanctioned_publication(f"operator:{COMMAND}"):
        translated = page.specific.copy_for_translation(locale)
    return publish_as_operator(translated, COMMAND).specific


class LiveSnippetFactory(DjangoModelFactory):
    """Snippets are created live, as an operator's command would publish them; their partner approval is tested in
    the approvals app (``approvals/tests/test_snippets.py``)."""

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        with sanctioned_publication(f"operator:{COMMAND}"):
            return super()._create(model_class, *args, **kwargs)


class SnippetFactory(LiveSnippetFactory):
    class Meta:
        abstract = True

    locale = factory.LazyFunction(lambda: Locale.objects.get(language_code="fr"))


class ThemeFactory(SnippetFactory):
    class Meta:
        model = models.Theme
        django_get_or_create = ("slug", "locale")

    slug = factory.Sequence(lambda n: f"theme-{n}")
    name = factory.LazyAttribute(lambda o: o.slug.replace("-", " ").title())


class PartnerFactory(SnippetFactory):
    class Meta:
        model = models.Partner
        django_get_or_create = ("slug", "locale")

    slug = factory.Sequence(lambda n: f"partner-{n}")
    acronym = factory.Sequence(lambda n: f"P{n}")
    name = factory.Sequence(lambda n: f"Partner {n}")


class BasePageFactory(wagtail_factories.PageFactory):
    """Pages are created live, as an operator's command would publish them (see ``save_live``)."""

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        with sanctioned_publication(f"operator:{COMMAND}"):
            return super()._create(model_class, *args, **kwargs)

    title = factory.Sequence(lambda n: f"Page {n}")
    summary = "A page made by the test factories."
    live = True


class IndexPageFactory(BasePageFactory):
    class Meta:
        abstract = True

    parent = factory.LazyFunction(french_home)
    show_in_menus = True


def index_page_factory(model, title):
    """A factory of one index page type: the index pages differ only by model and French title."""
    meta = type("Meta", (), {"model": model})
    return type(f"{model.__name__}Factory", (IndexPageFactory,), {"Meta": meta, "title": title})


# The toolkit's index pages by kind, with their French titles: what ``toolkit_tree`` builds.
INDEX_PAGES = {
    "tools": (models.ToolIndexPage, "Outils"),
    "guides": (models.GuideIndexPage, "Guides"),
    "experiences": (models.ExperienceIndexPage, "Expériences"),
    "recommendations": (models.RecommendationIndexPage, "Recommandations"),
    "benchmarks": (models.BenchmarkIndexPage, "Benchmark"),
    "regions": (models.RegionIndexPage, "Régions"),
    "overview": (models.AdoptionOverviewPage, "Adoption des outils"),
}
INDEX_PAGE_FACTORIES = {kind: index_page_factory(model, title) for kind, (model, title) in INDEX_PAGES.items()}
ToolIndexPageFactory = INDEX_PAGE_FACTORIES["tools"]
GuideIndexPageFactory = INDEX_PAGE_FACTORIES["guides"]


class RegionPageFactory(BasePageFactory):
    class Meta:
        model = models.RegionPage

    code = "04"
    title = factory.LazyAttribute(lambda o: f"Région {o.code}")
    seat = "Rabat"


class ToolPageFactory(BasePageFactory):
    class Meta:
        model = models.ToolPage

    title = factory.Sequence(lambda n: f"Outil {n:03d}")
    tool_type = models.ToolType.METHOD
    audience = "Élus et cadres des conseils régionaux"
    steps = [("step", {"title": "Préparer", "body": "<p>Réunir l'équipe.</p>"})]


class GuidePageFactory(BasePageFactory):
    class Meta:
        model = models.GuidePage

    title = factory.Sequence(lambda n: f"Guide {n:03d}")
    version = "1.0"
    publication_date = datetime.date(2025, 3, 1)
    chapters = [("chapter", {"heading": "Pourquoi", "body": "<p>Parce que.</p>"})]


class ExperiencePageFactory(BasePageFactory):
    class Meta:
        model = models.ExperiencePage

    title = factory.Sequence(lambda n: f"Expérience {n:03d}")
    year = 2023
    context = "Le contexte."
    actions = "Ce qui a été fait."
    results = "Les résultats."
    lessons = "Les leçons."


class RecommendationPageFactory(BasePageFactory):
    class Meta:
        model = models.RecommendationPage

    title = factory.Sequence(lambda n: f"Recommandation {n:03d}")
    number = factory.Sequence(lambda n: n + 1)
    recommendation = "Le texte de la recommandation."
    status = models.RecommendationStatus.IN_PROGRESS
    solutions = [("solution", {"title": "Une solution", "body": "<p>Comment.</p>"})]


class BenchmarkPageFactory(BasePageFactory):
    class Meta:
        model = models.BenchmarkPage

    title = factory.Sequence(lambda n: f"Benchmark {n:03d}")
    uk_practice = "Au Royaume-Uni."
    transfers = "Ce qui se transfère."
    adaptation = "Comment l'adapter."


class AdoptionFactory(LiveSnippetFactory):
    class Meta:
        model = models.Adoption

    region_code = "04"
    status = models.AdoptionStatus.ADOPTED
    since = datetime.date(2024, 1, 15)


def toolkit_tree(home=None):
    """Every index page under the French home page, by kind."""
    home = home or french_home()
    return {kind: page_factory(parent=home) for kind, page_factory in INDEX_PAGE_FACTORIES.items()}


def twelve_regions(index):
    from toolkit.reference import reference_data

    return {
        item["code"]: RegionPageFactory(parent=index, code=item["code"], title=item["fr"], seat=item["seat"]["fr"])
        for item in reference_data()["regions"]
    }


class InformationPageFactory(BasePageFactory):
    """An institutional page (legal notice, accessibility, privacy, contact) under the French home page."""

    class Meta:
        model = InformationPage

    parent = factory.LazyFunction(french_home)
    kind = InformationKind.LEGAL_NOTICE
    title = factory.LazyAttribute(lambda o: InformationKind(o.kind).label)
    slug = factory.LazyAttribute(lambda o: o.kind.replace("_", "-"))
    body = [("section", {"heading": "Éditeur", "body": "<p>Le partenariat DGCT, ARM et ambassade.</p>"})]


def information_pages(home=None):
    """The four institutional pages under the French home page, by kind."""
    home = home or french_home()
    return {kind: InformationPageFactory(parent=home, kind=kind) for kind in InformationKind.values}
