"""Every block an editor can insert in a page's StreamField tells what it is and shows what it inserts.

Wagtail's block chooser shows a block's ``description`` and a preview rendered by the admin's block preview view
(``wagtailadmin_block_preview``) from the block's preview value. The blocks are gathered from the page models
themselves, so a StreamField or a block added later without a description or a preview fails here.
"""

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import translation
from wagtail.fields import StreamField
from wagtail.models import get_page_models
from wagtail.users.models import UserProfile

PORTAL_APPS = {"home", "toolkit", "institutional"}


def insertable_blocks():
    """(model.field, block name, block) for each block of each StreamField of the portal's page models."""
    found = []
    for model in get_page_models():
        if model._meta.app_label not in PORTAL_APPS or model._meta.abstract:
            continue
        for field in model._meta.get_fields():
            if isinstance(field, StreamField) and field.model is model:
                for name, block in field.stream_block.child_blocks.items():
                    found.append((f"{model.__name__}.{field.name}", name, block))
    return found


BLOCKS = insertable_blocks()
IDS = [f"{where}:{name}" for where, name, _ in BLOCKS]


def test_the_portal_pages_have_blocks_to_check():
    assert {where for where, _, _ in BLOCKS} >= {
        "ToolPage.steps",
        "ToolPage.downloads",
        "GuidePage.chapters",
        "RecommendationPage.solutions",
        "HomePage.strands",
        "InformationPage.body",
    }


@pytest.mark.django_db
@pytest.mark.parametrize(("where", "name", "block"), BLOCKS, ids=IDS)
def test_each_block_has_a_translated_description_and_a_preview(where, name, block):
    assert block.is_previewable
    with translation.override("en"):
        english = str(block.get_description())
        assert english
    for language in ("fr", "ar"):
        with translation.override(language):
            assert str(block.get_description()) not in ("", english), (where, name, language)
            # A value of its own: a block's empty default would make Wagtail show an empty preview.
            assert block.get_preview_value() != block.get_default(), (where, name, language)


@pytest.mark.django_db
@pytest.mark.parametrize(("where", "name", "block"), BLOCKS, ids=IDS)
def test_the_admin_renders_each_preview_with_the_portal_css(clients, where, name, block):
    response = clients["editor"].get(reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix})
    assert response.status_code == 200
    html = response.content.decode()
    assert "css/portal.css" in html
    value = block.get_preview_value()
    shown = str(value if isinstance(value, str) else next(iter(value.values())))
    assert shown.strip()
    assert shown in html
    list_tag = getattr(block.meta, "preview_list", None)
    if list_tag:
        assert f'<{list_tag[0]} class="{list_tag[1]}">' in html


@pytest.mark.django_db
def test_a_preview_follows_the_editors_language(clients, users):
    block = apps.get_model("toolkit", "ToolPage")._meta.get_field("steps").stream_block.child_blocks["step"]
    profile = UserProfile.get_for_user(users["editor"])
    profile.preferred_language = "ar"
    profile.save()
    response = clients["editor"].get(reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix})
    assert response.status_code == 200
    with translation.override("ar"):
        title = block.get_preview_value()["title"]
    assert title != "Map the stakeholders"
    assert title in response.content.decode()
    assert 'dir="rtl"' in response.content.decode()
