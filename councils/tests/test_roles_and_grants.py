"""The council groups' grants follow their pages, never publish and never reach English; a council member holds no
other role."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse
from django.utils.html import escape
from wagtail.models import GroupPagePermission

from approvals.partners import PARTNER_GROUP_NAMES
from cms.roles import COUNCIL_GROUPS, EDITORS, TRANSLATOR_GROUPS
from councils.signals import council_and_other_role_message
from toolkit.models import ExperienceIndexPage, RegionIndexPage, RegionPage

pytestmark = pytest.mark.django_db


def council_grants(code):
    return set(
        GroupPagePermission.objects.filter(group__name=COUNCIL_GROUPS[code]).values_list(
            "page__content_type__model", "page__locale__language_code", "permission__codename"
        )
    )


@pytest.fixture
def regions(portal):
    """A region index and the page of region 04 in French, and an experience index in French, Arabic and English,
    created as the editors and the demo loader create them."""
    index = RegionIndexPage(title="Régions", slug="regions")
    portal["fr"].add_child(instance=index)
    index.add_child(instance=RegionPage(title="Rabat-Salé-Kénitra", slug="rsk", code="04", seat="Rabat"))
    for language in ("fr", "ar", "en"):
        portal[language].add_child(instance=ExperienceIndexPage(title=f"Expériences {language}", slug="exp"))


def test_a_new_region_page_and_proposal_index_carry_the_council_grants(regions):
    assert council_grants("04") == {
        ("regionpage", "fr", "change_page"),
        ("experienceindexpage", "fr", "add_page"),
        ("experienceindexpage", "ar", "add_page"),
    }
    assert ("regionpage", "fr", "change_page") not in council_grants("09")


def test_council_groups_never_publish_and_never_write_english(regions):
    grants = GroupPagePermission.objects.filter(group__name__in=COUNCIL_GROUPS.values())
    assert grants.exists()
    assert not grants.filter(permission__codename__in=["publish_page", "bulk_delete_page", "lock_page"]).exists()
    assert not grants.filter(page__locale__language_code="en").exists()
    assert not grants.filter(page__depth__lte=2).exists()  # never a language tree's root or home page
    group = Group.objects.get(name=COUNCIL_GROUPS["04"])
    assert set(group.permissions.values_list("codename", flat=True)) == {
        "access_admin",
        "add_adoption",
        "change_adoption",
    }


def test_bootstrap_grants_what_is_missing_and_then_changes_nothing(regions):
    GroupPagePermission.objects.filter(group__name=COUNCIL_GROUPS["04"]).delete()

    first, second = io.StringIO(), io.StringIO()
    call_command("bootstrap_portal", stdout=first)
    call_command("bootstrap_portal", stdout=second)

    assert ("regionpage", "fr", "change_page") in council_grants("04")
    assert "change_page" in first.getvalue()
    assert "nothing changed" in second.getvalue()


OTHER_ROLES = [EDITORS, TRANSLATOR_GROUPS["ar"], *PARTNER_GROUP_NAMES, COUNCIL_GROUPS["09"]]


@pytest.mark.parametrize("other", OTHER_ROLES)
def test_a_council_member_cannot_join_another_role(users, other):
    council_04 = users["council_04"]
    with pytest.raises(ValidationError), transaction.atomic():
        council_04.groups.add(Group.objects.get(name=other))
    with pytest.raises(ValidationError), transaction.atomic():
        Group.objects.get(name=other).user_set.add(council_04)
    assert set(council_04.groups.values_list("name", flat=True)) == {COUNCIL_GROUPS["04"]}


@pytest.mark.parametrize("username", ["editor", "translator_ar", "dgct", "arm", "embassy"])
def test_no_other_role_can_join_a_council(users, username):
    user = users[username]
    before = set(user.groups.values_list("name", flat=True))
    with pytest.raises(ValidationError), transaction.atomic():
        user.groups.add(Group.objects.get(name=COUNCIL_GROUPS["04"]))
    with pytest.raises(ValidationError), transaction.atomic():
        Group.objects.get(name=COUNCIL_GROUPS["04"]).user_set.add(user)
    assert set(user.groups.values_list("name", flat=True)) == before


def test_the_admin_user_form_refuses_a_council_with_another_role_with_a_clear_message(clients, users):
    council_04 = users["council_04"]
    groups = Group.objects.filter(name__in=[COUNCIL_GROUPS["04"], EDITORS])

    response = clients["admin"].post(
        reverse("wagtailusers_users:edit", args=[council_04.pk]),
        {
            "username": council_04.username,
            "email": council_04.email,
            "first_name": council_04.first_name,
            "last_name": "",
            "is_active": "on",
            "groups": [group.pk for group in groups],
        },
    )

    assert response.status_code == 200
    assert response.context["form"].errors["groups"] == [council_and_other_role_message()]
    assert escape(council_and_other_role_message()) in response.content.decode()
    assert set(council_04.groups.values_list("name", flat=True)) == {COUNCIL_GROUPS["04"]}
