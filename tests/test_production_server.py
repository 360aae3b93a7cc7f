"""gunicorn alone serves a complete site with the production settings: pages (compressed, from the page cache) and
the static files (WhiteNoise: hashed names, brotli and gzip, a year of cache), as behind a TLS proxy."""

import http.client
import os
import re
import secrets
import subprocess
import sys
import time

import pytest
from django.conf import settings

from pagecache.tests.other_process import database_url, free_port

pytestmark = pytest.mark.django_db(transaction=True)
A_YEAR = "max-age=31536000, public, immutable"


@pytest.fixture
def production_server(portal, tmp_path):
    env = {
        **{name: value for name, value in os.environ.items() if name != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "DATABASE_URL": database_url(),
        "ALLOWED_HOSTS": "127.0.0.1",
        "STATIC_ROOT": str(tmp_path / "static"),
        "PORTAL_TEST_CACHE": "",
    }
    manage = [sys.executable, "manage.py"]
    for command in (["collectstatic", "--no-input", "-v", "0"], ["createcachetable"]):
        subprocess.run([*manage, *command], cwd=settings.BASE_DIR, env=env, check=True, timeout=600)  # noqa: S603
    port = free_port()
    command = [sys.executable, "-m", "gunicorn", "-c", "cms/gunicorn.conf.py", "--workers", "1"]
    server = subprocess.Popen([*command, "--bind", f"127.0.0.1:{port}"], cwd=settings.BASE_DIR, env=env)  # noqa: S603
    try:
        yield lambda path, **headers: fetch(port, path, headers)
    finally:
        server.terminate()
        server.wait(timeout=60)


def fetch(port, path, headers):
    """A GET as a browser behind the TLS proxy sends it (the proxy says https)."""
    for _attempt in range(600):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        try:
            connection.request("GET", path, headers={"X-Forwarded-Proto": "https", **headers})
            response = connection.getresponse()
            return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
        except ConnectionRefusedError:
            time.sleep(0.2)  # still starting
        finally:
            connection.close()
    raise RuntimeError("gunicorn did not answer")


def test_gunicorn_alone_serves_compressed_pages_and_static_files_with_a_year_of_cache(production_server):
    status, headers, body = production_server("/fr/", **{"Accept-Encoding": "gzip"})
    assert (status, headers["content-encoding"], headers["x-page-cache"]) == (200, "gzip", "miss")
    assert "max-age=31536000" in headers["strict-transport-security"]
    status, headers, _body = production_server("/fr/", **{"Accept-Encoding": "gzip"})
    assert (status, headers["x-page-cache"]) == (200, "hit")

    _status, _headers, body = production_server("/fr/")
    assets = re.findall(rb'(?:href|src)="(/static/[^"]+\.[0-9a-f]{12}\.(?:css|js))"', body)
    assert len(assets) >= 3  # the stylesheets and the script
    for asset in assets:
        status, headers, _content = production_server(asset.decode(), **{"Accept-Encoding": "br, gzip"})
        assert (status, headers["content-encoding"], headers["cache-control"]) == (200, "br", A_YEAR), asset
        status, headers, _content = production_server(asset.decode(), **{"Accept-Encoding": "gzip"})
        assert (status, headers["content-encoding"]) == (200, "gzip"), asset
    assert b"/static/css/portal.css" not in body  # every static file is linked by its hashed name

    status, headers, _css = production_server("/static/css/portal.css")
    assert status == 200 and "immutable" not in headers["cache-control"]  # an unhashed name may change
