"""Every toolkit page type in every language, checked by axe-core (npm, pinned in package.json) in Chromium.

axe-core is read from node_modules (``make test`` runs ``npm ci`` when it is missing) and injected as an inline
script: nothing is fetched from the network. A serious or critical violation fails the test with its details.
"""

from pathlib import Path

import pytest
from django.conf import settings

from tests.browser.helpers import build_site
from toolkit.tests import factories

AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = {"serious", "critical"}


@pytest.fixture
def page(browser, live_portal):
    """A tab whose injected axe-core runs although the portal's Content-Security-Policy refuses inline scripts (as it
    should: tests/browser/test_content_security_policy.py checks it); only the test's own tooling is let through."""
    context = browser.new_context(base_url=live_portal.url, locale="fr-FR", bypass_csp=True)
    tab = context.new_page()
    yield tab
    context.close()


def axe_violations(page, url):
    page.goto(url)
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{url}: {violation['id']} ({violation['impact']}): {violation['help']} -> "
        + "; ".join(node["target"][0] for node in violation["nodes"][:3])
        for violation in result["violations"]
        if violation["impact"] in BLOCKING
    ]


@pytest.mark.parametrize("language", ["fr", "ar", "en"])
def test_toolkit_pages_have_no_serious_accessibility_violations(page, language):
    assert AXE.exists(), "axe-core is missing: run `npm ci` (make test does it)."
    home = factories.french_home()
    pages = build_site(home)
    if language != "fr":
        pages = [factories.translate(source, language) for source in pages]
    violations = []
    for target in pages:
        violations += axe_violations(page, target.url)
    assert violations == []
    assert page.evaluate("document.documentElement.dir") == ("rtl" if language == "ar" else "ltr")
