"""The portal's groups by name: the one list ``bootstrap_portal`` creates and every rule about people reads.

- ``EDITORS`` draft in French, start translations and submit content for partner approval.
- ``TRANSLATOR_GROUPS``: one group per language; its members translate into that language only
  (``translations.roles`` confines them).
- Each partner's reviewer group is named with the partner itself in ``approvals.partners.PARTNERS`` (code, name,
  group): the partners are the approval rule's data, and ``approvals.partners.partner_for_user`` decides who
  reviews for whom.

- ``COUNCIL_GROUPS``: one group per region (official code -> group name, the code and the French name in it); its
  members contribute for their own region only (``councils.membership.council_region_for`` says which).

A plain module: it imports only the reference sheet (no models), so settings, apps, commands and tests may all read
it.
"""

from toolkit.reference import reference_data

EDITORS = "Editors"
TRANSLATOR_GROUPS = {code: f"Translators ({code})" for code in ("fr", "ar", "en")}
COUNCIL_GROUPS = {
    region["code"]: f"Regional council {region['code']} · {region['fr']}" for region in reference_data()["regions"]
}


def group_names(user):
    """The names of ``user``'s groups, read once per user object (one request): the translators', the councils' and
    other role rules all ask, and share this one query."""
    cached = getattr(user, "_portal_group_names", None)
    if cached is None:
        cached = frozenset(user.groups.values_list("name", flat=True))
        user._portal_group_names = cached
    return cached
