"""Wagtail's ``publish_scheduled``, refusing scheduled revisions the partners have not all approved.

It replaces Wagtail's command of the same name (this app precedes ``wagtail`` in INSTALLED_APPS). A due revision of a
partner-approved page that lacks an approval is reported and unscheduled instead of stopping the whole run with the
guard's refusal; every other due revision is then published by Wagtail's own command.
"""

from django.utils import timezone
from wagtail.management.commands.publish_scheduled import Command as WagtailPublishScheduled
from wagtail.models import Revision

from approvals.guard import is_guarded_model
from approvals.models import revision_is_approved


class Command(WagtailPublishScheduled):
    help = "Publish or unpublish what is scheduled; refuse scheduled revisions without the partners' approval."

    def handle(self, *args, **options):
        due = Revision.objects.filter(approved_go_live_at__lt=timezone.now()).select_related("content_type")
        for revision in due:
            if is_guarded_model(revision.content_type.model_class()) and not revision_is_approved(revision.pk):
                self.stderr.write(
                    f"Refused: revision {revision.pk} of {revision.object_str!r} is scheduled but lacks the "
                    "partners' approval; it stays unpublished and is unscheduled."
                )
                if not options.get("dryrun"):
                    Revision.objects.filter(pk=revision.pk).update(approved_go_live_at=None)
        return super().handle(*args, **options)
