"""Nobody belongs to two partner groups: refused in the admin's user form and at the model level."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.html import escape

from approvals.signals import two_partner_groups_message

pytestmark = pytest.mark.django_db


def test_adding_a_second_partner_group_is_refused_at_the_model_level(users):
    dgct = users["dgct"]
    with pytest.raises(ValidationError), transaction.atomic():
        dgct.groups.add(Group.objects.get(name="ARM reviewers"))
    with pytest.raises(ValidationError), transaction.atomic():
        Group.objects.get(name="British Embassy reviewers").user_set.add(dgct)
    assert list(dgct.groups.values_list("name", flat=True)) == ["DGCT reviewers"]


def test_other_groups_may_be_combined_with_a_partner_group(users):
    dgct = users["dgct"]
    dgct.groups.add(Group.objects.get(name="Editors"))
    assert dgct.groups.count() == 2


def test_the_admin_user_form_refuses_two_partner_groups_with_a_clear_message(clients, users):
    arm = users["arm"]
    groups = Group.objects.filter(name__in=["ARM reviewers", "DGCT reviewers"])
    response = clients["admin"].post(
        reverse("wagtailusers_users:edit", args=[arm.pk]),
        {
            "username": arm.username,
            "email": arm.email,
            "first_name": arm.first_name,
            "last_name": "",
            "is_active": "on",
            "groups": [g.pk for g in groups],
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["groups"] == [two_partner_groups_message()]
    assert escape(two_partner_groups_message()) in response.content.decode()
    assert list(arm.groups.values_list("name", flat=True)) == ["ARM reviewers"]
