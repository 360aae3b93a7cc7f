"""What several browser tests do: sign in through the real login form, collect Content-Security-Policy violations,
build one page of every toolkit type."""

import re

from conftest import DEMO_PASSWORD
from toolkit.tests import factories

DASHBOARD = re.compile(r".*/admin/$")


def log_in(tab, username, landing=DASHBOARD):
    """Sign ``username`` in through /admin/login/ and wait for the page the login leads to."""
    tab.goto("/admin/login/")
    tab.locator("#id_username").fill(username)
    tab.locator("#id_password").fill(DEMO_PASSWORD)
    tab.locator("form button[type=submit]").click()
    tab.wait_for_url(landing)


def new_tab_as(browser, base_url, username, locale="fr-FR"):
    """A new browser context signed in as ``username``; the caller closes the context."""
    context = browser.new_context(base_url=base_url, locale=locale)
    tab = context.new_page()
    log_in(tab, username)
    return context, tab


def collect_violations(tab):
    """The Content-Security-Policy violations the tab meets from now on (a list that fills as it browses)."""
    violations = []
    tab.on(
        "console",
        lambda message: violations.append(message.text) if "Content Security Policy" in message.text else None,
    )
    tab.add_init_script(
        "document.addEventListener('securitypolicyviolation', e => "
        "console.error('Content Security Policy violation: ' + e.violatedDirective + ' ' + e.blockedURI));"
    )
    return violations


def build_site(home):
    """One page of every type, with the relations that make each template show all its sections."""
    tree = factories.toolkit_tree(home)
    regions = factories.twelve_regions(tree["regions"])
    theme = factories.ThemeFactory(slug="participation", name="Participation citoyenne")
    tool = factories.ToolPageFactory(parent=tree["tools"], title="Budget participatif", featured=True)
    tool.themes.set([theme])
    tool.developed_by_regions.set([regions["04"]])
    factories.save_live(tool)
    factories.AdoptionFactory(tool=tool, region_code="04")
    factories.AdoptionFactory(tool=tool, region_code="09", status="piloting")
    guide = factories.GuidePageFactory(parent=tree["guides"], title="Guide de la concertation", featured=True)
    guide.related_tools.set([tool])
    factories.save_live(guide)
    experience = factories.ExperiencePageFactory(parent=tree["experiences"], region=regions["04"])
    experience.tools_used.set([tool])
    factories.save_live(experience)
    benchmark = factories.BenchmarkPageFactory(parent=tree["benchmarks"])
    recommendation = factories.RecommendationPageFactory(parent=tree["recommendations"])
    recommendation.benchmarks.set([benchmark])
    recommendation.tools.set([tool])
    factories.save_live(recommendation)
    privacy = factories.InformationPageFactory(parent=home, kind="privacy", contact_email="contact@example.org")
    pages = [home, *tree.values(), tool, guide, experience, benchmark, recommendation, regions["04"], privacy]
    return pages
