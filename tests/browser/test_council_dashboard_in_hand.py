"""A council's dashboard in the Arabic admin: council_09 (Souss-Massa) signs in and reads its region's panel.

The admin runs right to left; the panel names the region in Arabic, lists its adoption in review with the partners
awaited, the tools to adopt with the regions that did, and the progress chart whose years run right to left.
The screenshot goes to test-results/council/.
"""

import datetime
from pathlib import Path

from django.contrib.auth import get_user_model
from wagtail.users.models import UserProfile

from home.models import HomePage
from tests.browser.helpers import new_tab_as
from toolkit.models import Adoption, AdoptionHistory
from toolkit.tests import factories

SHOTS = Path("test-results/council")


def test_council_09_reads_its_dashboard_in_the_arabic_admin(browser, live_portal):
    SHOTS.mkdir(parents=True, exist_ok=True)
    home = HomePage.objects.get(locale__language_code="fr")
    tree = factories.toolkit_tree(home)
    regions = factories.twelve_regions(tree["regions"])
    charter = factories.ToolPageFactory(parent=tree["tools"], title="Charte de participation")
    budget = factories.ToolPageFactory(parent=tree["tools"], title="Budget participatif")
    adopted = factories.AdoptionFactory(tool=budget, region_code="09", since=datetime.date(2024, 3, 1))
    for status, year in (("planned", 2022), ("piloting", 2023)):
        AdoptionHistory.objects.create(adoption=adopted, status=status, since=datetime.date(year, 3, 1))
    factories.AdoptionFactory(tool=charter, region_code="04", since=datetime.date(2023, 6, 1))
    for page in (regions["04"], regions["09"], charter, budget):
        factories.translate(page, "ar")
    proposed = Adoption.objects.create(
        tool=charter, region_code="09", status="piloting", since=datetime.date(2026, 9, 1)
    )
    proposed.save_revision(user=get_user_model().objects.get(username="editor"))
    proposed.get_workflow().start(proposed, get_user_model().objects.get(username="editor"))
    user = get_user_model().objects.get(username="council_09")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "ar"
    profile.save()

    context, tab = new_tab_as(browser, live_portal.url, "council_09", locale="ar-MA")
    try:
        tab.goto("/admin/")
        assert tab.locator("html").get_attribute("dir") == "rtl"
        panel = tab.locator("[data-council-dashboard='09']")
        panel.wait_for()
        assert "جهتكم" in panel.locator("h2").inner_text()
        review = panel.locator("[data-council-in-review]")
        assert "Charte de participation" in review.inner_text()  # in review, awaiting the three partners
        to_adopt = panel.locator("[data-council-to-adopt]")
        assert to_adopt.get_by_role("link").first.get_attribute("data-region") == "04"
        panel.screenshot(path=str(SHOTS / "council-09-dashboard-ar.png"))
        tab.screenshot(path=str(SHOTS / "council-09-admin-home-ar.png"), full_page=True)
        labels = [(text.text_content(), text.bounding_box()["x"]) for text in panel.locator("svg text").all()]
        years = {int(label): x for label, x in labels if label.isdigit() and len(label) == 4}
        assert years[2022] > years[2023] > years[2024]  # right to left
    finally:
        context.close()
