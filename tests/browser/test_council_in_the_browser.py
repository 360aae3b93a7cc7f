"""A regional council in the Arabic admin: council_09 opens its region page, changes its contact telephone and submits
it to the three partners. The fields the editors keep (title, official code, seat) are shown read-only; the public
page keeps the approved number. Screenshots go to test-results/councils/."""

import re
from pathlib import Path

from wagtail.models import Page

from home.models import HomePage
from tests.browser.helpers import new_tab_as
from toolkit.tests import factories

SHOTS = Path("test-results/councils")
NEW_PHONE = "+212 528 00 00 09"
SUBMIT = re.compile("^التقديم لموافقة الشركاء|^إرسال لمصادقة")


def test_council_09_edits_its_region_contact_in_the_arabic_admin_and_submits_it(browser, live_portal):
    SHOTS.mkdir(parents=True, exist_ok=True)
    tree = factories.toolkit_tree(HomePage.objects.get(locale__language_code="fr"))
    regions = factories.twelve_regions(tree["regions"])
    souss_massa = regions["09"]
    approved_phone = Page.objects.get(pk=souss_massa.pk).specific.contact_phone
    context, tab = new_tab_as(browser, live_portal.url, "council_09", locale="ar")
    try:
        tab.goto(f"/admin/pages/{regions['04'].pk}/edit/")
        assert "/edit/" not in tab.url  # another region's page: refused, back to the dashboard

        tab.goto(f"/admin/pages/{souss_massa.pk}/edit/")
        assert tab.locator("html").get_attribute("dir") == "rtl"
        assert tab.locator("#id_title").is_disabled()
        assert tab.locator("#id_code").is_disabled()
        assert tab.locator("#id_seat").is_disabled()
        tab.locator("#id_contact_phone").fill(NEW_PHONE)
        tab.wait_for_timeout(3000)  # as long as a person types: any autosave has run
        tab.screenshot(path=str(SHOTS / "1-council-09-ar-editing.png"), full_page=True)
        tab.locator("footer [data-w-dropdown-target=toggle]").first.click()
        assert tab.locator("footer").get_by_role("button", name=re.compile("^نشر$")).count() == 0
        tab.locator("footer").get_by_role("button", name=SUBMIT).click()
        tab.wait_for_load_state()
        tab.screenshot(path=str(SHOTS / "2-council-09-ar-submitted.png"), full_page=True)

        page = Page.objects.get(pk=souss_massa.pk).specific
        assert page.workflow_in_progress
        assert page.contact_phone == approved_phone  # public only once the three partners approve
        assert page.get_latest_revision_as_object().contact_phone == NEW_PHONE
    finally:
        context.close()
