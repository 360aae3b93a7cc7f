"""Who translates what: the one place that maps the portal's groups to the languages a person may work in.

A member of ``Translators (ar)`` works in Arabic only, and so on. Editors (and superusers) are not confined: they
draft in French, start translations and may correct any language. Anyone else (partner reviewers) is not confined
here either: they hold no editing permission at all, so Wagtail's own permissions already refuse them.
"""

from django.contrib.auth.models import Group

from cms.roles import EDITORS, TRANSLATOR_GROUPS, group_names

SOURCE_LANGUAGE = "fr"
MANAGE_TRANSLATIONS_PERMISSION = "wagtail_localize.submit_translation"


def translator_languages(user):
    """The language codes ``user`` is confined to, or None when they are not confined.

    Cached on the user object for the request: the guard asks several times per request.
    """
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    cached = getattr(user, "_portal_translator_languages", ...)
    if cached is not ...:
        return cached
    if user.is_superuser:
        languages = None
    else:
        names = group_names(user)
        if EDITORS in names:
            languages = None
        else:
            languages = frozenset(code for code, name in TRANSLATOR_GROUPS.items() if name in names) or None
    user._portal_translator_languages = languages
    return languages


def may_work_in(user, language_code):
    """Whether ``user`` may write content in ``language_code`` (their other permissions still apply)."""
    languages = translator_languages(user)
    return languages is None or language_code in languages


def may_manage_translations(user):
    """Starting, restarting, stopping and syncing translations is the editors' job (wagtail-localize's
    global ``submit_translation`` permission, granted to Editors only by bootstrap_portal)."""
    return user.has_perm(MANAGE_TRANSLATIONS_PERMISSION)


def translators_of(language_code):
    """The active members of the translator group of ``language_code`` (for notifications and to-do lists)."""
    group = Group.objects.filter(name=TRANSLATOR_GROUPS.get(language_code)).first()
    if group is None:
        return []
    return list(group.user_set.filter(is_active=True))
