"""Arabic content is written right to left in the admin's editors, whatever the admin's own language."""

import re

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Page
from wagtail.users.models import UserProfile
from wagtail_localize.models import Translation

from tests.browser.helpers import log_in


def admin_in_french(username):
    profile = UserProfile.get_for_user(get_user_model().objects.get(username=username))
    profile.preferred_language = "fr"
    profile.save()


def direction(locator):
    return locator.evaluate("element => getComputedStyle(element).direction")


@pytest.fixture
def arabic_home(live_portal):
    return Page.objects.get(locale__language_code="ar", depth=2)


def test_translation_editor_inputs_are_rtl_for_arabic_with_the_admin_in_french(page, arabic_home):
    admin_in_french("translator_ar")
    log_in(page, "translator_ar")
    page.goto(f"/admin/pages/{arabic_home.pk}/edit/")
    assert page.evaluate("document.documentElement.lang") == "fr"
    assert page.evaluate("getComputedStyle(document.documentElement).direction") == "ltr"

    editor = page.locator(".js-translation-editor")
    editor.get_by_role("button", name=re.compile("^(Modifier|Traduire)$")).first.click()
    textarea = editor.locator("textarea").first
    textarea.wait_for()

    assert textarea.get_attribute("lang") == "ar"
    assert textarea.get_attribute("dir") == "rtl"
    assert direction(textarea) == "rtl"
    submit = editor.locator('button[name="action"][value="publish"]')
    assert submit.inner_text().strip() == "Soumettre à l’approbation des partenaires"


def test_page_editor_inputs_are_rtl_for_arabic_with_the_admin_in_french(page, arabic_home):
    # A page no longer synchronised with its source opens in Wagtail's own page editor.
    Translation.objects.filter(target_locale__language_code="ar").update(enabled=False)
    admin_in_french("editor")
    log_in(page, "editor")
    page.goto(f"/admin/pages/{arabic_home.pk}/edit/")
    assert page.evaluate("document.documentElement.lang") == "fr"

    for selector in ("#id_title", "#id_summary", "#id_introduction"):
        field = page.locator(selector)
        assert field.get_attribute("lang") == "ar", selector
        assert direction(field) == "rtl", selector
    assert direction(page.locator('label[for="id_title"]')) == "ltr"
