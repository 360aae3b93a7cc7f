"""The portal's groups by name: the one list ``bootstrap_portal`` creates and every rule about people reads.

- ``EDITORS`` draft in French, start translations and submit content for partner approval.
- ``TRANSLATOR_GROUPS``: one group per language; its members translate into that language only
  (``translations.roles`` confines them).
- Each partner's reviewer group is named with the partner itself in ``approvals.partners.PARTNERS`` (code, name,
  group): the partners are the approval rule's data, and ``approvals.partners.partner_for_user`` decides who
  reviews for whom.

A plain module: it imports nothing, so settings, apps, commands and tests may all read it.
"""

EDITORS = "Editors"
TRANSLATOR_GROUPS = {code: f"Translators ({code})" for code in ("fr", "ar", "en")}
