"""Council rules kept below the admin: grants follow the pages they are about, and a council member holds no other
role.

- A region page or a proposal index created in French or Arabic receives its council grants at once
  (``councils.grants``): the demo loader and the editors create them after ``bootstrap_portal`` ran.
- A council contributor proposes; the partners' reviewers approve, the editors and translators write for the
  programme. One person in a council group and in any of those groups would approve or rewrite their own region's
  proposals, so the membership is refused whenever it is saved, from either side (the way ``approvals.signals``
  refuses two partner groups).
"""

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db.models.signals import m2m_changed, post_save
from django.dispatch import receiver
from django.utils.translation import gettext

from approvals.partners import PARTNER_GROUP_NAMES
from cms.roles import COUNCIL_GROUPS, EDITORS, TRANSLATOR_GROUPS
from councils.grants import grant_on_page
from councils.scope import PROPOSAL_INDEXES, REGION_PAGE

COUNCIL_GROUP_NAMES = frozenset(COUNCIL_GROUPS.values())
PORTAL_ROLE_GROUP_NAMES = frozenset({EDITORS, *TRANSLATOR_GROUPS.values(), *PARTNER_GROUP_NAMES})


def council_and_other_role_message():
    return gettext(
        "A regional council contributor cannot also be an editor, a translator or a partner reviewer, nor contribute "
        "for two regions."
    )


def council_role_conflict(names):
    """Whether the group ``names`` (one person's) join a council group with another role or a second council."""
    names = set(names)
    councils = names & COUNCIL_GROUP_NAMES
    return bool(councils) and (len(councils) > 1 or bool(names & PORTAL_ROLE_GROUP_NAMES))


@receiver(m2m_changed, sender=get_user_model().groups.through)
def refuse_council_with_another_role(sender, instance, action, reverse, model, pk_set, **kwargs):
    if action != "pre_add" or not pk_set:
        return
    if not reverse:  # user.groups.add(...)
        adding = set(Group.objects.filter(pk__in=pk_set).values_list("name", flat=True))
        if council_role_conflict(adding | set(instance.groups.values_list("name", flat=True))):
            raise ValidationError(council_and_other_role_message())
        return
    if instance.name not in COUNCIL_GROUP_NAMES | PORTAL_ROLE_GROUP_NAMES:  # group.user_set.add(...)
        return
    User = get_user_model()
    for user in User.objects.filter(pk__in=pk_set).prefetch_related("groups"):
        if council_role_conflict({group.name for group in user.groups.all()} | {instance.name}):
            raise ValidationError(council_and_other_role_message())


def grant_council_pages(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        grant_on_page(instance)


def connect():
    for label in (REGION_PAGE, *PROPOSAL_INDEXES):
        post_save.connect(grant_council_pages, sender=apps.get_model(label), dispatch_uid=f"council-grants-{label}")
