import io

import pytest
from django.core.management import call_command

from translations.models import GlossaryTerm


@pytest.fixture
def glossary(portal):
    """The seeded programme glossary; returns the term "régionalisation avancée" in each language."""
    call_command("load_glossary", stdout=io.StringIO())
    french = GlossaryTerm.objects.get(locale__language_code="fr", term="régionalisation avancée")
    return {code: french.get_translation(portal[code].locale) for code in ("fr", "ar", "en")}
