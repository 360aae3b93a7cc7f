"""The progress chart on the public Arabic region page and overview: no accessibility violation (axe-core, every
impact), years right to left, and the same figures for screen readers. Screenshots in test-results/progress/."""

import datetime
from pathlib import Path

from home.models import HomePage
from tests.browser.test_valid_and_accessible import axe_violations
from toolkit.models import AdoptionHistory
from toolkit.tests import factories

SHOTS = Path("test-results/progress")


def test_the_arabic_progress_chart_reads_right_to_left_without_violations(browser, live_portal):
    SHOTS.mkdir(parents=True, exist_ok=True)
    home = HomePage.objects.get(locale__language_code="fr")
    tree = factories.toolkit_tree(home)
    regions = factories.twelve_regions(tree["regions"])
    tool = factories.ToolPageFactory(parent=tree["tools"], title="Budget participatif")
    adoption = factories.AdoptionFactory(tool=tool, region_code="09", since=datetime.date(2024, 3, 1))
    AdoptionHistory.objects.create(adoption=adoption, status="planned", since=datetime.date(2022, 3, 1))
    factories.AdoptionFactory(tool=tool, region_code="04", status="piloting", since=datetime.date(2023, 5, 1))
    arabic = {name: factories.translate(page, "ar") for name, page in [("tool", tool), ("region", regions["09"])]}
    arabic["overview"] = factories.translate(tree["overview"], "ar")

    context = browser.new_context(base_url=live_portal.url, locale="ar-MA", bypass_csp=True)  # axe is injected
    try:
        tab = context.new_page()
        for name in ("region", "overview"):
            tab.goto(arabic[name].url)
            chart = tab.locator("figure.adoption-progress")
            chart.scroll_into_view_if_needed()
            chart.screenshot(path=str(SHOTS / f"{name}-ar.png"))
            labels = [(t.text_content(), t.bounding_box()["x"]) for t in chart.locator("svg text").all()]
            years = {int(label): x for label, x in labels if label.isdigit() and len(label) == 4}
            assert years[2022] > years[2023] > years[2024], name
            assert chart.locator("table tbody tr").count() == len(years)
            assert axe_violations(tab, name) == []
    finally:
        context.close()
