"""One history entry per adoption row live before the history existed: its approved status as it stands.

The author is the live revision's (when the row has one); the time is the row's last publication (else now). Rows
that are not live get nothing: their first approved publication writes their first entry.
"""

from django.db import migrations
from django.utils import timezone


def seed(apps, schema_editor):
    Adoption = apps.get_model("toolkit", "Adoption")
    AdoptionHistory = apps.get_model("toolkit", "AdoptionHistory")
    Revision = apps.get_model("wagtailcore", "Revision")
    live = Adoption.objects.filter(live=True, history__isnull=True)
    revisions = {
        revision.pk: revision
        for revision in Revision.objects.filter(pk__in=live.values("live_revision_id")).select_related("user")
    }
    entries = []
    for adoption in live:
        revision = revisions.get(adoption.live_revision_id)
        author = revision.user if revision else None
        # Historical models carry no methods: the name is put together as ``approvals.models.display_name`` does.
        name = (f"{author.first_name} {author.last_name}".strip() or author.username) if author else ""
        entries.append(
            AdoptionHistory(
                adoption=adoption,
                status=adoption.status,
                since=adoption.since,
                evidence_url=adoption.evidence_url,
                evidence_document_id=adoption.evidence_document_id,
                revision_id=adoption.live_revision_id,
                author=author,
                author_name=name[:255],
                recorded_at=adoption.last_published_at or timezone.now(),
            )
        )
    AdoptionHistory.objects.bulk_create(entries)


class Migration(migrations.Migration):
    dependencies = [
        ("toolkit", "0006_adoption_evidence_and_history"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
