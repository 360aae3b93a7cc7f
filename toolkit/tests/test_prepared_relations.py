"""The detail pages read their relations through compiled queries (home/prepared.py): the same values, in the same
order, as the relation managers; a preview still shows the relations being edited, not the stored ones."""

import pytest
from django.test import RequestFactory
from django.utils.html import escape

from toolkit.lookups import localized_link_groups, relation_links
from toolkit.models import ExperiencePage, GuidePage, Partner, RecommendationPage, RegionPage, ToolPage
from toolkit.models.pages import related_values

pytestmark = pytest.mark.django_db


def managers(page, relation, column):
    return list(getattr(page, relation).values_list(column, flat=True))


def test_related_values_equal_the_managers_for_every_tool_and_language(demo):
    tools = list(ToolPage.objects.all())
    assert len(tools) >= 6
    relations = [("developed_by_regions", "code"), ("developed_by_partners", "slug"), ("themes", "slug")]
    for tool in tools:
        for relation, column in relations:
            assert related_values(tool, relation, column) == managers(tool, relation, column), (tool, relation)


def test_several_regions_and_partners_keep_the_managers_order(demo):
    tool = ToolPage.objects.filter(locale__language_code="fr").order_by("path").first()
    regions = list(RegionPage.objects.filter(locale__language_code="fr").order_by("-code")[:3])
    through = ToolPage.developed_by_regions.through
    through.objects.filter(toolpage=tool).delete()
    for region in regions:  # stored in reverse order of their place in the tree
        through.objects.create(toolpage=tool, regionpage=region)
    partners = list(Partner.objects.filter(locale__language_code="fr").order_by("-pk"))
    ToolPage.developed_by_partners.through.objects.filter(toolpage=tool).delete()
    for partner in partners:
        ToolPage.developed_by_partners.through.objects.create(toolpage=tool, partner=partner)
    tool = ToolPage.objects.get(pk=tool.pk)

    codes = related_values(tool, "developed_by_regions", "code")
    assert codes == managers(tool, "developed_by_regions", "code") == sorted(region.code for region in regions)
    slugs = related_values(tool, "developed_by_partners", "slug")
    assert slugs == managers(tool, "developed_by_partners", "slug") and len(slugs) == len(partners) >= 3


def test_a_preview_shows_the_regions_being_edited(demo, users):
    tool = ToolPage.objects.live().filter(locale__language_code="fr", developed_by_regions__isnull=False).first()
    stored = set(related_values(tool, "developed_by_regions", "code"))
    other = RegionPage.objects.filter(locale__language_code="fr").exclude(code__in=stored).order_by("code").first()
    draft = tool.get_latest_revision_as_object()
    draft.developed_by_regions = [other]  # held in memory by modelcluster, as the admin's preview form does

    assert related_values(draft, "developed_by_regions", "code") == [other.code]
    request = RequestFactory().get("/")
    request.user = users["editor"]
    html = draft.serve_preview(request, draft.default_preview_mode).render().content.decode()
    assert escape(other.title) in html

    # The stored page still shows its stored regions, and nothing was written.
    assert set(related_values(ToolPage.objects.get(pk=tool.pk), "developed_by_regions", "code")) == stored


def test_relation_links_equal_the_orm_links_for_every_page_and_language(demo):
    """Guides, experiences and recommendations link their relations, in the page's language, through one compiled
    query: the same pages, in the same order, as the ORM's ``localized_link_groups``."""
    cases = [(GuidePage, {"related_tools": "related_tools"}), (ExperiencePage, {"tools": "tools_used"})]
    cases.append((RecommendationPage, {"benchmarks": "benchmarks", "tools": "tools"}))
    linked = 0
    for model, relations in cases:
        pages = list(model.objects.all())
        assert len(pages) >= 3, model
        for page in pages:
            expected = localized_link_groups(
                page.locale, **{name: getattr(page, relation).all() for name, relation in relations.items()}
            )
            found = relation_links(page, **relations)
            assert {name: [link.pk for link in links] for name, links in found.items()} == {
                name: [link.pk for link in links] for name, links in expected.items()
            }, page
            assert all(link.locale_id == page.locale_id for links in found.values() for link in links)
            linked += sum(len(links) for links in found.values())
    assert linked >= 6  # the demo content links them: the comparison is not between empty lists


def test_a_guide_preview_links_the_tools_being_edited(demo, users):
    guide = GuidePage.objects.live().filter(locale__language_code="fr").first()
    stored = [link.pk for link in relation_links(guide, related_tools="related_tools")["related_tools"]]
    other = ToolPage.objects.live().filter(locale__language_code="fr").exclude(pk__in=stored).first()
    draft = guide.get_latest_revision_as_object()
    draft.related_tools = [other]  # held in memory by modelcluster, as the admin's preview form does

    assert [link.pk for link in relation_links(draft, related_tools="related_tools")["related_tools"]] == [other.pk]
    request = RequestFactory().get("/")
    request.user = users["editor"]
    html = draft.serve_preview(request, draft.default_preview_mode).render().content.decode()
    assert escape(other.title) in html

    saved = GuidePage.objects.get(pk=guide.pk)
    assert [link.pk for link in relation_links(saved, related_tools="related_tools")["related_tools"]] == stored
