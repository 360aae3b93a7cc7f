"""Each layer of the model guard refuses on its own, and a kept write is not a silent one.

``approvals.guard`` holds two layers: ``publish()`` refuses an unapproved revision before Wagtail publishes it, and
``save()`` refuses a row turning live (or a new live revision) without approval. Each test below disables one layer
and shows the other still refuses, so disabling either layer alone fails one of them. Two approvals of three are
recorded each time: the guard must count partners, not approvals.
"""

import logging

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.actions.publish_revision import PublishRevisionAction
from wagtail.models import Locale, Page, PageLogEntry

from approvals.guard import ApprovalGuarded, PartnerApprovalGuardMixin, PartnerApprovalRequired, sanctioned_publication
from approvals.tests.test_guard_paths import DRAFT_BODY, draft, live, public, record_approvals  # noqa: F401
from approvals.tests.test_snippets import theme, theme_with_draft  # noqa: F401
from tests.testapp.models import ArticlePage
from toolkit.models import Theme
from translations.models import GlossaryTerm

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


def test_with_both_layers_the_third_approval_publishes(draft, users):  # noqa: F811
    """The positive control of the tests above: the same code with three approvals goes live, and Wagtail's own
    publication (its log entry naming who published) runs with the arguments it was given."""
    revision = draft.latest_revision
    record_approvals(revision, 3)
    revision.publish(user=users["dgct"], skip_permission_checks=True)
    assert public(draft)["live"] is True
    [entry] = PageLogEntry.objects.filter(page=draft, action="wagtail.publish")
    assert entry.user == users["dgct"] and entry.revision_id == revision.pk


REFUSAL = "This revision cannot go live: DGCT, ARM and the British Embassy must each approve it first."


def test_the_refusal_says_which_approvals_are_missing(draft):  # noqa: F811
    revision = draft.latest_revision
    record_approvals(revision, 2)
    with translation.override("en"), pytest.raises(PartnerApprovalRequired) as refusal:
        revision.publish(skip_permission_checks=True)
    assert str(refusal.value) == REFUSAL
    assert public(draft)["live"] is False


def test_an_alias_is_refused_with_the_reason(live, portal):  # noqa: F811
    with translation.override("en"), pytest.raises(PartnerApprovalRequired) as refusal:
        live.create_alias(parent=portal["en"], update_slug="alias", update_locale=portal["en"].locale)
    assert str(refusal.value) == (
        "Alias pages are not allowed: each page must be approved by the partners in its own place."
    )
    assert not Page.objects.filter(alias_of__isnull=False).exists()


@pytest.mark.parametrize("field", ["live", "live_revision", "live_revision_id"])
def test_a_save_naming_only_a_live_field_is_refused(draft, live, field):  # noqa: F811
    """A save whose ``update_fields`` names only what makes content public (``live``, the live revision, by either
    of its names) is not a bookkeeping save: it turns a draft live, or points a live page at an unapproved revision,
    and is refused."""
    page = Page.objects.get(pk=(draft if field == "live" else live).pk).specific
    before = public(page)
    if field == "live":
        page.live = True
    else:
        page.live_revision = page.get_latest_revision()
        assert page.live_revision_id != before["live_revision_id"]
    with pytest.raises(PartnerApprovalRequired):
        page.save(update_fields=[field])
    assert public(page) == before


def test_a_live_page_saved_offline_keeps_its_live_revision(live):  # noqa: F811
    """The guard clears the live revision only of a page whose stored row is not live (a copy): a live page saved
    with ``live`` off keeps the record of the revision the partners approved."""
    page = Page.objects.get(pk=live.pk).specific
    approved = public(live)["live_revision_id"]
    page.live = False
    page.save()
    assert public(live)["live"] is False and public(live)["live_revision_id"] == approved


def test_a_page_created_inside_a_sanctioned_publication_stays_live(portal):
    """An operator's generated pages (``bench_search``) are created live inside ``sanctioned_publication``."""
    with sanctioned_publication("operator:test"):
        page = portal["fr"].add_child(instance=ArticlePage(title="Générée", slug="generee", live=True))
    assert public(page)["live"] is True


def test_a_never_published_snippet_goes_live_with_three_approvals(portal, users):
    new = Theme(locale=portal["fr"].locale, slug="jamais-publie", name="Jamais publié")
    new.save()
    assert Theme.objects.get(pk=new.pk).live is False
    revision = new.save_revision(user=users["editor"])
    record_approvals(revision, 3)
    PublishRevisionAction(revision, user=users["editor"]).execute(skip_permission_checks=True)
    stored = Theme.objects.get(pk=new.pk)
    assert stored.live is True and stored.live_revision_id == revision.pk


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


def test_every_content_field_kept_is_named_a_link_by_either_name(live, caplog):  # noqa: F811
    """Two content fields asked for, one of them a link named by its field name: both are named in the warning."""
    page = Page.objects.get(pk=live.pk).specific
    page.locale = Locale.objects.get(language_code="en")
    page.body = DRAFT_BODY
    with caplog.at_level(logging.WARNING, logger="approvals.guard"):
        page.save(update_fields=["locale", "body"])
    stored = Page.objects.get(pk=live.pk).specific
    assert stored.locale.language_code == "fr" and stored.body == public(live)["body"] != DRAFT_BODY
    [record] = [r for r in caplog.records if r.name == "approvals.guard"]
    assert "; locale, body kept as approved" in record.getMessage()


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


def test_a_snippet_outside_partner_approval_is_edited_and_deleted_without_it(clients, portal):
    """The programme glossary is not under partner approval: its editor shows no partners' panel, and an editor
    deletes a term at once (the guard's rules on live snippets do not apply to it)."""
    term = GlossaryTerm.objects.create(locale=portal["fr"].locale, term="Terme d'essai")
    edit = clients["editor"].get(reverse("wagtailsnippets_translations_glossaryterm:edit", args=[term.pk]))
    assert edit.status_code == 200 and b"data-partner-approval" not in edit.content
    delete = clients["editor"].post(reverse("wagtailsnippets_translations_glossaryterm:delete", args=[term.pk]))
    assert delete.status_code == 302 and not GlossaryTerm.objects.filter(pk=term.pk).exists()
