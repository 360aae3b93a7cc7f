"""A council contributor in wagtail-localize's translation editor: its own region page's sections, nothing else.

The Arabic region page is a translation of the French one, so a council writes its Arabic presentation and contacts
in the translation editor. wagtail-localize asks only "may this user edit the target page?" (the permission tester,
``councils.permissions``, answers yes for the council's own region page only). This middleware adds, for council
contributors, in front of every wagtail-localize view that writes:

- the one write allowed is a string of its own region page whose field the council owns
  (``councils.scope.REGION_PAGE_FIELDS``): title, slug, seat and the SEO fields stay the translators';
- everything else that writes is refused: overrides of synchronised fields (the official code among them), machine
  translation, PO upload, and the editors' management of translations.

The refusal is a 403 with its reason, before the view runs, so nothing changes.
"""

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from wagtail_localize.models import StringSegment, Translation

from councils.membership import council_region_for
from councils.scope import REGION_PAGE, REGION_PAGE_FIELDS, is_in_region, label_of
from security.refusals import admin_language, forbidden

READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def check_string_edit(region, translation_id, string_segment_id):
    translation = get_object_or_404(Translation.objects.select_related("source"), pk=translation_id)
    segment = get_object_or_404(StringSegment.objects.select_related("context"), pk=string_segment_id)
    try:
        target = translation.get_target_instance()
    except ObjectDoesNotExist:
        target = None
    if target is None or label_of(target) != REGION_PAGE or not is_in_region(target, region):
        raise PermissionDenied(_("Regional councils translate nothing but their own region page's sections."))
    if segment.context.path.split(".")[0] not in REGION_PAGE_FIELDS:
        raise PermissionDenied(
            _("This part of the region page is kept by the editors: your council writes its presentation and contacts.")
        )


class CouncilTranslationGuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or request.method in READ_METHODS or "wagtail_localize" not in match.namespaces:
            return None
        region = council_region_for(request.user)
        if region is None:
            return None
        with admin_language(request):
            try:
                if match.url_name != "edit_string_translation":
                    raise PermissionDenied(_("Regional councils do not manage translations: the translators do."))
                check_string_edit(region, view_kwargs["translation_id"], view_kwargs["string_segment_id"])
            except PermissionDenied as refusal:
                return forbidden(request, str(refusal))
        return None
