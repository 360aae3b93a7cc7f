"""Fixtures of the proposal tests: the toolkit's indexes in French and Arabic, the 12 regions and three live themes."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from toolkit.tests import factories

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


@pytest.fixture
def toolkit(portal):
    tree = factories.toolkit_tree(portal["fr"])
    regions = factories.twelve_regions(tree["regions"])
    themes = {slug: factories.ThemeFactory(slug=slug, name=name) for slug, name in THEMES.items()}
    factories.ThemeFactory(slug="participation", name="المشاركة المواطنة", locale=ar_locale())
    arabic = {kind: factories.translate(tree[kind], "ar") for kind in ("experiences", "tools")}
    return {"tree": tree, "regions": regions, "themes": themes, "arabic": arabic}


THEMES = {"cooperation": "Coopération", "communication": "Communication", "participation": "Participation citoyenne"}


def ar_locale():
    from wagtail.models import Locale

    return Locale.objects.get(language_code="ar")


def pdf(name="note.pdf"):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def proposal_data(**changes):
    data = {
        "kind": "experience",
        "title": "Budget participatif des jeunes",
        "description": "Le conseil a ouvert 5 % de son budget d'investissement aux propositions des jeunes.",
        "region": "04",
        "theme": "participation",
        "proposer_name": "Amina Alaoui",
        "council": "Conseil régional de Rabat-Salé-Kénitra",
        "email": "amina@example.ma",
        "telephone": "+212 5 37 00 00 00",
        "credit_consent": "on",
        "processing_consent": "on",
        "website": "",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}
