"""Prepared querysets (home/prepared.py) return exactly what the ORM returns, for every value, and fall back to the
ORM for whatever they cannot prepare."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.db.models import Exists, OuterRef
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page, PageViewRestriction

from home.models import HomePage
from home.prepared import prepared
from toolkit.home import LATEST_TYPES

pytestmark = pytest.mark.django_db

built = []


def pages_of(language, depth):
    built.append((language, depth))
    return Page.objects.filter(locale__language_code=language, depth=depth).only("id", "title").order_by("path")


def under(path, exclude_ids):
    built.append(path)
    return Page.objects.filter(path__startswith=path).exclude(pk__in=exclude_ids).values_list("title", flat=True)


def unrestricted_live(locale_id, live):
    built.append(locale_id)
    restricted = Exists(PageViewRestriction.objects.filter(page_id=OuterRef("pk")))
    return Page.objects.filter(~restricted, locale_id=locale_id, live=live).values("id", "url_path").order_by("id")


def ignoring_its_argument(code):
    built.append(code)
    return Page.objects.filter(depth=1).values_list("id", flat=True)


def specific_pages(depth):
    built.append(depth)
    return Page.objects.filter(depth=depth).specific().order_by("path")


def compiled(run):
    """How many of the function's shapes hold a compiled statement (the others run through the ORM)."""
    return sum(hasattr(plan, "sql") for plan in run.plans.values())


def titles(pages):
    return [(page.pk, page.title) for page in pages]


def test_rows_equal_the_orms_for_every_value_and_the_queryset_is_built_once_per_shape(portal):
    run = prepared(pages_of)
    built.clear()
    for language, depth in [("fr", 2), ("ar", 2), ("en", 2), ("fr", 1), ("xx", 2)]:
        with CaptureQueriesContext(connection) as queries:
            rows = run(language, depth)
        assert titles(rows) == titles(pages_of(language, depth))
        assert len(queries) == 1
    # The first call compiled the shape twice (one per sentinel set) and kept the first queryset; no later call built.
    assert [b for b in built if b[0] in {"fr", "ar", "en", "xx"}] == [
        ("fr", 2),
        ("ar", 2),
        ("en", 2),
        ("fr", 1),
        ("xx", 2),
    ]
    assert len(run.plans) == compiled(run) == 1
    deferred = rows[0] if rows else run("fr", 2)[0]
    assert deferred.get_deferred_fields() >= {"slug", "url_path"}  # .only() holds: Django's own model iterable


def test_a_transformed_string_is_rebuilt_only_for_letters_and_digits(portal):
    run = prepared(under)
    french = portal["fr"]
    for path, exclude in [(french.path, [french.pk]), (french.path[:4], []), (french.path, [])]:
        assert run(path, exclude) == list(under(path, exclude))
    # '%' and '_' are escaped by the ORM: the prepared statement must not treat them as wildcards.
    assert run("0%", []) == list(under("0%", [])) == []
    assert run("_001", []) == list(under("_001", [])) == []
    # Lists of two lengths are two shapes.
    assert len(run.plans) == compiled(run) == 2


def test_a_constant_of_the_query_and_a_subquery_keep_their_values(portal):
    run = prepared(unrestricted_live)
    french = Locale.objects.get(language_code="fr")
    arabic = Locale.objects.get(language_code="ar")
    for locale_id in (french.pk, arabic.pk):
        for live in (True, False):
            assert run(locale_id, live) == list(unrestricted_live(locale_id, live))
    PageViewRestriction.objects.create(page=portal["fr"], restriction_type=PageViewRestriction.LOGIN)
    assert portal["fr"].pk not in {row["id"] for row in run(french.pk, True)}
    assert run(french.pk, True) == list(unrestricted_live(french.pk, True))
    assert len(run.plans) == compiled(run) == 2  # the boolean is part of the shape


def test_what_cannot_be_prepared_runs_through_the_orm(portal):
    ignoring = prepared(ignoring_its_argument)  # an argument the SQL does not use changes nothing
    assert ignoring("a") == ignoring("b") == list(ignoring_its_argument("a")) == [Page.get_first_root_node().pk]
    assert compiled(ignoring) == 1

    specific = prepared(specific_pages)
    rows = specific(2)
    assert rows == list(specific_pages(2))
    assert all(isinstance(page, HomePage) for page in rows)
    assert compiled(specific) == 0  # Wagtail's specific iterable runs queries of its own

    empty = prepared(under)
    assert empty(portal["fr"].path, []) == list(under(portal["fr"].path, []))


def test_an_object_must_be_passed_by_its_key():
    with pytest.raises(TypeError, match="primary key"):
        prepared(pages_of)(Locale(pk=1), 2)


def home_pages(locale_id):
    return Page.objects.type(HomePage).filter(locale_id=locale_id).values_list("title", flat=True)


@pytest.mark.django_db(transaction=True)
def test_a_flush_forgets_the_content_type_ids_compiled_into_plans():
    """Content type ids are compiled into a plan as constants. They hold for the life of a server process, but a
    flush (a transactional test ends with one) recreates the content types under new ids: a plan compiled before it
    would match no page after it. It failed once in a full CI run this way, the home's latest publications empty."""
    from conftest import bootstrap
    from home.routing import _self_routing_models, _self_routing_types

    bootstrap()
    run = prepared(home_pages)
    french = Locale.objects.get(language_code="fr").pk
    expected = list(home_pages(french))  # Django now remembers the content types: both compilations list them alike
    assert run(french) == expected != []
    assert compiled(run) == 1
    _self_routing_types()  # read before the flush, as the plan was compiled
    before = ContentType.objects.get_for_model(HomePage).pk

    # As a transactional test ends (TransactionTestCase): the ids go on from the sequences, so they are new.
    call_command("flush", interactive=False, verbosity=0, reset_sequences=False)
    bootstrap()
    ContentType.objects.clear_cache()
    assert ContentType.objects.get_for_model(HomePage).pk != before  # the premise: new ids

    french = Locale.objects.get(language_code="fr").pk
    assert run(french) == list(home_pages(french)) != []
    assert sorted(_self_routing_types()) == sorted(
        ContentType.objects.get_for_model(model).pk for model in _self_routing_models()
    )


def content_pages(locale_id):
    return Page.objects.type(*LATEST_TYPES).filter(locale_id=locale_id).values_list("title", flat=True)


def test_a_plan_is_compiled_when_the_first_build_fills_the_content_type_cache(portal):
    """``Page.objects.type()`` lists content type ids in the order Django's content type cache gives them, which differs
    between a cold cache (read from the database) and a warm one: the first build fills it. The home's latest
    publications ran through the ORM for the life of a process, or were compiled, depending on what ran before."""
    run = prepared(content_pages)
    french = Locale.objects.get(language_code="fr").pk
    ContentType.objects.clear_cache()
    assert run(french) == list(content_pages(french))
    assert compiled(run) == 1
