"""What an upload is, judged by its bytes rather than its name, before it is stored.

A file named ``guide.pdf`` that is really an HTML page would be served from the portal's own domain: a browser that
sniffs it (or a proxy that ignores ``nosniff``) runs its script with the portal's cookies. So each accepted extension
has the content it must have:

- PDF: the ``%PDF-`` signature (``filetype``, a maintained signature library that Wagtail's own image library uses);
- Office Open XML (docx, xlsx, pptx) and OpenDocument (odt, ods): a ZIP container whose entries are those of that
  format (read with ``zipfile``: signature sniffers only look at the first few kilobytes, where Word and LibreOffice
  do not always put the telling entry), and no macro-enabled part;
- CSV and plain text: UTF-8 text, no NUL byte, nothing a browser would take for markup (``<html``, ``<script``,
  ``<svg``...), and no known binary signature.

Images are checked by Wagtail itself (Willow decodes the bytes and compares the format with the extension); the
portal only narrows the extensions (no SVG: it can carry script) and bounds sizes. Sizes: ``PORTAL_DOCUMENT_MAX_BYTES``
and Wagtail's ``WAGTAILIMAGES_MAX_UPLOAD_SIZE``.
"""

import io
import re
import zipfile

import filetype
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

OOXML_PARTS = {"docx": "word/", "xlsx": "xl/", "pptx": "ppt/"}
ODF_TYPES = {"odt": "application/vnd.oasis.opendocument.text", "ods": "application/vnd.oasis.opendocument.spreadsheet"}
TEXT_EXTENSIONS = {"csv", "txt"}
MARKUP = re.compile(rb"<\s*(!doctype|html|head|body|script|svg|iframe|object|embed|meta|\?xml)\b", re.IGNORECASE)


class UnacceptableFile(ValueError):
    """The upload's bytes are not what its name says, or it is too large; the message says so to the person."""


def extension_of(name):
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def read_all(uploaded):
    uploaded.seek(0)
    data = uploaded.read()
    uploaded.seek(0)
    return data


def check_document(uploaded):
    """Raise ``UnacceptableFile`` unless ``uploaded`` (a Django UploadedFile) is an acceptable document."""
    limit = settings.PORTAL_DOCUMENT_MAX_BYTES
    if uploaded.size > limit:
        raise UnacceptableFile(
            _("This file is %(size)s; documents may be at most %(limit)s.")
            % {"size": filesizeformat(uploaded.size), "limit": filesizeformat(limit)}
        )
    extension = extension_of(uploaded.name)
    data = read_all(uploaded)
    if extension == "pdf":
        ok = filetype.guess_mime(data) == "application/pdf"
    elif extension in OOXML_PARTS:
        ok = is_ooxml(data, OOXML_PARTS[extension])
    elif extension in ODF_TYPES:
        ok = is_opendocument(data, ODF_TYPES[extension])
    elif extension in TEXT_EXTENSIONS:
        ok = is_plain_text(data)
    else:
        ok = False
    if not ok:
        raise UnacceptableFile(
            _(
                "The content of this file is not a %(extension)s document, whatever its name says. Export it again "
                "from the program that made it, or choose another file."
            )
            % {"extension": extension.upper() or "?"}
        )


def _zip_names(data):
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return archive.namelist()
    except (zipfile.BadZipFile, ValueError):
        return None


def is_ooxml(data, part_prefix):
    names = _zip_names(data)
    if not names or "[Content_Types].xml" not in names:
        return False
    if any(name.lower().endswith("vbaproject.bin") for name in names):
        return False  # macro-enabled content under a macro-free name
    return any(name.startswith(part_prefix) for name in names)


def is_opendocument(data, mime):
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "mimetype" in archive.namelist() and archive.read("mimetype").strip() == mime.encode()
    except (zipfile.BadZipFile, ValueError, KeyError):
        return False


def is_plain_text(data):
    if b"\x00" in data or filetype.guess(data) is not None:
        return False
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return False
    return not MARKUP.search(data[:4096])
