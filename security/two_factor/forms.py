"""The one field of the 2FA pages: a code from the app, or a recovery code."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from security.two_factor import devices


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=32,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True, "dir": "ltr"}),
    )

    wrong_code = _("This code is not valid. Check the time on your phone, wait for a new code and try again.")

    def __init__(self, *args, check, **kwargs):
        """``check(code)`` returns the device that accepted the code or None, and may raise devices.Throttled."""
        super().__init__(*args, **kwargs)
        self.check = check
        self.device = None

    def clean_code(self):
        code = self.cleaned_data["code"]
        try:
            self.device = self.check(code)
        except devices.Throttled as throttled:
            raise forms.ValidationError(
                ngettext(
                    "Too many wrong codes: wait %(seconds)d second, then try again.",
                    "Too many wrong codes: wait %(seconds)d seconds, then try again.",
                    throttled.seconds,
                )
                % {"seconds": throttled.seconds},
                code="throttled",
            ) from None
        if not self.device:
            raise forms.ValidationError(self.wrong_code, code="invalid")
        return code
