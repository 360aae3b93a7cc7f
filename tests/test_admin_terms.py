"""The admin calls a content language a language ("Langue", "اللغة", "Language"), never a region.

Wagtail's French catalogue translates "locale" as "région", which on a portal about Morocco's twelve regions reads as
a region. ``locale_overrides/`` (built by ``scripts/admin_language_terms.py``) gives the packages' strings the
portal's word; these tests read the installed packages' catalogues, so an upgrade that adds a message naming a
locale fails here until the overrides are rebuilt.
"""

import re
from pathlib import Path

import polib
import pytest
import wagtail
from django.utils import translation
from wagtail.users.models import UserProfile

PACKAGES = [Path(wagtail.__file__).parent, Path(wagtail.__file__).parent.parent / "wagtail_localize"]
NAMES_A_LOCALE = re.compile(r"(?<![({_])\blocales?\b(?![_)}])", re.IGNORECASE)
WRONG_WORDS = {"fr": re.compile(r"\brégions?\b", re.IGNORECASE), "ar": re.compile("محلي"), "en": NAMES_A_LOCALE}


def messages_naming_a_locale(language):
    for package in PACKAGES:
        for path in package.glob(f"**/locale/{language}/LC_MESSAGES/django.po"):
            for entry in polib.pofile(str(path)):
                if not entry.obsolete and not entry.msgid_plural and NAMES_A_LOCALE.search(entry.msgid):
                    yield entry


@pytest.mark.parametrize("language", ["fr", "ar", "en"])
def test_no_admin_message_calls_a_language_a_region_or_a_locale(language):
    source = "fr" if language == "en" else language
    entries = list(messages_naming_a_locale(source))
    assert len(entries) > 10
    with translation.override(language):
        shown = {
            entry.msgid: translation.pgettext(entry.msgctxt, entry.msgid)
            if entry.msgctxt
            else translation.gettext(entry.msgid)
            for entry in entries
        }
    wrong = {msgid: text for msgid, text in shown.items() if WRONG_WORDS[language].search(text)}
    assert wrong == {}


@pytest.mark.parametrize(("language", "label"), [("fr", "Langue\xa0:"), ("ar", "اللغة:"), ("en", "Language:")])
def test_page_editor_labels_the_language_of_the_page(clients, users, portal, language, label):
    """The page editor's status bar reads "Langue : Français" (Wagtail's catalogue: "Région : Français")."""
    profile = UserProfile.get_for_user(users["editor"])
    profile.preferred_language = language
    profile.save()
    response = clients["editor"].get(f"/admin/pages/{portal['fr'].pk}/edit/")
    assert response.status_code == 200
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))
    assert re.sub(r"\s+", " ", label) in text
