"""The three partners whose reviewers must each approve a revision, and who belongs to which.

One place names the partners and their reviewer groups; ``bootstrap_portal`` creates the groups from this list and
every approval rule looks reviewers up through it.
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Partner:
    code: str
    name: str | Promise
    group_name: str


PARTNERS = (
    Partner("dgct", _("DGCT"), "DGCT reviewers"),
    Partner("arm", _("ARM"), "ARM reviewers"),
    Partner("embassy", _("British Embassy"), "British Embassy reviewers"),
)
PARTNER_GROUP_NAMES = [partner.group_name for partner in PARTNERS]
PARTNER_CHOICES = [(partner.code, partner.name) for partner in PARTNERS]


def partners_of_group_names(group_names):
    return [partner for partner in PARTNERS if partner.group_name in set(group_names)]


def partner_for_user(user):
    """The partner ``user`` reviews for, or None. Membership of two partner groups is refused when saved, so a
    user has at most one; should the database hold two anyway, the user reviews for none (fail closed).

    A superuser never decides for a partner, whatever their groups: the approval must come from the partner's own
    people (superusers have the emergency publication instead)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active or user.is_superuser:
        return None
    cache_attr = "_portal_partner"
    if not hasattr(user, cache_attr):
        names = list(user.groups.filter(name__in=PARTNER_GROUP_NAMES).values_list("name", flat=True))
        partners = partners_of_group_names(names)
        setattr(user, cache_attr, partners[0] if len(partners) == 1 else None)
    return getattr(user, cache_attr)
