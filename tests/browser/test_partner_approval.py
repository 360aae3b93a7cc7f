"""Partner approval in the real admin: the editor submits, the three partners' reviewers approve, the page is live."""

import re

from django.contrib.auth import get_user_model
from wagtail.models import Page

from home.models import HomePage
from tests.browser.helpers import new_tab_as
from tests.testapp.models import ArticlePage


def choose_action(tab, name):
    """Open the editor's action menu and press the action called ``name``."""
    footer = tab.locator("footer")
    footer.locator("[data-w-dropdown-target=toggle]").first.click()
    footer.get_by_role("button", name=name).click()


def test_editor_then_three_reviewers_then_the_page_is_live(browser, live_portal):
    home = HomePage.objects.get(locale__language_code="fr")
    article = ArticlePage(title="Parcours de validation", slug="parcours-de-validation", body="Texte.")
    home.add_child(instance=article)
    article.save_revision(user=get_user_model().objects.get(username="editor"))

    context, tab = new_tab_as(browser, live_portal.url, "editor")
    tab.goto(f"/admin/pages/{article.pk}/edit/")
    choose_action(tab, re.compile("^Soumettre à l’approbation des partenaires", re.I))
    tab.wait_for_url(re.compile(r"/admin/pages/\d+/"))
    context.close()
    assert Page.objects.get(pk=article.pk).current_workflow_task_state is not None

    public_context = browser.new_context(base_url=live_portal.url)
    public = public_context.new_page()
    for reviewer in ("dgct", "arm", "embassy"):
        assert Page.objects.get(pk=article.pk).live is False
        assert public.goto("/fr/parcours-de-validation/").status == 404
        context, tab = new_tab_as(browser, live_portal.url, reviewer)
        panel = tab.locator("[data-awaiting-partner]")
        panel.get_by_role("link", name="Parcours de validation").click()
        tab.wait_for_url(f"**/admin/pages/{article.pk}/edit/")
        choose_action(tab, re.compile(r"^(Approuver|Approve)$"))
        tab.wait_for_load_state()
        context.close()

    assert Page.objects.get(pk=article.pk).live is True
    response = public.goto("/fr/parcours-de-validation/")
    assert response.status == 200
    assert public.get_by_role("heading", level=1).inner_text() == "Parcours de validation"
    public_context.close()
