"""Nobody belongs to two partner groups: refused whenever group membership is saved, from either side.

The admin's user form gives the friendly message (``approvals.users``); this receiver is the model-level backstop
for every other path (shell, scripts, fixtures, APIs).
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db.models.signals import m2m_changed
from django.dispatch import receiver
from django.utils.translation import gettext

from approvals.partners import PARTNER_GROUP_NAMES


def two_partner_groups_message():
    return gettext("A user may belong to only one partner reviewer group (DGCT, ARM or British Embassy).")


@receiver(m2m_changed, sender=get_user_model().groups.through)
def refuse_second_partner_group(sender, instance, action, reverse, model, pk_set, **kwargs):
    if action != "pre_add" or not pk_set:
        return
    User = get_user_model()
    if not reverse:  # user.groups.add(...)
        adding = set(Group.objects.filter(pk__in=pk_set, name__in=PARTNER_GROUP_NAMES).values_list("pk", flat=True))
        if not adding:
            return
        existing = set(instance.groups.filter(name__in=PARTNER_GROUP_NAMES).values_list("pk", flat=True))
        if len(adding | existing) > 1:
            raise ValidationError(two_partner_groups_message())
    elif instance.name in PARTNER_GROUP_NAMES:  # group.user_set.add(...)
        others = User.objects.filter(pk__in=pk_set, groups__name__in=PARTNER_GROUP_NAMES).exclude(
            groups__pk=instance.pk
        )
        if others.exists():
            raise ValidationError(two_partner_groups_message())
