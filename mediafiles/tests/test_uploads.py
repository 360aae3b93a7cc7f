"""Uploads are judged by their content, through the admin's real upload views: what is refused is never stored."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection
from wagtail.users.models import UserProfile

from mediafiles.tests.helpers import body, public_get

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
HTML = b"<!DOCTYPE html><html><body><script>fetch('/admin/')</script></body></html>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


def ooxml(part="word/document.xml", extra=None):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("_rels/.rels", "<Relationships/>")
        archive.writestr(part, "<document/>")
        for name, content in (extra or {}).items():
            archive.writestr(name, content)
    return buffer.getvalue()


def opendocument(mime="application/vnd.oasis.opendocument.text"):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", mime)
        archive.writestr("content.xml", "<office:document-content/>")
    return buffer.getvalue()


def upload_document(client, name, content, title="Pièce jointe"):
    return client.post(
        reverse("wagtaildocs:add"),
        {
            "title": title,
            "file": SimpleUploadedFile(name, content),
            "collection": Collection.get_first_root_node().pk,
        },
    )


def stored_files(media_root):
    return sorted(path.name for path in media_root.rglob("*") if path.is_file())


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("guide.pdf", PDF),
        ("cadre.docx", ooxml()),
        ("tableau.xlsx", ooxml("xl/workbook.xml")),
        ("diaporama.pptx", ooxml("ppt/presentation.xml")),
        ("note.odt", opendocument()),
        ("feuille.ods", opendocument("application/vnd.oasis.opendocument.spreadsheet")),
        ("regions.csv", "code;nom\n01;Tanger-Tétouan-Al Hoceïma\n".encode()),
        ("lisez-moi.txt", "Coopération décentralisée — التعاون اللامركزي\n".encode()),
    ],
)
def test_real_documents_are_accepted(clients, media_root, name, content):
    response = upload_document(clients["editor"], name, content)
    assert response.status_code == 302
    document = get_document_model().objects.get()
    with document.file.open("rb") as handle:
        assert handle.read() == content


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("guide.pdf", HTML),  # an HTML page named .pdf
        ("guide.pdf", SVG),
        ("cadre.docx", PDF),
        ("cadre.docx", ooxml(extra={"word/vbaProject.bin": b"macro"})),  # macros under a macro-free name
        ("tableau.xlsx", ooxml("word/document.xml")),  # a Word file named .xlsx
        ("note.odt", b"PK\x03\x04 not really a zip"),
        ("notes.txt", HTML),
        ("regions.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),  # an image named .csv
        ("notes.txt", "Coopération".encode("latin-1")),  # not UTF-8
    ],
)
def test_a_file_whose_bytes_are_not_what_its_name_says_is_refused_and_not_stored(clients, media_root, name, content):
    response = upload_document(clients["editor"], name, content)
    assert response.status_code == 200  # the form again, with the error
    html = response.content.decode()
    assert "The content of this file is not a" in html  # the editor's admin is in English here (conftest)
    assert get_document_model().objects.count() == 0
    assert stored_files(media_root) == []


@pytest.mark.parametrize(
    ("language", "text"),
    [("ar", "محتوى هذا الملف ليس مستند"), ("fr", "Le contenu de ce fichier n’est pas un document PDF")],
)
def test_the_refusal_is_in_the_editors_language(clients, users, media_root, language, text):
    profile = UserProfile.get_for_user(users["editor"])
    profile.preferred_language = language
    profile.save()
    response = upload_document(clients["editor"], "guide.pdf", HTML)
    assert text in response.content.decode()


def test_a_document_over_the_size_limit_is_refused(clients, settings, media_root):
    settings.PORTAL_DOCUMENT_MAX_BYTES = 1024
    response = upload_document(clients["editor"], "guide.pdf", PDF + b"0" * 2048)
    assert response.status_code == 200
    assert "documents may be at most 1.0\xa0KB" in response.content.decode()
    assert get_document_model().objects.count() == 0
    assert stored_files(media_root) == []


def test_the_multiple_upload_view_refuses_the_same_way(clients, media_root):
    response = clients["editor"].post(
        reverse("wagtaildocs:add_multiple"), {"files[]": SimpleUploadedFile("guide.pdf", HTML)}
    )
    assert response.status_code == 200
    assert response.json()["success"] is False
    assert get_document_model().objects.count() == 0
    assert stored_files(media_root) == []


@pytest.mark.parametrize(
    ("name", "content"),
    [("carte.svg", SVG), ("carte.png", SVG), ("carte.png", HTML)],
)
def test_svg_and_disguised_images_are_refused(clients, media_root, name, content):
    response = clients["editor"].post(
        reverse("wagtailimages:add"),
        {
            "title": "Carte",
            "file": SimpleUploadedFile(name, content),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.status_code == 200
    assert get_image_model().objects.count() == 0
    assert stored_files(media_root) == []


def test_a_real_image_is_accepted(clients, media_root):
    response = clients["editor"].post(
        reverse("wagtailimages:add"),
        {
            "title": "Carte",
            "file": SimpleUploadedFile("carte.png", get_test_image_file("carte.png").file.getvalue()),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    assert get_image_model().objects.count() == 1


def test_documents_are_served_with_nosniff_and_only_pdfs_inline(make_document, make_article):
    pdf = make_document(PDF, "guide.pdf")
    docx = make_document(ooxml(), "cadre.docx", title="Cadre")
    make_article(document=pdf, live=True)
    make_article(document=docx, live=True)
    pdf_response = public_get(pdf.url)
    docx_response = public_get(docx.url)
    assert body(pdf_response) == PDF
    assert pdf_response["X-Content-Type-Options"] == "nosniff"
    assert pdf_response["Content-Disposition"].startswith("inline")
    assert docx_response["X-Content-Type-Options"] == "nosniff"
    assert docx_response["Content-Disposition"].startswith("attachment")
