"""Wagtail's document view serves a file only when live public content uses it (``mediafiles.access``)."""

from wagtail import hooks

from mediafiles.access import refusal


@hooks.register("before_serve_document", order=-1)
def serve_only_what_live_content_uses(document, request):
    return refusal(document, request)
