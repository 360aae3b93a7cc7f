"""What the public and the disk see of a document or image, for asserting that a refusal changed nothing."""

from django.test import Client
from wagtail.documents import get_document_model
from wagtail.images import get_image_model


def public_get(url):
    """An anonymous visitor's request."""
    return Client().get(url)


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def document_state(document):
    """The stored row's file name, hash and size, and the bytes on disk."""
    fresh = get_document_model().objects.get(pk=document.pk)
    with fresh.file.open("rb") as handle:
        return {"name": fresh.file.name, "hash": fresh.file_hash, "size": fresh.file_size, "bytes": handle.read()}


def image_state(image):
    fresh = get_image_model().objects.get(pk=image.pk)
    with fresh.file.open("rb") as handle:
        return {
            "name": fresh.file.name,
            "hash": fresh.file_hash,
            "focal_point": (fresh.focal_point_x, fresh.focal_point_y),
            "bytes": handle.read(),
        }
