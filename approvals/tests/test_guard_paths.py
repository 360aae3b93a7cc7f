"""Each publication path's own code, below the permission layer: the guard alone must refuse.

``test_publication_paths.py`` takes every path through the admin as each role, where the permission layer already
refuses most of them. Here each path's underlying action is called directly, with Wagtail's permission checks skipped
(or no user), so only ``approvals.guard`` stands between an unapproved revision and the public site. Each path is
taken with no approval, with two of the three (still refused), and with all three (it goes live: the positive
control). Paths whose documented outcome is not a publication (copies start as drafts, a move publishes nothing,
aliases are always refused, ``publish_scheduled`` reports and unschedules) assert that outcome for every count.

Approvals are recorded as the task records them (``PartnerDecision`` rows for the revision), on the revision the
path publishes and on any revision the path itself creates (``approvals_on``).
"""

import io
from contextlib import contextmanager

import pytest
from django.core.management import call_command
from django.db import transaction
from django.db.models.signals import post_save
from django.test import override_settings
from django.utils import timezone
from wagtail.actions.copy_page import CopyPageAction
from wagtail.actions.move_page import MovePageAction
from wagtail.actions.publish_page_revision import PublishPageRevisionAction
from wagtail.actions.publish_revision import PublishRevisionAction
from wagtail.admin.views.pages.bulk_actions.publish import PublishBulkAction
from wagtail.models import Locale, Page, Revision
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.operations import TranslationCreator
from wagtail_localize.views.convert import sync_alias

from approvals.guard import PartnerApprovalRequired, is_guarded_model
from approvals.models import PartnerDecision
from approvals.objects import record_fields
from approvals.operator import publish_as_operator
from approvals.partners import PARTNERS
from approvals.tests.helpers import decide, snippet_state, state, submit
from tests.testapp.models import ArticlePage
from toolkit.models import Theme

pytestmark = pytest.mark.django_db

REFUSED_COUNTS = [0, 2]
ALL_COUNTS = [0, 2, 3]
APPROVED_BODY = "Version publiée."
DRAFT_BODY = "Brouillon non approuvé."


def record_approvals(revision, count):
    """``count`` partners (in the order DGCT, ARM, Embassy) approve ``revision``, as the task records it."""
    obj = revision.content_object
    for partner in PARTNERS[:count]:
        PartnerDecision.objects.create(
            **record_fields(obj),
            revision_id=revision.pk,
            revision_created_at=revision.created_at,
            partner=partner.code,
            decision=PartnerDecision.APPROVED,
            reviewer_name=f"{partner.code} reviewer",
        )


@contextmanager
def approvals_on(count, *revisions):
    """``count`` approvals on ``revisions`` and on every revision of guarded content created inside the block."""
    for revision in revisions:
        record_approvals(revision, count)

    def approve_new(sender, instance, created, **kwargs):
        if created and is_guarded_model(instance.content_type.model_class()):
            record_approvals(instance, count)

    post_save.connect(approve_new, sender=Revision, weak=False)
    try:
        yield
    finally:
        post_save.disconnect(approve_new, sender=Revision)


@pytest.fixture
def draft(portal, users):
    """A French article never published: one revision by the editor."""
    page = ArticlePage(title="Budget participatif", slug="budget-participatif", summary="Un outil.", body=DRAFT_BODY)
    portal["fr"].add_child(instance=page)
    page.save_revision(user=users["editor"])
    return Page.objects.get(pk=page.pk).specific


@pytest.fixture
def live(portal, users):
    """A live article (published by an operator) with a newer draft revision by the editor."""
    page = ArticlePage(title="Cartographie", slug="cartographie", summary="Approuvé.", body=APPROVED_BODY)
    portal["fr"].add_child(instance=page)
    publish_as_operator(page, "test")
    page = Page.objects.get(pk=page.pk).specific
    page.body = DRAFT_BODY
    page.save_revision(user=users["editor"])
    return Page.objects.get(pk=page.pk).specific


def public(page):
    """What the public sees of ``page``: live flag, live revision and the live row's body."""
    fresh = Page.objects.get(pk=page.pk).specific
    return {**state(page), "body": fresh.body}


def assert_refused_and_unchanged(action, *pages):
    before = [public(page) for page in pages]
    with pytest.raises(PartnerApprovalRequired):
        action()
    assert [public(page) for page in pages] == before


# Publishing an existing revision -------------------------------------------------------------------------------------
def publish_revision(revision, user):
    revision.publish(user=user, skip_permission_checks=True)


def publish_page_revision_action(revision, user):
    PublishPageRevisionAction(revision, user=user).execute(skip_permission_checks=True)


def bulk_publish_execute(revision, user):
    # The bulk action's own code publishes the latest revision; without a user it checks no permission.
    PublishBulkAction.execute_action([revision.content_object], include_descendants=True, user=None)


def save_live_with_new_live_revision(revision, user):
    page = Page.objects.get(pk=revision.object_id).specific
    page.live, page.live_revision = True, revision
    page.save()


REVISION_PATHS = [
    publish_revision,
    publish_page_revision_action,
    bulk_publish_execute,
    save_live_with_new_live_revision,
]


@pytest.mark.parametrize("count", REFUSED_COUNTS)
@pytest.mark.parametrize("path", REVISION_PATHS, ids=lambda path: path.__name__)
def test_publishing_a_drafts_revision_is_refused_by_the_guard(users, draft, path, count):
    revision = draft.get_latest_revision()
    with approvals_on(count, revision):
        assert_refused_and_unchanged(lambda: path(revision, users["editor"]), draft)
    assert state(draft) == {"live": False, "live_revision_id": None}


@pytest.mark.parametrize("count", REFUSED_COUNTS)
@pytest.mark.parametrize("path", REVISION_PATHS, ids=lambda path: path.__name__)
def test_replacing_a_live_pages_revision_is_refused_by_the_guard(users, live, path, count):
    revision = live.get_latest_revision()
    with approvals_on(count, revision):
        assert_refused_and_unchanged(lambda: path(revision, users["editor"]), live)
    assert Page.objects.get(pk=live.pk).specific.body == APPROVED_BODY


@pytest.mark.parametrize("path", REVISION_PATHS, ids=lambda path: path.__name__)
def test_with_the_three_approvals_the_same_code_publishes(users, draft, live, path):
    for page in (draft, live):
        revision = page.get_latest_revision()
        with approvals_on(3, revision):
            path(revision, users["editor"])
        assert state(page) == {"live": True, "live_revision_id": revision.pk}
        if path is not save_live_with_new_live_revision:  # saving the row alone does not copy a revision's content
            assert Page.objects.get(pk=page.pk).specific.body == DRAFT_BODY


# Publishing a revision from the history (the revert view's own code: save the old content as a new revision, then
# publish it) ---------------------------------------------------------------------------------------------------------
def publish_from_history(page, user):
    older = page.revisions.order_by("created_at", "pk").first()
    reverted = older.as_object().save_revision(user=user, previous_revision=older)
    PublishPageRevisionAction(reverted, user=user, previous_revision=older).execute(skip_permission_checks=True)
    return reverted


@pytest.mark.parametrize("count", REFUSED_COUNTS)
def test_publishing_from_the_history_is_refused_by_the_guard(users, live, count):
    older = live.revisions.order_by("created_at", "pk").first()
    with approvals_on(count, older):
        assert_refused_and_unchanged(lambda: publish_from_history(live, users["editor"]), live)


def test_publishing_from_the_history_with_three_approvals_publishes(users, live):
    with approvals_on(3):
        reverted = publish_from_history(live, users["editor"])
    assert state(live) == {"live": True, "live_revision_id": reverted.pk}


# Scheduled publishing ------------------------------------------------------------------------------------------------
def schedule_and_run(revision):
    # Written behind the models' back: the pre_save refusal of an unapproved schedule is another test's subject.
    Revision.objects.filter(pk=revision.pk).update(approved_go_live_at=timezone.now() - timezone.timedelta(minutes=1))
    errors = io.StringIO()
    call_command("publish_scheduled", stdout=io.StringIO(), stderr=errors)
    return errors.getvalue()


@pytest.mark.parametrize("count", REFUSED_COUNTS)
def test_publish_scheduled_refuses_an_unapproved_revision(draft, count):
    revision = draft.get_latest_revision()
    with approvals_on(count, revision):
        errors = schedule_and_run(revision)
    assert f"Refused: revision {revision.pk}" in errors
    assert state(draft) == {"live": False, "live_revision_id": None}
    assert Revision.objects.get(pk=revision.pk).approved_go_live_at is None


def test_publish_scheduled_publishes_an_approved_revision(draft):
    revision = draft.get_latest_revision()
    with approvals_on(3, revision):
        assert schedule_and_run(revision) == ""
    assert state(draft) == {"live": True, "live_revision_id": revision.pk}


# The review's finish (the workflow task's own code, below the reviewers' buttons) -------------------------------------
def two_partners_approve_through_the_admin(clients, page):
    """Submitted by the editor, approved by DGCT and ARM through the workflow action URL: one approval short."""
    submit(clients["editor"], page)
    for role in ("dgct", "arm"):
        assert decide(clients[role], page).status_code in (200, 302)
    return Page.objects.get(pk=page.pk).current_workflow_task_state


def test_finishing_the_review_with_two_approvals_of_three_is_refused_by_the_guard(clients, users, draft):
    """``TaskState.approve`` finishes the workflow and publishes; the task itself calls it only after the third
    approval. Called directly after two, the publication it triggers meets the guard."""
    task_state = two_partners_approve_through_the_admin(clients, draft)
    assert task_state is not None and task_state.status == task_state.STATUS_IN_PROGRESS
    revision = task_state.revision
    assert_refused_and_unchanged(lambda: task_state.approve(user=users["embassy"]), draft)
    assert state(draft) == {"live": False, "live_revision_id": None}
    assert set(PartnerDecision.objects.for_revision(revision.pk).values_list("partner", flat=True)) == {"dgct", "arm"}


def test_finishing_the_review_with_the_three_approvals_publishes(clients, users, draft):
    task_state = two_partners_approve_through_the_admin(clients, draft)
    record_approvals_for(task_state.revision, "embassy")
    task_state.approve(user=users["embassy"])
    assert state(draft) == {"live": True, "live_revision_id": task_state.revision_id}


def record_approvals_for(revision, code):
    partner = next(partner for partner in PARTNERS if partner.code == code)
    PartnerDecision.objects.create(
        **record_fields(revision.content_object),
        revision_id=revision.pk,
        revision_created_at=revision.created_at,
        partner=partner.code,
        decision=PartnerDecision.APPROVED,
        reviewer_name=f"{partner.code} reviewer",
    )


# Copy, move and alias: documented outcomes ----------------------------------------------------------------------------
@pytest.mark.parametrize("count", ALL_COUNTS)
def test_a_copy_kept_live_starts_as_a_draft_whatever_the_approvals(users, portal, live, count):
    """The source's approvals (even all three, on its live revision) do not carry to a copy in another place."""
    record_approvals(live.live_revision, count)
    copy = CopyPageAction(
        live, to=portal["fr"], update_attrs={"title": "Copie", "slug": "copie"}, keep_live=True, user=users["editor"]
    ).execute(skip_permission_checks=True)
    assert state(copy) == {"live": False, "live_revision_id": None}
    assert not ArticlePage.objects.live().filter(slug="copie").exists()
    assert public(live)["body"] == APPROVED_BODY


@pytest.mark.parametrize("count", ALL_COUNTS)
def test_a_move_publishes_nothing_whatever_the_approvals(users, portal, draft, live, count):
    rubric = ArticlePage(title="Rubrique", slug="rubrique")
    portal["fr"].add_child(instance=rubric)
    before = [public(draft), public(live)]
    with approvals_on(count, draft.get_latest_revision(), live.get_latest_revision()):
        for page in (draft, live):
            MovePageAction(Page.objects.get(pk=page.pk), Page.objects.get(pk=rubric.pk), pos="last-child").execute(
                skip_permission_checks=True
            )
    assert [public(draft), public(live)] == before
    assert all(Page.objects.get(pk=page.pk).get_parent().pk == rubric.pk for page in (draft, live))


@pytest.mark.parametrize("count", ALL_COUNTS)
def test_an_alias_is_refused_whatever_the_approvals(users, portal, live, count):
    en_home = portal["en"]
    # Without a user, Wagtail checks no permission: the guard alone refuses.
    with approvals_on(count, live.live_revision, live.get_latest_revision()), pytest.raises(PartnerApprovalRequired):
        live.create_alias(parent=en_home, update_slug="alias", update_locale=en_home.locale)
    assert not Page.objects.filter(alias_of__isnull=False).exists()
    assert public(live)["body"] == APPROVED_BODY


# wagtail-localize ----------------------------------------------------------------------------------------------------
def arabic():
    return Locale.objects.get(language_code="ar")


def translated(page):
    return Page.objects.filter(translation_key=page.translation_key, locale=arabic()).first()


def save_target_published(page, user):
    source, _ = TranslationSource.get_or_create_from_instance(page)
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=arabic())
    translation.save_target(user=user, publish=True)


def create_translations_published(page, user):
    with override_settings(WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE=True):
        TranslationCreator(user, [arabic()]).create_translations(page)


LOCALIZE_PATHS = [save_target_published, create_translations_published]


@pytest.mark.parametrize("count", REFUSED_COUNTS)
@pytest.mark.parametrize("path", LOCALIZE_PATHS, ids=lambda path: path.__name__)
def test_wagtail_localize_publishing_a_translation_is_refused_by_the_guard(
    users, live, path, count, django_capture_on_commit_callbacks
):
    # wagtail-localize publishes the new translation's revision on commit; the callbacks run here.
    with (
        approvals_on(count),
        pytest.raises(PartnerApprovalRequired),
        django_capture_on_commit_callbacks(execute=True),
    ):
        path(live, users["editor"])
    target = translated(live)
    assert target is None or state(target) == {"live": False, "live_revision_id": None}
    assert public(live)["body"] == APPROVED_BODY


@pytest.mark.parametrize("path", LOCALIZE_PATHS, ids=lambda path: path.__name__)
def test_wagtail_localize_publishes_a_translation_with_three_approvals(
    users, live, path, django_capture_on_commit_callbacks
):
    with approvals_on(3), django_capture_on_commit_callbacks(execute=True):
        path(live, users["editor"])
    target = translated(live)
    assert state(target) == {"live": True, "live_revision_id": target.latest_revision_id}


def convert_to_alias_as_the_view_does(translation_page):
    """wagtail-localize's convert_to_alias view, after its permission check: sync with the source, mark as alias."""
    source = TranslationSource.objects.get(
        object_id=translation_page.translation_key, translations__target_locale=translation_page.locale_id
    ).get_source_instance()
    page = Page.objects.get(pk=translation_page.pk).specific
    with transaction.atomic():
        sync_alias(source, page, revision=source.get_latest_revision())
        page.alias_of_id = source.id
        page.save(update_fields=["alias_of_id"], clean=False)


@pytest.mark.parametrize("count", ALL_COUNTS)
def test_converting_a_translation_to_an_alias_is_refused_by_the_guard(users, live, count):
    """An alias shows its source's content in a language nobody approved: refused even with the three approvals."""
    TranslationCreator(users["editor"], [arabic()]).create_translations(live)
    target = translated(live)
    assert state(target) == {"live": False, "live_revision_id": None}
    with approvals_on(count, live.live_revision, live.get_latest_revision(), target.get_latest_revision()):
        assert_refused_and_unchanged(lambda: convert_to_alias_as_the_view_does(target), target, live)
    assert not Page.objects.filter(alias_of__isnull=False).exists()


# Snippets ------------------------------------------------------------------------------------------------------------
@pytest.fixture
def theme(portal, users):
    """A live theme (published by an operator) with a newer, unapproved draft revision."""
    theme = Theme(locale=portal["fr"].locale, slug="cooperation-test", name="Coopération")
    theme.save()
    publish_as_operator(theme, "test")
    theme = Theme.objects.get(pk=theme.pk)
    theme.name = "Coopération (brouillon)"
    theme.save_revision(user=users["editor"])
    return Theme.objects.get(pk=theme.pk)


@pytest.mark.parametrize("count", REFUSED_COUNTS)
def test_a_snippets_publish_revision_action_is_refused_by_the_guard(users, theme, count):
    revision = theme.latest_revision
    before = snippet_state(theme)
    with approvals_on(count, revision), pytest.raises(PartnerApprovalRequired):
        PublishRevisionAction(revision, user=users["editor"]).execute(skip_permission_checks=True)
    assert snippet_state(theme) == before
    assert before["name"] == "Coopération"


def test_a_snippets_publish_revision_action_publishes_with_three_approvals(users, theme):
    revision = theme.latest_revision
    with approvals_on(3, revision):
        PublishRevisionAction(revision, user=users["editor"]).execute(skip_permission_checks=True)
    assert snippet_state(theme)["live_revision_id"] == revision.pk
    assert Theme.objects.get(pk=theme.pk).name == "Coopération (brouillon)"
