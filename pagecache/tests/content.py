"""Content for the page cache's tests, created and published the way the portal does it."""

from wagtail.models import Locale

from approvals.guard import sanctioned_publication
from approvals.operator import publish_as_operator
from approvals.tests.helpers import decide
from home.models import HomePage
from toolkit.models import SiteFooter
from toolkit.tests import factories

PARTNERS = ("dgct", "arm", "embassy")
FOOTERS = {"fr": "Programme de la régionalisation avancée.", "ar": "برنامج الجهوية المتقدمة."}


def live_footer(locale, about):
    """The footer of ``locale``, published by an operator."""
    footer = SiteFooter.objects.filter(locale=locale).first() or SiteFooter(locale=locale)
    footer.about, footer.contact = about, ""
    if footer.pk is None:
        footer.save()  # a new row starts as a draft
    footer.save_revision()
    return publish_as_operator(footer, "tests")


def draft_page(factory, users, **fields):
    """A page drafted by the editor, never published."""
    page = factory(live=False, **fields)
    page.save_revision(user=users["editor"])
    return page


def draft_translation(page, language, users, title):
    """A translation of ``page`` saved as a draft by the language's translator (not yet approved)."""
    with sanctioned_publication("operator:tests"):
        translation = page.copy_for_translation(Locale.objects.get(language_code=language))
    translation = translation.specific
    translation.title = title
    translation.save_revision(user=users[f"translator_{language}"])
    return translation


def approve_by_the_partners(clients, users, page):
    """Submitted for review, then approved by DGCT, ARM and the British Embassy through the admin's workflow action
    URLs: the third approval publishes it (``approvals.finish``)."""
    page.get_workflow().start(page, users["editor"])
    for role in PARTNERS:
        response = decide(clients[role], page)
        assert response.status_code in (200, 302), (role, response.status_code)


def build_site():
    """The French toolkit with its Arabic translation: index pages, the region 04 (Rabat-Salé-Kénitra), a live
    featured tool credited to a partner, under a theme and adopted by the region, and the footer in both languages.
    English has its home page only. Built as an operator's command would (``toolkit.tests.factories``)."""
    homes = {home.locale.language_code: home for home in HomePage.objects.select_related("locale")}
    french = factories.toolkit_tree(homes["fr"])
    tree = {kind: {"fr": index, "ar": factories.translate(index, "ar")} for kind, index in french.items()}
    region = factories.RegionPageFactory(parent=french["regions"], code="04", title="Rabat-Salé-Kénitra")
    theme = factories.ThemeFactory(slug="cooperation", name="Coopération décentralisée")
    partner = factories.PartnerFactory(slug="dgct", acronym="DGCT", name="Direction générale des collectivités")
    witness = factories.ToolPageFactory(parent=french["tools"], title="Outil témoin", featured=True)
    witness.themes.set([theme])
    witness.developed_by_partners.set([partner])
    factories.save_live(witness)
    factories.AdoptionFactory(tool=witness, region_code="04")
    return {
        "homes": homes,
        "tree": tree,
        "regions": {"fr": region, "ar": factories.translate(region, "ar")},
        "theme": theme,
        "partner": partner,
        "witness": {"fr": witness, "ar": factories.translate(witness, "ar")},
        "footers": {code: live_footer(homes[code].locale, text) for code, text in FOOTERS.items()},
    }
