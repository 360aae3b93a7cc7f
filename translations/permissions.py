"""The model permissions bootstrap_portal grants for the translation workflow's own models."""

from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType


def glossary_permissions(role):
    """Model permissions on the glossary for bootstrap_portal: editors manage it, translators read it and edit
    their own language's entries (the guard middleware keeps them to that language)."""
    codenames = {
        "editor": ["add_glossaryterm", "change_glossaryterm", "delete_glossaryterm", "view_glossaryterm"],
        "translator": ["change_glossaryterm", "view_glossaryterm"],
    }[role]
    return list(Permission.objects.filter(content_type__app_label="translations", codename__in=codenames))


def submit_translation_permission():
    """wagtail-localize's global "Can submit translations" permission (starting translations: editors only).

    wagtail-localize creates it in a data migration, so a flushed database (the browser tests flush after each test)
    no longer has it; it is recreated here the way that migration creates it.
    """
    content_type, _created = ContentType.objects.get_or_create(app_label="wagtail_localize", model="translation")
    permission, _created = Permission.objects.get_or_create(
        content_type=content_type, codename="submit_translation", defaults={"name": "Can submit translations"}
    )
    return permission
