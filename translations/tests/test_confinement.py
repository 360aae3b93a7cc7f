"""Translators work only in their own language, through every entry point that writes; only editors manage
translations. Every refusal is checked to have changed nothing."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Page
from wagtail_localize.models import StringTranslation, Translation

from approvals.tests.helpers import refused
from translations.models import GlossaryTerm
from translations.tests.factories import french_page, page_form_data, put_string, segment, translation_of

pytestmark = pytest.mark.django_db

DUMMY_TRANSLATOR = {"CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator", "OPTIONS": {}}


def says(response, message):
    """A 403 whose text is ``message`` word for word, in the language the admin answered in."""
    texts = set()
    for language in ("fr", "ar", "en"):
        with translation.override(language):
            texts.add(gettext(message))
    return response.status_code == 403 and response.content.decode() in texts


def strings_in(language):
    return StringTranslation.objects.filter(locale__language_code=language)


@pytest.fixture
def arabic_translator(client, users):
    client.force_login(users["translator_ar"])
    return client


def test_arabic_translator_edits_arabic_page_in_the_translation_editor(arabic_translator, portal):
    response = arabic_translator.get(reverse("wagtailadmin_pages:edit", args=[portal["ar"].pk]))
    assert response.status_code == 200
    assert b"js-translation-editor" in response.content


@pytest.mark.parametrize("language", ["fr", "en"])
def test_arabic_translator_cannot_open_or_save_french_or_english_page(arabic_translator, portal, language):
    page = portal[language]
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    revisions = page.revisions.count()

    assert refused(arabic_translator.get(url))
    response = arabic_translator.post(url, page_form_data(page, title="Modifié"))

    assert refused(response)
    page.refresh_from_db()
    assert page.revisions.count() == revisions
    assert page.title != "Modifié"


def test_arabic_translator_saves_arabic_strings(arabic_translator, portal):
    translation = translation_of(portal["fr"], "ar")
    string_segment = segment(translation, portal["fr"].summary)

    response = put_string(arabic_translator, translation, string_segment, "ملخص جديد")

    assert response.status_code == 200
    assert strings_in("ar").filter(translation_of=string_segment.string, data="ملخص جديد").exists()


def test_arabic_translator_cannot_save_english_strings(arabic_translator, portal):
    translation = translation_of(portal["fr"], "en")
    string_segment = segment(translation, portal["fr"].summary)
    before = list(strings_in("en").values_list("pk", "data"))

    response = put_string(arabic_translator, translation, string_segment, "Hijacked")

    assert refused(response)
    assert list(strings_in("en").values_list("pk", "data")) == before


def test_arabic_translator_cannot_delete_english_strings(arabic_translator, portal):
    translation = translation_of(portal["fr"], "en")
    string_segment = segment(translation, portal["fr"].summary)
    count = strings_in("en").count()

    response = arabic_translator.delete(
        reverse(
            "wagtail_localize:edit_string_translation",
            kwargs={"translation_id": translation.pk, "string_segment_id": string_segment.pk},
        )
    )

    assert refused(response)
    assert strings_in("en").count() == count


def test_machine_translation_is_confined_to_the_translators_language(arabic_translator, portal, settings):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = DUMMY_TRANSLATOR
    StringTranslation.objects.filter(locale__language_code__in=["ar", "en"]).delete()
    english, arabic = translation_of(portal["fr"], "en"), translation_of(portal["fr"], "ar")

    refusal = arabic_translator.post(reverse("wagtail_localize:machine_translate", args=[english.pk]))
    allowed = arabic_translator.post(reverse("wagtail_localize:machine_translate", args=[arabic.pk]))

    assert refused(refusal)
    assert not strings_in("en").exists()
    assert allowed.status_code == 302
    assert strings_in("ar").exists()


def test_arabic_translator_cannot_upload_or_download_an_english_po_file(arabic_translator, portal):
    english = translation_of(portal["fr"], "en")
    po = english.export_po()
    for entry in po:
        entry.msgstr = "Hijacked"
    upload = SimpleUploadedFile("en.po", str(po).encode(), content_type="text/x-gettext-translation")
    before = list(strings_in("en").values_list("pk", "data"))

    download = arabic_translator.get(reverse("wagtail_localize:download_pofile", args=[english.pk]))
    response = arabic_translator.post(reverse("wagtail_localize:upload_pofile", args=[english.pk]), {"file": upload})

    assert refused(download)
    assert refused(response)
    assert list(strings_in("en").values_list("pk", "data")) == before


def test_arabic_translator_cannot_preview_an_english_translation(arabic_translator, portal):
    english = translation_of(portal["fr"], "en")
    assert refused(arabic_translator.get(reverse("wagtail_localize:preview_translation", args=[english.pk])))


def test_arabic_translator_cannot_edit_or_delete_a_french_snippet(arabic_translator, glossary):
    french = glossary["fr"]
    edit_url = reverse("wagtailsnippets_translations_glossaryterm:edit", args=[french.pk])
    delete_url = reverse("wagtailsnippets_translations_glossaryterm:delete", args=[french.pk])

    response = arabic_translator.get(edit_url)
    assert response.status_code == 403
    assert response.content.decode() == (  # the refusal names the snippet's language
        "Vous traduisez vers une autre langue : vous ne pouvez pas modifier de contenu en Français."
    )
    assert refused(arabic_translator.post(edit_url, {"term": "Hijacked", "note": ""}))
    assert refused(arabic_translator.post(delete_url))
    french.refresh_from_db()
    assert french.term == "régionalisation avancée"


def test_arabic_translator_cannot_add_a_french_snippet(arabic_translator, glossary):
    count = GlossaryTerm.objects.count()
    url = reverse("wagtailsnippets_translations_glossaryterm:add")
    assert refused(arabic_translator.post(f"{url}?locale=fr", {"term": "Nouveau", "locale": "fr"}))
    assert refused(arabic_translator.post(url, {"term": "Nouveau"}))  # no locale: the default, French
    assert GlossaryTerm.objects.count() == count


def test_arabic_translator_reads_the_glossary_and_edits_arabic_terms(arabic_translator, glossary):
    listing = arabic_translator.get(reverse("wagtailsnippets_translations_glossaryterm:list"))
    arabic = arabic_translator.get(reverse("wagtailsnippets_translations_glossaryterm:edit", args=[glossary["ar"].pk]))
    assert listing.status_code == 200
    assert arabic.status_code == 200
    assert b"js-translation-editor" in arabic.content


def test_arabic_translator_saves_strings_of_an_arabic_snippet(arabic_translator, glossary):
    """A glossary term cannot be locked (no ``get_lock``): its strings are saved without a lock to meet."""
    translation = Translation.objects.get(
        source__object_id=glossary["fr"].translation_key, target_locale__language_code="ar"
    )
    string_segment = segment(translation, "régionalisation avancée")
    response = put_string(arabic_translator, translation, string_segment, "الجهوية المتقدمة")
    assert response.status_code == 200
    assert strings_in("ar").filter(data="الجهوية المتقدمة").exists()


def test_arabic_translator_cannot_save_strings_of_an_english_snippet(arabic_translator, glossary):
    translation = Translation.objects.get(
        source__object_id=glossary["fr"].translation_key, target_locale__language_code="en"
    )
    string_segment = segment(translation, "régionalisation avancée")
    before = list(strings_in("en").values_list("pk", "data"))
    response = put_string(arabic_translator, translation, string_segment, "Hijacked")
    assert response.status_code == 403
    # The refusal names the language, in the admin's language (French for this string API call).
    assert response.content.decode() == (
        "Vous traduisez vers une autre langue : vous ne pouvez pas modifier de contenu en Anglais."
    )
    assert list(strings_in("en").values_list("pk", "data")) == before


# Starting and managing translations: editors only ---------------------------------------------------------------------
@pytest.fixture
def untranslated(portal):
    return french_page(portal, "Participation citoyenne")


def has_translation(page, language):
    return Page.objects.filter(translation_key=page.translation_key, locale__language_code=language).exists()


@pytest.mark.parametrize("username", ["translator_ar", "translator_fr", "dgct"])
def test_only_editors_start_translations(client, users, portal, untranslated, username):
    client.force_login(users[username])
    submit = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[untranslated.pk]),
        {"locales": [portal["ar"].locale_id]},
    )
    translate_all = client.post(reverse("portal_translations:translate_all", args=[untranslated.pk]))

    assert refused(submit)
    assert refused(translate_all)
    assert not has_translation(untranslated, "ar")
    assert not has_translation(untranslated, "en")
    assert not Translation.objects.filter(source__object_id=untranslated.translation_key).exists()


def test_translator_sees_no_translate_button(arabic_translator, portal):
    response = arabic_translator.get(reverse("wagtailadmin_pages:edit", args=[portal["ar"].pk]))
    assert reverse("portal_translations:translate_all", args=[portal["fr"].pk]) not in response.content.decode()


def test_translator_cannot_sync_stop_or_convert_translations(arabic_translator, portal):
    arabic = translation_of(portal["fr"], "ar")
    responses = [
        arabic_translator.post(
            reverse("wagtail_localize:update_translations", args=[arabic.source_id]), {"publish_translations": "on"}
        ),
        arabic_translator.post(reverse("wagtail_localize:stop_translation", args=[arabic.pk])),
        arabic_translator.post(reverse("wagtail_localize:convert_to_alias", args=[portal["ar"].pk])),
        arabic_translator.post(reverse("wagtailadmin_pages:convert_alias", args=[portal["ar"].pk])),
    ]
    assert all(refused(response) for response in responses)
    for response in responses[:2]:  # the refusal says why, word for word
        assert says(response, "Only editors can start, stop or synchronise translations.")
    assert says(responses[3], "Only editors can turn an alias into a translation.")
    arabic.refresh_from_db()
    assert arabic.enabled
    page = Page.objects.get(pk=portal["ar"].pk)
    assert page.alias_of_id is None


def test_translator_cannot_restart_a_stopped_translation(arabic_translator, portal):
    arabic = translation_of(portal["fr"], "ar")
    Translation.objects.filter(pk=arabic.pk).update(enabled=False)
    response = arabic_translator.post(
        reverse("wagtailadmin_pages:edit", args=[portal["ar"].pk]),
        page_form_data(portal["ar"], **{"localize-restart-translation": "1"}),
    )
    assert refused(response)
    arabic.refresh_from_db()
    assert not arabic.enabled


def test_sync_never_publishes_even_for_editors(client, users, portal):
    client.force_login(users["editor"])
    arabic = translation_of(portal["fr"], "ar")
    live_revision = Page.objects.get(pk=portal["ar"].pk).live_revision_id

    form = client.get(reverse("wagtail_localize:update_translations", args=[arabic.source_id]))
    response = client.post(
        reverse("wagtail_localize:update_translations", args=[arabic.source_id]), {"publish_translations": "on"}
    )

    assert form.status_code == 200 and 'name="publish_translations"' not in form.content.decode()
    assert says(response, "Translations are never published from here: each one goes through partner approval.")
    assert Page.objects.get(pk=portal["ar"].pk).live_revision_id == live_revision


def test_editor_translates_a_french_page_into_all_languages_at_once(
    client, users, untranslated, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(users["editor"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("portal_translations:translate_all", args=[untranslated.pk]))

    assert response.status_code == 302
    for language in ("ar", "en"):
        translated = Page.objects.get(translation_key=untranslated.translation_key, locale__language_code=language)
        assert not translated.live
        assert translation_of(untranslated, language).enabled
    recipients = {address for message in mailoutbox for address in message.to}
    assert {"translator_ar@example.org", "translator_en@example.org"} <= recipients
    assert "translator_fr@example.org" not in recipients


def test_bulk_actions_on_snippets_are_confined_to_the_translators_language(arabic_translator, users, glossary):
    # Even with delete rights on the glossary, an Arabic translator's bulk action on a French term is refused.
    from django.contrib.auth.models import Permission

    users["translator_ar"].user_permissions.add(Permission.objects.get(codename="delete_glossaryterm"))
    french = glossary["fr"]
    url = reverse("wagtail_bulk_action", args=["translations", "glossaryterm", "delete"])

    response = arabic_translator.post(f"{url}?id={french.pk}")

    assert refused(response)
    assert GlossaryTerm.objects.filter(pk=french.pk).exists()


def test_a_snippet_added_in_an_unknown_language_is_refused_with_a_message(arabic_translator, glossary):
    """A locale code the portal does not have (a forged URL) is named as it was sent: a 403, never a 500."""
    url = reverse("wagtailsnippets_translations_glossaryterm:add")
    response = arabic_translator.post(f"{url}?locale=xx", {"locale": "xx"})
    assert response.status_code == 403
    assert response.content.decode() == (
        "Vous traduisez vers une autre langue : vous ne pouvez pas modifier de contenu en xx."
    )
    # The refusal is plain text: a forged code is shown as sent, never read as HTML.
    forged = arabic_translator.get(f"{url}?locale=<b>xx</b>")
    assert forged.status_code == 403 and forged["Content-Type"] == "text/plain; charset=utf-8"
    assert forged.content.decode().endswith("en <b>xx</b>.")


def test_an_anonymous_visitor_is_sent_to_the_login_page_not_refused(client, glossary):
    """The guard speaks to signed-in users; Wagtail sends anyone else to its login page."""
    response = client.get(reverse("wagtailsnippets_translations_glossaryterm:edit", args=[glossary["fr"].pk]))
    assert response.status_code == 302 and response.url.startswith("/admin/login/")


def test_a_snippet_without_a_language_is_not_confined(arabic_translator, users):
    """A tool adoption is shown in every language: given the right to add one, a translator opens its form, whatever
    the locale the URL names (the language rule applies to snippets that have a language)."""
    from django.contrib.auth.models import Permission

    users["translator_ar"].user_permissions.add(Permission.objects.get(codename="add_adoption"))
    url = reverse("wagtailsnippets_toolkit_adoption:add")
    assert arabic_translator.get(f"{url}?locale=fr").status_code == 200


def test_a_translator_given_the_right_to_add_adds_only_in_their_language(arabic_translator, users, glossary):
    """The language checked is the one Wagtail's add view creates in: the URL's ``locale``, else the default
    (French). A ``locale`` in the posted form, which Wagtail does not read, changes nothing."""
    from django.contrib.auth.models import Permission

    users["translator_ar"].user_permissions.add(Permission.objects.get(codename="add_glossaryterm"))
    url = reverse("wagtailsnippets_translations_glossaryterm:add")
    count = GlossaryTerm.objects.count()
    assert arabic_translator.get(f"{url}?locale=ar").status_code == 200

    for forged in (f"{url}?locale=fr", url):
        response = arabic_translator.post(forged, {"locale": "ar", "term": "Terme forgé", "note": ""})
        assert response.status_code == 403
        assert response.content.decode() == (
            "Vous traduisez vers une autre langue : vous ne pouvez pas modifier de contenu en Français."
        )
    assert GlossaryTerm.objects.count() == count

    assert arabic_translator.post(f"{url}?locale=ar", {"term": "مصطلح", "note": ""}).status_code == 302
    assert GlossaryTerm.objects.get(term="مصطلح").locale.language_code == "ar"
