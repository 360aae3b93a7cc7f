"""Arabic and English pages made through wagtail-localize pass the same partner approval; translators cannot make
them live."""

from urllib.parse import urlencode

import pytest
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, Translation

from approvals.operator import publish_as_operator
from approvals.tests.helpers import decide, decisions, state
from tests.testapp.models import ArticlePage

pytestmark = pytest.mark.django_db

TEXTS = {
    "ar": {"Budget participatif": "الميزانية التشاركية", "Un outil.": "أداة.", "Texte.": "نص."},
    "en": {"Budget participatif": "Participatory budgeting", "Un outil.": "A tool.", "Texte.": "Text."},
}


@pytest.fixture
def approved_article(portal):
    page = ArticlePage(title="Budget participatif", slug="budget-participatif", summary="Un outil.", body="Texte.")
    portal["fr"].add_child(instance=page)
    publish_as_operator(page, "test")
    return Page.objects.get(pk=page.pk).specific


def translate_in_the_editor(client, page, language):
    """The translator types each string in wagtail-localize's translation editor (its string API), then presses the
    editor's publish button."""
    translation = Translation.objects.get(source__object_id=page.translation_key, target_locale__language_code=language)
    for segment in StringSegment.objects.filter(source=translation.source).select_related("string"):
        text = TEXTS[language].get(segment.string.data)
        if text is None:
            continue
        url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
        response = client.put(url, urlencode({"value": text}), content_type="application/x-www-form-urlencoded")
        assert response.status_code in (200, 201)
    target = translation.get_target_instance()
    return client.post(reverse("wagtailadmin_pages:edit", args=[target.pk]), {"action": "publish"}), target


@pytest.mark.parametrize("language", ["ar", "en"])
def test_a_translation_goes_live_only_after_the_three_partners_approve_it(clients, approved_article, language):
    locale = Locale.objects.get(language_code=language)
    response = clients["editor"].post(
        reverse("wagtail_localize:submit_page_translation", args=[approved_article.pk]), {"locales": [locale.pk]}
    )
    assert response.status_code == 302
    target = approved_article.get_translation(locale)
    assert state(target)["live"] is False

    translator = clients[f"translator_{language}"]
    editor_page = translator.get(reverse("wagtailadmin_pages:edit", args=[target.pk]))
    assert editor_page.status_code == 200

    response, target = translate_in_the_editor(translator, approved_article, language)
    assert response.status_code == 302
    fresh = Page.objects.get(pk=target.pk)
    assert fresh.live is False
    assert fresh.current_workflow_task_state is not None
    assert fresh.get_latest_revision().as_object().title == TEXTS[language]["Budget participatif"]

    for reviewer in ("embassy", "arm"):
        decide(clients[reviewer], target)
        assert state(target)["live"] is False
    decide(clients["dgct"], target)
    assert decisions(target) == {"arm": "approved", "dgct": "approved", "embassy": "approved"}
    live = Page.objects.get(pk=target.pk)
    assert live.live is True and live.title == TEXTS[language]["Budget participatif"]


def test_another_languages_translator_cannot_submit_or_publish(clients, approved_article):
    ar = Locale.objects.get(language_code="ar")
    clients["editor"].post(
        reverse("wagtail_localize:submit_page_translation", args=[approved_article.pk]), {"locales": [ar.pk]}
    )
    target = approved_article.get_translation(ar)
    clients["translator_en"].post(reverse("wagtailadmin_pages:edit", args=[target.pk]), {"action": "publish"})
    fresh = Page.objects.get(pk=target.pk)
    assert fresh.live is False and fresh.current_workflow_state is None
