"""A file used by published content or content under review cannot change: the model-level rule.

What the public receives from a document or image may change only when a partner-approved revision makes it so. So
while live content, or a revision under review (or approved and waiting for its go-live date), uses a document or an
image (``mediafiles.usage.is_frozen``), its file cannot be replaced and it cannot be deleted; for an image the focal
point is frozen too, since renditions are cropped around it. Replacing a file means uploading a new document or
image and choosing it in a new revision, which goes through approval.

Wagtail's document and image models are not the portal's own, so the rule is attached to them with ``pre_save`` and
``pre_delete`` receivers: the admin's edit and delete views, bulk deletion, the multiple uploader and any code meet it
before a byte is written (a ``FileField`` writes a new upload during the save, after ``pre_save``). The admin's forms
(``mediafiles.forms``) check the same rule first, so an editor gets a form error rather than this refusal — and
Wagtail's document form deletes the old file before saving the model, so the form check is what keeps those bytes.
The title (and a document's tags and collection) stay editable: no public template shows a document's title.
"""

from django.core.exceptions import PermissionDenied
from django.db.models.signals import pre_delete, pre_save
from django.utils.translation import gettext
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from mediafiles.usage import is_frozen

IMAGE_FOCAL_POINT = ("focal_point_x", "focal_point_y", "focal_point_width", "focal_point_height")


class FileInUse(PermissionDenied):
    """Raised when a change would alter what published or reviewed content shows (Django answers 403)."""


def frozen_fields(model):
    """The fields that make up what the public receives from a file of ``model``."""
    if issubclass(model, get_image_model()):
        return ("file", *IMAGE_FOCAL_POINT)
    return ("file",)


def replace_refusal(obj):
    if isinstance(obj, get_image_model()):
        return gettext(
            "This image is used by published content or by content under review, so its file and focal point cannot "
            "change. Upload the new file as a new image, choose it in a new revision of the content and submit that "
            "revision for approval."
        )
    return gettext(
        "This document is used by published content or by content under review, so its file cannot be replaced. "
        "Upload the new file as a new document, choose it in a new revision of the content and submit that revision "
        "for approval."
    )


def delete_refusal(obj):
    if isinstance(obj, get_image_model()):
        return gettext("This image is used by published content or by content under review: it cannot be deleted.")
    return gettext("This document is used by published content or by content under review: it cannot be deleted.")


def changed_frozen_fields(obj):
    """The frozen fields of ``obj`` whose value differs from the stored row (a pending upload always counts)."""
    names = frozen_fields(type(obj))
    stored = type(obj)._base_manager.filter(pk=obj.pk).values(*names).first()
    if stored is None:
        return set()
    changed = {name for name in names if name != "file" and stored[name] != getattr(obj, name)}
    if stored["file"] != obj.file.name or not getattr(obj.file, "_committed", True):
        changed.add("file")
    return changed


def refuse_changing_frozen_file(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or instance.pk is None:
        return
    if update_fields is not None and not set(update_fields) & set(frozen_fields(sender)):
        return  # metadata only (Wagtail fills in a missing hash or size this way)
    if changed_frozen_fields(instance) and is_frozen(instance):
        raise FileInUse(replace_refusal(instance))


def refuse_deleting_used_file(sender, instance, **kwargs):
    if is_frozen(instance):
        raise FileInUse(delete_refusal(instance))


def connect():
    for model in (get_document_model(), get_image_model()):
        pre_save.connect(refuse_changing_frozen_file, sender=model, dispatch_uid=f"mediafiles-save-{model._meta.label}")
        pre_delete.connect(
            refuse_deleting_used_file, sender=model, dispatch_uid=f"mediafiles-delete-{model._meta.label}"
        )
