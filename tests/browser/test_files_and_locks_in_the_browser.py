"""Issue 10's rules as people meet them in Chromium: an editor (admin in French) tries to replace the PDF of a live
page and is told what to do instead, the public keeps the approved bytes; a translator (admin in Arabic) opens a
translation in partner review and finds it read-only, with no submit button. Screenshots go to test-results/."""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.test import Client
from wagtail.documents import get_document_model
from wagtail.models import Collection, Page
from wagtail.users.models import UserProfile

from approvals.operator import publish_as_operator
from home.models import HomePage
from tests.browser.helpers import new_tab_as
from tests.testapp.models import ArticlePage
from translations.starting import translate_into_all_languages
from translations.tests.factories import french_page, put_string, segment, translation_of

SHOTS = Path("test-results/files-and-locks")
APPROVED = b"%PDF-1.4 version approuvee par les trois partenaires\n%%EOF\n"


def shot(tab, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def admin_language(username, language):
    profile = UserProfile.get_for_user(get_user_model().objects.get(username=username))
    profile.preferred_language = language
    profile.save()


def test_an_editor_cannot_replace_the_pdf_of_a_live_page(browser, live_portal, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    document = get_document_model()(title="Guide", collection=Collection.get_first_root_node())
    document.file.save("guide.pdf", ContentFile(APPROVED), save=False)
    document._set_document_file_metadata()
    document.save()
    home = HomePage.objects.get(locale__language_code="fr")
    article = ArticlePage(title="Guide publié", slug="guide-publie", body="Texte.", document=document)
    home.add_child(instance=article)
    publish_as_operator(article, "tests")
    new_file = tmp_path / "nouvelle-version.pdf"
    new_file.write_bytes(b"%PDF-1.4 nouvelle version jamais approuvee\n%%EOF\n")

    admin_language("editor", "fr")
    context, tab = new_tab_as(browser, live_portal.url, "editor")
    tab.goto(f"/admin/documents/edit/{document.pk}/")
    tab.locator("input[type=file][name=file]").set_input_files(str(new_file))
    tab.locator("main form").get_by_role("button", name="Enregistrer").click()
    tab.wait_for_load_state()
    shot(tab, "editor-fr-replace-refused")
    text = " ".join(tab.locator("body").inner_text().split())
    assert "Ce document est utilisé par un contenu publié ou en cours de validation" in text
    context.close()
    public = Client().get(document.url)
    assert b"".join(public.streaming_content) == APPROVED


def test_a_translator_finds_a_translation_in_review_read_only(browser, live_portal, settings):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator",
        "OPTIONS": {},
    }
    users = {user.username: user for user in get_user_model().objects.all()}
    portal = {home.locale.language_code: home for home in HomePage.objects.select_related("locale")}
    source = french_page(portal, "Coopération interrégionale")
    translate_into_all_languages(source, users["editor"])
    arabic = Page.objects.get(translation_key=source.translation_key, locale__language_code="ar")
    translation = translation_of(source, "ar")
    translator = Client()
    translator.force_login(users["translator_ar"])
    put_string(translator, translation, segment(translation, "Coopération interrégionale"), "التعاون بين الجهات")
    translator.post(f"/admin/pages/{arabic.pk}/edit/", {"action": "publish"})
    assert Page.objects.get(pk=arabic.pk).current_workflow_task_state is not None

    admin_language("translator_ar", "ar")
    context, tab = new_tab_as(browser, live_portal.url, "translator_ar", locale="ar")
    tab.goto(f"/admin/pages/{arabic.pk}/edit/")
    tab.wait_for_load_state("networkidle")
    tab.wait_for_timeout(1500)
    shot(tab, "translator-ar-in-review")
    banner = tab.locator("[data-translation-locked]")
    assert "هذه الترجمة قيد مراجعة الشركاء" in banner.inner_text()
    assert tab.get_by_role("button", name="إرسال لموافقة الشركاء").count() == 0
    context.close()
