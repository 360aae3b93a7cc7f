"""No bypass: every publication path, for every non-superuser role, is refused and changes nothing public.

Each path is taken through the real admin view (or command) a person would use. Every test asserts the refusal's
outcome: the page under review is still not live, and a live page's live revision is unchanged.

Here the permission layer refuses most paths before the guard is reached, so these tests alone would still pass if
the guard accepted two approvals of three. ``test_guard_paths.py`` takes each of these paths' own code below the
permission layer (the edit view's ``revision.publish``, the bulk action, the history, copy, move, alias, the
conversion of a translation to an alias, wagtail-localize's publications, and the review's finish with two
approvals of three) and asserts that the guard itself refuses and that nothing public changed.
"""

import io

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from approvals.operator import publish_as_operator
from approvals.tests.helpers import NON_SUPERUSER_ROLES, decide, form_data, post_edit, state, submit
from tests.testapp.models import ArticlePage

pytestmark = pytest.mark.django_db

ROLES = NON_SUPERUSER_ROLES


@pytest.fixture
def under_review(clients, article):
    """The French article, submitted and approved by two partners: one approval short of going live."""
    submit(clients["editor"], article)
    decide(clients["dgct"], article)
    decide(clients["arm"], article)
    return Page.objects.get(pk=article.pk).specific


@pytest.fixture
def arabic(clients, users, article):
    """The article's Arabic translation, created by the editor through wagtail-localize's submit view: a draft."""
    ar = Locale.objects.get(language_code="ar")
    url = reverse("wagtail_localize:submit_page_translation", args=[article.pk])
    response = clients["editor"].post(url, {"locales": [ar.pk]})
    assert response.status_code == 302
    return article.get_translation(ar).specific


@pytest.fixture
def live_article(portal, users):
    """An approved, live article with a newer unapproved draft revision."""
    page = ArticlePage(title="Cartographie", slug="cartographie", summary="Approuvé.", body="Version publiée.")
    portal["fr"].add_child(instance=page)
    publish_as_operator(page, "test")
    page = Page.objects.get(pk=page.pk).specific
    page.body = "Brouillon non approuvé."
    page.save_revision(user=users["editor"])
    return Page.objects.get(pk=page.pk).specific


def snapshot(*pages):
    return [state(page) for page in pages]


# The paths -----------------------------------------------------------------------------------------------------------
def edit_view_publish(client, page, **ctx):
    post_edit(client, page, "action-publish", body="Publié directement ?")


def bulk_publish(client, page, **ctx):
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"]) + f"?id={page.pk}"
    client.post(url, {"include_descendants": "on"})


def revision_history_publish(client, page, **ctx):
    revision = Page.objects.get(pk=page.pk).get_latest_revision()
    url = reverse("wagtailadmin_pages:revisions_revert", args=[page.pk, revision.pk])
    client.post(url, {**form_data(page), "action-publish": "1"})


def copy_with_publish_copies(client, page, portal, **ctx):
    url = reverse("wagtailadmin_pages:copy", args=[page.pk])
    client.post(
        url,
        {"new_title": "Copie", "new_slug": "copie", "new_parent_page": portal["fr"].pk, "publish_copies": "on"},
    )


def create_alias(client, page, portal, **ctx):
    url = reverse("wagtailadmin_pages:copy", args=[page.pk])
    client.post(url, {"new_title": "Alias", "new_slug": "alias", "new_parent_page": portal["fr"].pk, "alias": "on"})


def move(client, page, portal, **ctx):
    destination = ArticlePage(title="Rubrique", slug="rubrique")
    portal["fr"].add_child(instance=destination)
    client.post(reverse("wagtailadmin_pages:move_confirm", args=[page.pk, destination.pk]))


def translation_editor_publish(client, page, arabic, **ctx):
    client.post(reverse("wagtailadmin_pages:edit", args=[arabic.pk]), {"action": "publish"})


def update_translations_with_publish(client, page, arabic, **ctx):
    source = TranslationSource.objects.get(object_id=page.translation_key)
    client.post(reverse("wagtail_localize:update_translations", args=[source.pk]), {"publish_translations": "on"})


def sync_translated_pages_with_publish(client, page, arabic, **ctx):
    """wagtail-localize's "Sync translated pages" with "publish immediately" on the French source."""
    source = TranslationSource.objects.get(object_id=page.translation_key)
    client.post(
        reverse("wagtail_localize:update_translations", args=[source.pk]),
        {"publish_translations": "on", "use_machine_translation": ""},
    )


def convert_translation_to_alias(client, page, arabic, **ctx):
    client.post(reverse("wagtail_localize:convert_to_alias", args=[arabic.pk]))


def approve_as_someone_else(client, page, **ctx):
    decide(client, page)


PATHS = [
    edit_view_publish,
    bulk_publish,
    revision_history_publish,
    copy_with_publish_copies,
    create_alias,
    move,
    translation_editor_publish,
    update_translations_with_publish,
    sync_translated_pages_with_publish,
    convert_translation_to_alias,
]


def live_pages_outside(*known):
    return set(ArticlePage.objects.live().exclude(pk__in=[page.pk for page in known]).values_list("title", flat=True))


@pytest.mark.parametrize("path", PATHS, ids=lambda path: path.__name__)
@pytest.mark.parametrize("role", ROLES)
def test_no_role_publishes_an_unapproved_revision(clients, portal, under_review, arabic, role, path, take):
    before = snapshot(under_review, arabic)
    take(path, clients[role], under_review, portal=portal, arabic=arabic)
    assert snapshot(under_review, arabic) == before
    assert before[0]["live"] is False and before[1]["live"] is False
    assert not live_pages_outside(under_review, arabic)
    assert not Page.objects.filter(alias_of__isnull=False).exists()


@pytest.mark.parametrize("path", [edit_view_publish, bulk_publish, revision_history_publish, move])
@pytest.mark.parametrize("role", ROLES)
def test_no_role_replaces_the_live_revision_of_a_live_page(clients, portal, live_article, role, path, take):
    before = state(live_article)
    take(path, clients[role], live_article, portal=portal)
    assert state(live_article) == before
    assert Page.objects.get(pk=live_article.pk).specific.body == "Version publiée."


@pytest.mark.parametrize("role", ["admin"])
@pytest.mark.parametrize("path", [edit_view_publish, bulk_publish, revision_history_publish, copy_with_publish_copies])
def test_even_a_superuser_has_no_ordinary_publish_path(clients, portal, under_review, arabic, role, path, take):
    take(path, clients[role], under_review, portal=portal, arabic=arabic)
    assert state(under_review) == {"live": False, "live_revision_id": None}
    assert not live_pages_outside(under_review, arabic)


@pytest.mark.parametrize("role", ROLES)
def test_submitting_a_live_page_for_translation_never_publishes_the_translation(clients, live_article, role, take):
    url = reverse("wagtail_localize:submit_page_translation", args=[live_article.pk])
    locales = list(Locale.objects.exclude(language_code="fr").values_list("pk", flat=True))

    def submit_for_translation(client, page):
        client.post(url, {"locales": locales})

    with override_settings(WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE=True):
        take(submit_for_translation, clients[role], live_article)
    assert (
        not Page.objects.filter(translation_key=live_article.translation_key, live=True)
        .exclude(pk=live_article.pk)
        .exists()
    )
    assert state(live_article)["live"] is True


def test_a_translators_edit_of_a_live_translation_stays_a_draft(clients, users, live_article):
    """wagtail-localize saves a live translation's page row directly; the guard keeps the approved text public."""
    ar = Locale.objects.get(language_code="ar")
    clients["editor"].post(
        reverse("wagtail_localize:submit_page_translation", args=[live_article.pk]), {"locales": [ar.pk]}
    )
    translated = live_article.get_translation(ar)
    with_operator = Page.objects.get(pk=translated.pk)
    publish_as_operator(with_operator.specific, "test")
    before = state(translated)

    translation = Translation.objects.get(target_locale=ar, source__object_id=live_article.translation_key)
    translation.save_target(user=users["translator_ar"], publish=False)

    assert state(translated) == before
    fresh = Page.objects.get(pk=translated.pk)
    assert fresh.has_unpublished_changes is True


def test_scheduled_publishing_refuses_an_unapproved_revision(under_review):
    revision = under_review.get_latest_revision()
    with pytest.raises(PermissionDenied):
        revision.approved_go_live_at = timezone.now()
        revision.save(update_fields=["approved_go_live_at"])
    # Even if the database is written behind the models' back, the scheduled publication is refused.
    type(revision).objects.filter(pk=revision.pk).update(approved_go_live_at=timezone.now())
    errors = io.StringIO()
    call_command("publish_scheduled", verbosity=0, stderr=errors, stdout=io.StringIO())
    assert "Refused" in errors.getvalue()
    assert state(under_review) == {"live": False, "live_revision_id": None}
    assert Page.objects.get(pk=under_review.pk).get_latest_revision().approved_go_live_at is None


def test_any_code_path_publishing_an_unapproved_revision_is_refused(under_review):
    revision = under_review.get_latest_revision()
    with pytest.raises(PermissionDenied):
        revision.publish(skip_permission_checks=True)
    page = Page.objects.get(pk=under_review.pk).specific
    page.live = True
    with pytest.raises(PermissionDenied):
        page.save()
    assert state(under_review) == {"live": False, "live_revision_id": None}
