"""PO file import for professional translators, recorded in the audit log.

wagtail-localize's own upload endpoint imports strings without recording who did it. The guard middleware sends
that endpoint here instead (see ``translations.guards``), so every import, from the translation editor or anywhere
else, is checked, logged as ``portal.po_import`` with its user and figures, and never publishes: it only stores
translated strings, which reach a page when its translator submits it for partner approval.
"""

import polib
from django.contrib import messages
from django.db import transaction
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail.log_actions import log
from wagtail_localize.models import Translation

PO_IMPORT_ACTION = "portal.po_import"
MAX_PO_BYTES = 5 * 1024 * 1024


class InvalidPOFile(ValueError):
    """The upload is not a PO file for this translation; the message says why, for the user."""


def parse_po(data, translation):
    try:
        text = data.decode("utf-8")
        po = polib.pofile(text)  # text, never a path: polib would read a path given as contents
    except (UnicodeDecodeError, OSError, ValueError) as error:
        raise InvalidPOFile(_("Please upload a valid PO file (UTF-8).")) from error
    if po.metadata.get("X-WagtailLocalize-TranslationID") != str(translation.uuid):
        raise InvalidPOFile(_("This PO file was made for another translation: download this page's file."))
    return po


@transaction.atomic
def import_po(translation, po, user):
    """Store the PO file's translations and log the import. Returns the number of translated entries."""
    translated = [entry for entry in po if entry.msgstr and not entry.obsolete]
    translation.import_po(po, user=user, tool_name="PO File")
    target = translation.get_target_instance()
    log(
        instance=target,
        action=PO_IMPORT_ACTION,
        user=user,
        data={
            "language": translation.target_locale.language_code,
            "translation_id": translation.pk,
            "entries": len(po),
            "translated": len(translated),
        },
    )
    return len(translated)


@require_POST
def upload_po(request, translation_id):
    """Replaces wagtail-localize's upload_pofile view (same URL, same form field ``file``)."""
    translation = get_object_or_404(Translation, pk=translation_id)
    upload = request.FILES.get("file")
    if upload is None:
        return HttpResponseBadRequest(_("No PO file was uploaded."))
    if upload.size > MAX_PO_BYTES:
        return HttpResponseBadRequest(_("This file is too large for a PO file."))
    next_url = get_valid_next_url_from_request(request) or reverse("wagtailadmin_home")
    try:
        po = parse_po(upload.read(), translation)
    except InvalidPOFile as error:
        messages.error(request, str(error))
        return redirect(next_url)
    count = import_po(translation, po, request.user)
    messages.success(
        request,
        _("Imported %(count)d translated strings. Submit the page for partner approval when it is ready.")
        % {"count": count},
    )
    return redirect(next_url)
