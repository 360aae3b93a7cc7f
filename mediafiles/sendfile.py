"""How an allowed file leaves the app (``SENDFILE_BACKEND`` of Wagtail's document view, and the rendition view).

By default the app streams the file. With ``PORTAL_MEDIA_ACCEL_REDIRECT`` set (for instance ``/protected-media/``)
it answers with an empty response carrying ``X-Accel-Redirect: <prefix><path under MEDIA_ROOT>``, and the proxy
(nginx's ``internal`` location; Apache's X-Sendfile works the same way) sends the bytes: the app still decides who
gets which file, the proxy only delivers it. ``docs/operations.md`` shows the proxy's configuration.
"""

from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.http import Http404, HttpResponse
from wagtail.utils import sendfile_streaming_backend


def sendfile(request, filename, **kwargs):
    prefix = getattr(settings, "PORTAL_MEDIA_ACCEL_REDIRECT", "")
    if not prefix:
        return sendfile_streaming_backend.sendfile(request, filename, **kwargs)
    try:
        relative = Path(filename).resolve().relative_to(Path(settings.MEDIA_ROOT).resolve())
    except ValueError as error:  # never hand the proxy a path outside MEDIA_ROOT
        raise Http404("Not a media file.") from error
    response = HttpResponse(content_type=kwargs.get("mimetype"))
    response["X-Accel-Redirect"] = f"{prefix.rstrip('/')}/{quote(relative.as_posix())}"
    return response
