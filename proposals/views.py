"""The public proposal form at ``/<lang>/propose/`` and its thank-you page.

The form page carries a CSRF token, which is one visitor's secret: it is sent ``never_cache`` (``Cache-Control:
private, no-store``), so neither the page cache (``pagecache.rules.is_public`` refuses private responses) nor a
browser or proxy keeps it, even for a visitor who already holds a CSRF cookie and so gets no ``Set-Cookie``.
Answers: 200 with the form; 400 with the form and its errors (nothing stored); 429 past the rate limit
(``proposals.throttle``); 503 when the portal has no index to draft into; a valid post stores the draft
(``proposals.drafts``), queues the e-mails and redirects to the thank-you page, so a reload posts nothing twice.
"""

import logging

from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from proposals import drafts, notifications, throttle
from proposals.forms import ProposalForm

logger = logging.getLogger(__name__)
TEMPLATE = "proposals/propose.html"


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def propose(request):
    language = translation.get_language()
    if request.method != "POST":
        return render(request, TEMPLATE, {"form": ProposalForm(language=language)})
    if throttle.over_limit(request):
        return render(request, "proposals/too_many.html", status=429)
    form = ProposalForm(request.POST, request.FILES, language=language)
    if not form.is_valid():
        if form.is_spam:
            logger.info("Proposal refused: honeypot filled")
        return render(request, TEMPLATE, {"form": form}, status=400)
    try:
        proposal = drafts.create_draft(form.cleaned_data, language)
    except drafts.NowhereToDraft:
        logger.error("Proposal refused: no index page to draft a %s into", form.cleaned_data["kind"])
        form.add_error(None, gettext("Proposals cannot be received at the moment. Please try again later."))
        return render(request, TEMPLATE, {"form": form}, status=503)
    notifications.acknowledge(proposal)
    notifications.tell_editors(proposal)
    return redirect("proposals_thanks")


def thanks(request):
    return render(request, "proposals/thanks.html")
