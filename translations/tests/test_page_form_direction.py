"""The page editor's create and edit views both mark the fields with the content language's direction.

Both templates (``wagtailadmin/pages/create.html`` and ``edit.html``) include one shared fragment,
``translations/includes/page_form_direction.html``; the browser test (``tests/browser/test_translation_direction.py``)
checks the computed direction on the edit view, this one checks both views hand the script the right direction.
"""

import pytest
from django.urls import reverse

SCRIPT = 'data-content-scope="#page-edit-form" data-content-lang="{lang}" data-content-dir="{dir}"'


@pytest.mark.parametrize(("language", "direction"), [("ar", "rtl"), ("fr", "ltr"), ("en", "ltr")])
def test_the_create_view_gives_the_content_direction(portal, clients, language, direction):
    url = reverse("wagtailadmin_pages:add", args=["institutional", "informationpage", portal[language].pk])
    response = clients["admin"].get(url)
    assert response.status_code == 200
    assert SCRIPT.format(lang=language, dir=direction) in response.content.decode()


def test_the_edit_view_gives_the_content_direction(portal, clients):
    """A page of the source language opens in the page editor (translations open in wagtail-localize's editor)."""
    response = clients["admin"].get(reverse("wagtailadmin_pages:edit", args=[portal["fr"].pk]))
    assert response.status_code == 200
    assert SCRIPT.format(lang="fr", dir="ltr") in response.content.decode()
