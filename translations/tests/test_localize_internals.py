"""The wagtail-localize internals named in ``translations/localize_internals.py`` are still what it does.

Each test reads the installed wagtail-localize (its forms, hooks, views and editor) as an editor uses it, so an
upgrade that renames a field or a context key fails here, where the reason is written, rather than re-opening a path
the portal closes (a translation published without partner approval, a translator's link to another language).
"""

import inspect
import json
from pathlib import Path

import pytest
import wagtail_localize
from django.test import Client
from django.urls import reverse
from wagtail import hooks
from wagtail_localize import wagtail_hooks as localize_hooks
from wagtail_localize.views import edit_translation
from wagtail_localize.views.update_translations import UpdateTranslationsForm

from translations import localize_internals as internals

pytestmark = pytest.mark.django_db


def test_the_translation_editor_posts_action_publish_and_wagtail_localize_publishes_on_it():
    field, value = internals.PUBLISH_ACTION
    bundle = Path(wagtail_localize.__file__).parent / "static" / "wagtail_localize" / "js" / "wagtail-localize.js"
    assert f'name:"{field}",value:"{value}"' in bundle.read_text(encoding="utf-8")
    assert f'request.POST.get("{field}") == "{value}"' in inspect.getsource(edit_translation)


def test_restarting_a_translation_posts_the_restart_field():
    source = inspect.getsource(localize_hooks)
    assert f'"{internals.RESTART_FIELD}" in request.POST' in source


def test_syncing_translations_publishes_through_the_named_field():
    assert internals.PUBLISH_TRANSLATIONS_FIELD in UpdateTranslationsForm.base_fields
    assert f'cleaned_data["{internals.PUBLISH_TRANSLATIONS_FIELD}"]' in inspect.getsource(
        inspect.getmodule(UpdateTranslationsForm)
    )


def test_wagtail_localize_takes_over_the_edit_view_at_the_default_hook_order_after_the_portal():
    for hook_name in internals.EDIT_HOOKS:
        ordered = hooks.get_hooks(hook_name)
        localize = [fn for fn in ordered if fn.__module__ == "wagtail_localize.wagtail_hooks"]
        portal = [fn for fn in ordered if fn.__module__.startswith(("translations.", "approvals."))]
        assert localize and portal
        assert max(ordered.index(fn) for fn in portal) < min(ordered.index(fn) for fn in localize)


def test_the_editor_template_and_context_the_navigation_rewrites(users, arabic):
    client = Client()
    client.force_login(users["editor"])
    response = client.get(reverse("wagtailadmin_pages:edit", args=[arabic.pk]))
    assert internals.EDITOR_TEMPLATE in [template.name for template in response.templates]
    context = response.context
    for key in internals.EDITOR_CONTEXT_KEYS:
        assert key in context, key
    props = json.loads(context["props"])
    item = props["translations"][0]
    assert {"code", "displayName"} <= set(item["locale"]) and "editUrl" in item
    assert set(internals.PERM_FLAGS) <= set(props["perms"])
    label, url = next(iter(context["translations"]))
    assert str(label) and url.startswith("/admin/")
    assert {"locale", "editUrl"} <= set(context["source_translation"])


def test_starting_a_translation_records_its_source_locale_keyed_by_translation_key(portal, users):
    """``translations.sources`` reads the oldest TranslationSource of a key as the language the text was first
    written in: starting from an Arabic page records Arabic, under the page's translation key, stamped."""
    from django.apps import apps
    from wagtail_localize.operations import translate_object

    from tests.testapp.models import SectionPage

    app_label, model_name, fields = internals.SOURCE_RECORD
    model = apps.get_model(app_label, model_name)
    names = {name for f in model._meta.concrete_fields for name in (f.name, f.attname)}
    assert names >= set(fields) | {internals.SOURCE_ORDER_FIELD}
    arabic = SectionPage(title="منصة", slug="منصة", locale=portal["ar"].locale, summary="ملخص.", introduction="مقدمة.")
    portal["ar"].add_child(instance=arabic)
    translate_object(arabic, [portal["fr"].locale], user=users["editor"])
    (record,) = model.objects.filter(object_id=arabic.translation_key)
    assert record.locale.language_code == "ar"
    assert getattr(record, internals.SOURCE_ORDER_FIELD) is not None
