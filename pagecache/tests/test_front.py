"""Page-cache hits answered in front of Django's handler (pagecache/front.py), through the WSGI application itself.

Each request is a WSGI call with an environ, as gunicorn makes it. Whether Django's handler took a request is seen
from its ``request_started`` signal, which the front layer never sends: a hit answered in front sends none.
"""

import gzip
import io
from contextlib import contextmanager
from urllib.parse import unquote

import pytest
from django.conf import settings
from django.core import signals
from django.db import close_old_connections
from django.test import Client

from approvals.operator import publish_as_operator
from cms.wsgi import build
from pagecache.front import PageCacheFront
from toolkit.tests import factories

HOST = "portal.test"


@pytest.fixture
def pages(shared_cache, portal, settings):
    """A live tool in French; only HOST is an allowed host."""
    settings.ALLOWED_HOSTS = [HOST]
    index = factories.ToolIndexPageFactory(parent=portal["fr"])
    tool = factories.ToolPageFactory(parent=index, title="Budget participatif")
    return {"listing": index, "tool": tool}


def environ(path, method="GET", host=HOST, headers=None, body=b""):
    """The environ a WSGI server builds for one request (``headers`` as CGI names: ``HTTP_ACCEPT_ENCODING``)."""
    return {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SCRIPT_NAME": "",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8000",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "HTTP_HOST": host,
        "CONTENT_LENGTH": str(len(body)),
        "CONTENT_TYPE": "application/x-www-form-urlencoded",
        "wsgi.input": io.BytesIO(body),
        "wsgi.errors": io.StringIO(),
        "wsgi.url_scheme": "http",
        "wsgi.version": (1, 0),
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
        **(headers or {}),
    }


@contextmanager
def _test_transaction_kept():
    """Django's handler closes old connections on each request, which would close the test's transaction; the test
    client leaves them open the same way."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


def call(application, env):
    """``(status, headers, body, through_django)`` of one WSGI call."""
    started = []

    def count(**kwargs):
        started.append(kwargs)

    answer = {}

    def start_response(status, headers, exc_info=None):
        answer.update(status=status, headers=headers)

    signals.request_started.connect(count)
    try:
        with _test_transaction_kept():
            result = application(env, start_response)
            try:
                body = b"".join(result)
            finally:
                if hasattr(result, "close"):
                    result.close()
    finally:
        signals.request_started.disconnect(count)
    return answer["status"], answer["headers"], body, bool(started)


def header(headers, name):
    values = [value for key, value in headers if key.lower() == name.lower()]
    return values[0] if values else None


def test_a_hit_is_answered_in_front_of_django_exactly_as_django_answers_it(pages):
    application = build()
    assert isinstance(application, PageCacheFront)
    url = pages["tool"].url
    status, headers, _body, through_django = call(application, environ(url))
    assert (status, header(headers, "X-Page-Cache"), through_django) == ("200 OK", "miss", True)

    requests = {
        "plain": environ(url),
        "gzip": environ(url, headers={"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}),
        "head": environ(url, method="HEAD", headers={"HTTP_ACCEPT_ENCODING": "gzip"}),
        "304": environ(url, headers={"HTTP_IF_NONE_MATCH": header(headers, "ETag")}),
    }
    for name, env in requests.items():
        front = call(application, dict(env, **{"wsgi.input": io.BytesIO()}))
        django = call(application.django_application, dict(env, **{"wsgi.input": io.BytesIO()}))
        assert front[3] is False and django[3] is True, name  # the front answered; Django's handler, the other
        assert front[:3] == django[:3], name
        assert header(front[1], "X-Page-Cache") == "hit", name
    assert call(application, requests["304"])[0] == "304 Not Modified"
    gzipped = call(application, requests["gzip"])
    assert header(gzipped[1], "Content-Encoding") == "gzip"
    assert gzip.decompress(gzipped[2]) == call(application, requests["plain"])[2]
    # The outer middleware's security headers come with the hit.
    for name in ("X-Content-Type-Options", "Referrer-Policy", "Cross-Origin-Opener-Policy", "Content-Security-Policy"):
        assert header(gzipped[1], name), name


def test_over_https_a_hit_carries_hsts_as_django_sends_it_and_plain_http_goes_to_django_redirect(pages, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.SECURE_HSTS_SECONDS = 3600
    application = build()
    url = pages["tool"].url
    secure = {"HTTP_X_FORWARDED_PROTO": "https"}
    assert header(call(application, environ(url, headers=secure))[1], "X-Page-Cache") == "miss"
    front = call(application, environ(url, headers=secure))
    django = call(application.django_application, environ(url, headers=secure))
    assert front[3] is False and front[:3] == django[:3]
    assert header(front[1], "Strict-Transport-Security") == "max-age=3600"

    status, headers, _body, through_django = call(application, environ(url))
    assert (status, through_django) == ("301 Moved Permanently", True)
    assert header(headers, "Location") == f"https://{HOST}{url}"


def test_a_bad_host_goes_to_django_which_answers_400_even_when_the_page_is_stored(pages):
    application = build()
    url = pages["tool"].url
    call(application, environ(url))
    assert header(call(application, environ(url))[1], "X-Page-Cache") == "hit"

    status, headers, _body, through_django = call(application, environ(url, host="evil.example"))
    assert (status, through_django) == ("400 Bad Request", True)
    assert header(headers, "X-Page-Cache") is None


def test_signed_in_readers_posts_and_pages_outside_a_language_go_to_django(pages, django_user_model):
    application = build()
    url = pages["tool"].url
    call(application, environ(url))
    assert header(call(application, environ(url))[1], "X-Page-Cache") == "hit"

    signed_in = Client()
    signed_in.force_login(django_user_model.objects.create_user("reader", password="x"))
    session = f"{settings.SESSION_COOKIE_NAME}={signed_in.cookies[settings.SESSION_COOKIE_NAME].value}"
    status, headers, _body, through_django = call(application, environ(url, headers={"HTTP_COOKIE": session}))
    assert (status, through_django, header(headers, "X-Page-Cache")) == ("200 OK", True, None)

    status, headers, _body, through_django = call(application, environ(url, method="POST", body=b"a=1"))
    assert through_django and header(headers, "X-Page-Cache") is None

    status, headers, _body, through_django = call(application, environ("/admin/"))
    assert through_django and status == "302 Found" and header(headers, "X-Page-Cache") is None


def test_a_publication_makes_the_next_request_a_miss_rendered_by_django(pages):
    application = build()
    tool = pages["tool"]
    call(application, environ(tool.url))
    assert header(call(application, environ(tool.url))[1], "X-Page-Cache") == "hit"

    tool.title = "Budget participatif des jeunes"
    tool.save_revision()
    publish_as_operator(tool, "tests")
    status, headers, body, through_django = call(application, environ(tool.url))
    assert (status, through_django, header(headers, "X-Page-Cache")) == ("200 OK", True, "miss")
    assert "Budget participatif des jeunes" in body.decode()
    assert call(application, environ(tool.url))[3] is False  # stored again, answered in front


def test_with_the_page_cache_off_every_request_goes_to_django(pages, settings):
    application = build()
    url = pages["tool"].url
    call(application, environ(url))
    assert call(application, environ(url))[3] is False

    settings.PAGE_CACHE_SECONDS = 0
    status, headers, _body, through_django = call(application, environ(url))
    assert (status, through_django, header(headers, "X-Page-Cache")) == ("200 OK", True, None)


def test_an_address_outside_ascii_is_answered_in_front_once_stored_and_by_django_before(pages):
    """gunicorn gives PATH_INFO as the UTF-8 bytes of the path read as Latin-1; Django's request decodes it, and
    writes the decoded path back into the environ it was given: the front layer must not hand that one on."""
    tool = factories.ToolPageFactory(parent=pages["listing"], title="ميزانية تشاركية", slug="ميزانية-تشاركية")
    path = tool.get_url_parts()[2]
    wsgi_path = unquote(path).encode().decode("latin-1")
    application = build()
    status, headers, body, through_django = call(application, environ(wsgi_path))
    assert (status, header(headers, "X-Page-Cache"), through_django) == ("200 OK", "miss", True)
    assert "ميزانية تشاركية" in body.decode()
    status, headers, _body, through_django = call(application, environ(wsgi_path))
    assert (status, header(headers, "X-Page-Cache"), through_django) == ("200 OK", "hit", False)
