"""Who contributes for which region: one council group gives its region; none, two, inactive or superuser give none."""

import pytest
from django.contrib.auth.models import Group

from cms.roles import COUNCIL_GROUPS
from councils.membership import council_region_for

# The bootstrapped portal (its council groups), bootstrapped again if a browser test of this worker flushed the
# database before this module.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("portal")]


def test_bootstrap_creates_one_group_per_region_named_with_code_and_french_name():
    assert len(COUNCIL_GROUPS) == 12
    assert COUNCIL_GROUPS["04"] == "Regional council 04 · Rabat-Salé-Kénitra"
    assert set(Group.objects.filter(name__in=COUNCIL_GROUPS.values()).values_list("name", flat=True)) == set(
        COUNCIL_GROUPS.values()
    )


def _user(django_user_model, *codes, **fields):
    """Two council groups are refused whenever membership is saved (``councils.signals``); a bulk insert sends no
    signal, so the predicate must still fail closed on such an account."""
    user = django_user_model.objects.create_user(username="c" + "".join(codes), password="x", **fields)
    membership = django_user_model.groups.through
    groups = Group.objects.filter(name__in=[COUNCIL_GROUPS[c] for c in codes])
    membership.objects.bulk_create([membership(user=user, group=group) for group in groups])
    return django_user_model.objects.get(pk=user.pk)


def test_one_council_group_gives_its_region(django_user_model):
    assert council_region_for(_user(django_user_model, "04")) == "04"


@pytest.mark.parametrize(
    "codes, fields",
    [((), {}), (("04", "09"), {}), (("04",), {"is_active": False}), (("04",), {"is_superuser": True})],
)
def test_no_region_without_exactly_one_active_membership(django_user_model, codes, fields):
    assert council_region_for(_user(django_user_model, *codes, **fields)) is None


def test_demo_users_council_04_and_09(users):
    assert council_region_for(users["council_04"]) == "04"
    assert council_region_for(users["council_09"]) == "09"
