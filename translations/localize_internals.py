"""What of wagtail-localize's internals the portal relies on, in one place, each pinned by a test.

wagtail-localize offers no extension point for the portal's rules in its translation editor: its React app posts
straight to Wagtail's edit view, its "update translations" form may publish, and its editor links to every language.
Where the portal reaches below its public API, the name it relies on is defined here, with why, and
``translations/tests/test_localize_internals.py`` checks each against the installed wagtail-localize, so an upgrade
that renames one fails the suite instead of silently re-opening a path.

Relied on:

- ``PUBLISH_ACTION``: the translation editor's main button posts ``action=publish`` to the page or snippet edit view
  (wagtail-localize's ``edit_translation.py`` and its React bundle). ``translations.wagtail_hooks`` answers that POST
  first and submits for partner approval instead of publishing.
- ``RESTART_FIELD``: the "restart translation" menu item posts this field to the edit view
  (``wagtail_localize.wagtail_hooks``); restarting is the editors' (``translations.wagtail_hooks``).
- ``PUBLISH_TRANSLATIONS_FIELD``: "Sync translated pages" publishes when this field of ``UpdateTranslationsForm`` is
  ticked; ``translations.guards`` refuses that POST.
- ``EDITOR_TEMPLATE`` and its context: the portal overrides the editor's template to rewrite its links for
  translators (``translations.navigation``): ``props`` (JSON: ``translations`` with ``locale.code``,
  ``locale.displayName`` and ``editUrl``; ``perms`` with ``PERM_FLAGS``), ``translations`` ((label, url) pairs of the
  header's menu) and ``source_translation``.
- ``EDIT_HOOKS``: wagtail-localize takes over the edit view through ``before_edit_page`` / ``before_edit_snippet``
  hooks at the default order (0); the portal's hooks run before it (negative orders).
- ``SOURCE_RECORD`` and ``SOURCE_ORDER_FIELD``: starting a translation writes a ``TranslationSource`` whose
  ``object_id`` is the content's translation key and whose ``locale`` is the language translated from, stamped with
  ``created_at``; the oldest one of a key says where its text was first written (``translations.sources``), so an
  Arabic-first page is the source of its French and English versions.
"""

PUBLISH_ACTION = ("action", "publish")
RESTART_FIELD = "localize-restart-translation"
PUBLISH_TRANSLATIONS_FIELD = "publish_translations"
EDITOR_TEMPLATE = "wagtail_localize/admin/edit_translation.html"
EDITOR_CONTEXT_KEYS = ("props", "translations", "source_translation")
PERM_FLAGS = ("canDelete", "canLock", "canUnlock", "canUnpublish")
EDIT_HOOKS = ("before_edit_page", "before_edit_snippet")
SOURCE_RECORD = ("wagtail_localize", "TranslationSource", ("object_id", "locale", "created_at"))
SOURCE_ORDER_FIELD = "created_at"
