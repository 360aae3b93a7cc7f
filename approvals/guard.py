"""Who may publish: the one rule every publication path passes through.

A revision of a page extending ``home.models.BasePage``, or of a publishable toolkit snippet (themes, partners, the
footer, tool adoptions), goes live only when a reviewer of each partner has approved that exact revision, or inside a
sanctioned context (an operator's command, a superuser's emergency publication). The rule is enforced on the model
(``PartnerApprovalGuardMixin`` for pages, ``SnippetApprovalGuardMixin`` for snippets), so the admin's edit views,
bulk actions, revision history, copy, scheduled publishing, wagtail-localize's publish paths and any API meet it in
the same place; the admin's buttons are hidden (``approvals.permissions``, ``approvals.wagtail_hooks``) so people
are not offered what would be refused.
"""

import logging
from contextlib import contextmanager
from contextvars import ContextVar

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext

from approvals.models import revision_is_approved

logger = logging.getLogger(__name__)
_sanctioned = ContextVar("portal_sanctioned_publication", default=None)
_KEEP_LIVE_CONTENT = "keep-live-content"

# Page fields that record state rather than content: a save may always write them.
BOOKKEEPING_FIELDS = {
    "path",
    "depth",
    "numchild",
    "url_path",
    "draft_title",
    "live",
    "has_unpublished_changes",
    "first_published_at",
    "last_published_at",
    "live_revision",
    "latest_revision",
    "latest_revision_created_at",
    "go_live_at",
    "expire_at",
    "expired",
    "locked",
    "locked_at",
    "locked_by",
    "owner",
}


class PartnerApprovalRequired(PermissionDenied):
    """Raised when content would go live without the three partners' approval (Django answers 403)."""


@contextmanager
def sanctioned_publication(reason):
    """Let publications inside this block bypass partner approval; ``reason`` names who sanctioned it."""
    token = _sanctioned.set(reason)
    try:
        yield
    finally:
        _sanctioned.reset(token)


def current_sanction():
    return _sanctioned.get()


def ensure_may_go_live(revision_id):
    """Refuse unless the revision carries the three partners' approvals or the publication is sanctioned."""
    if current_sanction() or revision_is_approved(revision_id):
        return
    raise PartnerApprovalRequired(
        gettext("This revision cannot go live: DGCT, ARM and the British Embassy must each approve it first.")
    )


def is_guarded_model(model):
    return model is not None and issubclass(model, ApprovalGuarded)


def is_guarded_snippet(model):
    return model is not None and issubclass(model, SnippetApprovalGuardMixin)


class ApprovalGuarded:
    """What pages and snippets under partner approval share: publishing a revision needs the three approvals, and a
    save that would put unapproved content live either is refused or writes only bookkeeping fields (each mixin's
    ``_refuse_unapproved_live_content`` decides)."""

    def publish(self, revision, *args, **kwargs):
        ensure_may_go_live(revision.pk)
        return super().publish(revision, *args, **kwargs)

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if self._refuse_unapproved_live_content(update_fields) == _KEEP_LIVE_CONTENT:
            # The public content stays as stored: only bookkeeping is written, and the log says what was not.
            names = [field.name for field in self._meta.concrete_fields if field.name in BOOKKEEPING_FIELDS]
            if update_fields is not None:
                names = [name for name in names if name in set(update_fields)]
            self._warn_content_kept(update_fields)
            kwargs["update_fields"] = names
        return super().save(*args, **kwargs)

    def _warn_content_kept(self, update_fields):
        """A documented no-op must not be a silent one: when the save would have changed content, log the rule and
        the fields it did not write. Saves that change nothing of the content (bookkeeping, an operator's re-save)
        stay quiet, so the warning means something."""
        kept = self._changed_content_fields(update_fields)
        if kept:
            logger.warning(
                "%s %s is live: a save without an approved live revision wrote only bookkeeping fields; %s kept as "
                "approved (rule: partner approval, approvals.guard). New content goes live as a revision the three "
                "partners approve.",
                type(self).__name__,
                self.pk,
                ", ".join(kept),
            )

    def _changed_content_fields(self, update_fields):
        """The content fields this save asked to write whose value differs from the stored row (one query)."""
        wanted = None if update_fields is None else set(update_fields)
        fields = [
            field
            for field in self._meta.concrete_fields
            if field.name not in BOOKKEEPING_FIELDS
            and not field.primary_key
            and (wanted is None or field.name in wanted or field.attname in wanted)
        ]
        if not fields:
            return []
        stored = type(self)._base_manager.filter(pk=self.pk).values(*[field.attname for field in fields]).first()
        if stored is None:
            return []
        return [
            field.name
            for field in fields
            if field.get_prep_value(stored[field.attname]) != field.get_prep_value(getattr(self, field.attname))
        ]

    def _stored_live_state(self):
        """The stored row's ``live`` and ``live_revision_id``, or None for an unsaved object."""
        if self.pk is None:
            return None
        return type(self)._base_manager.filter(pk=self.pk).values("live", "live_revision_id").first()


class SnippetApprovalGuardMixin(ApprovalGuarded):
    """Mixed into the toolkit's publishable snippets (``DraftStateMixin``): their row is what the public site shows.

    A snippet's row holds its live content; drafts live in revisions. So a save may change the row's content only
    while nothing of it is public, or when a publication puts an approved (or sanctioned) revision live. Otherwise
    only bookkeeping fields are written: a live row keeps its content and stays live, which is what wagtail-localize
    needs when it saves a live translation "as a draft" (it sets ``live = False`` and saves the row before saving the
    revision). Unpublishing (``live`` off and no live revision, Wagtail's unpublish action) is always allowed.
    """

    def _refuse_unapproved_live_content(self, update_fields):
        if current_sanction():
            return None
        previous = self._stored_live_state()
        if previous is None:
            # A new row starts as a draft, whatever ``live`` says (Wagtail's default is True): it goes live through
            # approval, or an operator's ``publish_as_operator``.
            self.live = False
            return None
        if previous["live"]:
            if not self.live and self.live_revision_id is None:
                return None  # unpublishing
            if self.live_revision_id == previous["live_revision_id"]:
                self.live = True  # stays live, whatever wagtail-localize's "save as draft" set
                return _KEEP_LIVE_CONTENT
            ensure_may_go_live(self.live_revision_id)
            return None
        if self.live:
            ensure_may_go_live(self.live_revision_id)
        return None


class PartnerApprovalGuardMixin(ApprovalGuarded):
    """Mixed into ``BasePage``: publication, going live and aliasing pass the partner-approval rule."""

    def _refuse_unapproved_live_content(self, update_fields):
        """Refuse a save that would put content live without approval: a page turning live, a new live
        revision, and any alias (an alias goes live with its source's content in a place and language nobody
        approved).

        A new page is saved as a draft. A live page saved without a new live revision keeps its approved content:
        only bookkeeping fields are written (``_KEEP_LIVE_CONTENT``). wagtail-localize, for one, saves a live
        translation's row before saving its new revision; its new text then lives in that revision, awaiting
        approval, not on the public page.
        """
        sanctioned = current_sanction()
        if self.alias_of_id and not sanctioned:
            raise PartnerApprovalRequired(
                gettext("Alias pages are not allowed: each page must be approved by the partners in its own place.")
            )
        if sanctioned:
            return None
        if self.pk is None:
            # Wagtail's ``live`` defaults to True: a page created in code starts as a draft here, and goes live only
            # through approval or an operator's ``publish_as_operator``. A copy "kept live" arrives with its
            # source's live revision: that approval belongs to the source, in its place, so the copy is a draft too.
            self.live, self.live_revision = False, None
            return None
        if not self.live:
            if self.live_revision_id is not None and not (self._stored_live_state() or {}).get("live"):
                # A page that is not live has no live revision (Wagtail's copy sets the copy's own afterwards).
                self.live_revision = None
            return None
        previous = self._stored_live_state()
        if previous and previous["live"] and previous["live_revision_id"] == self.live_revision_id:
            return _KEEP_LIVE_CONTENT
        if update_fields is not None and not {"live", "live_revision", "live_revision_id"} & set(update_fields):
            return _KEEP_LIVE_CONTENT
        ensure_may_go_live(self.live_revision_id)
        return None
