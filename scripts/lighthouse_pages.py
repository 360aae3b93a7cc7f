"""Print the pages `make lighthouse` measures: one live page of each public page type in each language, plus the
search page, as `<type> <language> <path>` lines. Run through `manage.py shell` (scripts/lighthouse.sh).

The first live page of a type in tree order stands for its type, so two runs over the same demo content measure the
same pages.
"""

from urllib.parse import quote

from wagtail.models import Page

PAGE_TYPES = {
    "HomePage": "home",
    "ToolIndexPage": "tool index",
    "ToolPage": "tool",
    "GuidePage": "guide",
    "ExperiencePage": "experience",
    "RecommendationPage": "recommendation",
    "BenchmarkPage": "benchmark",
    "RegionIndexPage": "region index",
    "RegionPage": "region",
    "AdoptionOverviewPage": "overview",
    "InformationPage": "institutional",
}
LANGUAGES = ("fr", "ar", "en")
# A word present in the demo content of each language, so that the search page shows results and facets.
SEARCH_WORDS = {"fr": "participation", "ar": "المشاركة", "en": "participation"}

found = {}
for page in Page.objects.live().public().specific().order_by("path"):
    kind = PAGE_TYPES.get(type(page).__name__)
    if kind and page.url:
        found.setdefault((kind, page.locale.language_code), page.url)

for kind in PAGE_TYPES.values():
    for language in LANGUAGES:
        if (kind, language) in found:
            print(kind.replace(" ", "_"), language, found[(kind, language)])
for language in LANGUAGES:
    print("search_form", language, f"/{language}/search/")
    print("search", language, f"/{language}/search/?q={quote(SEARCH_WORDS[language])}")
