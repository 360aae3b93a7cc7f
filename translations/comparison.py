"""The fields a reviewer compares between a translation and its French source: the translated ones; and, on the
review screen, what changed in each since the last published version of the translation."""

from django.core.exceptions import FieldDoesNotExist
from django.utils.html import conditional_escape, linebreaks
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from wagtail.fields import RichTextField, StreamField
from wagtail.rich_text import expand_db_html
from wagtail_localize.fields import TranslatableField

from translations.diff import diff_words, plain_text


def render_value(field, value):
    if value in (None, ""):
        return ""
    if isinstance(field, RichTextField):
        return mark_safe(expand_db_html(value))  # noqa: S308 (the editor's rich text, stored sanitised by Wagtail)
    if isinstance(field, StreamField):
        return value.render_as_block()
    # ``django.utils.html.linebreaks`` returns a plain string (only the template filter marks it safe): the text is
    # escaped first, so its paragraphs can be marked safe, or the screen would show "<p>" to the reviewer.
    return mark_safe(linebreaks(conditional_escape(value)))  # noqa: S308


def translated_fields(model):
    """The model's translated fields (not the slug, not child relations), in the model's declared order."""
    for declared in getattr(model, "translatable_fields", []):
        if not isinstance(declared, TranslatableField) or declared.field_name == "slug":
            continue
        try:
            field = model._meta.get_field(declared.field_name)
        except FieldDoesNotExist:
            continue  # a child relation: its own fields appear in the translation editor
        if hasattr(field, "attname"):
            yield field


def compare_fields(original, translated, published=None, first_version=False):
    """[{"label", "source", "target", ...}] for each translated field.

    With ``published`` (the translation's live version) each row also has ``diff``, the translated text with what
    changed since ``published`` marked, and ``changed``. With ``first_version`` (nothing published yet) the whole
    text is new: ``changed`` is true and there is no diff to show.
    """
    rows = []
    for field in translated_fields(type(translated)):
        target = render_value(field, getattr(translated, field.attname, ""))
        row = {
            "label": capfirst(field.verbose_name),
            "source": render_value(field, getattr(original, field.attname, "")) if original is not None else "",
            "target": target,
        }
        if published is not None:
            before = plain_text(render_value(field, getattr(published, field.attname, "")))
            after = plain_text(target)
            row.update(changed=before != after, diff=diff_words(before, after))
        elif first_version:
            row.update(changed=True, diff=None)
        rows.append(row)
    return rows
