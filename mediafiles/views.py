"""Image renditions, served by the app (``MEDIA_URL`` + ``images/``) so that only images live public content uses
reach the public (``mediafiles.access``). Original image files (``original_images/``) and documents' files are never
served by their name."""

from mimetypes import guess_type

from django.http import Http404
from wagtail.images import get_image_model

from mediafiles.access import refusal
from mediafiles.sendfile import sendfile

RENDITIONS_FOLDER = "images"


def serve_rendition(request, name):
    rendition_model = get_image_model().get_rendition_model()
    rendition = rendition_model.objects.select_related("image").filter(file=f"{RENDITIONS_FOLDER}/{name}").first()
    if rendition is None:
        raise Http404("No such rendition.")
    response = refusal(rendition.image, request)
    if response is not None:
        return response
    mimetype = guess_type(rendition.file.name)[0] or "application/octet-stream"
    response = sendfile(request, rendition.file.path, mimetype=mimetype)
    response["X-Content-Type-Options"] = "nosniff"
    return response
