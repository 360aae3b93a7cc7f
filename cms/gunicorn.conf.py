"""gunicorn's settings for the portal (`make serve`, `make loadtest`, a server): `gunicorn -c cms/gunicorn.conf.py`.

gunicorn alone serves the whole site: pages (from the page cache when they are public, pagecache/), the static files
(WhiteNoise) and the media the app allows (mediafiles/). A proxy in front (TLS, HTTP/2, buffering slow clients) and a
CDN are optional layers (docs/operations.md). Each value can be changed from the environment, or on the command line.
"""

import gc
import multiprocessing
import os

wsgi_app = "cms.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Synchronous workers, each one request at a time: gunicorn's advice of two per core plus one, at most 8 (each holds
# the portal in about 130 MB and one PostgreSQL connection: docs/operations.md).
workers = int(os.environ.get("WEB_CONCURRENCY", min(2 * multiprocessing.cpu_count() + 1, 8)))
# Load the portal once, then fork: the workers share its memory pages until they write to them.
preload_app = True
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# A worker is replaced after this many requests (spread over workers so they never restart together): what a
# long-lived process might leak is given back. Not much sooner: a new worker costs about half a second of CPU (its
# copy-on-write pages, the modules and caches each process fills on first use), which at 2,000 requests was 0.2 ms
# per request, a quarter of a page-cache hit (docs/benchmarks.md); at 20,000 it is a few minutes of full load.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "20000"))
max_requests_jitter = max_requests // 10
# The proxy's X-Forwarded-* headers are believed from these addresses only (Django's own rule for the client's
# address is PORTAL_TRUSTED_PROXIES, security/network.py).
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
# No control socket (gunicorn 24+): nothing here uses it, and several servers on one machine would share its path.
control_socket_disable = True
# Logs to standard error, like the portal's; the access log only on request (it costs at high request rates).
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
accesslog = "-" if os.environ.get("GUNICORN_ACCESS_LOG", "").lower() in {"1", "true", "yes", "on"} else None


def when_ready(server):
    """In the master, once the portal is loaded (preload_app) and before any worker is forked: what every worker
    would otherwise set up on its first request, and again after each replacement (max_requests). The shared cache's
    client is created here (django-redis imports its client modules on first use); it opens no connection yet, and
    redis-py gives a forked worker connections of its own."""
    from django.apps import apps

    if not apps.ready:
        return
    from django.core.cache import cache

    getattr(cache, "client", None)


def pre_fork(server, worker):
    """Objects loaded before the fork are left out of the garbage collector's passes (gc.freeze): a worker's
    collections then never write to them, so their memory pages stay shared with the master instead of being copied
    into each worker. With 500 requests per worker, a hit cost 1.9 ms of CPU without this and the warm-up above,
    1.1 ms with both (docs/benchmarks.md)."""
    gc.freeze()
