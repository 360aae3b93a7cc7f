"""Wagtail's user bar on public pages, in Chromium: a signed-in editor finds it in the page's end corner (bottom right
in French, bottom left in Arabic, where it covers no reading start) and reaches "Edit this page" from it."""

import re

from wagtail.models import Page

from tests.browser.helpers import log_in


def trigger_box(page, path):
    page.goto(path)
    trigger = page.locator("wagtail-userbar #wagtail-userbar-trigger")
    trigger.wait_for()
    return trigger.bounding_box(), page.viewport_size["width"]


def test_the_editor_finds_the_user_bar_in_the_end_corner_and_edits_the_page(page):
    log_in(page, "editor")
    box, width = trigger_box(page, "/fr/")
    assert box["x"] > width / 2  # bottom right, left to right
    box, width = trigger_box(page, "/ar/")
    assert box["x"] + box["width"] < width / 2  # bottom left, right to left

    page.locator("wagtail-userbar #wagtail-userbar-trigger").click()
    page.locator("wagtail-userbar").get_by_role("menuitem", name=re.compile("Modifier cette page|تعديل")).click()
    arabic_home = Page.objects.get(locale__language_code="ar", depth=2)
    page.wait_for_url(re.compile(rf".*/admin/pages/{arabic_home.pk}/edit/$"))
