"""Admin views of the translation workflow: the status report, "translate into all languages", the review screen of
a translation (side by side with its French source) and its withdrawal, and the glossary export."""

import django_filters
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale, Page, WorkflowState, get_page_models

from approvals.decisions import DecisionRefused, take_decision
from approvals.objects import admin_title, edit_url
from security.refusals import refused
from translations.glossary import FORMATS, glossary_entries, render_glossary
from translations.review import build_screen, get_translation, may_view, may_withdraw, withdraw_url
from translations.roles import SOURCE_LANGUAGE, may_manage_translations
from translations.sources import is_source, source_pages, source_version
from translations.starting import missing_locales, translate_into_all_languages
from translations.status import (
    STATUS_LABELS,
    STATUSES,
    counts_by_language,
    languages_in,
    select_rows,
    status_rows,
    target_languages,
)


# Status report ------------------------------------------------------------------------------------------------------
def section_choices():
    """The sections of the site: the children of the French home page(s)."""
    return [
        (page.pk, page.title)
        for page in Page.objects.filter(locale__language_code=SOURCE_LANGUAGE, depth=3).order_by("path")
    ]


def page_type_choices():
    types = ContentType.objects.get_for_models(*get_page_models())
    return sorted(((ct.pk, model._meta.verbose_name.capitalize()) for model, ct in types.items()), key=lambda c: c[1])


def language_choices():
    return [("", gettext_lazy("Any language"))] + [
        (locale.language_code, locale.get_display_name()) for locale in target_languages()
    ]


SORT_CHOICES = [
    ("", gettext_lazy("Site order")),
    ("status", gettext_lazy("Status (what awaits a translator first)")),
    ("-date", gettext_lazy("Source page published, newest first")),
    ("date", gettext_lazy("Source page published, oldest first")),
]


class TranslationStatusFilterSet(WagtailFilterSet):
    section = django_filters.ChoiceFilter(
        label=gettext_lazy("Section"), choices=section_choices, method="filter_section", empty_label=None
    )
    content_type = django_filters.ChoiceFilter(
        label=gettext_lazy("Page type"), choices=page_type_choices, field_name="content_type"
    )

    # Status, language and sort are read from the computed statuses, not the database (``select_rows``).
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("Status"),
        choices=list(STATUS_LABELS.items()),
        method="by_status_rows",
        empty_label=gettext_lazy("Any status"),
    )
    language = django_filters.ChoiceFilter(
        label=gettext_lazy("Status in"), choices=language_choices, method="by_status_rows", empty_label=None
    )
    sort = django_filters.ChoiceFilter(
        label=gettext_lazy("Sort by"), choices=SORT_CHOICES, method="by_status_rows", empty_label=None
    )

    class Meta:
        model = Page
        fields = []

    def by_status_rows(self, queryset, name, value):
        return queryset

    def filter_section(self, queryset, name, value):
        section = Page.objects.filter(pk=value).first()
        if section is None:
            return queryset.none()
        return queryset.filter(path__startswith=section.path)


class TranslationStatusView(ReportView):
    """Every source page (French, or Arabic when written first in Arabic) against every other language: up to date,
    out of date, in review or missing."""

    page_title = gettext_lazy("Translation status")
    header_icon = "wagtail-localize-language"
    template_name = "translations/status_report.html"
    results_template_name = "translations/status_report_results.html"
    filterset_class = TranslationStatusFilterSet
    index_url_name = "portal_translations:status"
    index_results_url_name = "portal_translations:status_results"
    paginate_by = 100
    any_permission_required = None

    def get_queryset(self):
        return source_pages().select_related("locale").order_by("path")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        locales = self.locales
        counts = counts_by_language(self.rows, locales)
        row_of = {row.source.pk: row for row in self.rows}  # this page of results, without computing it again
        rows = [row_of[page.pk] for page in context["object_list"] if page.pk in row_of]
        context.update(
            locales=locales,
            table=[
                (row.source, [(locale.language_code, row.cells.get(locale.language_code)) for locale in locales])
                for row in rows
            ],
            statuses=[(status, STATUS_LABELS[status]) for status in STATUSES],
            counts=[(locale, [counts[locale.language_code][status] for status in STATUSES]) for locale in locales],
        )
        return context

    def decorate_paginated_queryset(self, object_list):
        return object_list

    def get(self, request, *args, **kwargs):
        if self.filters and not self.filters.is_valid():
            errors = "; ".join(f"{name}: {' '.join(error)}" for name, error in self.filters.errors.items())
            return HttpResponseBadRequest(_("Invalid filter: %(errors)s") % {"errors": errors})
        options = self.filters.form.cleaned_data if self.filters else {}
        every_language = target_languages()
        rows = status_rows(self.get_filtered_queryset(), every_language)
        self.locales = languages_in(rows, every_language)
        self.rows = select_rows(
            rows,
            status=options.get("status"),
            language=options.get("language"),
            sort=options.get("sort"),
        )
        self.object_list = [row.source for row in self.rows]
        return self.render_to_response(self.get_context_data())


# Starting translations ----------------------------------------------------------------------------------------------
def translate_all(request, page_id):
    """Translate a source page (French, or Arabic when written first in Arabic) into every language it lacks
    (confirmation on GET, action on POST). A translation is not translated onwards: the text comes from its source."""
    page = get_object_or_404(Page, pk=page_id).specific
    if not may_manage_translations(request.user) or not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied(_("Only editors can start translations."))
    if not is_source(page):
        source = source_version(page)
        language = source.locale.get_display_name() if source is not None else ""
        return HttpResponseBadRequest(
            _("Translations start from the source page (%(language)s).") % {"language": language}
        )
    locales = list(missing_locales(page))
    if request.method == "POST":
        languages = translate_into_all_languages(page, request.user)
        if languages:
            messages.success(
                request,
                _("“%(title)s” is being translated into %(languages)s. Its translators have been notified.")
                % {
                    "title": page.get_admin_display_title(),
                    "languages": ", ".join(str(locale.get_display_name()) for locale in locales),
                },
            )
        else:
            messages.warning(request, _("This page is already translated into every language."))
        return redirect("wagtailadmin_pages:edit", page.pk)
    return TemplateResponse(
        request, "translations/translate_all.html", {"page": page, "locales": locales, "header_icon": "doc-empty"}
    )


# Review screen ------------------------------------------------------------------------------------------------------
def review(request, **kwargs):
    """A translation under review next to its French source, what changed since its live version, the partners'
    decisions, and (for a reviewer whose partner's decision is pending) Approve / Request changes.

    A POST is a decision on the revision shown (``approvals.decisions``): it writes no revision, only the decision.
    """
    obj = get_translation(**kwargs)
    if not may_view(request.user, obj):
        return refused(request, _("You cannot review this translation: it is in a language you do not work in."))
    status, form = 200, None
    if request.method == "POST":
        revision_id = request.POST.get("revision", "")
        if not revision_id.isdigit():
            return refused(request, _("The form is incomplete: reload the page and try again."), status=400)
        try:
            message = take_decision(
                obj, request.user, request.POST.get("action", ""), request.POST, revision_id=revision_id
            )
        except DecisionRefused as refusal:
            messages.error(request, refusal.message)
            status, form = refusal.status, refusal.form
            obj = type(obj)._default_manager.get(pk=obj.pk)  # as it is now
            obj = obj.specific if isinstance(obj, Page) else obj
        else:
            # The dashboard, where the next review waits (as after a decision in the page editor): back on this
            # screen, "not in review" or "nothing awaits you" would stand beside the decision's message.
            messages.success(request, message)
            return redirect("wagtailadmin_home")
    screen = build_screen(obj, request.user)
    return TemplateResponse(
        request,
        "translations/review.html",
        {
            "screen": screen,
            "object": obj,
            "title": admin_title(obj),
            "source_locale": screen.source.locale if screen.source is not None else None,
            "target_locale": obj.locale,
            "edit_url": edit_url(obj),
            "rejected_form": form if request.POST.get("action") == "reject" else None,
            "may_withdraw": may_withdraw(request.user, obj),
            "withdraw_url": withdraw_url(obj),
        },
        status=status,
    )


@require_POST
def withdraw(request, **kwargs):
    """Withdraw a submission (cancel its workflow): the translation is unlocked for its translators, nothing goes
    live. wagtail-localize's translation editor has no working cancel of its own (it swallows the POST)."""
    obj = get_translation(**kwargs)
    state = obj.current_workflow_state
    if state is None or state.status not in (WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES):
        return refused(request, _("This translation is not awaiting the partners: there is nothing to withdraw."), 409)
    if not may_withdraw(request.user, obj):
        return refused(
            request, _("Only whoever submitted it, an editor or an administrator can withdraw this submission.")
        )
    state.cancel(user=request.user)
    messages.success(
        request,
        _("The submission was withdrawn: nothing was published, and the translation can be edited again."),
    )
    return redirect(edit_url(obj))


# Glossary -----------------------------------------------------------------------------------------------------------
def glossary_export(request):
    """The glossary for one language pair, as a DeepL glossary file (TSV by default, or CSV)."""
    if not request.user.has_perm("translations.view_glossaryterm") and not request.user.has_perm(
        "translations.change_glossaryterm"
    ):
        raise PermissionDenied
    source = request.GET.get("source", SOURCE_LANGUAGE)
    target = request.GET.get("target", "")
    file_format = request.GET.get("format", "tsv")
    codes = set(Locale.objects.values_list("language_code", flat=True))
    if source not in codes or target not in codes or source == target or file_format not in FORMATS:
        return HttpResponseBadRequest(
            _("Choose two different languages among %(codes)s and a format among %(formats)s.")
            % {"codes": ", ".join(sorted(codes)), "formats": ", ".join(FORMATS)}
        )
    entries, _skipped = glossary_entries(source, target)
    response = HttpResponse(
        render_glossary(entries, file_format), content_type=f"{FORMATS[file_format]}; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="glossary-{source}-{target}.{file_format}"'
    return response
