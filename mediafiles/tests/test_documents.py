"""Documents under partner approval, through the real admin and public URLs.

A document that live content or content under review uses cannot have its file replaced or be deleted; only a
document that live public content uses is served to the public, and a new one becomes public when the three partners
approve the revision that chooses it.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection, PageViewRestriction

from approvals.tests.helpers import decide, refused, submit
from mediafiles.tests.helpers import body, document_state, public_get
from toolkit.tests.factories import GuideIndexPageFactory, GuidePageFactory, save_live, translate

pytestmark = pytest.mark.django_db

OLD = b"%PDF-1.4 version approuvee"
NEW = b"%PDF-1.4 version jamais approuvee"


def replace_file(client, document, content=NEW, name="remplacement.pdf"):
    """The editor's "Change document file" in /admin/documents/edit/<id>/."""
    return client.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {
            "title": document.title,
            "collection": Collection.get_first_root_node().pk,
            "tags": "",
            "file": SimpleUploadedFile(name, content, content_type="application/pdf"),
        },
    )


def assert_refused_with_message(response):
    assert response.status_code == 200  # the edit form again, with the error
    content = response.content.decode()
    assert "cannot be replaced" in content
    assert "Upload the new file as a new document" in content


@pytest.fixture
def live_guide(make_document):
    """A live guide whose PDF is a document."""
    document = make_document()
    index = GuideIndexPageFactory()
    guide = GuidePageFactory(parent=index, pdf=document)
    return guide, document


def test_replacing_the_pdf_of_a_live_guide_is_refused_and_changes_nothing(clients, live_guide):
    _guide, document = live_guide
    before = document_state(document)
    assert body(public_get(document.url)) == OLD

    assert_refused_with_message(replace_file(clients["editor"], document))

    assert document_state(document) == before
    response = public_get(document.url)
    assert response.status_code == 200
    assert body(response) == OLD


def test_replacing_a_document_used_only_by_a_page_in_review_is_refused(clients, make_document, make_article):
    document = make_document()
    article = make_article()
    assert submit(clients["editor"], article, document=str(document.pk)).status_code == 302
    before = document_state(document)

    assert_refused_with_message(replace_file(clients["editor"], document))

    assert document_state(document) == before
    assert public_get(document.url).status_code == 404  # in review is not public


def test_an_unused_document_can_be_replaced_and_is_still_not_public(clients, make_document):
    document = make_document()
    response = replace_file(clients["editor"], document)
    assert response.status_code == 302

    fresh = get_document_model().objects.get(pk=document.pk)
    assert document_state(fresh)["bytes"] == NEW
    assert public_get(fresh.url).status_code == 404


def test_the_model_refuses_a_new_file_whatever_the_path(live_guide):
    from django.core.files.base import ContentFile

    from mediafiles.guard import FileInUse

    _guide, document = live_guide
    before = document_state(document)
    document.file = ContentFile(NEW, name="code.pdf")
    with pytest.raises(FileInUse):
        document.save()
    assert document_state(document) == before


def test_the_title_of_a_used_document_stays_editable(clients, live_guide):
    """No public template shows a document's title; the file stays as approved."""
    _guide, document = live_guide
    before = document_state(document)
    response = clients["editor"].post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {"title": "Guide (PDF, 2025)", "collection": Collection.get_first_root_node().pk, "tags": ""},
    )
    assert response.status_code == 302
    assert get_document_model().objects.get(pk=document.pk).title == "Guide (PDF, 2025)"
    assert document_state(document) == before


def test_deleting_a_document_a_live_guide_uses_is_refused(clients, live_guide):
    guide, document = live_guide
    before = document_state(document)

    response = clients["admin"].post(reverse("wagtaildocs:delete", args=[document.pk]))

    assert refused(response)
    assert document_state(document) == before
    assert guide.__class__.objects.get(pk=guide.pk).pdf_id == document.pk
    assert body(public_get(document.url)) == OLD


def test_an_unused_document_can_be_deleted(clients, make_document):
    document = make_document()
    response = clients["admin"].post(reverse("wagtaildocs:delete", args=[document.pk]))
    assert response.status_code == 302
    assert not get_document_model().objects.filter(pk=document.pk).exists()


# What the public receives --------------------------------------------------------------------------------------------
def test_an_unused_document_is_not_public(make_document):
    document = make_document()
    assert public_get(document.url).status_code == 404


def test_a_document_only_a_draft_uses_is_not_public(make_document, make_article):
    document = make_document()
    make_article(document=document)
    assert public_get(document.url).status_code == 404


def test_a_document_a_live_page_uses_is_public_until_the_page_is_unpublished(clients, make_document, make_article):
    document = make_document()
    article = make_article(document=document, live=True)
    response = public_get(document.url)
    assert response.status_code == 200
    assert body(response) == OLD

    unpublish = reverse("wagtailadmin_pages:unpublish", args=[article.pk])
    assert clients["dgct"].post(unpublish).status_code == 302
    assert public_get(document.url).status_code == 404


def test_a_document_only_the_arabic_translation_uses_is_public(live_guide, make_document):
    guide, _document = live_guide
    arabic_pdf = make_document(content=b"%PDF-1.4 arabe", name="guide-ar.pdf")
    arabic = translate(guide, "ar")
    arabic.pdf = arabic_pdf
    save_live(arabic)
    response = public_get(arabic_pdf.url + "?lang=fr")  # a language hint changes nothing
    assert response.status_code == 200
    assert body(response) == b"%PDF-1.4 arabe"


def test_people_who_work_in_the_admin_can_open_a_document_under_review(clients, make_document, make_article):
    """Reviewers must read the file a revision under review proposes."""
    document = make_document()
    article = make_article()
    submit(clients["editor"], article, document=str(document.pk))
    response = clients["dgct"].get(document.url)
    assert response.status_code == 200
    assert body(response) == OLD


def test_a_new_document_becomes_public_when_the_third_partner_approves(clients, make_document, make_article):
    approved = make_document()
    proposed = make_document(content=NEW, name="nouveau.pdf")
    article = make_article(document=approved, live=True)

    assert submit(clients["editor"], article, document=str(proposed.pk)).status_code == 302
    assert public_get(proposed.url).status_code == 404
    decide(clients["dgct"], article)
    decide(clients["arm"], article)
    assert public_get(proposed.url).status_code == 404
    assert body(public_get(approved.url)) == OLD

    decide(clients["embassy"], article)
    response = public_get(proposed.url)
    assert response.status_code == 200
    assert body(response) == NEW
    assert public_get(approved.url).status_code == 404  # no live content uses it any more


# Restricted pages ----------------------------------------------------------------------------------------------------
def test_a_password_protected_page_s_document_needs_the_password(make_document, make_article):
    document = make_document()
    article = make_article(document=document, live=True)
    restriction = PageViewRestriction.objects.create(
        page=article, restriction_type=PageViewRestriction.PASSWORD, password="secret-partenaires"
    )
    visitor = Client()

    response = visitor.get(document.url)
    assert response.status_code == 200
    assert not response.streaming and OLD not in response.content
    action = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, article.pk])
    assert action in response.content.decode()

    assert visitor.post(action, {"password": "wrong", "return_url": document.url}).status_code == 200
    assert visitor.get(document.url).streaming is False
    response = visitor.post(action, {"password": "secret-partenaires", "return_url": document.url})
    assert response.status_code == 302
    assert body(visitor.get(document.url)) == OLD


def test_a_login_restricted_page_s_document_needs_a_login(make_document, make_article, django_user_model):
    document = make_document()
    article = make_article(document=document, live=True)
    PageViewRestriction.objects.create(page=article.get_parent(), restriction_type=PageViewRestriction.LOGIN)

    response = public_get(document.url)
    assert response.status_code == 302
    assert "next=" in response.url and OLD not in response.content

    visitor = Client()
    visitor.force_login(django_user_model.objects.create_user("citoyen", password="x-unused-x"))
    assert body(visitor.get(document.url)) == OLD


def test_a_document_also_used_by_an_unrestricted_live_page_is_public(make_document, make_article):
    document = make_document()
    restricted = make_article(document=document, live=True)
    make_article(document=document, live=True)
    PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.LOGIN)
    assert body(public_get(document.url)) == OLD


# Cost and delivery ---------------------------------------------------------------------------------------------------
def test_the_public_check_costs_the_same_for_one_page_or_many(
    make_document, make_article, django_assert_max_num_queries
):
    """Two live pages use one document (one restricted), seven the other (six restricted): the same queries."""
    one, many = make_document(name="un.pdf"), make_document(name="plusieurs.pdf")
    for document, restricted in ((one, 1), (many, 6)):
        for _ in range(restricted):
            article = make_article(document=document, live=True)
            PageViewRestriction.objects.create(page=article, restriction_type=PageViewRestriction.LOGIN)
        make_article(document=document, live=True)

    counts = []
    for document in (one, many):
        with CaptureQueriesContext(connection) as queries:
            assert public_get(document.url).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
    with django_assert_max_num_queries(8):
        public_get(many.url)


def test_with_accel_redirect_the_proxy_sends_the_file(settings, make_document, make_article):
    settings.PORTAL_MEDIA_ACCEL_REDIRECT = "/protected-media/"
    document = make_document()
    make_article(document=document, live=True)

    response = public_get(document.url)
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == f"/protected-media/{document.file.name}"
    assert response.content == b""
    assert "guide.pdf" in response["Content-Disposition"]

    unused = make_document(name="brouillon.pdf")
    assert public_get(unused.url).status_code == 404


def test_media_root_is_not_served_by_name(make_document, make_article):
    document = make_document()
    make_article(document=document, live=True)
    assert public_get(f"/media/{document.file.name}").status_code == 404


@pytest.mark.parametrize(
    ("language", "expected"),
    [("fr", "Importez le nouveau fichier comme nouveau document"), ("ar", "ارفع الملف الجديد كوثيقة جديدة")],
)
def test_the_refusal_speaks_the_editor_s_language(clients, users, live_guide, language, expected):
    from wagtail.users.models import UserProfile

    _guide, document = live_guide
    profile = UserProfile.get_for_user(users["editor"])
    profile.preferred_language = language
    profile.save()
    before = document_state(document)

    response = replace_file(clients["editor"], document)

    assert response.status_code == 200
    assert expected in response.content.decode()
    assert document_state(document) == before
