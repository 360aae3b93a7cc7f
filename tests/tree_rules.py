"""The tree rule every page of the test suite obeys, checked as the admin would: Wagtail's ``subpage_types`` of the
parent and ``parent_page_types`` of the child (``allowed_subpage_models``, what ``can_exist_under`` asks).

Tests create pages with ``add_child``, which checks neither; the root conftest runs ``misplaced_pages`` after each
test that used the database, so test content stands where real content could.
"""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page


def misplaced_pages():
    """``[(title, page type, parent type)]`` for each page its parent's type does not allow (one query)."""
    rows = list(Page.objects.values_list("path", "depth", "content_type_id", "title"))
    type_by_path = {path: content_type for path, _depth, content_type, _title in rows}
    misplaced = []
    for path, depth, content_type, title in rows:
        if depth == 1:
            continue  # Wagtail's root page has no parent
        model = ContentType.objects.get_for_id(content_type).model_class()
        parent = ContentType.objects.get_for_id(type_by_path[path[: -Page.steplen]]).model_class()
        if model not in parent.allowed_subpage_models():
            misplaced.append((title, model.__name__, parent.__name__))
    return misplaced


def uses_database(item):
    """Whether a test item has database access (pytest-django's marker or one of its database fixtures)."""
    database_fixtures = {"db", "transactional_db", "django_db_reset_sequences", "django_db_serialized_rollback"}
    return item.get_closest_marker("django_db") is not None or bool(database_fixtures & set(item.fixturenames))
