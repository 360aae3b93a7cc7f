"""The admin's document and image forms (``WAGTAILDOCS_DOCUMENT_FORM_BASE``, ``WAGTAILIMAGES_IMAGE_FORM_BASE``): the
rule of ``mediafiles.guard`` as a form error, saying what to do instead.

This check must come first: Wagtail's document form deletes the old file from storage before it saves the model, so
the model-level refusal alone would come too late for those bytes.
"""

from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

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
    pass


class ImageForm(FrozenFileFormMixin, BaseImageForm):
    watched_fields = ("file", *IMAGE_FOCAL_POINT)
