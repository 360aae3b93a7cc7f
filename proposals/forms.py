"""The public proposal form: what a council or partner without an account may send, checked before anything is stored.

Attachments pass the portal's document rules, not looser ones: the extensions Wagtail's documents accept
(``WAGTAILDOCS_EXTENSIONS``) and the check of their bytes and size (``mediafiles.content.check_document``), the same
as an editor's upload; at most ``PROPOSALS_MAX_ATTACHMENTS`` files. The honeypot ``website`` is a field people never
see (its wrapper is ``hidden``: neither shown nor read by assistive technology); a robot that fills every field fills
it, and the form then refuses the whole submission.
"""

import re

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from mediafiles.content import UnacceptableFile, check_document, extension_of
from proposals.models import ProposalKind
from toolkit.models import Theme
from toolkit.reference import reference_data

TELEPHONE = re.compile(r"^\+?[0-9 ()./-]{6,25}$")
HONEYPOT = "website"


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files under one name (Django's documented pattern); each is checked by the form."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data] if data else []
        return [super(MultipleFileField, self).clean(item, initial) for item in files]


def region_choices(language):
    """The 12 regions, named in ``language`` (the reference sheet's names), by official code."""
    return [(region["code"], region.get(language) or region["fr"]) for region in reference_data()["regions"]]


def theme_choices(language):
    """The live themes by slug (the same in every language), named in ``language`` where that row is live, else in
    French. One query."""
    rows = Theme.objects.filter(live=True, locale__language_code__in={settings.LANGUAGE_CODE, language}).values_list(
        "slug", "name", "locale__language_code"
    )
    names = {}
    for slug, name, code in rows.order_by("pk"):
        if code == language or slug not in names:
            names[slug] = name
    return sorted(names.items(), key=lambda item: item[1])


class ProposalForm(forms.Form):
    kind = forms.ChoiceField(label=_("What do you propose?"), choices=ProposalKind.choices, widget=forms.RadioSelect)
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("Description"),
        max_length=6000,
        min_length=40,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("What it is, who did it, what it achieved (at least 40 characters)."),
    )
    region = forms.ChoiceField(label=_("Region"))
    theme = forms.ChoiceField(label=_("Theme"))
    proposer_name = forms.CharField(label=_("Your name"), max_length=200)
    council = forms.CharField(label=_("Council or organisation"), max_length=200)
    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    telephone = forms.CharField(label=_("Telephone (optional)"), max_length=30, required=False)
    attachments = MultipleFileField(
        label=_("Attachments (optional)"),
        required=False,
        help_text=_("Up to %(count)s documents: PDF, Word, Excel, PowerPoint, OpenDocument, CSV or text."),
    )
    credit_consent = forms.BooleanField(
        label=_("I agree that my name and council are shown on the published page (“Proposed by…”)."),
        required=False,
    )
    processing_consent = forms.BooleanField(
        label=_(
            "I agree that the programme's partners (DGCT, ARM, British Embassy) process my name, council and contact "
            "details to review this proposal, contact me about it and tell me when it is published (law 09-08)."
        ),
        error_messages={"required": _("Your consent is needed to process your proposal.")},
    )
    website = forms.CharField(label=_("Leave this field empty"), required=False)

    def __init__(self, *args, language=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.language = language or translation.get_language()
        self.fields["region"].choices = [("", _("Choose a region")), *region_choices(self.language)]
        self.fields["theme"].choices = [("", _("Choose a theme")), *theme_choices(self.language)]
        self.fields["attachments"].help_text %= {"count": settings.PROPOSALS_MAX_ATTACHMENTS}
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["proposer_name"].widget.attrs["autocomplete"] = "name"
        self.fields["council"].widget.attrs["autocomplete"] = "organization"
        self.fields["telephone"].widget.attrs.update(autocomplete="tel", inputmode="tel")
        self.fields[HONEYPOT].widget.attrs.update(autocomplete="off", tabindex="-1")

    @property
    def is_spam(self):
        """True when the honeypot was filled: a robot, refused without a detail it could learn from."""
        return bool(self.data.get(HONEYPOT, "").strip())

    def clean_telephone(self):
        value = self.cleaned_data["telephone"].strip()
        if value and not TELEPHONE.match(value):
            raise forms.ValidationError(
                gettext("Write the telephone number with digits only, e.g. +212 5 37 00 00 00.")
            )
        return value

    def clean_attachments(self):
        files = [item for item in self.cleaned_data.get("attachments") or [] if isinstance(item, UploadedFile)]
        limit = settings.PROPOSALS_MAX_ATTACHMENTS
        if len(files) > limit:
            raise forms.ValidationError(gettext("Attach at most %(count)s files.") % {"count": limit})
        errors = []
        for uploaded in files:
            if extension_of(uploaded.name) not in settings.WAGTAILDOCS_EXTENSIONS:
                errors.append(
                    gettext(
                        "“%(name)s”: this kind of file is not accepted. Send PDF, Word, Excel, PowerPoint, "
                        "OpenDocument, CSV or text documents."
                    )
                    % {"name": uploaded.name}
                )
                continue
            try:
                check_document(uploaded)
            except UnacceptableFile as refusal:
                errors.append(f"“{uploaded.name}”: {refusal}")
        if errors:
            raise forms.ValidationError(errors)
        return files

    def clean(self):
        cleaned = super().clean()
        if self.is_spam:
            raise forms.ValidationError(
                gettext(
                    "Your proposal could not be accepted. Please try again, or write to the portal's contact address."
                ),
                code="honeypot",
            )
        return cleaned
