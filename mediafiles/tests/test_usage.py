"""What ``mediafiles.usage`` relies on and decides: Wagtail's ReferenceIndex records saved rows, never revisions, so
content under review is read from its revision; an approved revision waiting for its go-live date counts too."""

import pytest
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, ReferenceIndex

from approvals.tests.helpers import decide, post_edit, submit
from mediafiles.usage import is_frozen, live_users

pytestmark = pytest.mark.django_db


def test_the_reference_index_records_the_row_not_a_draft_revision(clients, make_document, make_article):
    approved, proposed = make_document(name="a.pdf"), make_document(name="b.pdf")
    article = make_article(document=approved, live=True)

    post_edit(clients["editor"], article, document=str(proposed.pk))  # a draft revision choosing another file

    assert ReferenceIndex.get_references_to(approved).exists()
    assert not ReferenceIndex.get_references_to(proposed).exists()
    revision = Page.objects.get(pk=article.pk).get_latest_revision()
    references = ReferenceIndex._extract_references_from_object(revision.as_object())
    target = (ContentType.objects.get_for_model(proposed).pk, str(proposed.pk))
    assert target in {(type_id, object_id) for type_id, object_id, *_ in references}


def test_a_draft_does_not_freeze_a_file_a_submission_does(clients, make_document, make_article):
    document = make_document()
    article = make_article()
    post_edit(clients["editor"], article, document=str(document.pk))
    assert not is_frozen(document)
    submit(clients["editor"], article, document=str(document.pk))
    assert is_frozen(document)
    assert not live_users(document)


def test_an_approved_revision_waiting_for_its_date_keeps_its_file_frozen_and_private(
    clients, make_document, make_article
):
    document = make_document()
    article = make_article()
    submit(clients["editor"], article, document=str(document.pk), go_live_at="2099-01-01 10:00")
    for reviewer in ("dgct", "arm", "embassy"):
        decide(clients[reviewer], article)
    assert Page.objects.get(pk=article.pk).current_workflow_state is None
    assert Page.objects.get(pk=article.pk).live is False

    assert is_frozen(document)
    assert not live_users(document)
