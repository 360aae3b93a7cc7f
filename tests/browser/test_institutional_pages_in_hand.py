"""An institutional page in people's hands, in three admin languages.

The editor (admin in Arabic) changes the privacy notice's contact address and submits it; the public page and its
footer link keep the approved version while DGCT (French admin) and ARM (Arabic admin) approve from the page editor,
each waiting as a person does; at the British Embassy's approval (English admin) it is public. Screenshots go to
test-results/institutional/.
"""

import re
from pathlib import Path

from django.contrib.auth import get_user_model
from wagtail.models import Page, Revision
from wagtail.users.models import UserProfile

from home.models import HomePage
from tests.browser.helpers import new_tab_as
from toolkit.tests import factories

SHOTS = Path("test-results/institutional")
ADMIN_LANGUAGES = {"editor": "ar", "dgct": "fr", "arm": "ar", "embassy": "en"}
APPROVE = {"dgct": "Approuver", "arm": "موافقة", "embassy": "Approve"}
NEW_ADDRESS = "donnees-personnelles@regionalisation.example"


def tab_as(browser, base_url, username, contexts):
    profile = UserProfile.get_for_user(get_user_model().objects.get(username=username))
    profile.preferred_language = ADMIN_LANGUAGES[username]
    profile.save()
    context, tab = new_tab_as(browser, base_url, username, locale=ADMIN_LANGUAGES[username])
    contexts.append(context)
    return tab


def public_privacy_page(browser, base_url, contexts):
    """What an anonymous reader sees: the footer's privacy link, followed."""
    context = browser.new_context(base_url=base_url)
    contexts.append(context)
    reader = context.new_page()
    reader.goto("/fr/")
    reader.locator("footer").get_by_role("link", name="Données personnelles").click()
    reader.wait_for_load_state()
    return reader


def test_a_privacy_notice_change_is_public_only_after_the_three_partners(browser, live_portal):
    SHOTS.mkdir(parents=True, exist_ok=True)
    home = HomePage.objects.get(locale__language_code="fr")
    privacy = factories.information_pages(home)["privacy"]
    approved_address = privacy.contact_email or ""
    contexts = []
    try:
        editor = tab_as(browser, live_portal.url, "editor", contexts)
        editor.goto(f"/admin/pages/{privacy.pk}/edit/")
        editor.locator("#id_contact_email").fill(NEW_ADDRESS)
        editor.wait_for_timeout(4000)  # as long as a person types: any autosave has run
        editor.locator("footer [data-w-dropdown-target=toggle]").first.click()
        submit = re.compile("^التقديم لموافقة الشركاء|^إرسال لمصادقة")
        editor.locator("footer").get_by_role("button", name=submit).click()
        editor.wait_for_load_state()
        editor.screenshot(path=str(SHOTS / "1-editor-ar-submitted.png"), full_page=True)
        assert Page.objects.get(pk=privacy.pk).workflow_in_progress

        for step, username in enumerate(("dgct", "arm", "embassy"), start=2):
            reader = public_privacy_page(browser, live_portal.url, contexts)
            assert NEW_ADDRESS not in reader.content()
            assert Page.objects.get(pk=privacy.pk).specific.contact_email == approved_address
            reviewer = tab_as(browser, live_portal.url, username, contexts)
            reviewer.goto(f"/admin/pages/{privacy.pk}/edit/")
            reviewer.wait_for_timeout(4000)  # a reviewer reads before deciding
            button = reviewer.locator("footer").get_by_role("button", name=re.compile(f"^{APPROVE[username]}$"))
            button.first.click()
            reviewer.wait_for_url(re.compile(r".*/admin/$"))
            reviewer.screenshot(path=str(SHOTS / f"{step}-{username}-approved.png"), full_page=True)

        reader = public_privacy_page(browser, live_portal.url, contexts)
        reader.screenshot(path=str(SHOTS / "5-public-privacy-notice.png"), full_page=True)
        assert NEW_ADDRESS in reader.content()
        reviewer_revisions = Revision.objects.filter(
            object_id=str(privacy.pk), user__username__in=("dgct", "arm", "embassy")
        )
        assert not reviewer_revisions.exists()
    finally:
        for context in contexts:
            context.close()
