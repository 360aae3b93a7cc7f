"""The whole approval and translation journey in Debian's Chromium, each person in their own admin language.

The editor (French admin) submits a page; ARM (Arabic admin) requests changes from the dashboard; the editor reads
the comment in the banner and resubmits; DGCT approves from the page editor, ARM from the dashboard and the British
Embassy (English admin) from the page editor, each waiting as a person does (long enough for any autosave); the page
is live. The Arabic translator (Arabic admin) translates the queued Arabic page and submits it; the strings are then
locked (no edit control, the reason shown, the string API refuses); the three reviewers approve from the translation
review screen; /ar/ shows the page. At each step the test asserts the message shown, that no revision was written
under a reviewer's name and that no permission error appeared. Every step's screenshot goes to
test-results/journey/ (kept on failure, for a person to look at).
"""

import re
from pathlib import Path
from urllib.parse import unquote

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Locale, Page, Revision
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringTranslation

from home.models import HomePage
from tests.browser.helpers import new_tab_as
from tests.testapp.models import ArticlePage
from translations.tests.factories import edit_string_url, segment, translation_of

SHOTS = Path("test-results/journey")
TITLE = "Parcours complet de validation"
REVIEWERS = ("dgct", "arm", "embassy")
LANGUAGES = {"editor": "fr", "dgct": "fr", "arm": "ar", "embassy": "en", "translator_ar": "ar"}
PERMISSION_ERRORS = re.compile(
    r"do not have permission|n’avez pas la permission|n'avez pas la permission|ليست لديك صلاحية|ليس لديك الإذن"
)
ARABIC = {
    TITLE: "مسار المصادقة الكامل",
    "Un outil pour suivre chaque étape.": "أداة لتتبع كل مرحلة.",
}


class Journey:
    """The people of the journey, one browser context each, signed in with their admin language."""

    def __init__(self, browser, base_url):
        self.browser = browser
        self.base_url = base_url
        self.tabs = {}
        self.contexts = []
        self.step = 0

    def tab(self, username):
        if username not in self.tabs:
            profile = UserProfile.get_for_user(get_user_model().objects.get(username=username))
            profile.preferred_language = LANGUAGES[username]
            profile.save()
            context, tab = new_tab_as(self.browser, self.base_url, username, locale=LANGUAGES[username])
            self.contexts.append(context)
            self.tabs[username] = tab
        return self.tabs[username]

    def shot(self, username, name):
        self.step += 1
        SHOTS.mkdir(parents=True, exist_ok=True)
        self.tabs[username].screenshot(path=str(SHOTS / f"{self.step:02d}-{username}-{name}.png"), full_page=True)

    def messages(self, username):
        return " ".join(self.tabs[username].locator(".messages").all_inner_texts())

    def assert_no_permission_error(self, username):
        text = self.tabs[username].locator("body").inner_text()
        assert not PERMISSION_ERRORS.search(text), text[:500]

    def close(self):
        for context in self.contexts:
            context.close()


@pytest.fixture
def journey(browser, live_portal):
    people = Journey(browser, live_portal.url)
    yield people
    people.close()


def reviewer_revisions(page_ids):
    return Revision.objects.filter(object_id__in=[str(pk) for pk in page_ids], user__username__in=REVIEWERS).count()


def open_from_dashboard(tab, title):
    tab.goto("/admin/")
    tab.locator("[data-awaiting-partner]").get_by_role("link", name=title).click()
    tab.wait_for_load_state()


def approve_in_page_editor(journey, username, label):
    tab = journey.tab(username)
    open_from_dashboard(tab, TITLE)
    tab.wait_for_timeout(4000)  # a person reads; any autosave would have fired by now
    journey.shot(username, "page-editor")
    tab.locator("footer").get_by_role("button", name=re.compile(f"^{re.escape(label)}$")).first.click()
    tab.wait_for_url(re.compile(r".*/admin/$"))
    journey.shot(username, "after-approval")


def test_the_whole_journey_in_three_admin_languages(journey, live_portal):
    users = {user.username: user for user in get_user_model().objects.all()}
    home = HomePage.objects.get(locale__language_code="fr")
    article = ArticlePage(
        title=TITLE,
        slug="parcours-complet",
        summary="Un outil pour suivre chaque étape.",
        body="Le texte complet du parcours.",
    )
    home.add_child(instance=article)
    article.save_revision(user=users["editor"])
    watched = [article.pk]

    # The editor submits: one submit action, which names the translations that will follow.
    editor = journey.tab("editor")
    editor.goto(f"/admin/pages/{article.pk}/edit/")
    editor.locator("footer [data-w-dropdown-target=toggle]").first.click()
    submit = editor.locator("footer").get_by_role(
        "button", name=re.compile("^Soumettre à l’approbation des partenaires")
    )
    assert submit.count() == 1
    assert "puis traduction en : arabe, anglais" in submit.inner_text()
    submit.click()
    editor.wait_for_load_state()
    journey.shot("editor", "submitted")
    assert "soumise" in journey.messages("editor")
    assert Page.objects.get(pk=article.pk).workflow_in_progress

    # ARM requests changes from its dashboard, in Arabic.
    arm = journey.tab("arm")
    row = arm.locator("[data-awaiting-partner] tr", has_text=TITLE)
    row.locator("summary").click()
    row.locator("textarea").fill("يرجى ذكر السند القانوني.")
    row.get_by_role("button", name="إرسال طلب التعديلات").click()
    arm.wait_for_url(re.compile(r".*/admin/$"))
    journey.shot("arm", "requested-changes")
    assert "طلبتَ تعديلات باسم جمعية جهات المغرب: يتلقى المؤلف تعليقك." in journey.messages("arm")
    journey.assert_no_permission_error("arm")

    # The editor reads the comment in the banner and resubmits.
    editor.goto(f"/admin/pages/{article.pk}/edit/")
    banner = editor.locator("[data-change-request-banner]")
    assert "يرجى ذكر السند القانوني." in banner.inner_text()
    journey.shot("editor", "change-request-banner")
    editor.locator("#id_summary").fill("Un outil pour suivre chaque étape.")
    editor.locator("footer [data-w-dropdown-target=toggle]").first.click()
    editor.locator("footer").get_by_role("button", name="Soumettre à nouveau à l’approbation des partenaires").click()
    editor.wait_for_load_state()
    journey.shot("editor", "resubmitted")
    assert "soumise" in journey.messages("editor")
    assert Page.objects.get(pk=article.pk).current_workflow_task_state.status == "in_progress"

    # DGCT approves from the page editor (French), ARM from the dashboard (Arabic), the Embassy from the editor.
    approve_in_page_editor(journey, "dgct", "Approuver")
    assert (
        "Vous avez approuvé cette version au nom de : DGCT. Décision encore attendue de : ARM, Ambassade britannique."
        in journey.messages("dgct")
    )
    journey.assert_no_permission_error("dgct")
    assert reviewer_revisions(watched) == 0

    arm.goto("/admin/")
    arm.locator("[data-awaiting-partner] tr", has_text=TITLE).locator(".partner-decision__approve button").click()
    arm.wait_for_url(re.compile(r".*/admin/$"))
    journey.shot("arm", "approved-from-dashboard")
    assert "وافقتَ على هذه النسخة باسم جمعية جهات المغرب. ما زال القرار منتظرًا من: السفارة البريطانية." in (
        journey.messages("arm")
    )
    assert Page.objects.get(pk=article.pk).live is False

    approve_in_page_editor(journey, "embassy", "Approve")
    assert (
        "You approved this version for British Embassy. The three partners approved it: it is now live."
        in journey.messages("embassy")
    )
    journey.assert_no_permission_error("embassy")
    assert Page.objects.get(pk=article.pk).live
    assert reviewer_revisions(watched) == 0

    # The queued Arabic translation waits for the Arabic translator, who translates it with the admin in Arabic.
    arabic_locale = Locale.objects.get(language_code="ar")
    arabic = Page.objects.get(translation_key=article.translation_key, locale=arabic_locale)
    watched.append(arabic.pk)
    translator = journey.tab("translator_ar")
    translator.locator("main").get_by_role("link", name=TITLE).first.click()
    translator.wait_for_url(re.compile(rf".*/admin/pages/{arabic.pk}/edit/$"))
    editor_app = translator.locator(".js-translation-editor")
    editor_app.get_by_role("button", name=re.compile("^(ترجمة|تحرير)$")).first.wait_for()
    journey.shot("translator_ar", "translation-editor")
    for source_text, arabic_text in ARABIC.items():
        edit = translator.get_by_role("button", name=re.compile("^(ترجمة|تحرير)$"))
        block = editor_app.locator("li", has_text=source_text).filter(has=edit).last  # the string's own item
        block.get_by_role("button", name=re.compile("^(ترجمة|تحرير)$")).click()
        editor_app.locator("textarea").fill(arabic_text)  # one string is edited at a time
        editor_app.get_by_role("button", name="حفظ").click()
        editor_app.get_by_text(arabic_text).first.wait_for()
        editor_app.locator("textarea").wait_for(state="detached")
    journey.shot("translator_ar", "translated")
    translator.get_by_role("button", name="إرسال لمصادقة الشركاء").click()
    translator.wait_for_load_state()
    journey.shot("translator_ar", "submitted")
    assert "لمصادقة الشركاء. وهي ليست منشورة للعموم بعد." in journey.messages("translator_ar")
    journey.assert_no_permission_error("translator_ar")

    # After submitting, the strings are locked: no edit control, the reason shown, and the string API refuses.
    translator.goto(f"/admin/pages/{arabic.pk}/edit/")
    translator.locator("[data-translation-locked]").wait_for()
    assert "مقفلة إلى أن يقرّر الشركاء" in translator.locator("[data-translation-locked]").inner_text()
    assert editor_app.get_by_role("button", name=re.compile("^(ترجمة|تحرير)$")).count() == 0
    translation = translation_of(article, "ar")
    summary = StringTranslation.objects.get(translation_of__data=list(ARABIC)[1], locale=arabic_locale)
    status = translator.evaluate(
        """async ([url, token]) => (await fetch(url, {method: 'PUT',
            headers: {'X-CSRFToken': token, 'Content-Type': 'application/x-www-form-urlencoded'},
            body: 'value=' + encodeURIComponent('تغيير')})).status""",
        [
            edit_string_url(translation, segment(translation, list(ARABIC)[1])),
            translator.evaluate("document.querySelector('[name=csrfmiddlewaretoken]')?.value || ''"),
        ],
    )
    journey.shot("translator_ar", "locked")
    assert status in (403, 404, 409)
    summary.refresh_from_db()
    assert summary.data == ARABIC[list(ARABIC)[1]]

    # The three reviewers approve the translation from its review screen.
    expected = {
        "dgct": "Vous avez approuvé cette version au nom de : DGCT. "
        "Décision encore attendue de : ARM, Ambassade britannique.",
        "arm": "وافقتَ على هذه النسخة باسم جمعية جهات المغرب. ما زال القرار منتظرًا من: السفارة البريطانية.",
        "embassy": "You approved this version for British Embassy. The three partners approved it: it is now live.",
    }
    for username in REVIEWERS:
        tab = journey.tab(username)
        open_from_dashboard(tab, ARABIC[TITLE])
        assert "/admin/portal-translations/review/" in tab.url
        tab.wait_for_timeout(2000)
        journey.shot(username, "translation-review")
        tab.locator("[data-decision=approve] button[type=submit]").click()
        tab.wait_for_load_state()
        journey.shot(username, "translation-approved")
        assert expected[username] in journey.messages(username)
        journey.assert_no_permission_error(username)
    assert reviewer_revisions(watched) == 0

    # The public reads it in Arabic, at an Arabic address made from the translated title.
    arabic = Page.objects.get(pk=arabic.pk)
    assert arabic.live
    assert unquote(arabic.url) == "/ar/مسار-المصادقة-الكامل/"
    public = journey.tab("editor")
    public.goto(arabic.url)
    assert public.get_by_role("heading", level=1).inner_text() == ARABIC[TITLE]
    assert public.locator("html").get_attribute("dir") == "rtl"
    journey.shot("editor", "public-arabic-page")
