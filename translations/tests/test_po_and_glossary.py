"""PO files for professional translators (recorded, never publishing), the glossary export for DeepL, and the
side-by-side comparison for reviewers."""

import io

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Page, PageLogEntry

from translations.glossary_terms import TERMS
from translations.po import PO_IMPORT_ACTION
from translations.starting import translate_into_all_languages
from translations.tests.factories import approve_until_finished, french_page, translation_of

pytestmark = pytest.mark.django_db

ENGLISH = {
    "Coopération interrégionale": "Interregional cooperation",
    "cooperation-interregionale": "interregional-cooperation",
    "Résumé : Coopération interrégionale.": "Summary: interregional cooperation.",
    "Introduction : Coopération interrégionale.": "Introduction: interregional cooperation.",
}


@pytest.fixture
def english(portal, users):
    source = french_page(portal, "Coopération interrégionale")
    translate_into_all_languages(source, users["editor"])
    return Page.objects.get(translation_key=source.translation_key, locale__language_code="en"), translation_of(
        source, "en"
    )


def upload(client, translation, po, next_url="/admin/"):
    file = SimpleUploadedFile("page.po", str(po).encode(), content_type="text/x-gettext-translation")
    return client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]), {"file": file, "next": next_url}
    )


def test_po_round_trip_publishes_nothing_before_approval(client, users, english):
    page, translation = english
    client.force_login(users["translator_en"])

    exported = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert exported.status_code == 200
    po = polib.pofile(exported.content.decode())
    assert {entry.msgid for entry in po} == set(ENGLISH)
    for entry in po:
        entry.msgstr = ENGLISH[entry.msgid]

    imported = upload(client, translation, po)
    assert imported.status_code == 302
    assert not Page.objects.get(pk=page.pk).live

    log = PageLogEntry.objects.get(page=page, action=PO_IMPORT_ACTION)
    assert log.user == users["translator_en"]
    assert log.data["translated"] == len(ENGLISH)

    client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), {"action": "publish"})
    page = Page.objects.get(pk=page.pk)
    assert not page.live
    assert page.workflow_in_progress
    assert page.get_latest_revision_as_object().title == "Interregional cooperation"

    approve_until_finished(client, page, users)
    page = Page.objects.get(pk=page.pk)
    assert page.live
    assert page.title == "Interregional cooperation"


def test_po_for_another_translation_is_refused_and_changes_nothing(client, users, english, portal):
    _page, translation = english
    other = translation_of(portal["fr"], "en").export_po()
    for entry in other:
        entry.msgstr = "Wrong"
    client.force_login(users["translator_en"])

    response = upload(client, translation, other)

    assert response.status_code == 302
    assert not PageLogEntry.objects.filter(action=PO_IMPORT_ACTION).exists()
    messages = [str(message) for message in response.wsgi_request._messages]
    assert messages


@pytest.mark.parametrize("payload", [b"\xff\xfe not a po file", b"msgid 'unterminated"])
def test_a_broken_po_file_is_a_clear_refusal(client, users, english, payload):
    _page, translation = english
    client.force_login(users["translator_en"])
    file = SimpleUploadedFile("page.po", payload)
    response = client.post(reverse("wagtail_localize:upload_pofile", args=[translation.pk]), {"file": file})
    assert response.status_code == 302
    assert not PageLogEntry.objects.filter(action=PO_IMPORT_ACTION).exists()


def test_a_missing_po_file_is_a_400(client, users, english):
    _page, translation = english
    client.force_login(users["translator_en"])
    response = client.post(reverse("wagtail_localize:upload_pofile", args=[translation.pk]), {})
    assert response.status_code == 400


# Glossary -----------------------------------------------------------------------------------------------------------
def test_load_glossary_is_idempotent(glossary):
    from translations.models import GlossaryTerm

    count = GlossaryTerm.objects.count()
    call_command("load_glossary", stdout=io.StringIO())
    assert count == GlossaryTerm.objects.count() == 3 * len(TERMS)


@pytest.mark.parametrize("username", ["translator_ar", "editor"])
def test_glossary_exports_as_a_deepl_tsv_glossary(client, users, glossary, username):
    client.force_login(users[username])
    response = client.get(reverse("portal_translations:glossary_export"), {"source": "fr", "target": "ar"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/tab-separated-values")
    lines = response.content.decode().splitlines()
    assert len(lines) == len(TERMS)
    assert "régionalisation avancée\tالجهوية المتقدمة" in lines
    assert all(line.count("\t") == 1 and line == line.strip() for line in lines)


def test_glossary_exports_as_csv(client, users, glossary):
    client.force_login(users["editor"])
    response = client.get(reverse("portal_translations:glossary_export"), {"target": "en", "format": "csv"})
    assert "régionalisation avancée,advanced regionalisation" in response.content.decode().splitlines()


@pytest.mark.parametrize("params", [{"target": "xx"}, {"target": "fr"}, {"target": "ar", "format": "xlsx"}], ids=str)
def test_glossary_export_rejects_bad_parameters(client, users, glossary, params):
    client.force_login(users["editor"])
    assert client.get(reverse("portal_translations:glossary_export"), params).status_code == 400


def test_reviewers_cannot_export_the_glossary(client, users, glossary):
    client.force_login(users["dgct"])
    response = client.get(reverse("portal_translations:glossary_export"), {"target": "ar"})
    assert response.status_code in (302, 403)


# Side by side -------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("username", ["dgct", "translator_ar", "editor"])
def test_reviewers_compare_a_translation_with_its_source_each_in_its_direction(client, users, portal, username):
    client.force_login(users[username])
    response = client.get(reverse("portal_translations:compare", args=[portal["ar"].pk]))
    content = response.content.decode()
    assert response.status_code == 200
    assert 'lang="fr" dir="ltr"' in content
    assert 'lang="ar" dir="rtl"' in content
    assert portal["ar"].summary in content
    assert portal["fr"].summary in content


def test_translators_of_another_language_cannot_compare(client, users, portal):
    client.force_login(users["translator_en"])
    assert client.get(reverse("portal_translations:compare", args=[portal["ar"].pk])).status_code in (302, 403)


def test_bulk_po_export_and_import_for_professional_translators(tmp_path, users, english):
    page, translation = english
    call_command("translation_po", "export", "--language", "en", "--out", str(tmp_path), stdout=io.StringIO())
    (exported,) = tmp_path.glob("*.po")
    po = polib.pofile(exported.read_text(encoding="utf-8"))
    for entry in po:
        entry.msgstr = ENGLISH[entry.msgid]
    po.save(str(exported))

    call_command("translation_po", "import", str(exported), "--user", "translator_en", stdout=io.StringIO())

    log = PageLogEntry.objects.get(page=page, action=PO_IMPORT_ACTION)
    assert log.user == users["translator_en"]
    page = Page.objects.get(pk=page.pk)
    assert not page.live
    assert translation.get_progress() == (len(ENGLISH), len(ENGLISH))


def test_bulk_po_import_refuses_a_translator_of_another_language(tmp_path, users, english):
    from django.core.management.base import CommandError

    _page, translation = english
    path = tmp_path / "en.po"
    path.write_text(str(translation.export_po()), encoding="utf-8")
    with pytest.raises(CommandError):
        call_command("translation_po", "import", str(path), "--user", "translator_ar", stderr=io.StringIO())
    assert not PageLogEntry.objects.filter(action=PO_IMPORT_ACTION).exists()


def test_the_translation_editor_links_to_the_comparison(client, users, portal):
    """The comparison grew into the review screen (test_review_screen.py); its old address still leads there."""
    client.force_login(users["translator_ar"])
    content = client.get(reverse("wagtailadmin_pages:edit", args=[portal["ar"].pk])).content.decode()
    assert reverse("portal_translations:review", args=[portal["ar"].pk]) in content
