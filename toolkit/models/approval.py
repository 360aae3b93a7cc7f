"""The base of the toolkit's publishable snippets: drafts, revisions, locking and the partners' workflow.

Wagtail keeps a draftable snippet's live content in its row and its drafts in revisions; the "Validation tripartite"
workflow (assigned to these models by ``bootstrap_portal``) and ``approvals.guard`` make sure a revision reaches the
row only with the three partners' approval. Wagtail's mixins delete a snippet's revisions and workflow states with
it; the partners' decisions are kept (``approvals.models``).
"""

from django.db import models
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin, WorkflowMixin

from approvals.guard import SnippetApprovalGuardMixin


class ApprovalSnippet(
    SnippetApprovalGuardMixin, WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, models.Model
):
    class Meta:
        abstract = True
