"""StreamField blocks of the toolkit's pages: tool steps, guide chapters, proposed solutions, downloads."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class StepBlock(blocks.StructBlock):
    """One step of "how to use this tool": a short title and what to do."""

    title = blocks.CharBlock(label=_("title"), max_length=200)
    body = blocks.RichTextBlock(label=_("what to do"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "list-ol"
        template = "components/blocks/step_block.html"
        label = _("Step")


class ChapterBlock(blocks.StructBlock):
    """A chapter of a guide. Its heading feeds the guide's automatic table of contents."""

    heading = blocks.CharBlock(label=_("heading"), max_length=200)
    body = blocks.RichTextBlock(label=_("text"), features=["h3", *RICH_TEXT_FEATURES])

    class Meta:
        icon = "doc-full"
        template = "components/blocks/chapter_block.html"
        label = _("Chapter")


class SolutionBlock(blocks.StructBlock):
    """An operational solution proposed to implement a colloquium recommendation."""

    title = blocks.CharBlock(label=_("title"), max_length=200)
    body = blocks.RichTextBlock(label=_("description"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "tick"
        template = "components/blocks/solution_block.html"
        label = _("Solution")


class DownloadBlock(blocks.StructBlock):
    """A downloadable file. Translators may choose another document for their language in the translation editor."""

    label = blocks.CharBlock(label=_("label"), max_length=200)
    document = DocumentChooserBlock(label=_("document"))

    class Meta:
        icon = "download"
        template = "components/blocks/download_block.html"
        label = _("Download")


class ToolStepsBlock(blocks.StreamBlock):
    step = StepBlock()


class GuideStoryBlock(blocks.StreamBlock):
    chapter = ChapterBlock()


class SolutionsBlock(blocks.StreamBlock):
    solution = SolutionBlock()


class DownloadsBlock(blocks.StreamBlock):
    download = DownloadBlock()


class ProgrammeStrandBlock(blocks.TextBlock):
    """One strand of the programme's work, as the home page lists them."""

    class Meta:
        icon = "arrow-right"
        template = "components/blocks/programme_strand_block.html"
        label = _("Programme strand")


class ProgrammeStrandsBlock(blocks.StreamBlock):
    strand = ProgrammeStrandBlock()
