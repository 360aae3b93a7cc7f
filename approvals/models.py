"""Partner approval: the workflow task, each partner's decision on a revision, and emergency publications.

Decisions and emergency publications are the permanent approval trail. They name the revision by its id and keep
copies of what the report shows (page title, language, reviewer), with no cascade from ``Revision``: purging old
revisions, or deleting a user, never erases who approved what.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Task, TaskState

from approvals import notifications
from approvals.audit import log_decision
from approvals.forms import ApproveForm, RequestChangesForm
from approvals.objects import record_fields
from approvals.partners import PARTNER_CHOICES, PARTNERS, partner_for_user
from approvals.reviewers import PartnerReviewLock, review_lock_message


class PartnerDecisionQuerySet(models.QuerySet):
    def current(self):
        """Decisions still standing: not superseded by a later overwrite of their revision's content."""
        return self.filter(superseded_at__isnull=True)

    def for_revision(self, revision_id):
        return self.current().filter(revision_id=revision_id)


def person_field(verbose_name):
    """A link to a user that outlives the user (the record keeps a copy of their name)."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )


class RevisionRecord(models.Model):
    """What every trail record keeps of the revision it is about, of a page or a snippet: copies, not cascading
    links. ``page`` is set for pages; ``content_type`` and ``object_id`` name any object (a page by its base
    ``Page`` type); ``language`` is empty for content shown in every language (a tool adoption)."""

    page = models.ForeignKey(
        Page, verbose_name=_("page"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    content_type = models.ForeignKey(
        "contenttypes.ContentType",
        verbose_name=_("content type"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    object_id = models.CharField(_("object id"), max_length=255, blank=True)
    page_title = models.CharField(_("page title"), max_length=255)
    language = models.CharField(_("language"), max_length=20, blank=True)
    revision_id = models.PositiveIntegerField(_("revision"), db_index=True)

    class Meta:
        abstract = True

    def get_object(self):
        """The page or snippet this record is about, if it still exists."""
        if self.page_id:
            return Page.objects.filter(pk=self.page_id).first()
        model = self.content_type.model_class() if self.content_type_id else None
        if model is None or not self.object_id:
            return None
        return model._default_manager.filter(pk=self.object_id).first()


class PartnerDecision(RevisionRecord):
    """One partner's decision on one revision of a page: approved, or changes requested (with the comment)."""

    APPROVED = "approved"
    CHANGES_REQUESTED = "changes_requested"
    DECISION_CHOICES = [(APPROVED, _("Approved")), (CHANGES_REQUESTED, _("Changes requested"))]

    revision_created_at = models.DateTimeField(_("revision created at"))
    revision_author = models.CharField(_("revision author"), max_length=255, blank=True)
    partner = models.CharField(_("partner"), max_length=20, choices=PARTNER_CHOICES)
    decision = models.CharField(_("decision"), max_length=20, choices=DECISION_CHOICES)
    user = person_field(_("reviewer"))
    reviewer_name = models.CharField(_("reviewer name"), max_length=255)
    decided_at = models.DateTimeField(_("decided at"), default=timezone.now)
    comment = models.TextField(_("comment"), blank=True)
    superseded_at = models.DateTimeField(
        _("superseded at"),
        null=True,
        blank=True,
        help_text=_("Set when the revision's content was overwritten after this decision (autosave)."),
    )

    objects = PartnerDecisionQuerySet.as_manager()

    class Meta:
        verbose_name = _("partner decision")
        verbose_name_plural = _("partner decisions")
        ordering = ["-decided_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["revision_id", "partner"],
                condition=Q(superseded_at__isnull=True),
                name="one_standing_decision_per_partner_and_revision",
            )
        ]

    def __str__(self):
        return f"{self.page_title} #{self.revision_id}: {self.partner} {self.decision}"


class EmergencyPublication(RevisionRecord):
    """A superuser's publication of a revision without partner approval, with the written reason."""

    user = person_field(_("published by"))
    user_name = models.CharField(_("published by (name)"), max_length=255)
    reason = models.TextField(_("reason"))
    published_at = models.DateTimeField(_("published at"), default=timezone.now)

    class Meta:
        verbose_name = _("emergency publication")
        verbose_name_plural = _("emergency publications")
        ordering = ["-published_at", "-id"]

    def __str__(self):
        return f"{self.page_title} #{self.revision_id} ({self.user_name})"


def awaited_partners(revision_id):
    """The partners whose approval of ``revision_id`` is still missing, in the partners' order."""
    approved = set()
    if revision_id is not None:
        approved = set(
            PartnerDecision.objects.for_revision(revision_id)
            .filter(decision=PartnerDecision.APPROVED)
            .values_list("partner", flat=True)
        )
    return [partner for partner in PARTNERS if partner.code not in approved]


def revision_is_approved(revision_id):
    """Whether a reviewer of each partner approved this exact revision: what ``approvals.guard`` requires before it
    goes live, and what makes the third approval finish the review."""
    return not awaited_partners(revision_id)


def approved_revision_ids(revision_ids):
    """Those of ``revision_ids`` that ``revision_is_approved`` accepts, in one query (the subscription digests ask
    this of every page that went live since their last run)."""
    rows = (
        PartnerDecision.objects.current()
        .filter(revision_id__in=list(revision_ids), decision=PartnerDecision.APPROVED)
        .values_list("revision_id", "partner")
    )
    partners = {}
    for revision_id, partner in rows:
        partners.setdefault(revision_id, set()).add(partner)
    wanted = {partner.code for partner in PARTNERS}
    return {revision_id for revision_id, approved in partners.items() if wanted <= approved}


def awaiting_decision(task_states, user, partner):
    """Those of ``task_states`` in progress and still awaiting ``partner``'s decision, minus revisions ``user`` wrote
    (the reviewer's dashboard panel and Wagtail's own list both come from here)."""
    decided = PartnerDecision.objects.current().filter(revision_id=OuterRef("revision_id"), partner=partner.code)
    return (
        task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        .exclude(revision__user_id=user.pk)
        .exclude(Exists(decided))
    )


def display_name(user):
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


class PartnerApprovalTask(Task):
    """The partners' review: a member of each partner's reviewer group approves the revision, in any order.

    One task state covers the revision under review; each partner's decision on it is a ``PartnerDecision``. The
    third approval approves the task state, which finishes the workflow and publishes that revision. A request for
    changes rejects the task state, sending the page back to its editor. Any new revision restarts the task on the
    new revision, which has no decisions yet (see ``approvals.workflow``).
    """

    admin_form_fields = Task.admin_form_fields
    lock_class = PartnerReviewLock

    class Meta:
        verbose_name = _("Partner approval")
        verbose_name_plural = _("Partner approvals")

    @classmethod
    def get_description(cls):
        return _("A reviewer of each partner (DGCT, ARM, British Embassy) must approve the exact revision.")

    def start(self, workflow_state, user=None):
        task_state = super().start(workflow_state, user=user)
        notifications.revision_entered_review(task_state)
        return task_state

    # Who may act ---------------------------------------------------------------------------------------------------
    def pending_partner(self, task_state, user):
        """The partner ``user`` may decide for on ``task_state``'s revision, or None.

        None when the user reviews for no partner (a superuser never does, whatever their groups), authored the
        revision, or their partner already decided. Both the actions offered and ``on_action`` ask here.
        """
        if task_state is None or task_state.status != TaskState.STATUS_IN_PROGRESS or task_state.task_id != self.pk:
            return None
        partner = partner_for_user(user)
        if partner is None or task_state.revision.user_id == user.pk:
            return None
        if PartnerDecision.objects.for_revision(task_state.revision_id).filter(partner=partner.code).exists():
            return None
        return partner

    def why_user_cannot_decide(self, task_state, user):
        """Why a partner reviewer has no decision to take on ``task_state``'s revision, in a sentence; None when they
        have one (or review for no partner). The reviewer's editor and review screen show it instead of the buttons."""
        partner = partner_for_user(user)
        if partner is None or self.pending_partner(task_state, user) is not None:
            return None
        if task_state is None or task_state.status != TaskState.STATUS_IN_PROGRESS:
            return gettext("This is not in partner review: there is nothing to decide.")
        if task_state.revision.user_id == user.pk:
            return gettext(
                "You wrote this version, so another %(partner)s reviewer decides on it. Its author can resubmit it "
                "as their own version to restart the review."
            ) % {"partner": partner.name}
        decision = PartnerDecision.objects.for_revision(task_state.revision_id).filter(partner=partner.code).first()
        if decision is None:
            return gettext("You cannot decide on this revision.")
        text = (
            gettext("%(partner)s already approved this version (%(reviewer)s): nothing awaits your decision.")
            if decision.decision == PartnerDecision.APPROVED
            else gettext("%(partner)s already requested changes on this version (%(reviewer)s).")
        )
        return text % {"partner": partner.name, "reviewer": decision.reviewer_name}

    def get_actions(self, obj, user):
        if self.pending_partner(obj.current_workflow_task_state, user) is None:
            return []
        # Approve first: the editor's action menu makes the first action the reviewer's main button.
        return [
            ("approve", _("Approve"), False),
            ("approve", _("Approve with comment"), True),
            ("reject", _("Request changes"), True),
        ]

    def get_form_for_action(self, action):
        return RequestChangesForm if action == "reject" else ApproveForm

    def user_can_access_editor(self, obj, user):
        """Reviewers open the editor of what they review, read-only (``locked_for_user``), to decide from it."""
        return partner_for_user(user) is not None

    def locked_for_user(self, obj, user):
        """Reviewers decide, they do not write; translators wait for the partners' decision or withdraw the
        submission; editors may still edit (their edit restarts the review). See ``approvals.reviewers``."""
        return review_lock_message(user) is not None

    def get_task_states_user_can_moderate(self, user, **kwargs):
        """In-progress reviews still awaiting the user's partner (this feeds Wagtail's own dashboard panel too)."""
        partner = partner_for_user(user)
        if partner is None:
            return TaskState.objects.none()
        return awaiting_decision(self.task_states.all(), user, partner)

    # Acting --------------------------------------------------------------------------------------------------------
    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        """Record the user's partner's decision; the third approval approves the task state (and publishes)."""
        task_state = TaskState.objects.select_for_update().select_related("revision").get(pk=task_state.pk).specific
        page = task_state.revision.content_object
        current = page.current_workflow_task_state
        if current is None or current.pk != task_state.pk or task_state.revision_id != page.latest_revision_id:
            raise PermissionDenied(gettext("This revision is no longer the one under review."))
        partner = self.pending_partner(task_state, user)
        if partner is None:
            raise PermissionDenied(gettext("You cannot decide on this revision."))
        comment = kwargs.get("comment", "") or ""
        if action_name == "reject":
            self._record(task_state, page, partner, user, PartnerDecision.CHANGES_REQUESTED, comment)
            task_state.reject(user=user, comment=comment)
        elif action_name == "approve":
            self._record(task_state, page, partner, user, PartnerDecision.APPROVED, comment)
            if revision_is_approved(task_state.revision_id):
                task_state.approve(user=user, comment=comment)
        else:
            raise PermissionDenied(gettext("Unknown action."))

    def _record(self, task_state, page, partner, user, decision, comment):
        revision = task_state.revision
        record = PartnerDecision.objects.create(
            **record_fields(page),
            revision_id=revision.pk,
            revision_created_at=revision.created_at,
            revision_author=display_name(revision.user)[:255],
            partner=partner.code,
            decision=decision,
            user=user,
            reviewer_name=display_name(user)[:255],
            comment=comment,
        )
        log_decision(page, record, user, revision)
        transaction.on_commit(lambda: notifications.decision_made(record))
        return record
