"""Recording an adoption's approved statuses: one history entry each time a change of the row goes live.

The entry is written on Wagtail's ``published`` signal, which every publication path sends once the revision is
the row's live content: the third partner's approval (``approvals.finish``), a scheduled go-live reaching its date,
an operator's command. A draft save, a submission or a request for changes publishes nothing, so it writes nothing:
the history shows approved facts only. The publication's transaction holds the entry: if the publication fails,
neither remains.

A publication that changes none of status, date and evidence (a re-publication of the same facts) adds no entry.
"""

from django.utils import timezone

from approvals.models import display_name

FACTS = ("status", "since", "evidence_url", "evidence_document_id")


def record_publication(sender, instance, revision=None, **kwargs):
    """``published`` receiver for ``Adoption``: keep the now-live status, its evidence and who wrote it."""
    from toolkit.models import AdoptionHistory

    latest = AdoptionHistory.objects.filter(adoption=instance).order_by("recorded_at", "pk").last()
    if latest is not None and all(getattr(latest, name) == getattr(instance, name) for name in FACTS):
        return None
    author = revision.user if revision is not None else None
    return AdoptionHistory.objects.create(
        adoption=instance,
        **{name: getattr(instance, name) for name in FACTS},
        revision_id=revision.pk if revision is not None else None,
        author=author,
        author_name=display_name(author)[:255],
        recorded_at=timezone.now(),
    )


def connect():
    """Called from ``ToolkitConfig.ready``."""
    from wagtail.signals import published

    from toolkit.models import Adoption

    published.connect(record_publication, sender=Adoption, dispatch_uid="toolkit-adoption-history")
