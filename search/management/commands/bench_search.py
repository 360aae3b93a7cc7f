"""Benchmark public search at scale: generate pages in three languages, time the index build and the queries.

Run it on a throwaway database (`make bench-search` creates `portal_bench`): it adds thousands of pages.
"""

import random
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.test.utils import override_settings
from wagtail.models import Locale

from approvals.guard import sanctioned_publication
from home.models import HomePage
from search import indexing
from search.engines import get_engine
from search.query import parse
from toolkit.models import RecommendationIndexPage, RecommendationPage, RecommendationStatus

VOCABULARY = {
    "fr": (
        "région conseil citoyens participation coopération communication outil guide référentiel pétition budget "
        "concertation jeunesse femmes territoire développement plan programme atelier formation plateforme "
        "partenariat jumelage évaluation transparence gouvernance association commune province agence projet "
        "consultation numérique rapport charte instance égalité économie emploi eau santé éducation culture"
    ).split(),
    "ar": (
        "الجهة المجلس المواطنين المشاركة التعاون التواصل أداة دليل مرجع عريضة الميزانية التشاور الشباب النساء "
        "التراب التنمية برنامج ورشة تكوين منصة شراكة توأمة تقييم الشفافية الحكامة جمعية جماعة إقليم وكالة مشروع "
        "استشارة رقمية تقرير ميثاق هيئة المساواة الاقتصاد التشغيل الماء الصحة التعليم الثقافة"
    ).split(),
    "en": (
        "region council citizens participation cooperation communication tool guide framework petition budget "
        "consultation youth women territory development plan programme workshop training platform partnership "
        "twinning evaluation transparency governance association commune province agency project digital report "
        "charter body equality economy employment water health education culture"
    ).split(),
}


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


class Command(BaseCommand):
    help = "Generate N pages across fr/ar/en, rebuild the search index and time 100 queries (p50/p95)."

    def add_arguments(self, parser):
        parser.add_argument("--pages", type=int, default=10_000)
        parser.add_argument("--queries", type=int, default=100)
        parser.add_argument("--seed", type=int, default=2026)

    def handle(self, *args, pages, queries, seed, **options):
        database = settings.DATABASES["default"]["NAME"]
        if "bench" not in str(database):
            raise CommandError(f"Refusing to add {pages} pages to '{database}': use a database named *bench*.")
        rng = random.Random(seed)  # noqa: S311 - reproducible test data, not security
        homes = {h.locale.language_code: h for h in HomePage.objects.filter(depth=2).select_related("locale")}
        if set(homes) != {"fr", "ar", "en"}:
            raise CommandError("Run bootstrap_portal first.")
        existing = RecommendationPage.objects.filter(slug__startswith="bench-").count()
        to_make = max(0, pages - existing)
        started = time.perf_counter()
        locales = {code: Locale.objects.get(language_code=code) for code in homes}
        # Wagtail's admin search index is not what is measured: skip its per-save update while generating.
        backends = {name: {**conf, "AUTO_UPDATE": False} for name, conf in settings.WAGTAILSEARCH_BACKENDS.items()}
        # Generated pages are live from the start: an operator's benchmark data, outside partner approval.
        with override_settings(WAGTAILSEARCH_BACKENDS=backends), sanctioned_publication("operator:bench_search"):
            indexes = {code: self.bench_index(home) for code, home in homes.items()}
            self.generate(indexes, locales, existing, to_make, rng)
        self.stdout.write(f"Pages created: {to_make} in {time.perf_counter() - started:.1f} s")
        # The queries draw from their own generator, so every run times the same 100 queries whether or not it had
        # pages to generate first.
        self.measure(random.Random(seed + 1), queries)  # noqa: S311

    def bench_index(self, home):
        """The recommendations' index that holds the generated pages in ``home``'s language: generated pages follow
        the tree rules as editors' pages do (a recommendation under a recommendations' index)."""
        index = RecommendationIndexPage.objects.child_of(home).filter(slug="bench-recommendations").first()
        if index is None:
            index = home.add_child(
                instance=RecommendationIndexPage(
                    title="Bench", slug="bench-recommendations", locale=home.locale, live=True, show_in_menus=False
                )
            )
        return index

    def generate(self, homes, locales, existing, to_make, rng):
        for start in range(0, to_make, 500):
            with transaction.atomic():
                for i in range(start, min(start + 500, to_make)):
                    self.make_page(homes, locales, existing + i, rng)
            self.stdout.write(f"  {min(start + 500, to_make)}/{to_make} pages created")

    def make_page(self, homes, locales, number, rng):
        language = ("fr", "ar", "en")[number % 3]
        words = VOCABULARY[language]
        page = RecommendationPage(
            title=" ".join(rng.choices(words, k=4)),
            slug=f"bench-{number}",
            summary=" ".join(rng.choices(words, k=25)),
            recommendation=" ".join(rng.choices(words, k=220)),
            number=number % 30_000 + 1,
            status=RecommendationStatus.values[0],
            locale=locales[language],
            live=True,
            has_unpublished_changes=False,
        )
        homes[language].add_child(instance=page)

    def measure(self, rng, queries):
        started = time.perf_counter()
        count = indexing.rebuild()
        build = time.perf_counter() - started
        # On PostgreSQL, VACUUM as well: what autovacuum does soon after a rebuild on any server where it is on.
        # Without it (this benchmark machine runs with autovacuum off) each rebuild leaves a dead twin of every row
        # that every later search visits again, and the figures would measure how many runs came before.
        vacuum = "VACUUM " if connection.vendor == "postgresql" else ""
        with connection.cursor() as cursor:
            cursor.execute(f"{vacuum}ANALYZE search_searchdocument")

        engine = get_engine()
        latencies = []
        for i in range(queries):
            language = ("fr", "ar", "en")[i % 3]
            text = " ".join(rng.choices(VOCABULARY[language], k=rng.choice([1, 1, 2, 2, 3])))
            query = parse({"q": text, "page": str(rng.choice([1, 1, 1, 2, 5]))}, language)
            t0 = time.perf_counter()
            engine.search(query)
            latencies.append((time.perf_counter() - t0) * 1000)
        self.stdout.write(
            f"Engine: {engine.name} ({connection.vendor}); documents indexed: {count}\n"
            f"Index build: {build:.1f} s ({count / build:.0f} pages/s)\n"
            f"Query latency over {queries} queries: p50 {percentile(latencies, 0.5):.1f} ms, "
            f"p95 {percentile(latencies, 0.95):.1f} ms, max {max(latencies):.1f} ms"
        )
