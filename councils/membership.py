"""Which region a person contributes for: the one predicate every council rule asks.

A council contributor is an active account, not a superuser, in exactly one regional council group
(``cms.roles.COUNCIL_GROUPS``). Membership of two council groups makes the account a contributor for none (fail
closed): a person never holds two regions' pens at once.
"""

from django.contrib.auth import get_user_model

from cms.roles import COUNCIL_GROUPS, group_names

_REGION_OF_GROUP = {name: code for code, name in COUNCIL_GROUPS.items()}


def _region_of(group_names_held):
    """The rule itself: the region of exactly one council group among ``group_names_held``, else None."""
    codes = {_REGION_OF_GROUP[name] for name in group_names_held if name in _REGION_OF_GROUP}
    return codes.pop() if len(codes) == 1 else None


def council_region_for(user):
    """The official code of the region ``user`` contributes for, or None."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active or user.is_superuser:
        return None
    cached = getattr(user, "_council_region", ())
    if cached != ():
        return cached
    user._council_region = _region_of(group_names(user))
    return user._council_region


def is_council_contributor(user):
    return council_region_for(user) is not None


def council_regions_for(users):
    """``council_region_for`` of each of ``users`` (by pk), their council groups read in one query for all of them:
    lists of changes (the reviewers' dashboard) name the region of many authors at once."""
    users = [user for user in users if user is not None]
    eligible = [user for user in users if user.is_active and not user.is_superuser]
    names = {user.pk: set() for user in eligible}
    memberships = get_user_model().groups.through.objects.filter(user_id__in=names, group__name__in=_REGION_OF_GROUP)
    for user_id, name in memberships.values_list("user_id", "group__name"):
        names[user_id].add(name)
    for user in users:
        user._council_region = _region_of(names.get(user.pk, ()))
    return {user.pk: user._council_region for user in users}
