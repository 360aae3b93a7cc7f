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


# Different source strings that rightly share a translation. Any other shared translation is most likely a fuzzy
# match accepted by mistake ("site footers" once read "Filtres actifs").
SHARED_TRANSLATIONS = {
    "fr": [{"revision", "version"}, {"Revision", "Version"}],
    "ar": [
        {"content type", "Type of content"},
        {"published at", "Publication date", "publication date"},
        {"The partners", "partners"},
        {"The British practice it draws on", "British practice it draws on"},
        {"title", "address"},
        # Arabic names the partners in full where French and English use their acronyms (approvals/partners.py);
        # the header's marks give the full names as the acronyms' expansions.
        {"DGCT", "General Directorate of Local Authorities"},
        {"ARM", "Association of Regions of Morocco"},
    ],
}


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_no_two_different_strings_share_a_translation_by_mistake(language):
    path = Path(settings.BASE_DIR) / "locale" / language / "LC_MESSAGES" / "django.po"
    sources = {}
    for entry in polib.pofile(str(path)):
        if entry.msgstr:
            sources.setdefault(entry.msgstr, set()).add(entry.msgid)
    allowed = [group for group in SHARED_TRANSLATIONS[language] if len(group) > 1]
    shared = [ids for ids in sources.values() if len({i.lower() for i in ids}) > 1]
    assert [ids for ids in shared if ids not in allowed] == []


def test_arabic_pages_use_the_arabic_catalogue(client, portal):
    body = client.get("/ar/").content.decode()
    assert "تخطَّ إلى المحتوى الرئيسي" in body or "انتقل إلى المحتوى الرئيسي" in body
    assert "Skip to main content" not in body
