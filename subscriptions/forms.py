"""The subscription form and the preferences form (the same filters, reached from a signed link)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from subscriptions import filters
from subscriptions.models import normalise_email

HONEYPOT = "website"


class PreferencesForm(forms.Form):
    """Language and filters; an empty filter means everything of that kind."""

    language = forms.ChoiceField(label=_("Language of the messages and of the content"))
    page_types = forms.MultipleChoiceField(
        label=_("Types of content"), required=False, widget=forms.CheckboxSelectMultiple
    )
    themes = forms.MultipleChoiceField(label=_("Themes"), required=False, widget=forms.CheckboxSelectMultiple)
    regions = forms.MultipleChoiceField(label=_("Regions"), required=False, widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, language, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = filters.language_choices()
        self.fields["language"].initial = language
        self.fields["page_types"].choices = filters.type_choices()
        self.fields["themes"].choices = filters.theme_choices(language)
        self.fields["regions"].choices = filters.region_choices(language)

    def filter_fields(self):
        return [self[name] for name in ("page_types", "themes", "regions")]

    def preferences(self):
        data = self.cleaned_data
        return {name: sorted(data[name]) for name in ("page_types", "themes", "regions")} | {
            "language": data["language"]
        }


class SubscribeForm(PreferencesForm):
    """The public form: an address, the preferences, the consent, and a field only robots fill in."""

    field_order = ["email", "language", "page_types", "themes", "regions", "consent"]

    email = forms.EmailField(label=_("Your e-mail address"), max_length=254)
    consent = forms.BooleanField(
        label=_(
            "I agree that the partners of the programme keep my e-mail address and my choices to send me this "
            "digest, as described above."
        ),
        error_messages={"required": _("Please tick the box to give your consent; without it we cannot subscribe you.")},
    )
    # The honeypot: hidden from people and from assistive technology (see the template); a robot fills it in.
    website = forms.CharField(label=_("Leave this field empty"), required=False)

    def clean_email(self):
        return normalise_email(self.cleaned_data["email"])

    def is_robot(self):
        return bool(self.data.get(HONEYPOT, "").strip())

    def request_data(self):
        return {"email": self.cleaned_data["email"], **self.preferences()}
