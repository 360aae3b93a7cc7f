"""Partner reviewers in the real admin, each in their own admin language: they open the page under review read-only,
wait as a person does (long enough for any autosave), approve from the editor, and never write a revision; the page
goes live with the third approval. Screenshots of each step go to test-results/ (kept on failure)."""

import re
from pathlib import Path

from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import translation
from wagtail.models import Page, Revision
from wagtail.users.models import UserProfile

from approvals.tests.helpers import submit
from home.models import HomePage
from tests.browser.helpers import new_tab_as
from tests.testapp.models import ArticlePage

SHOTS = Path("test-results/reviewers")
REVIEWERS = [("dgct", "fr"), ("arm", "ar"), ("embassy", "en")]


def log_in(browser, base_url, username, language):
    profile = UserProfile.get_for_user(get_user_model().objects.get(username=username))
    profile.preferred_language = language
    profile.save()
    return new_tab_as(browser, base_url, username, locale=language)


def shot(tab, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_three_reviewers_approve_from_the_editor_in_their_languages_and_never_write(browser, live_portal):
    user_model = get_user_model()
    home = HomePage.objects.get(locale__language_code="fr")
    article = ArticlePage(title="Parcours des relecteurs", slug="parcours-des-relecteurs", body="Texte.")
    home.add_child(instance=article)
    article.save_revision(user=user_model.objects.get(username="editor"))
    editor = Client()
    editor.force_login(user_model.objects.get(username="editor"))
    assert submit(editor, article).status_code == 302
    revisions_before = Revision.objects.filter(object_id=str(article.pk)).count()

    for username, language in REVIEWERS:
        assert Page.objects.get(pk=article.pk).live is False
        context, tab = log_in(browser, live_portal.url, username, language)
        tab.locator("[data-awaiting-partner]").get_by_role("link", name="Parcours des relecteurs").click()
        tab.wait_for_url(f"**/admin/pages/{article.pk}/edit/")
        tab.wait_for_timeout(4000)  # a person reads; any autosave would have fired by now
        shot(tab, f"{username}-{language}-1-editor")
        assert Revision.objects.filter(object_id=str(article.pk), user__username=username).count() == 0
        with translation.override(language):
            approve = str(translation.gettext("Approve"))
        footer = tab.locator("footer")
        button = footer.get_by_role("button", name=re.compile(f"^{re.escape(approve)}$"))
        if not button.is_visible():
            footer.locator("[data-w-dropdown-target=toggle]").first.click()
        button.click()
        tab.wait_for_load_state()
        tab.wait_for_timeout(1500)
        shot(tab, f"{username}-{language}-2-after-decision")
        body = tab.locator("body").inner_text()
        with translation.override(language):
            refused = str(translation.gettext("Sorry, you do not have permission to access this area."))
        assert refused not in body
        assert tab.locator(".messages .success, .messages [class*=success]").count() >= 1
        assert Revision.objects.filter(object_id=str(article.pk), user__username=username).count() == 0
        context.close()

    assert Revision.objects.filter(object_id=str(article.pk)).count() == revisions_before
    assert Page.objects.get(pk=article.pk).live is True
