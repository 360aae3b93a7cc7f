"""The toolkit's content model: pages, taxonomies (snippets) and tool adoptions."""

from toolkit.models.adoption import Adoption, AdoptionHistory, AdoptionStatus
from toolkit.models.colloquium import BenchmarkPage, RecommendationPage, RecommendationStatus
from toolkit.models.indexes import (
    AdoptionOverviewPage,
    BenchmarkIndexPage,
    ExperienceIndexPage,
    GuideIndexPage,
    RecommendationIndexPage,
    RegionIndexPage,
    ToolIndexPage,
)
from toolkit.models.regions import RegionPage
from toolkit.models.snippets import Partner, SiteFooter, Theme
from toolkit.models.tools import ExperiencePage, GuidePage, ToolPage, ToolType

__all__ = [
    "Adoption",
    "AdoptionHistory",
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
