"""The translation editor's own links, kept to where the person may go.

wagtail-localize's translation editor links to the editor of every other language version (the header's source
language and its menu, the React app's language switcher) and offers Delete, Lock and Unpublish whenever Wagtail's
page permissions allow them. A translator is confined to their language (``translations.guards``), and deleting,
locking or unpublishing is not theirs to do: those links would only answer "you do not have permission". Here the
links of a language the person may not work in lead to the review screen (the translation beside its French source,
read-only) when it exists, or disappear; the actions they may not take are not offered.
"""

import json

from translations.localize_internals import PERM_FLAGS
from translations.review import is_translation, may_view, review_url
from translations.roles import may_work_in, translator_languages


def navigable(context):
    """``props``, ``translations`` and ``source_translation`` of the translation editor's context, for this user."""
    user = context["request"].user
    if translator_languages(user) is None:
        return {}  # editors and superusers may follow every link
    instance = context.get("instance")
    read_only = (
        review_url(instance) if instance is not None and is_translation(instance) and may_view(user, instance) else ""
    )
    props = json.loads(context["props"])
    code_of = {item["locale"]["displayName"]: item["locale"]["code"] for item in props.get("translations", [])}
    kept = []
    for item in props.get("translations", []):
        if not may_work_in(user, item["locale"]["code"]):
            if not read_only:
                continue
            item = {**item, "editUrl": read_only}
        kept.append(item)
    props["translations"] = kept
    perms = props.setdefault("perms", {})
    for action in PERM_FLAGS:
        perms[action] = False  # translators translate; these belong to editors and reviewers
    source = dict(context.get("source_translation") or {})
    if source and not may_work_in(user, source["locale"]["code"]):
        source["editUrl"] = read_only
    # The header's menu gives (label, url) pairs only: its languages are found by their labels.
    others = []
    for label, url in context.get("translations") or []:
        if may_work_in(user, code_of.get(label, "")):
            others.append((label, url))
        elif read_only:
            others.append((label, read_only))
    return {"props": json.dumps(props), "translations": others, "source_translation": source}
