"""The model permissions bootstrap_portal grants for the translation workflow's own models."""

from django.contrib.auth.models import Permission


def glossary_permissions(role):
    """Model permissions on the glossary for bootstrap_portal: editors manage it, translators read it and edit
    their own language's entries (the guard middleware keeps them to that language)."""
    codenames = {
        "editor": ["add_glossaryterm", "change_glossaryterm", "delete_glossaryterm", "view_glossaryterm"],
        "translator": ["change_glossaryterm", "view_glossaryterm"],
    }[role]
    return list(Permission.objects.filter(content_type__app_label="translations", codename__in=codenames))
