"""Every admin endpoint, classified: the portal decides on each one, and refuses what it has not decided on.

The portal's rules (partner approval before anything goes live, translators in their own language, reviewers who
decide but never write) are enforced on the models, in Wagtail's permission tester and hooks, and in front of
wagtail-localize's views. Each of those places covers the endpoints someone looked at. An upgrade of Wagtail or
wagtail-localize that adds a view would otherwise be reachable with only the library's own checks: it would fail
open. So every URL under the admin is named here with what protects it:

- ``READS``: answers without changing content (lists, forms shown by GET, choosers, previews kept in the session,
  reports, JSON for the editor's widgets).
- ``RULE``: writes, and the library's own permission check asks one of the portal's rules (the page permission
  tester ``approvals.permissions``, group permissions granted by ``bootstrap_portal``, the model guard
  ``approvals.guard`` that refuses any unapproved publication below every view).
- ``GUARDED``: writes, and a portal guard runs in front of or inside the view (the middleware
  ``translations.guards``, the ``before_*`` hooks of ``approvals``, the serialised edits of ``approvals.locking``,
  the file rules of ``mediafiles``) on top of the library's check. The regional councils' confinement adds its own
  on the same endpoints (``councils.permissions`` in the page tester, the ``before_*`` hooks of ``councils``, the
  middleware ``councils.guards`` in front of wagtail-localize): it only refuses more, so no classification changes.
- ``REFUSED``: not used by the portal; refused to everyone.

``FailClosedAdminMiddleware`` answers 403 to any request other than GET, HEAD or OPTIONS to an admin view that is
refused or missing from this table, before the view runs. ``tests/test_admin_endpoints.py`` walks every URL pattern
under the admin and fails when one is not classified, so an upgrade stops the suite until someone decides.

Keys are Django view names (``namespace:url_name``). Snippet viewsets repeat the same views for each model in a
namespace of their own (``wagtailsnippets_<app>_<model>``), so they are classified once by URL name under
``SNIPPET_VIEWS`` and ``SNIPPET_CHOOSER_VIEWS``. An unnamed pattern is keyed by its view's dotted path.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext

from security.refusals import admin_language, forbidden

READS = "reads"
RULE = "rule"
GUARDED = "guarded"
REFUSED = "refused"


@dataclass(frozen=True)
class Endpoint:
    """How an endpoint is kept to the portal's rules; ``by`` names the code that decides (importable, tested)."""

    kind: str
    by: str = ""


def reads():
    return Endpoint(READS)


def rule(by):
    return Endpoint(RULE, by)


def guarded(by):
    return Endpoint(GUARDED, by)


def refused():
    return Endpoint(REFUSED)


PAGE_TESTER = "approvals.permissions.PartnerApprovalPermissionTester"
MODEL_GUARD = "approvals.guard.ApprovalGuarded"
REVIEWER_WRITES = "approvals.decisions.refuse_reviewer_writes"
LOCALIZE_GUARD = "translations.guards.TranslationGuardMiddleware"
SERIALISED_EDITS = "approvals.locking.SerialisedEditsMiddleware"
FILE_RULES = "mediafiles.guard.refuse_changing_frozen_file"
SUPERUSER_ONLY = "django.contrib.auth.models.User.is_superuser"

# Wagtail's own admin, wagtail-localize's views, and the portal's admin views.
ENDPOINTS = {
    # Session and account.
    "wagtailadmin_home": reads(),
    "wagtailadmin_login": rule("security.views"),  # login throttling (axes) and the second factor
    "wagtailadmin_logout": reads(),
    "wagtailadmin_account": rule("security.two_factor.middleware.TwoFactorMiddleware"),
    "wagtailadmin_password_reset": rule("security.views"),
    "wagtailadmin_password_reset_done": reads(),
    "wagtailadmin_password_reset_confirm": rule("security.views"),
    "wagtailadmin_password_reset_complete": reads(),
    "wagtailadmin_dismissibles": rule("wagtail.users.models.UserProfile"),  # the user's own dismissed tips
    "wagtailadmin_javascript_catalog": reads(),
    "wagtailadmin_sprite": reads(),
    "wagtailadmin_error_test": reads(),
    "wagtailadmin_block_preview": reads(),
    "wagtailadmin_tag_autocomplete": reads(),
    "wagtailadmin_tag_model_autocomplete": reads(),
    "wagtail.admin.views.home.default": reads(),  # the admin's catch-all 404
    "django.views.generic.base.TemplateView": reads(),  # admin/test404/ (development only)
    "wagtailadmin_editing_sessions:ping": rule("wagtail.admin.models.EditingSession"),  # who else is editing
    "wagtailadmin_editing_sessions:release": rule("wagtail.admin.models.EditingSession"),
    # Page choosers.
    "wagtailadmin_choose_page": reads(),
    "wagtailadmin_choose_page_child": reads(),
    "wagtailadmin_choose_page_search": reads(),
    "wagtailadmin_choose_page_chosen_multiple": reads(),
    "wagtailadmin_choose_page_external_link": reads(),
    "wagtailadmin_choose_page_email_link": reads(),
    "wagtailadmin_choose_page_phone_link": reads(),
    "wagtailadmin_choose_page_anchor_link": reads(),
    # The page explorer and editor.
    "wagtailadmin_explore_root": reads(),
    "wagtailadmin_explore": reads(),
    "wagtailadmin_explore_results": reads(),
    "wagtailadmin_pages:add_subpage": reads(),
    "wagtailadmin_pages:choose_parent": reads(),
    "wagtailadmin_pages:add": guarded(MODEL_GUARD),  # a new page is a draft; its translators' trees confine them
    "wagtailadmin_pages:edit": guarded(REVIEWER_WRITES),  # + serialised edits, translation submission, model guard
    "wagtailadmin_pages:preview_on_add": reads(),
    "wagtailadmin_pages:preview_on_edit": reads(),
    "wagtailadmin_pages:view_draft": reads(),
    "wagtailadmin_pages:copy": guarded(MODEL_GUARD),  # a copy is never published (can_publish is false)
    "wagtailadmin_pages:delete": rule(PAGE_TESTER),
    "wagtailadmin_pages:move": reads(),
    "wagtailadmin_pages:move_confirm": rule(PAGE_TESTER),
    "wagtailadmin_pages:set_page_position": rule(PAGE_TESTER),
    "wagtailadmin_pages:set_privacy": rule(PAGE_TESTER),  # can_set_view_restrictions; mirrored by home.privacy
    "wagtailadmin_pages:unpublish": rule(PAGE_TESTER),  # can_unpublish: superusers and partner reviewers
    "wagtailadmin_pages:lock": rule(PAGE_TESTER),
    "wagtailadmin_pages:unlock": rule(PAGE_TESTER),
    "wagtailadmin_pages:convert_alias": guarded(LOCALIZE_GUARD),  # editors only
    "wagtailadmin_pages:history": reads(),
    "wagtailadmin_pages:history_results": reads(),
    "wagtailadmin_pages:usage": reads(),
    "wagtailadmin_pages:type_use": reads(),
    "wagtailadmin_pages:type_use_results": reads(),
    "wagtailadmin_pages:search": reads(),
    "wagtailadmin_pages:search_results": reads(),
    "wagtailadmin_pages:revisions_index": reads(),
    "wagtailadmin_pages:revisions_view": reads(),
    "wagtailadmin_pages:revisions_compare": reads(),
    "wagtailadmin_pages:revisions_revert": reads(),  # shows the editor; saving posts to the edit view
    "wagtailadmin_pages:revisions_unschedule": rule(PAGE_TESTER),  # can_unschedule: Wagtail's publish permission
    "wagtailadmin_pages:workflow_action": guarded(SERIALISED_EDITS),  # the partner's decision, one writer at a time
    "wagtailadmin_pages:collect_workflow_action_data": reads(),
    "wagtailadmin_pages:confirm_workflow_cancellation": reads(),
    "wagtailadmin_pages:workflow_history": reads(),
    "wagtailadmin_pages:workflow_history_detail": reads(),
    "wagtailadmin_pages:workflow_preview": reads(),
    "wagtail_bulk_action": guarded("translations.wagtail_hooks.confine_bulk_actions"),
    # The admin's internal API (the page chooser and the editor's widgets). Its one write, page actions, is unused.
    "wagtailadmin_api:pages:listing": reads(),
    "wagtailadmin_api:pages:detail": reads(),
    "wagtailadmin_api:pages:find": reads(),
    "wagtailadmin_api:pages:action": refused(),
    "wagtailadmin_api:images:listing": reads(),
    "wagtailadmin_api:images:detail": reads(),
    "wagtailadmin_api:images:find": reads(),
    "wagtailadmin_api:documents:listing": reads(),
    "wagtailadmin_api:documents:detail": reads(),
    "wagtailadmin_api:documents:find": reads(),
    # Reports.
    "wagtailadmin_reports:aging_pages": reads(),
    "wagtailadmin_reports:aging_pages_results": reads(),
    "wagtailadmin_reports:locked_pages": reads(),
    "wagtailadmin_reports:locked_pages_results": reads(),
    "wagtailadmin_reports:page_types_usage": reads(),
    "wagtailadmin_reports:page_types_usage_results": reads(),
    "wagtailadmin_reports:site_history": reads(),
    "wagtailadmin_reports:site_history_results": reads(),
    "wagtailadmin_reports:workflow": reads(),
    "wagtailadmin_reports:workflow_results": reads(),
    "wagtailadmin_reports:workflow_tasks": reads(),
    "wagtailadmin_reports:workflow_tasks_results": reads(),
    # Workflows and tasks: the partner workflow is set up by bootstrap_portal; only superusers manage them.
    "wagtailadmin_workflows:index": reads(),
    "wagtailadmin_workflows:index_results": reads(),
    "wagtailadmin_workflows:add": rule(SUPERUSER_ONLY),
    "wagtailadmin_workflows:edit": rule(SUPERUSER_ONLY),
    "wagtailadmin_workflows:disable": rule(SUPERUSER_ONLY),
    "wagtailadmin_workflows:enable": rule(SUPERUSER_ONLY),
    "wagtailadmin_workflows:remove": rule(SUPERUSER_ONLY),
    "wagtailadmin_workflows:usage": reads(),
    "wagtailadmin_workflows:usage_results": reads(),
    "wagtailadmin_workflows:task_index": reads(),
    "wagtailadmin_workflows:task_index_results": reads(),
    "wagtailadmin_workflows:select_task_type": reads(),
    "wagtailadmin_workflows:add_task": rule(SUPERUSER_ONLY),
    "wagtailadmin_workflows:edit_task": rule(SUPERUSER_ONLY),
    "wagtailadmin_workflows:disable_task": rule(SUPERUSER_ONLY),
    "wagtailadmin_workflows:enable_task": rule(SUPERUSER_ONLY),
    "wagtailadmin_workflows:task_chooser": reads(),
    "wagtailadmin_workflows:task_chooser_results": reads(),
    "wagtailadmin_workflows:task_chooser_create": rule(SUPERUSER_ONLY),
    "wagtailadmin_workflows:task_chosen": reads(),
    # Collections (the portal keeps Wagtail's root collection) and site settings.
    "wagtailadmin_collections:index": reads(),
    "wagtailadmin_collections:add": rule(SUPERUSER_ONLY),
    "wagtailadmin_collections:edit": rule(SUPERUSER_ONLY),
    "wagtailadmin_collections:delete": rule(SUPERUSER_ONLY),
    "wagtailadmin_collections:set_privacy": rule(SUPERUSER_ONLY),
    "wagtailsettings:edit": rule(SUPERUSER_ONLY),
    "wagtailsettings:preview_on_edit": reads(),
    # Images and documents: a file that live or pending content uses cannot be replaced or deleted.
    "wagtailimages:index": reads(),
    "wagtailimages:index_results": reads(),
    "wagtailimages:add": guarded("mediafiles.forms.ImageForm"),
    "wagtailimages:add_multiple": guarded("mediafiles.forms.ImageForm"),
    "wagtailimages:create_multiple_from_uploaded_image": guarded(FILE_RULES),
    "wagtailimages:edit": guarded(FILE_RULES),
    "wagtailimages:edit_multiple": guarded(FILE_RULES),
    "wagtailimages:delete": guarded("mediafiles.guard.refuse_deleting_used_file"),
    "wagtailimages:delete_multiple": guarded("mediafiles.guard.refuse_deleting_used_file"),
    "wagtailimages:delete_upload_multiple": rule("wagtail.permissions.policy_registry"),
    "wagtailimages:image_usage": reads(),
    "wagtailimages:preview": reads(),
    "wagtailimages:url_generator": reads(),
    "wagtailimages:url_generator_output": reads(),
    "wagtailimages_chooser:choose": reads(),
    "wagtailimages_chooser:choose_results": reads(),
    "wagtailimages_chooser:chosen": reads(),
    "wagtailimages_chooser:chosen_multiple": reads(),
    "wagtailimages_chooser:select_format": reads(),
    "wagtailimages_chooser:create": guarded("mediafiles.forms.ImageForm"),
    "wagtaildocs:index": reads(),
    "wagtaildocs:index_results": reads(),
    "wagtaildocs:add": guarded("mediafiles.forms.DocumentForm"),
    "wagtaildocs:add_multiple": guarded("mediafiles.forms.DocumentForm"),
    "wagtaildocs:create_multiple_from_uploaded_document": guarded(FILE_RULES),
    "wagtaildocs:edit": guarded(FILE_RULES),
    "wagtaildocs:edit_multiple": guarded(FILE_RULES),
    "wagtaildocs:delete": guarded("mediafiles.guard.refuse_deleting_used_file"),
    "wagtaildocs:delete_multiple": guarded("mediafiles.guard.refuse_deleting_used_file"),
    "wagtaildocs:delete_upload_multiple": rule("wagtail.permissions.policy_registry"),
    "wagtaildocs:document_usage": reads(),
    "wagtaildocs_chooser:choose": reads(),
    "wagtaildocs_chooser:choose_results": reads(),
    "wagtaildocs_chooser:chosen": reads(),
    "wagtaildocs_chooser:chosen_multiple": reads(),
    "wagtaildocs_chooser:create": guarded("mediafiles.forms.DocumentForm"),
    # Embeds: the chooser fetches an oEmbed preview and stores nothing the public sees until a page goes live.
    "wagtailembeds:chooser": reads(),
    "wagtailembeds:chooser_upload": reads(),
    # Forms: the portal has no form pages.
    "wagtailforms:index": reads(),
    "wagtailforms:index_results": reads(),
    "wagtailforms:list_submissions": reads(),
    "wagtailforms:list_submissions_results": reads(),
    "wagtailforms:delete_submissions": refused(),
    # Redirects, locales, sites, users and groups: administration, superusers only (no group holds these).
    "wagtailredirects:index": reads(),
    "wagtailredirects:index_results": reads(),
    "wagtailredirects:add": rule(SUPERUSER_ONLY),
    "wagtailredirects:edit": rule(SUPERUSER_ONLY),
    "wagtailredirects:delete": rule(SUPERUSER_ONLY),
    "wagtailredirects:start_import": rule(SUPERUSER_ONLY),
    "wagtailredirects:process_import": rule(SUPERUSER_ONLY),
    "wagtaillocales:index": reads(),
    "wagtaillocales:index_results": reads(),
    "wagtaillocales:add": rule(SUPERUSER_ONLY),
    "wagtaillocales:edit": rule(SUPERUSER_ONLY),
    "wagtaillocales:copy": rule(SUPERUSER_ONLY),
    "wagtaillocales:delete": rule(SUPERUSER_ONLY),
    "wagtaillocales:history": reads(),
    "wagtaillocales:history_results": reads(),
    "wagtaillocales:usage": reads(),
    "wagtailsites:index": reads(),
    "wagtailsites:index_results": reads(),
    "wagtailsites:add": rule(SUPERUSER_ONLY),
    "wagtailsites:edit": rule(SUPERUSER_ONLY),
    "wagtailsites:copy": rule(SUPERUSER_ONLY),
    "wagtailsites:delete": rule(SUPERUSER_ONLY),
    "wagtailsites:history": reads(),
    "wagtailsites:history_results": reads(),
    "wagtailsites:usage": reads(),
    "wagtailusers_users:index": reads(),
    "wagtailusers_users:index_results": reads(),
    "wagtailusers_users:add": rule(SUPERUSER_ONLY),
    "wagtailusers_users:edit": rule(SUPERUSER_ONLY),
    "wagtailusers_users:copy": rule(SUPERUSER_ONLY),
    "wagtailusers_users:delete": rule(SUPERUSER_ONLY),
    "wagtailusers_users:history": reads(),
    "wagtailusers_users:history_results": reads(),
    "wagtailusers_users:usage": reads(),
    "wagtailusers_groups:index": reads(),
    "wagtailusers_groups:index_results": reads(),
    "wagtailusers_groups:add": rule(SUPERUSER_ONLY),
    "wagtailusers_groups:edit": rule(SUPERUSER_ONLY),
    "wagtailusers_groups:delete": rule(SUPERUSER_ONLY),
    "wagtailusers_groups:history": reads(),
    "wagtailusers_groups:history_results": reads(),
    "wagtailusers_groups:usage": reads(),
    "wagtailsnippets:index": reads(),
    # wagtail-localize: every view that writes passes the portal's translation guard first.
    "wagtail_localize:submit_page_translation": guarded(LOCALIZE_GUARD),
    "wagtail_localize:submit_snippet_translation": guarded(LOCALIZE_GUARD),
    "wagtail_localize:update_translations": guarded(LOCALIZE_GUARD),  # never publishes
    "wagtail_localize:convert_to_alias": guarded(LOCALIZE_GUARD),
    "wagtail_localize:stop_translation": guarded(LOCALIZE_GUARD),
    "wagtail_localize:edit_string_translation": guarded(LOCALIZE_GUARD),
    "wagtail_localize:edit_override": guarded(LOCALIZE_GUARD),
    "wagtail_localize:machine_translate": guarded(LOCALIZE_GUARD),
    "wagtail_localize:upload_pofile": guarded("translations.po.upload_po"),
    "wagtail_localize:download_pofile": guarded(LOCALIZE_GUARD),  # own language only
    "wagtail_localize:preview_translation": guarded(LOCALIZE_GUARD),  # own language only
    "wagtail_localize:javascript_catalog": reads(),
    "wagtail_localize:snippets_api_listing": reads(),
    "wagtail_localize:snippets_api_detail": reads(),
    "wagtail_localize:translations_report": reads(),
    "wagtail_localize:translations_report_results": reads(),
    # The portal's own admin views.
    "approvals:decide": guarded("approvals.decisions.take_decision"),
    "approvals:resubmit": guarded("approvals.reviewers.may_resubmit_as_own"),
    "approvals:emergency_publish": guarded("approvals.permissions.may_emergency_publish"),
    "approvals:emergency_publish_snippet": guarded("approvals.permissions.may_emergency_publish"),
    "approvals:report": reads(),
    "approvals:report_results": reads(),
    "proposals:index": reads(),  # editors and superusers only (proposals.admin_views.may_read_proposals)
    "proposals:index_results": reads(),
    "portal_translations:status": reads(),
    "portal_translations:status_results": reads(),
    "portal_translations:compare": reads(),
    "portal_translations:review": reads(),
    "portal_translations:review_snippet": reads(),
    "portal_translations:glossary_export": reads(),
    "portal_translations:translate_all": guarded("translations.roles.may_manage_translations"),
    "portal_translations:withdraw": guarded("translations.views"),
    "portal_translations:withdraw_snippet": guarded("translations.views"),
    "portal_2fa_account": reads(),
    "portal_2fa_enrol": rule("security.two_factor.views"),
    "portal_2fa_verify": rule("security.two_factor.views"),
    "portal_2fa_recovery_codes": rule("security.two_factor.views"),
    "portal_2fa_remove": rule("security.two_factor.views"),
    "portal_2fa_reset": rule(SUPERUSER_ONLY),
    # Subscriptions: counts for editors and reviewers, addresses for superusers (subscriptions.admin_views); no write.
    "subscriptions_admin:counts": reads(),
    "subscriptions_admin:addresses": reads(),
}

# The views of each snippet model's viewset, by URL name.
SNIPPET_VIEWS = {
    "list": reads(),
    "list_results": reads(),
    "add": guarded(LOCALIZE_GUARD),  # language; reviewers refused (approvals.reviewers); a new snippet is a draft
    "edit": guarded(REVIEWER_WRITES),  # + language, serialised edits, the snippet model guard
    "copy": reads(),  # shows the add form; saving posts to add
    "delete": guarded("approvals.wagtail_hooks.live_snippets_are_unpublished_before_deletion"),
    "unpublish": rule("approvals.permissions.may_unpublish_snippet"),
    "lock": rule("wagtail.snippets.permissions"),
    "unlock": rule("wagtail.snippets.permissions"),
    "history": reads(),
    "history_results": reads(),
    "usage": reads(),
    "revisions_compare": reads(),
    "revisions_revert": reads(),
    "revisions_unschedule": rule(MODEL_GUARD),
    "workflow_action": guarded(SERIALISED_EDITS),
    "collect_workflow_action_data": reads(),
    "confirm_workflow_cancellation": reads(),
    "workflow_history": reads(),
    "workflow_history_detail": reads(),
    "preview_on_add": reads(),
    "preview_on_edit": reads(),
    "preview_revision": reads(),
}

# The snippet choosers. Their create view has no form for the portal's snippets (Wagtail answers a POST with a 500),
# and creating there would skip the language and reviewer checks of the snippet's own add view: refused.
SNIPPET_CHOOSER_VIEWS = {
    "choose": reads(),
    "choose_results": reads(),
    "chosen": reads(),
    "chosen_multiple": reads(),
    "create": refused(),
}

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def classify(match):
    """The ``Endpoint`` of a resolved admin URL, or None when nobody has classified it."""
    namespace = match.namespaces[0] if match.namespaces else ""
    if namespace.startswith("wagtailsnippets_"):
        return SNIPPET_VIEWS.get(match.url_name)
    if namespace.startswith("wagtailsnippetchoosers_"):
        return SNIPPET_CHOOSER_VIEWS.get(match.url_name)
    return ENDPOINTS.get(match.view_name)


def refusal_message():
    return gettext("This action is not available on the portal.")


class FailClosedAdminMiddleware:
    """Refuses a write (any method but GET, HEAD, OPTIONS) to an admin view that is refused or not classified, with a
    403 before the view runs, so it changes nothing. Reads of unclassified views go through: the library's own
    checks apply, and the test of this table names them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    @cached_property
    def admin_prefix(self):
        return reverse("wagtailadmin_home")

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if request.method in SAFE_METHODS or match is None or not request.path_info.startswith(self.admin_prefix):
            return None
        endpoint = classify(match)
        if endpoint is not None and endpoint.kind != REFUSED:
            return None
        with admin_language(request):
            return forbidden(request, refusal_message())
