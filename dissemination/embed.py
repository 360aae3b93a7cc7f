"""The embeddable widget: a region's adopted tools, for a regional council to show on its own site in an iframe.

A self-contained page (its own small stylesheet, no header, footer or script) under the language prefix, so the page
cache keeps it like any public page and renews it with the language's generation when an adoption or a tool is
published: the widget is always current without asking the council to change anything. It sets no cookie (no
session, no CSRF token: it has no form), which also keeps it cacheable. It is the one public page another site may
frame: ``xframe_options_exempt`` here, and the embed exception in ``security/headers.py`` for frame-ancestors.
"""

from django.http import Http404
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe

from home.privacy import live_public
from toolkit.models import RegionPage
from toolkit.reference import REGION_CODES


def _region(code):
    if code not in REGION_CODES:
        raise Http404("Unknown region code.")
    region = (
        live_public(RegionPage.objects)
        .filter(code=code, locale__language_code=translation.get_language())
        .select_related("locale")
        .first()
    )
    if region is None:
        raise Http404("This region has no page in this language.")
    return region


@require_safe
@xframe_options_exempt
def region_widget(request, code):
    region = _region(code)
    return render(request, "embed/region.html", {"region": region, "adoptions": region.adopted_tools()})
