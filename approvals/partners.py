"""The three partners whose reviewers must each approve a revision, and who reviews for which.

One place names the partners and their reviewer groups (``bootstrap_portal`` creates the groups from this list), and
one predicate says who reviews for a partner (``reviewer_memberships``): every approval rule, the notifications, the
dashboard's blocked-partner warning and the second-factor rule ask it, per person (``partner_for_user``) or as a
query (``reviewers``, ``reviewer_ids_by_partner``).
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Count
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
_PARTNER_OF_GROUP = {partner.group_name: partner for partner in PARTNERS}


def partners_of_group_names(group_names):
    return [partner for partner in PARTNERS if partner.group_name in set(group_names)]


def reviewer_memberships(partners=PARTNERS):
    """The group memberships that make someone a reviewer of one of ``partners``: the one definition.

    A reviewer is an active account, not a superuser, in exactly one partner group. A superuser never decides for a
    partner, whatever their groups: the approval must come from the partner's own people (superusers have the
    emergency publication instead). Membership of two partner groups is refused whenever it is saved
    (``approvals.signals``); should the database hold it anyway, that account reviews for none (fail closed).
    """
    memberships = get_user_model().groups.through.objects
    in_two_partner_groups = (
        memberships.filter(group__name__in=PARTNER_GROUP_NAMES)
        .values("user_id")
        .annotate(partner_groups=Count("group_id"))
        .filter(partner_groups__gt=1)
        .values("user_id")
    )
    return memberships.filter(
        group__name__in=[partner.group_name for partner in partners],
        user__is_active=True,
        user__is_superuser=False,
    ).exclude(user_id__in=in_two_partner_groups)


def partner_for_user(user):
    """The partner ``user`` reviews for, or None (``reviewer_memberships`` decides). Cached on the user object: the
    rules of one request ask several times."""
    if not getattr(user, "is_authenticated", False):
        return None
    cache_attr = "_portal_partner"
    if not hasattr(user, cache_attr):
        group = reviewer_memberships().filter(user_id=user.pk).values_list("group__name", flat=True).first()
        setattr(user, cache_attr, _PARTNER_OF_GROUP.get(group))
    return getattr(user, cache_attr)


def reviewers(partners=PARTNERS):
    """The accounts that review for one of ``partners``."""
    return get_user_model().objects.filter(pk__in=reviewer_memberships(partners).values("user_id"))


def reviewer_ids_by_partner(partners=PARTNERS):
    """``{partner code: ids of its reviewers}`` for ``partners``, in one query (a partner without any is absent)."""
    found = {}
    for group_name, user_id in reviewer_memberships(partners).values_list("group__name", "user_id"):
        found.setdefault(_PARTNER_OF_GROUP[group_name].code, set()).add(user_id)
    return found
