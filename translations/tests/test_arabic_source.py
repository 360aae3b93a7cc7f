"""Content written in Arabic first is the source of its translations (issue 16 point 1).

The Arabic page is written in the Arabic tree and approved; the editor translates it with the portal's own
"Translate into all languages"; wagtail-localize records Arabic as the source locale. From there on the translations
app must treat the Arabic page as the source and the French and English pages as its translations, as it does the
other way round for a French page.
"""

import re

import pytest
from django.urls import reverse
from wagtail.models import Page

from approvals.operator import publish_as_operator
from tests.testapp.models import SectionPage
from translations.models import SourceTextChange
from translations.starting import translate_into_all_languages
from translations.status import OUT_OF_DATE, UP_TO_DATE, status_rows
from translations.tests.factories import approve_until_finished, page_form_data, put_string, segment, translation_of
from translations.wagtail_hooks import QUEUE_TRANSLATION_VALUE

pytestmark = pytest.mark.django_db

TITLE = "منصة العرائض الجهوية"
SUMMARY = "ملخص: منصة العرائض."
INTRO = "مقدمة المنصة."


def arabic_page(portal, title=TITLE, publish=True):
    """A page written in Arabic in the Arabic tree and published after approval (as a council's approved proposal)."""
    page = SectionPage(
        title=title, slug="منصة-العرائض", locale=portal["ar"].locale, summary=SUMMARY, introduction=INTRO
    )
    portal["ar"].add_child(instance=page)
    if publish:
        publish_as_operator(page, "tests")
    return page


def fresh(page):
    return Page.objects.get(pk=page.pk).specific


@pytest.fixture
def arabic(portal):
    return arabic_page(portal)


@pytest.fixture
def translated(client, users, arabic):
    """The editor translated the Arabic page into every language with the portal's action; the French translator
    translated the French one, and the three partners approved it: it is live."""
    translate_into_all_languages(arabic, users["editor"])
    french = Page.objects.get(translation_key=arabic.translation_key, locale__language_code="fr").specific
    translation = translation_of(arabic, "fr")
    client.force_login(users["translator_fr"])
    for text, value in ((TITLE, "Plateforme des pétitions"), (SUMMARY, "Résumé : la plateforme des pétitions.")):
        assert put_string(client, translation, segment(translation, text), value).status_code in (200, 201)
    assert client.post(reverse("wagtailadmin_pages:edit", args=[french.pk]), {"action": "publish"}).status_code == 302
    approve_until_finished(client, french, users)
    assert fresh(french).live and fresh(french).title == "Plateforme des pétitions"
    return {"ar": arabic, "fr": fresh(french)}


def submit_arabic_revision(client, users, page, **changes):
    client.force_login(users["editor"])
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        page_form_data(fresh(page), **changes, **{"action-submit": "1"}),
    )
    assert response.status_code == 302, response.content[:2000]
    assert fresh(page).workflow_in_progress


# 3. Starting the translations ---------------------------------------------------------------------------------------
def test_the_editor_translates_an_arabic_page_into_all_languages(client, users, arabic):
    client.force_login(users["editor"])
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[arabic.pk])).content.decode()
    url = reverse("portal_translations:translate_all", args=[arabic.pk])

    response = client.post(url)

    assert url in edit
    assert response.status_code == 302
    versions = Page.objects.filter(translation_key=arabic.translation_key)
    assert sorted(versions.values_list("locale__language_code", flat=True)) == ["ar", "en", "fr"]
    assert translation_of(arabic, "fr").source.locale.language_code == "ar"
    assert not versions.exclude(pk=arabic.pk).filter(live=True).exists()


def test_translations_do_not_start_from_a_translation_of_an_arabic_page(client, users, translated):
    """The French page is a translation: translating "all languages" from it is refused, and nothing is created."""
    english = Page.objects.get(translation_key=translated["ar"].translation_key, locale__language_code="en")
    english.delete()
    client.force_login(users["editor"])
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[translated["fr"].pk])).content.decode()
    url = reverse("portal_translations:translate_all", args=[translated["fr"].pk])

    response = client.post(url)

    assert url not in edit
    assert response.status_code == 400
    assert "arabe" in response.content.decode().lower()  # the editor's admin is in French
    versions = Page.objects.filter(translation_key=translated["ar"].translation_key)
    assert sorted(versions.values_list("locale__language_code", flat=True)) == ["ar", "fr"]


def test_an_arabic_draft_submitted_with_its_translations_queued_is_translated_once_approved(
    client, users, portal, django_capture_on_commit_callbacks
):
    draft = arabic_page(portal, publish=False)
    client.force_login(users["editor"])
    offered = client.get(reverse("wagtailadmin_pages:edit", args=[draft.pk])).content.decode()
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[draft.pk]),
        page_form_data(draft, **{"action-submit": QUEUE_TRANSLATION_VALUE}),
    )
    assert f'value="{QUEUE_TRANSLATION_VALUE}"' in offered
    assert response.status_code == 302
    assert not Page.objects.filter(translation_key=draft.translation_key).exclude(pk=draft.pk).exists()

    with django_capture_on_commit_callbacks(execute=True):
        approve_until_finished(client, draft, users)

    translated = Page.objects.filter(translation_key=draft.translation_key).exclude(pk=draft.pk)
    assert sorted(translated.values_list("locale__language_code", flat=True)) == ["en", "fr"]
    assert not translated.filter(live=True).exists()
    assert translation_of(draft, "fr").source.locale.language_code == "ar"


# 1. Reviewing -------------------------------------------------------------------------------------------------------
def test_a_new_arabic_revision_is_reviewed_as_a_source_page(client, users, translated):
    arabic = translated["ar"]
    submit_arabic_revision(client, users, arabic, summary="ملخص جديد.")

    client.force_login(users["dgct"])
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    panel = re.search(r"data-awaiting-partner>(.*?)</section>", dashboard, re.S).group(1)
    screen = client.get(reverse("portal_translations:review", args=[arabic.pk]), follow=True)

    assert reverse("wagtailadmin_pages:edit", args=[arabic.pk]) in panel
    assert reverse("portal_translations:review", args=[arabic.pk]) not in panel
    assert screen.status_code == 404


def test_the_french_translation_is_reviewed_against_its_arabic_source(client, users, translated):
    french = translated["fr"]
    translation = translation_of(translated["ar"], "fr")
    client.force_login(users["translator_fr"])
    put_string(client, translation, segment(translation, TITLE), "Plateforme régionale des pétitions")
    client.post(reverse("wagtailadmin_pages:edit", args=[french.pk]), {"action": "publish"})

    client.force_login(users["arm"])
    response = client.get(reverse("portal_translations:review", args=[french.pk]))

    content = response.content.decode()
    assert response.status_code == 200
    assert response.context["source_locale"].language_code == "ar"
    assert response.context["screen"].source.pk == translated["ar"].pk
    assert SUMMARY in content and 'lang="ar" dir="rtl"' in content
    assert "Plateforme régionale des pétitions" in content


# 2. Out of date -----------------------------------------------------------------------------------------------------
def test_publishing_a_new_arabic_revision_marks_its_translations_out_of_date(
    client, users, translated, mailoutbox, django_capture_on_commit_callbacks
):
    arabic, french = translated["ar"], translated["fr"]
    (row,) = status_rows([arabic])
    assert row.cells["fr"].status == UP_TO_DATE
    french_live = french.live_revision_id
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        submit_arabic_revision(client, users, arabic, summary="ملخص جديد للمنصة.")
        approve_until_finished(client, arabic, users)

    (row,) = status_rows([fresh(arabic)])
    assert fresh(arabic).summary == "ملخص جديد للمنصة."
    assert SourceTextChange.objects.filter(translation_key=arabic.translation_key).exists()
    assert row.cells["fr"].status == OUT_OF_DATE
    assert fresh(french).live_revision_id == french_live  # nothing of the French page was republished
    assert users["translator_fr"].email in [address for message in mailoutbox for address in message.to]


# 4. Status report ---------------------------------------------------------------------------------------------------
def test_the_status_report_lists_the_arabic_page_as_the_source(client, users, translated):
    client.force_login(users["editor"])

    response = client.get(reverse("portal_translations:status"))

    content = response.content.decode()
    rows = dict(re.findall(r'<tr data-page="(\d+)">(.*?)</tr>', content, re.S))
    assert response.status_code == 200
    assert str(translated["ar"].pk) in rows
    assert str(translated["fr"].pk) not in rows
    cells = dict(re.findall(r'data-language="(\w+)" data-status="(\w+)"', rows[str(translated["ar"].pk)]))
    assert cells["fr"] == UP_TO_DATE
    assert cells["en"] == "to_translate"
    assert 'lang="ar" dir="rtl"' in rows[str(translated["ar"].pk)]
