"""The interface translations: complete fr, ar and en catalogues, used by the pages."""

from pathlib import Path

import polib
import pytest
from django.conf import settings


@pytest.mark.parametrize("language", ["fr", "ar", "en"])
def test_catalogue_is_complete(language):
    path = Path(settings.BASE_DIR) / "locale" / language / "LC_MESSAGES" / "django.po"
    catalogue = polib.pofile(str(path))
    assert len(catalogue) > 20
    assert [e.msgid for e in catalogue.untranslated_entries()] == []
    assert [e.msgid for e in catalogue.fuzzy_entries()] == []
    for entry in catalogue:
        if entry.msgid_plural:
            assert all(entry.msgstr_plural.values()), entry.msgid


def test_arabic_pages_use_the_arabic_catalogue(client, portal):
    body = client.get("/ar/").content.decode()
    assert "تخطَّ إلى المحتوى الرئيسي" in body or "انتقل إلى المحتوى الرئيسي" in body
    assert "Skip to main content" not in body
