"""The static files' storage in production: WhiteNoise's compressed manifest storage, its URLs remembered.

The manifest (``staticfiles.json``) is read once, when the process starts, and a name's hashed URL cannot change
under a running process: a new version of a file comes with a new deployment, so with new processes. Django's
``url()`` still normalises, splits, looks up and quotes the name at every call, and each page calls it for its
stylesheets, scripts, icons and social image (about a twentieth of a millisecond each). Here each name's URL is
computed once per process. With ``DEBUG`` on, or ``force``, Django's answer is used as is.
"""

from django.conf import settings
from whitenoise.storage import CompressedManifestStaticFilesStorage

MAX_REMEMBERED = 4096  # names come from the templates; past this many (which none reach) everything is recomputed


class PortalStaticFilesStorage(CompressedManifestStaticFilesStorage):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._urls = {}

    def url(self, name, force=False):
        if force or settings.DEBUG:
            return super().url(name, force)
        try:
            return self._urls[name]
        except KeyError:
            pass
        url = super().url(name)  # a name missing from the manifest raises here, and nothing is remembered
        if len(self._urls) >= MAX_REMEMBERED:
            self._urls.clear()
        self._urls[name] = url
        return url
