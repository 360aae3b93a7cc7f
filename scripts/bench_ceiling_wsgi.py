"""The ceiling of `make bench` (scripts/bench_pages.py): a bare Django view, no database, no middleware, no template.

Served by the same gunicorn configuration as the portal (cms/gunicorn.conf.py, same workers), it answers what this
machine, Python, Django's request handling and gunicorn can do at best at the moment of the run; each page's figures
are read as a ratio to it. Not imported by the portal.
"""

import os

import django
from django.conf import settings
from django.http import HttpResponse
from django.urls import path

settings.configure(
    DEBUG=False,
    SECRET_KEY=os.environ["SECRET_KEY"],
    ALLOWED_HOSTS=["127.0.0.1", "localhost"],
    ROOT_URLCONF=__name__,
    MIDDLEWARE=[],
    INSTALLED_APPS=[],
)


def ceiling(request):
    return HttpResponse(b"ceiling\n", content_type="text/plain")


urlpatterns = [path("", ceiling)]

django.setup()

from django.core.wsgi import get_wsgi_application  # noqa: E402  (after settings, as Django requires)

application = get_wsgi_application()
