"""Refusals a person reads.

The admin's guards (``approvals.endpoints``, ``translations.guards``, ``councils.guards``, the translators' bulk
actions) refuse before the view runs, with a 403 that changes nothing. A script's request (the translation editor's,
Wagtail's own fetches) reads the message as plain text. A person's browser that navigates to a refused address or
submits a refused form (``Sec-Fetch-Mode: navigate``; a browser that does not send it and asks for HTML) gets the
message in the admin's own frame instead, in the person's admin language (Wagtail activates it inside its views, which
these guards run before), right to left in Arabic, with a way back to the dashboard: plain text showed as a bare
left-to-right page, even in Arabic. Either way the message is escaped: it may name a locale code taken from the URL.

A guard runs its checks and answers inside ``admin_language(request)``, so the message and its frame share one
language.
"""

from contextlib import nullcontext

from django.http import HttpResponseForbidden
from django.template.response import TemplateResponse
from django.utils import translation


def refused(request, message, status=403):
    """A refusal the person reads, in the admin's frame (Wagtail would answer a PermissionDenied with a generic
    "Sorry, you do not have permission" on the dashboard)."""
    return TemplateResponse(request, "security/refused.html", {"message": message}, status=status)


def forbidden(request, message):
    """A guard's 403: the admin's page, rendered now (in the active language), for a person's browser; plain text for
    a script."""
    if not is_navigation(request):
        return HttpResponseForbidden(message, content_type="text/plain; charset=utf-8")
    response = refused(request, message)
    response.render()
    return response


def is_navigation(request):
    mode = request.headers.get("Sec-Fetch-Mode")
    if mode is not None:
        return mode == "navigate"
    return "text/html" in request.headers.get("Accept", "")


def admin_language(request):
    """For a person's navigation, their admin language active (as in Wagtail's views); else nothing changes."""
    if not is_navigation(request):
        return nullcontext()
    profile = getattr(getattr(request, "user", None), "wagtail_userprofile", None)  # none yet: no row is written
    return translation.override(profile.get_preferred_language()) if profile is not None else nullcontext()
