"""A front-end cache backend for the tests: it records the URLs it is asked to purge (a CDN is outside the tests)."""

from wagtail.contrib.frontend_cache.backends.base import BaseBackend


class RecordingBackend(BaseBackend):
    purged = []

    def purge(self, url):
        RecordingBackend.purged.append(url)
