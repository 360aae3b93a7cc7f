"""The translation memory panel in Chromium: shown under the translation editor, its button fills the string."""

import os

from django.contrib.auth import get_user_model
from django.test import Client
from wagtail_localize.models import StringTranslation

from home.models import HomePage
from tests.browser.helpers import log_in
from translations.starting import translate_into_all_languages
from translations.tests.factories import french_page, put_string, segment, translation_of
from translations.tests.test_memory_and_glossary import publish_french_change


def test_the_previous_translation_is_offered_and_used_in_the_translation_editor(page, live_portal, tmp_path):
    users = {user.username: user for user in get_user_model().objects.filter(username__in=["editor", "translator_ar"])}
    french = french_page({"fr": HomePage.objects.get(locale__language_code="fr")}, "Régions solidaires")
    translate_into_all_languages(french, users["editor"])
    translation = translation_of(french, "ar")
    client = Client()
    client.force_login(users["translator_ar"])
    old_text = french.introduction
    assert put_string(client, translation, segment(translation, old_text), "مقدمة: جهات متضامنة.").status_code == 201
    publish_french_change(french, introduction="Introduction : les douze régions solidaires.")
    new_segment = segment(translation, "Introduction : les douze régions solidaires.")
    arabic = french.get_translation(translation.target_locale)

    log_in(page, "translator_ar")
    page.goto(f"/admin/pages/{arabic.pk}/edit/")

    panel = page.locator("[data-portal-aids]")
    panel.wait_for()
    item = panel.locator(f'[data-segment="{new_segment.pk}"]')
    assert item.is_visible()
    assert "douze" in item.locator("ins").first.inner_text()
    button = item.locator("[data-portal-use-suggestion]")
    assert button.is_visible()  # shown by the script
    item.scroll_into_view_if_needed()
    # PORTAL_SCREENSHOT_DIR keeps the screenshot for a person to look at.
    directory = os.environ.get("PORTAL_SCREENSHOT_DIR") or tmp_path
    page.screenshot(path=os.path.join(directory, "translation-memory-panel.png"), full_page=True)

    with page.expect_navigation():
        button.click()

    saved = StringTranslation.objects.get(translation_of=new_segment.string, locale=translation.target_locale)
    assert saved.data == "مقدمة: جهات متضامنة."
    assert panel.locator(f'[data-segment="{new_segment.pk}"]').count() == 0
    assert page.locator(".js-translation-editor").get_by_text("مقدمة: جهات متضامنة.").count() >= 1
