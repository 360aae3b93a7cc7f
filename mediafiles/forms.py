"""The admin's document and image forms (``WAGTAILDOCS_DOCUMENT_FORM_BASE``, ``WAGTAILIMAGES_IMAGE_FORM_BASE``): the
rule of ``mediafiles.guard`` as a form error, saying what to do instead.

This check must come first: Wagtail's document form deletes the old file from storage before it saves the model, so
the model-level refusal alone would come too late for those bytes.
"""

from django import forms
from django.core.files.uploadedfile import UploadedFile
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

from mediafiles.content import UnacceptableFile, check_document
from mediafiles.guard import IMAGE_FOCAL_POINT, replace_refusal
from mediafiles.usage import is_frozen


class FrozenFileFormMixin:
    """Refuses a new file (and, for images, a new focal point) while the file is in use."""

    watched_fields = ("file",)

    def clean(self):
        cleaned_data = super().clean()
        changed = set(self.changed_data) & set(self.watched_fields)
        if changed and self.instance.pk is not None and is_frozen(self.instance):
            self.add_error(
                "file" if "file" in changed and "file" in self.fields else None, replace_refusal(self.instance)
            )
        return cleaned_data


class DocumentForm(FrozenFileFormMixin, BaseDocumentForm):
    def clean_file(self):
        """A new upload is judged by its content (``mediafiles.content``) before anything is stored."""
        uploaded = self.cleaned_data.get("file")
        if isinstance(uploaded, UploadedFile):
            try:
                check_document(uploaded)
            except UnacceptableFile as refusal:
                raise forms.ValidationError(str(refusal), code="unacceptable_content") from refusal
        return uploaded


class ImageForm(FrozenFileFormMixin, BaseImageForm):
    watched_fields = ("file", *IMAGE_FOCAL_POINT)
