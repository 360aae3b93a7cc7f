"""Forms of the partner approval: the reviewer's decision, the emergency publication."""

from django import forms
from django.utils.translation import gettext_lazy as _


class ApproveForm(forms.Form):
    comment = forms.CharField(label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 4}))


class RequestChangesForm(forms.Form):
    """A request for changes must say what to change: the editor receives the comment."""

    comment = forms.CharField(
        label=_("What must change"),
        required=True,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Say what must change: the editor receives this comment.")},
    )


class EmergencyPublicationForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for publishing without partner approval"),
        required=True,
        min_length=10,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Recorded in the audit log and the approvals report; the partners review the page afterwards."),
        error_messages={"required": _("A written reason is required for an emergency publication.")},
    )
