"""Each layer of the model guard refuses on its own, and a kept write is not a silent one.

``approvals.guard`` holds two layers: ``publish()`` refuses an unapproved revision before Wagtail publishes it, and
``save()`` refuses a row turning live (or a new live revision) without approval. Each test below disables one layer
and shows the other still refuses, so disabling either layer alone fails one of them. Two approvals of three are
recorded each time: the guard must count partners, not approvals.
"""

import logging

import pytest
from wagtail.models import Page

from approvals.guard import ApprovalGuarded, PartnerApprovalGuardMixin, PartnerApprovalRequired
from approvals.tests.test_guard_paths import DRAFT_BODY, draft, live, public, record_approvals  # noqa: F401
from approvals.tests.test_snippets import theme, theme_with_draft  # noqa: F401
from toolkit.models import Theme

pytestmark = pytest.mark.django_db


def without_publish_layer(monkeypatch):
    """``publish()`` as Wagtail wrote it: no partner check before the publication's own save."""
    monkeypatch.setattr(
        ApprovalGuarded,
        "publish",
        lambda self, revision, *a, **k: super(ApprovalGuarded, self).publish(revision, *a, **k),
    )


def without_save_layer(monkeypatch):
    monkeypatch.setattr(PartnerApprovalGuardMixin, "_refuse_unapproved_live_content", lambda self, update_fields: None)


@pytest.mark.parametrize(
    "disable_the_other_layer",
    [without_save_layer, without_publish_layer],
    ids=["the publish layer alone", "the save layer alone"],
)
def test_each_layer_alone_refuses_a_page_revision(monkeypatch, draft, disable_the_other_layer):  # noqa: F811
    disable_the_other_layer(monkeypatch)
    revision = draft.latest_revision
    record_approvals(revision, 2)
    before = public(draft)
    with pytest.raises(PartnerApprovalRequired):
        revision.publish(skip_permission_checks=True)
    assert public(draft) == before and before["live"] is False


def test_the_save_layer_alone_refuses_a_snippet_revision(monkeypatch, theme_with_draft):  # noqa: F811
    without_publish_layer(monkeypatch)
    revision = Theme.objects.get(pk=theme_with_draft.pk).latest_revision
    record_approvals(revision, 2)
    with pytest.raises(PartnerApprovalRequired):
        revision.publish(skip_permission_checks=True)
    assert Theme.objects.get(pk=theme_with_draft.pk).name == "Coopération"


def test_with_both_layers_the_third_approval_publishes(draft):  # noqa: F811
    """The positive control of the tests above: the same code with three approvals goes live."""
    revision = draft.latest_revision
    record_approvals(revision, 3)
    revision.publish(skip_permission_checks=True)
    assert public(draft)["live"] is True


def test_a_content_write_to_a_live_page_is_kept_out_and_logged(live, caplog):  # noqa: F811
    page = Page.objects.get(pk=live.pk).specific
    approved = public(live)["body"]
    page.body = DRAFT_BODY
    page.title = "Titre changé en mémoire, pas demandé"  # not in update_fields: neither written nor reported
    with caplog.at_level(logging.WARNING, logger="approvals.guard"):
        page.save(update_fields=["body", "has_unpublished_changes"])
    assert public(live)["body"] == approved
    [record] = [r for r in caplog.records if r.name == "approvals.guard"]
    assert record.getMessage() == (
        f"ArticlePage {live.pk} is live: a save without an approved live revision wrote only bookkeeping fields; body "
        "kept as approved (rule: partner approval, approvals.guard). New content goes live as a revision the three "
        "partners approve."
    )


def test_a_bookkeeping_save_of_a_live_page_logs_nothing(live, caplog):  # noqa: F811
    page = Page.objects.get(pk=live.pk).specific
    with caplog.at_level(logging.WARNING, logger="approvals.guard"):
        page.save(update_fields=["has_unpublished_changes"])
    assert [r for r in caplog.records if r.name == "approvals.guard"] == []


def test_a_full_save_that_changes_no_content_logs_nothing(live, caplog):  # noqa: F811
    page = Page.objects.get(pk=live.pk).specific
    with caplog.at_level(logging.WARNING, logger="approvals.guard"):
        page.save()
    assert [r for r in caplog.records if r.name == "approvals.guard"] == []
