"""WSGI entry point; production servers set DJANGO_SETTINGS_MODULE=cms.settings.production.

Page-cache hits are answered in front of Django's request handler (pagecache/front.py); everything else reaches
Django as before.
"""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")


def build():
    """The portal's WSGI application (a function, so tests can build one under the settings they change)."""
    django_application = get_wsgi_application()
    from pagecache.front import with_page_cache  # after Django's set-up: it reads the settings

    return with_page_cache(django_application)


application = build()
