"""Server CPU and SQL queries per request of uncached public pages, measured in-process (issue 13, point 4).

Usage (on a database holding the demo content, `make run`'s or DATABASE_URL's):

    .venv/bin/python scripts/profile_page.py [-n 200] [--language fr] [tool guide region ...]

Each page is requested through Django's whole middleware stack (the test client, as gunicorn's WSGI handler would)
with the production settings, DEBUG off and the page cache off (PAGE_CACHE_SECONDS=0): every request renders the
page. After a few warm-up requests, it prints per page type the mean CPU milliseconds per request (time.process_time,
so waiting for PostgreSQL is not counted, its own work neither) and the SQL queries per request. The shared cache is
Redis when REDIS_URL is set, else the database's cache table, whose reads are SQL queries too (counted).

Not imported by the portal; `make bench` (scripts/bench_pages.py) measures the same pages under gunicorn.
"""

import argparse
import os
import secrets
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGE_TYPES = {
    "home": ("home", "HomePage"),
    "tool": ("toolkit", "ToolPage"),
    "guide": ("toolkit", "GuidePage"),
    "experience": ("toolkit", "ExperiencePage"),
    "recommendation": ("toolkit", "RecommendationPage"),
    "benchmark": ("toolkit", "BenchmarkPage"),
    "region": ("toolkit", "RegionPage"),
    "tool_index": ("toolkit", "ToolIndexPage"),
    "region_index": ("toolkit", "RegionIndexPage"),
    "overview": ("toolkit", "AdoptionOverviewPage"),
}


def production_like():
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.production"
    os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(50))
    os.environ["PORTAL_LOCAL_SERVE"] = "true"  # plain HTTP on this machine: no TLS redirect
    os.environ["PAGE_CACHE_SECONDS"] = "0"
    os.environ.setdefault("ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    if not (Path(settings.STATIC_ROOT) / "staticfiles.json").exists():  # hashed names need the manifest
        call_command("collectstatic", interactive=False, verbosity=0)


SEARCH_QUERY = {"fr": "coopération", "ar": "تعاون", "en": "cooperation"}


def url_of(kind, language):
    from django.apps import apps

    if kind == "search":
        return f"/{language}/search/?q={SEARCH_QUERY[language]}"

    model = apps.get_model(*PAGE_TYPES[kind])
    page = model.objects.live().filter(locale__language_code=language).order_by("path").first()
    if page is None:
        raise SystemExit(f"No live {kind} page in {language}: load the demo content first (make run).")
    return page.url


def measure(client, url, count):
    from django.db import connection

    queries = 0

    def counter(execute, sql, params, many, context):
        nonlocal queries
        queries += 1
        return execute(sql, params, many, context)

    for _ in range(5):  # warm-up: templates, per-process caches, the connection
        assert client.get(url).status_code == 200, url
    with connection.execute_wrapper(counter):
        start = time.process_time()
        for _ in range(count):
            client.get(url)
        cpu = time.process_time() - start
    return cpu * 1000 / count, queries / count


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="*", default=["tool", "guide", "region"], choices=[*PAGE_TYPES, "search", []])
    parser.add_argument("-n", "--requests", type=int, default=200)
    parser.add_argument("--language", default="fr", choices=["fr", "ar", "en"])
    parser.add_argument("--profile", type=int, metavar="LINES", help="also print cProfile's top LINES functions")
    args = parser.parse_args()
    production_like()
    from django.test import Client

    client = Client()
    print(f"{'page':<16} {'CPU ms/request':>15} {'queries':>8}  url")
    for kind in args.pages:
        url = url_of(kind, args.language)
        cpu_ms, queries = measure(client, url, args.requests)
        print(f"{kind:<16} {cpu_ms:>15.2f} {queries:>8.1f}  {url}")
        if args.profile:
            profile(client, url, args.requests, args.profile)


def profile(client, url, count, lines):
    import cProfile
    import pstats

    profiler = cProfile.Profile(time.process_time)  # CPU only: waiting for the database is not counted
    profiler.enable()
    for _ in range(count):
        client.get(url)
    profiler.disable()
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(lines)
    pstats.Stats(profiler).sort_stats("tottime").print_stats(lines)


if __name__ == "__main__":
    main()
