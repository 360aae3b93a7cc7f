"""What a subscriber may narrow their digest by, and which pages a subscriber's filters match.

The values are the feeds' own (dissemination/feeds.py), the same in every language: page types by their ``?type=``
value, themes by slug (the live theme snippets of the language), regions by their official code
(toolkit/reference.py). An empty list means "all": a subscriber who chose no theme hears of every theme.

A page matches when its type is one of the chosen types, it carries one of the chosen themes (page types without
themes never match a theme filter, as in the feeds) and it concerns one of the chosen regions (the feeds' rule:
tools developed or adopted there, experiences of that region, the region's own page).
"""

from django.apps import apps
from django.conf import settings

from dissemination.feeds import TYPES, region_condition, region_names
from home.languages import NATIVE_NAMES


def language_choices():
    """Each language in its own name, as the language switcher says it: a reader finds theirs on any page."""
    return [(code, NATIVE_NAMES.get(code, code)) for code, _name in settings.LANGUAGES]


def type_choices():
    return [(kind, label) for kind, (_model, label) in TYPES.items()]


def theme_choices(language):
    """(slug, name) of the live themes of ``language``: one query."""
    themes = apps.get_model("toolkit", "Theme").objects.filter(locale__language_code=language, live=True)
    return list(themes.order_by("pk").values_list("slug", "name"))


def region_choices(language):
    """(code, name) of the twelve regions in ``language``, from the reference sheet (no query)."""
    return [(code, f"{code} · {name}") for code, name in region_names(language).items()]


def has_themes(model):
    return any(field.name == "themes" for field in model._meta.get_fields())


def model_of(kind):
    return apps.get_model("toolkit", TYPES[kind][0])


class Candidate:
    """A page that may go into digests: its type, live revision and the themes and regions it concerns."""

    def __init__(self, kind, page):
        self.kind = kind
        self.page = page
        self.themes = set()
        self.regions = set()

    def matches(self, subscriber):
        if subscriber.page_types and self.kind not in subscriber.page_types:
            return False
        if subscriber.themes and not self.themes & set(subscriber.themes):
            return False
        return not subscriber.regions or bool(self.regions & set(subscriber.regions))


def describe(candidates, kind, region_codes):
    """Fill each candidate's themes and regions: one query for themes, one per wanted region code."""
    model = model_of(kind)
    by_pk = {candidate.page.pk: candidate for candidate in candidates}
    if not by_pk:
        return
    if has_themes(model):
        for pk, slug in model.objects.filter(pk__in=by_pk, themes__isnull=False).values_list("pk", "themes__slug"):
            by_pk[pk].themes.add(slug)
    for code in region_codes:
        condition = region_condition(kind, code)
        if condition is None:
            continue
        for pk in model.objects.filter(pk__in=by_pk).filter(condition).values_list("pk", flat=True).distinct():
            by_pk[pk].regions.add(code)
