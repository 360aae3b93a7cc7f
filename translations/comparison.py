"""The fields a reviewer compares between a translation and its French source: the translated ones."""

from django.core.exceptions import FieldDoesNotExist
from django.utils.html import conditional_escape, linebreaks
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from wagtail.fields import RichTextField, StreamField
from wagtail.rich_text import expand_db_html
from wagtail_localize.fields import TranslatableField


def render_value(field, value):
    if value in (None, ""):
        return ""
    if isinstance(field, RichTextField):
        return mark_safe(expand_db_html(value))  # noqa: S308 (the editor's rich text, stored sanitised by Wagtail)
    if isinstance(field, StreamField):
        return value.render_as_block()
    return linebreaks(conditional_escape(value))


def compare_fields(original, translated):
    """[{"label", "source", "target"}] for each translated field of the page, in the model's declared order."""
    rows = []
    for declared in getattr(type(translated), "translatable_fields", []):
        if not isinstance(declared, TranslatableField) or declared.field_name == "slug":
            continue
        try:
            field = type(translated)._meta.get_field(declared.field_name)
        except FieldDoesNotExist:
            continue  # a child relation: its own fields appear in the translation editor
        if not hasattr(field, "attname"):
            continue
        rows.append(
            {
                "label": capfirst(field.verbose_name),
                "source": render_value(field, getattr(original, field.attname, "")),
                "target": render_value(field, getattr(translated, field.attname, "")),
            }
        )
    return rows
