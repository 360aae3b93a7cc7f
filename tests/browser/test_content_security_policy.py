"""The Content-Security-Policy refuses nothing the portal itself needs: public pages, the page editor and
wagtail-localize's translation editor run in Chromium without a single violation."""

import pytest
from wagtail.models import Page

from tests.browser.helpers import collect_violations, log_in


@pytest.mark.parametrize("path", ["/fr/", "/ar/", "/en/", "/fr/search/?q=participation", "/fr/page-qui-n-existe-pas/"])
def test_public_pages_run_without_a_policy_violation(page, path):
    violations = collect_violations(page)
    page.goto(path)
    page.wait_for_load_state("networkidle")
    assert violations == []


def test_the_page_editor_and_the_translation_editor_run_without_a_policy_violation(page, live_portal):
    violations = collect_violations(page)
    log_in(page, "editor")
    page.goto(f"/admin/pages/{Page.objects.get(locale__language_code='fr', depth=2).pk}/edit/")
    page.wait_for_load_state("networkidle")
    page.goto(f"/admin/pages/{Page.objects.get(locale__language_code='ar', depth=2).pk}/edit/")
    page.wait_for_selector(".editor, [class*='editor'], main")
    page.wait_for_load_state("networkidle")
    page.goto("/fr/")  # the user bar, for a signed-in editor
    page.wait_for_load_state("networkidle")
    assert violations == []
