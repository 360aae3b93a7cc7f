import io

import pytest
from django.core.management import call_command

from translations.models import GlossaryTerm
from translations.starting import translate_into_all_languages
from translations.tests.factories import french_page


@pytest.fixture
def glossary(portal):
    """The seeded programme glossary; returns the term "régionalisation avancée" in each language."""
    call_command("load_glossary", stdout=io.StringIO())
    french = GlossaryTerm.objects.get(locale__language_code="fr", term="régionalisation avancée")
    return {code: french.get_translation(portal[code].locale) for code in ("fr", "ar", "en")}


@pytest.fixture
def arabic(portal, users):
    """A French page the editor had translated into every language: its Arabic version (a module may redefine it)."""
    french = french_page(portal, "Coopération interrégionale")
    translate_into_all_languages(french, users["editor"])
    return french.get_translation(portal["ar"].locale)
