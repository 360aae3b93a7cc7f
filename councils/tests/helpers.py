"""Driving the admin as a council contributor: the forms it posts, the pages and rows of the demo content."""

from django.urls import reverse
from wagtail.models import Page

from toolkit.models import Adoption, ExperienceIndexPage, ExperiencePage, RegionPage, ToolIndexPage

MANAGEMENT = {"TOTAL_FORMS": "0", "INITIAL_FORMS": "0", "MIN_NUM_FORMS": "0", "MAX_NUM_FORMS": "1000"}


def region(code, language="fr"):
    return RegionPage.objects.get(code=code, locale__language_code=language)


def experience_of(code, language="fr"):
    return ExperiencePage.objects.filter(region__code=code, locale__language_code=language).order_by("pk").first()


def experience_index(language="fr"):
    return ExperienceIndexPage.objects.get(locale__language_code=language)


def tool_index(language="fr"):
    return ToolIndexPage.objects.get(locale__language_code=language)


def adoption_of(code):
    return Adoption.objects.filter(region_code=code).order_by("pk").first()


def _serialise(value):
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return [str(getattr(item, "pk", item)) for item in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(getattr(value, "pk", value))


def page_form_data(page_or_model, user, parent=None, **changes):
    """What the page editor posts for ``page_or_model`` (a page: its latest revision; a model: an empty new page),
    built from the edit form ``user`` gets, with ``changes`` applied. Stream fields post their block count."""
    if isinstance(page_or_model, type):
        instance = page_or_model(locale=parent.locale)
    else:
        instance = page_or_model.specific.get_latest_revision_as_object()
    form_class = type(instance).get_edit_handler().get_form_class()
    form = form_class(instance=instance, for_user=user, parent_page=parent or instance.get_parent())
    data = {}
    for name, field in form.fields.items():
        if name == "comment_notifications":
            continue
        value = form[name].value()
        if hasattr(field, "block"):  # a StreamField: empty streams post their count
            data[f"{name}-count"] = "0"
            continue
        if isinstance(value, bool):
            if value:
                data[name] = "on"
            continue
        data[name] = _serialise(value)
    for prefix in form.formsets:
        data.update({f"{prefix}-{key}": value for key, value in MANAGEMENT.items()})
    data.update(changes)
    return data


def edit(client, page, user, action=None, **changes):
    data = page_form_data(page, user, **changes)
    if action:
        data[action] = "1"
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


def create(client, model, parent, user, action="action-submit", **fields):
    data = page_form_data(model, user, parent=parent, **fields)
    if action:
        data[action] = "1"
    meta = model._meta
    return client.post(reverse("wagtailadmin_pages:add", args=[meta.app_label, meta.model_name, parent.pk]), data)


def fresh(page):
    return Page.objects.get(pk=page.pk).specific


def adoption_data(row=None, **changes):
    data = {"tool": "", "region_code": "", "status": "planned", "since": "2026-01-15"}
    if row is not None:
        data.update(tool=str(row.tool_id), region_code=row.region_code, status=row.status, since=row.since.isoformat())
    data.update(changes)
    return data
