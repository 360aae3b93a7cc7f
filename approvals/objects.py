"""What partner approval needs to know of the object under review, page or snippet, in one place.

Pages and the toolkit's snippets go through the same workflow task; these helpers give each the title, language
and admin URLs the trail, the notifications, the dashboard and the editor's panel show.
"""

from django.contrib.admin.utils import quote
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext
from wagtail.admin.utils import get_admin_base_url
from wagtail.models import Page


def is_page(obj):
    return isinstance(obj, Page)


def admin_title(obj):
    if is_page(obj):
        return obj.get_admin_display_title()
    return str(obj)


def language_code(obj):
    """The object's language, or "" for content shown in every language (a tool adoption)."""
    locale = getattr(obj, "locale", None)
    return locale.language_code if locale is not None else ""


def language_name(obj):
    locale = getattr(obj, "locale", None)
    return locale.get_display_name() if locale is not None else gettext("all languages")


def _snippet_url(model, name, pk):
    try:
        return reverse(f"wagtailsnippets_{model._meta.app_label}_{model._meta.model_name}:{name}", args=[quote(pk)])
    except NoReverseMatch:
        return ""


def snippet_edit_url(model, pk):
    return _snippet_url(model, "edit", pk)


def edit_url(obj):
    if is_page(obj):
        return reverse("wagtailadmin_pages:edit", args=[obj.pk])
    return snippet_edit_url(type(obj), obj.pk)


REVIEW_URL_HOOK = "portal_review_url"
# Called once with a list of objects before their review URLs are asked one by one (the dashboard's panel), so a
# hook that reads the database for its answer reads it once for all of them.
REVIEW_URLS_PREPARE_HOOK = "portal_prepare_review_urls"


def prepare_review_urls(objs):
    from wagtail import hooks

    for hook in hooks.get_hooks(REVIEW_URLS_PREPARE_HOOK):
        hook(objs)


def review_url(obj):
    """Where a reviewer decides on ``obj``: the first URL a ``portal_review_url`` hook gives (the translations app
    gives its review screen for a translation), else the editor. The hook keeps this app free of the apps built on
    it."""
    from wagtail import hooks

    for hook in hooks.get_hooks(REVIEW_URL_HOOK):
        url = hook(obj)
        if url:
            return url
    return edit_url(obj)


def public_url(page):
    """The page's public address on the portal's own domain (``WAGTAILADMIN_BASE_URL``), for e-mails.

    A page's ``full_url`` is built from its Site record's host name, which an installation may leave at "localhost";
    the admin's base URL is the one address every installation sets, and the public site shares its domain.
    """
    url_parts = page.get_url_parts()
    return f"{get_admin_base_url()}{url_parts[2]}" if url_parts else ""


def unpublish_url(obj):
    if is_page(obj):
        return reverse("wagtailadmin_pages:unpublish", args=[obj.pk])
    return _snippet_url(type(obj), "unpublish", obj.pk)


def resubmit_url(obj):
    """The author's "Resubmit as my version" (``approvals.views.ResubmitAsOwnView``)."""
    from django.contrib.contenttypes.models import ContentType

    content_type = ContentType.objects.get_for_model(Page if is_page(obj) else obj, for_concrete_model=False)
    return reverse("approvals:resubmit", args=[content_type.pk, quote(obj.pk)])


def emergency_publish_url(obj):
    if is_page(obj):
        return reverse("approvals:emergency_publish", args=[obj.pk])
    meta = type(obj)._meta
    return reverse("approvals:emergency_publish_snippet", args=[meta.app_label, meta.model_name, quote(obj.pk)])


def record_fields(obj):
    """The copies every trail record keeps of the object it is about (``approvals.models.RevisionRecord``)."""
    from django.contrib.contenttypes.models import ContentType

    return {
        "page": obj if is_page(obj) else None,
        "content_type": ContentType.objects.get_for_model(obj, for_concrete_model=False)
        if not is_page(obj)
        else ContentType.objects.get_for_model(Page),
        "object_id": str(obj.pk),
        "page_title": admin_title(obj)[:255],
        "language": language_code(obj),
    }
