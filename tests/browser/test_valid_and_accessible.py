"""Every public page type in every language, 404, 500 and the search page included, checked by axe-core (every
impact, minor included) in Chromium and by the W3C Nu HTML checker (vnu-jar, npm; Java from Debian).

Both tools are read from node_modules (``make test`` runs ``npm ci`` and installs Debian's Java runtime when missing):
nothing is fetched from the network. The site is built once; each page is loaded once in one browser tab, axe runs on
it and its HTML, as the server sent it, is kept for one vnu run over all pages (one Java start-up, not 50).
"""

import io
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.test import RequestFactory
from django.utils import translation
from wagtail.models import Page

from approvals.guard import sanctioned_publication
from cms.views import server_error
from tests.browser.helpers import build_site
from tests.html_checker import VNU, vnu_errors
from toolkit.tests import factories

AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
LANGUAGES = ("fr", "ar", "en")


def page_addresses(pages, language):
    """Every page type of the site in ``language``, by name: the built pages, a filtered listing, the search page
    without a query, with results and without any, a 404, and the subscription and proposal forms."""
    by_type = {type(page.specific).__name__: page.specific.url for page in pages}
    addresses = dict(by_type)
    addresses["ToolIndexPage filtered"] = by_type["ToolIndexPage"] + "?theme=participation"
    addresses["search"] = f"/{language}/search/"
    addresses["search with results"] = f"/{language}/search/?q=budget"
    addresses["search without results"] = f"/{language}/search/?q=zzzyyyxxx"
    addresses["404"] = f"/{language}/no-such-page/"
    addresses["subscribe"] = f"/{language}/subscribe/"
    addresses["propose"] = f"/{language}/propose/"
    regions = [page.specific for page in pages if type(page.specific).__name__ == "RegionPage"]
    if regions:
        addresses["embedded region widget"] = f"/{language}/embed/region/{regions[0].code}/"
    return addresses


def publish_with_change_notes(page):
    """Two publications with change notes, as partner approval makes them, so the page shows its history."""
    for note in ("Première version publiée.", "Mise à jour des contacts."):
        page = Page.objects.get(pk=page.pk).specific
        page.change_note = note
        revision = page.save_revision()
        with sanctioned_publication("tests"):
            revision.publish()


def server_error_html():
    """The 500 page as cms.views.server_error renders it (no URL raises on purpose)."""
    request = RequestFactory().get("/fr/")
    with translation.override("fr"):
        return server_error(request).content.decode()


def axe_violations(tab, where):
    tab.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    result = tab.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        f"axe {where}: {violation['id']} ({violation['impact']}): {violation['help']} -> "
        + "; ".join(str(node["target"][0]) for node in violation["nodes"][:3])
        for violation in result["violations"]
    ]


def test_every_page_type_in_every_language_is_valid_html_without_accessibility_violations(browser, live_portal):
    assert AXE.exists() and VNU.exists(), "axe-core or vnu-jar is missing: run `npm ci` (make test does it)."
    home = factories.french_home()
    french_pages = build_site(home)
    pages_by_language = {
        language: french_pages if language == "fr" else [factories.translate(p, language) for p in french_pages]
        for language in LANGUAGES
    }
    for pages in pages_by_language.values():
        for page in pages:
            if type(page.specific).__name__ == "ToolPage":
                publish_with_change_notes(page)
    # The factories save pages live without the publication that indexes them: index them as an operator would.
    call_command("search_index", "rebuild", stdout=io.StringIO())
    context = browser.new_context(base_url=live_portal.url, bypass_csp=True)
    tab = context.new_page()
    problems, documents = [], {}
    for language, pages in pages_by_language.items():
        for name, url in page_addresses(pages, language).items():
            where = f"{language} {name} ({url})"
            response = tab.goto(url)
            expected = 404 if name == "404" else 200
            if response.status != expected:
                problems.append(f"{where}: status {response.status}, expected {expected}")
            if name == "search with results" and not tab.locator(".search-result").count():
                problems.append(f"{where}: no result")
            documents[where] = response.text()
            problems += axe_violations(tab, where)
    documents["500"] = server_error_html()
    tab.set_content(documents["500"])
    problems += axe_violations(tab, "500")
    context.close()
    problems += vnu_errors(documents)
    assert problems == [], "\n".join(problems)
