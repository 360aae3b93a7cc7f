"""`make backup` / `make restore`: a round trip keeps pages, revisions, translations, the approval trail and the media
identical. Backups read committed data, so this test commits (a transactional test) and restores over itself."""

import io
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import connection
from wagtail.documents.models import Document
from wagtail.models import Locale
from wagtail_localize.operations import TranslationCreator

from approvals.models import PartnerDecision
from approvals.tests.helpers import decide, submit
from translations.tests.factories import french_page, page_form_data

TABLES = [
    "wagtailcore_page",
    "wagtailcore_revision",
    "wagtailcore_workflowstate",
    "wagtail_localize_translation",
    "wagtail_localize_translationsource",
    "wagtail_localize_stringtranslation",
    "approvals_partnerdecision",
    "wagtaildocs_document",
    "auth_user",
]


def snapshot():
    """A fingerprint of each table's rows, in a stable order."""
    fingerprints = {}
    with connection.cursor() as cursor:
        for table in TABLES:
            cursor.execute(
                f"SELECT count(*), md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM {table} t"  # noqa: S608
            )
            fingerprints[table] = cursor.fetchone()
    return fingerprints


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return Path(settings.MEDIA_ROOT)


@pytest.mark.django_db(transaction=True)
def test_a_backup_and_restore_round_trip_keeps_everything(portal, users, clients, media_root, tmp_path):
    page = french_page(portal, "Budget participatif")
    TranslationCreator(users["editor"], [Locale.objects.get(language_code="ar")]).create_translations(page)
    submit(clients["editor"], page, **page_form_data(page, summary="Nouvelle version."))
    decide(clients["dgct"], page, comment="Conforme.")
    decide(clients["arm"], page, "reject", comment="Ajoutez la source.")
    document = Document.objects.create(title="Guide", file=ContentFile(b"%PDF-1.4 guide", name="guide.pdf"))
    assert PartnerDecision.objects.count() == 2
    before = snapshot()
    assert all(count > 0 for count, _digest in before.values())

    output = io.StringIO()
    call_command("backup_portal", to=str(tmp_path / "backup"), stdout=output)
    assert "Backup written to" in output.getvalue()

    # Damage: the page and the trail go, the file is overwritten.
    page.delete()
    PartnerDecision.objects.all().delete()
    Path(document.file.path).write_bytes(b"corrupted")
    assert snapshot() != before

    call_command("restore_portal", str(tmp_path / "backup"), yes=True, stdout=io.StringIO())
    assert snapshot() == before
    assert (media_root / document.file.name).read_bytes() == b"%PDF-1.4 guide"


@pytest.mark.django_db
def test_restore_refuses_without_confirmation_or_a_backup_folder(tmp_path):
    with pytest.raises(CommandError, match="--yes"):
        call_command("restore_portal", str(tmp_path))
    with pytest.raises(CommandError, match="not a portal backup"):
        call_command("restore_portal", str(tmp_path), yes=True)
