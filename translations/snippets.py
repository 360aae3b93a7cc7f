"""The glossary in the admin: listed per language, visible to translators, exportable for DeepL."""

from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets.button import Button
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from translations.models import GlossaryTerm
from translations.roles import SOURCE_LANGUAGE


class GlossaryIndexView(IndexView):
    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        for target in ("ar", "en"):
            for file_format in ("tsv", "csv"):
                url = reverse("portal_translations:glossary_export")
                buttons.append(
                    Button(
                        _("DeepL glossary %(source)s → %(target)s (%(format)s)")
                        % {"source": SOURCE_LANGUAGE, "target": target, "format": file_format.upper()},
                        f"{url}?source={SOURCE_LANGUAGE}&target={target}&format={file_format}",
                        icon_name="download",
                    )
                )
        return buttons


class GlossaryTermViewSet(SnippetViewSet):
    model = GlossaryTerm
    icon = "doc-full"
    menu_label = _("Glossary")
    menu_name = "glossary"
    add_to_admin_menu = True
    menu_order = 250
    list_display = ["term", "locale", "note"]
    list_filter = ["locale"]
    search_fields = ["term"]
    index_view_class = GlossaryIndexView
