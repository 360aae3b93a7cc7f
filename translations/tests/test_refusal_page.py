"""A guard's refusal reads as a page in a person's browser (security/refusals.py): the admin's frame, the person's
admin language and direction, the message escaped; a script still gets plain text. Nothing is changed either way."""

import pytest
from django.urls import reverse
from wagtail.users.models import UserProfile

from translations.models import GlossaryTerm

NAVIGATE = {"HTTP_SEC_FETCH_MODE": "navigate", "HTTP_ACCEPT": "text/html,application/xhtml+xml"}


@pytest.fixture
def arabic_translator(client, users):
    client.force_login(users["translator_ar"])
    return client


def admin_language(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


def test_a_browser_navigating_to_a_refused_form_gets_the_admins_page(arabic_translator, glossary, users):
    admin_language(users["translator_ar"], "fr")
    url = reverse("wagtailsnippets_translations_glossaryterm:edit", args=[glossary["fr"].pk])
    response = arabic_translator.get(url, **NAVIGATE)
    assert response.status_code == 403 and response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    assert 'lang="fr" dir="ltr"' in html and "data-refusal" in html
    assert "vous ne pouvez pas modifier de contenu en Français" in html
    assert f'href="{reverse("wagtailadmin_home")}"' in html and "Retour au tableau de bord" in html

    # The same request from a script (the translation editor's fetches) is plain text, as before.
    script = arabic_translator.get(url, HTTP_SEC_FETCH_MODE="cors", HTTP_ACCEPT="*/*")
    assert script.status_code == 403 and script["Content-Type"] == "text/plain; charset=utf-8"
    assert script.content.decode().startswith("Vous traduisez vers une autre langue")


def test_the_page_and_its_message_are_in_arabic_right_to_left_for_an_arabic_admin(arabic_translator, glossary, users):
    admin_language(users["translator_ar"], "ar")
    url = reverse("wagtailsnippets_translations_glossaryterm:edit", args=[glossary["fr"].pk])
    html = arabic_translator.get(url, **NAVIGATE).content.decode()
    assert 'lang="ar" dir="rtl"' in html and "data-refusal" in html
    assert "Vous traduisez" not in html and "Retour au tableau de bord" not in html


def test_a_submitted_form_is_refused_with_the_page_and_nothing_is_added(arabic_translator, glossary):
    count = GlossaryTerm.objects.count()
    url = reverse("wagtailsnippets_translations_glossaryterm:add") + "?locale=<b>xx</b>"
    response = arabic_translator.post(url, {"term": "Hijacked", "note": "", "locale": "fr"}, **NAVIGATE)
    assert response.status_code == 403 and response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    assert "&lt;b&gt;xx&lt;/b&gt;" in html and "<b>xx</b>" not in html  # a forged code is never read as HTML
    assert GlossaryTerm.objects.count() == count


def test_a_refused_admin_write_from_a_form_is_the_admins_page(client, users, portal):
    """The fail-closed guard (approvals.endpoints) refuses an unclassified write; a browser reads why."""
    client.force_login(users["dgct"])
    admin_language(users["dgct"], "en")
    url = reverse("wagtailforms:delete_submissions", args=[portal["fr"].pk])
    before = type(portal["fr"]).objects.filter(pk=portal["fr"].pk).count()
    response = client.post(url, **NAVIGATE)
    assert response.status_code == 403
    assert 'lang="en"' in response.content.decode() and "data-refusal" in response.content.decode()
    assert type(portal["fr"]).objects.filter(pk=portal["fr"].pk).count() == before == 1
