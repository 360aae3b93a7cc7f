"""The toolkit's content model: pages, taxonomies (snippets) and tool adoptions."""

from toolkit.models.adoption import Adoption, AdoptionStatus
from toolkit.models.pages import (
    AdoptionOverviewPage,
    BenchmarkIndexPage,
    BenchmarkPage,
    ExperienceIndexPage,
    ExperiencePage,
    GuideIndexPage,
    GuidePage,
    RecommendationIndexPage,
    RecommendationPage,
    RecommendationStatus,
    RegionIndexPage,
    RegionPage,
    ToolIndexPage,
    ToolPage,
    ToolType,
)
from toolkit.models.snippets import Partner, SiteFooter, Theme

__all__ = [
    "Adoption",
    "AdoptionOverviewPage",
    "AdoptionStatus",
    "BenchmarkIndexPage",
    "BenchmarkPage",
    "ExperienceIndexPage",
    "ExperiencePage",
    "GuideIndexPage",
    "GuidePage",
    "Partner",
    "RecommendationIndexPage",
    "RecommendationPage",
    "RecommendationStatus",
    "RegionIndexPage",
    "RegionPage",
    "SiteFooter",
    "Theme",
    "ToolIndexPage",
    "ToolPage",
    "ToolType",
]
