"""The public proposal form through its URL: a valid proposal becomes a draft (never live) with its record, documents
and e-mails; bad input is refused with a message and stores nothing; past the rate limit, 429."""

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from wagtail.documents import get_document_model
from wagtail.models import Page, Revision

from pagecache import rules
from proposals.models import Proposal
from proposals.tests.conftest import pdf, proposal_data
from toolkit.models import ExperiencePage, ToolPage

pytestmark = pytest.mark.django_db


def counts():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "documents": get_document_model().objects.count(),
        "proposals": Proposal.objects.count(),
        "mails": len(mail.outbox),
    }


def post(client, language="fr", **changes):
    return Client(REMOTE_ADDR="203.0.113.7").post(f"/{language}/propose/", proposal_data(**changes))


@pytest.mark.parametrize("language", ["fr", "ar", "en"])
def test_the_form_is_served_in_each_language_and_never_from_a_shared_cache(client, toolkit, language):
    response = client.get(f"/{language}/propose/")

    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="csrfmiddlewaretoken"' in html
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    # The page cache refuses it twice over: a private response, and one that sets the CSRF cookie (Django sets it
    # again whenever a page uses the token, even for a visitor who already holds one).
    assert not rules.is_public(response.wsgi_request, response)
    again = Client(headers={"cookie": "csrftoken=" + "a" * 32}).get(f"/{language}/propose/")
    assert "no-store" in again["Cache-Control"]
    assert not rules.is_public(again.wsgi_request, again)


def test_the_regions_are_named_in_the_pages_language_and_themes_are_the_live_ones(client, toolkit):
    arabic = client.get("/ar/propose/").content.decode()
    french = client.get("/fr/propose/").content.decode()

    assert "جهة الرباط - سلا - القنيطرة" in arabic or "الرباط" in arabic
    assert 'lang="ar" dir="rtl"' in arabic
    assert "Rabat-Salé-Kénitra" in french
    assert "المشاركة المواطنة" in arabic  # the live Arabic row of the theme
    assert '<option value="participation">Participation citoyenne</option>' in french


def test_a_valid_french_proposal_becomes_a_draft_experience_never_live(client, toolkit):
    before = counts()

    response = Client(REMOTE_ADDR="203.0.113.7").post(
        "/fr/propose/", {**proposal_data(), "attachments": [pdf(), pdf("annexe.pdf")]}
    )

    assert response.status_code == 302 and response.url == "/fr/propose/thanks/"
    proposal = Proposal.objects.get()
    page = proposal.page.specific
    assert isinstance(page, ExperiencePage)
    assert page.get_parent().pk == toolkit["tree"]["experiences"].pk
    assert page.locale.language_code == "fr"
    assert not page.live and page.first_published_at is None and page.live_revision_id is None
    assert page.current_workflow_state is None  # never submitted
    assert page.owner is None and page.get_latest_revision().user is None
    assert page.context.startswith("Le conseil a ouvert 5 %")
    assert page.summary and page.region.code == "04"
    assert list(page.themes.values_list("slug", flat=True)) == ["participation"]
    assert (proposal.proposer_name, proposal.language, proposal.region_code) == ("Amina Alaoui", "fr", "04")
    assert proposal.credit_consent and proposal.processing_consent and proposal.status == "received"
    documents = list(proposal.documents.select_related("collection"))
    assert sorted(d.title for d in documents) == ["annexe.pdf", "note.pdf"]
    assert {d.collection.name for d in documents} == {"Proposals"}
    assert counts()["pages"] == before["pages"] + 1
    assert counts()["documents"] == before["documents"] + 2
    # The attachments are not public: no live content uses them (mediafiles.access).
    assert Client().get(documents[0].url).status_code == 404


def test_an_arabic_tool_proposal_is_drafted_in_the_arabic_tree_and_acknowledged_in_arabic(client, toolkit, users):
    mail.outbox.clear()

    response = post(client, "ar", kind="tool", title="دليل التشاور العمومي", description="أداة " * 20)

    assert response.status_code == 302
    proposal = Proposal.objects.get()
    page = proposal.page.specific
    assert isinstance(page, ToolPage)
    assert page.get_parent().pk == toolkit["arabic"]["tools"].pk and page.locale.language_code == "ar"
    assert not page.live
    assert [region.code for region in page.developed_by_regions.all()] == ["04"]
    acknowledgement = [m for m in mail.outbox if m.to == ["amina@example.ma"]]
    assert len(acknowledgement) == 1 and "دليل التشاور العمومي" in acknowledgement[0].subject
    assert "شكرا" in acknowledgement[0].body or "شكرًا" in acknowledgement[0].body
    editors = [m for m in mail.outbox if m.to == [users["editor"].email]]
    assert len(editors) == 1 and f"/admin/pages/{page.pk}/edit/" in editors[0].body


def test_an_english_proposal_is_drafted_in_the_french_tree_flagged_english(client, toolkit):
    response = post(client, "en", title="Youth participatory budget", description="An English description. " * 3)

    assert response.status_code == 302
    proposal = Proposal.objects.get()
    assert proposal.language == "en"
    assert proposal.page.locale.language_code == "fr"
    assert proposal.page.get_parent().pk == toolkit["tree"]["experiences"].pk


def test_the_acknowledgement_goes_through_the_mail_queue(client, toolkit, settings):
    from mailer.models import Message

    settings.EMAIL_BACKEND = "cms.mail.QueuedEmailBackend"
    response = post(client)

    assert response.status_code == 302
    queued = [m.email for m in Message.objects.all()]
    assert any(message.to == ["amina@example.ma"] for message in queued)
    assert not mail.outbox  # nothing was sent in the request


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"processing_consent": None}, "processing_consent", "Your consent is needed to process your proposal."),
        ({"email": "amina@"}, "email", "Enter a valid email address."),
        ({"region": "13"}, "region", "Select a valid choice."),
        ({"theme": "tourisme"}, "theme", "Select a valid choice."),
        ({"description": "Trop court."}, "description", "at least 40 characters"),
        ({"telephone": "appelez-moi"}, "telephone", "digits only"),
        ({"website": "http://spam.example"}, None, "could not be accepted"),
    ],
)
def test_bad_input_is_refused_with_a_message_and_nothing_is_stored(client, toolkit, changes, field, message):
    before = counts()

    response = post(client, "en", **changes)

    assert response.status_code == 400
    form = response.context["form"]
    errors = form.errors.get(field or "__all__")
    assert errors and any(message in error for error in errors), form.errors
    assert message in response.content.decode().replace("&#x27;", "'")
    assert counts() == before


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("page.html", b"<html><script>alert(1)</script></html>"), "is not accepted"),
        (SimpleUploadedFile("guide.pdf", b"<html><script>alert(1)</script></html>"), "is not a PDF document"),
        (SimpleUploadedFile("macro.exe", b"MZ\x90\x00"), "is not accepted"),
    ],
)
def test_a_forbidden_attachment_is_refused_and_nothing_is_stored(client, toolkit, upload, message):
    before = counts()

    response = Client(REMOTE_ADDR="203.0.113.7").post(
        "/en/propose/", {**proposal_data(), "attachments": [pdf(), upload]}
    )

    assert response.status_code == 400
    assert any(message in error for error in response.context["form"].errors["attachments"])
    assert counts() == before


def test_an_oversized_attachment_is_refused_by_the_document_rule(client, toolkit, settings):
    settings.PORTAL_DOCUMENT_MAX_BYTES = 50
    before = counts()

    response = Client(REMOTE_ADDR="203.0.113.7").post(
        "/en/propose/", {**proposal_data(), "attachments": [pdf("big.pdf")]}
    )

    assert response.status_code == 400
    [error] = response.context["form"].errors["attachments"]
    assert "documents may be at most 50" in error
    assert counts() == before


def test_more_attachments_than_allowed_are_refused(client, toolkit):
    before = counts()

    response = Client(REMOTE_ADDR="203.0.113.7").post(
        "/en/propose/", {**proposal_data(), "attachments": [pdf(f"n{i}.pdf") for i in range(4)]}
    )

    assert response.status_code == 400
    assert "at most 3 files" in response.context["form"].errors["attachments"][0]
    assert counts() == before


def test_past_the_rate_limit_an_address_gets_429_and_nothing_is_stored(client, toolkit, settings):
    settings.PROPOSALS_RATE_LIMIT = 2
    assert post(client).status_code == 302
    assert post(client, email="bad").status_code == 400
    before = counts()

    response = post(client, title="Une troisième proposition")

    assert response.status_code == 429
    assert "Trop de propositions depuis votre connexion" in response.content.decode()
    assert counts() == before
    # Another address is not affected.
    other = Client(REMOTE_ADDR="198.51.100.9").post("/fr/propose/", proposal_data(title="D'une autre adresse"))
    assert other.status_code == 302


def test_the_thank_you_page_answers_in_each_language(client, toolkit):
    for language in ("fr", "ar", "en"):
        assert client.get(f"/{language}/propose/thanks/").status_code == 200


def test_the_experience_and_tool_listings_lead_to_the_form_in_their_language(client, toolkit):
    for index in (toolkit["tree"]["experiences"], toolkit["tree"]["tools"], *toolkit["arabic"].values()):
        html = client.get(index.url).content.decode()
        assert f'href="/{index.locale.language_code}/propose/"' in html
