"""The admin's user forms refuse a second partner reviewer group, and a council group with any other role, with a
clear message.

Wagtail's user viewset is swapped for this one through ``approvals.apps.PortalUsersConfig`` (which replaces
``wagtail.users`` in INSTALLED_APPS). The model-level backstops are ``approvals.signals`` and ``councils.signals``.
"""

from django import forms
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserViewSet

from approvals.partners import partners_of_group_names
from approvals.signals import two_partner_groups_message
from councils.signals import council_and_other_role_message, council_role_conflict


class OnePartnerGroupMixin:
    def clean_groups(self):
        groups = self.cleaned_data.get("groups")
        if groups is not None and len(partners_of_group_names([group.name for group in groups])) > 1:
            raise forms.ValidationError(two_partner_groups_message())
        if groups is not None and council_role_conflict(group.name for group in groups):
            raise forms.ValidationError(council_and_other_role_message())
        return groups


class PortalUserCreationForm(OnePartnerGroupMixin, UserCreationForm):
    pass


class PortalUserEditForm(OnePartnerGroupMixin, UserEditForm):
    pass


class PortalUserViewSet(UserViewSet):
    def get_form_class(self, for_update=False):
        return PortalUserEditForm if for_update else PortalUserCreationForm
