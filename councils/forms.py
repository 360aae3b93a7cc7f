"""The page edit form a council contributor gets: it writes only what its region owns.

Every portal page's form extends this one (``home.base.BasePage.base_form_class``). For anyone outside a council it
is Wagtail's own form. For a council contributor of region X (``councils.membership``):

- on a region page, every field but the council's sections (``councils.scope.REGION_PAGE_FIELDS``) is disabled:
  Django then ignores whatever is posted for it and keeps the stored value, so code, seat, title and slug cannot be
  changed even by a hand-made request;
- an experience's region can only be X; on its experiences and tools, whether the page is featured on the home page
  or shown in the site's menus stays the editors' (``councils.scope.EDITORS_ONLY_FIELDS``);
- a tool's "developed by (regions)" must name X, and the council cannot add or remove another region there;
- any other page type is entirely read-only (the permission tester refuses it before the form is reached anyway).
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from councils.membership import council_region_for
from councils.scope import EDITORS_ONLY_FIELDS, EXPERIENCE_PAGE, REGION_PAGE, REGION_PAGE_FIELDS, TOOL_PAGE, label_of

# Form fields that are not content: whether the person is told of comments on the page.
NOT_CONTENT = frozenset({"comment_notifications"})


class CouncilScopedPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.council_region = council_region_for(getattr(self, "for_user", None))
        if self.council_region is None:
            return
        label = label_of(self._meta.model)
        if label == REGION_PAGE:
            self._disable_all_but(REGION_PAGE_FIELDS)
        elif label in (EXPERIENCE_PAGE, TOOL_PAGE):
            for name in EDITORS_ONLY_FIELDS & set(self.fields):
                self.fields[name].disabled = True
            if label == EXPERIENCE_PAGE:
                region = self.fields["region"]
                region.queryset = region.queryset.filter(code=self.council_region)
                region.required = True
        else:
            self._disable_all_but(frozenset())

    def _disable_all_but(self, writable):
        for name, field in self.fields.items():
            if name not in writable and name not in NOT_CONTENT:
                field.disabled = True

    def clean_developed_by_regions(self):
        """A council's tool is developed by its region; the other regions named stay as the editors left them."""
        chosen = self.cleaned_data.get("developed_by_regions")
        if self.council_region is None or label_of(self._meta.model) != TOOL_PAGE:
            return chosen
        codes = {region.code for region in chosen or []}
        stored = type(self.instance).objects.filter(pk=self.instance.pk).first() if self.instance.pk else None
        others = set(stored.developed_by_regions.values_list("code", flat=True)) if stored else set()
        others.discard(self.council_region)
        if self.council_region not in codes:
            raise forms.ValidationError(_("A tool your council proposes must name your region among its developers."))
        if codes - {self.council_region} != others:
            raise forms.ValidationError(_("Only the editors can name other regions among a tool's developers."))
        return chosen
