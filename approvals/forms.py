"""Forms of the partner approval: the reviewer's decision, the emergency publication."""

import unicodedata

from django import forms
from django.utils.translation import gettext_lazy as _

MIN_REASON_CHARACTERS = 15


def visible_length(text):
    """How many characters of ``text`` a reader sees: invisible format characters (Unicode category Cf: zero-width
    spaces, joiners, BOM...) and whitespace or space separators do not count."""
    return sum(1 for char in text if not char.isspace() and unicodedata.category(char) not in ("Cf", "Zs", "Zl", "Zp"))


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
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Recorded in the audit log and the approvals report; the partners review the page afterwards."),
        error_messages={"required": _("A written reason is required for an emergency publication.")},
    )

    def clean_reason(self):
        reason = self.cleaned_data["reason"]
        if visible_length(reason) < MIN_REASON_CHARACTERS:
            raise forms.ValidationError(
                _(
                    "Write the reason in at least %(count)d visible characters (spaces and invisible characters do not "
                    "count)."
                ),
                params={"count": MIN_REASON_CHARACTERS},
                code="too_short",
            )
        return reason
