"""StreamField blocks of the portal's pages: tool steps, guide chapters, proposed solutions, downloads, programme
strands.

Every block an editor can insert carries a ``description`` and a preview (``get_preview_value``), so Wagtail's block
chooser shows what it inserts, rendered with the portal's CSS by the global preview template
(``templates/wagtailcore/shared/block_preview.html``). A block whose template is a list item names the list it sits
in on a page (``preview_list``: tag and class), so its preview is laid out as on the page. The preview texts are
translated when the chooser opens, in the editor's language; ``toolkit/tests/test_blocks.py`` checks every block of
every page's StreamFields has both.
"""

from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class TitledTextBlock(blocks.StructBlock):
    """A short title and rich text, as an item of a list: a tool's steps and a recommendation's solutions are this
    block; they differ only by how the editor is shown them (their ``Meta``) and by the list the page puts them in."""

    title = blocks.CharBlock(label=_("title"), max_length=200)
    body = blocks.RichTextBlock(label=_("text"), features=RICH_TEXT_FEATURES)

    class Meta:
        template = "components/blocks/titled_text_block.html"

    # What the chooser's preview shows, translated when it renders (each subclass gives its own).
    preview_title = ""
    preview_body = ""

    def get_preview_value(self):
        body = format_html("<p>{}</p>", gettext(self.preview_body))
        return self.normalize({"title": gettext(self.preview_title), "body": body})


class StepBlock(TitledTextBlock):
    """One step of "how to use this tool"."""

    preview_title = gettext_noop("Map the stakeholders")
    preview_body = gettext_noop(
        "List the services, associations and citizens concerned, and how each will be consulted."
    )

    class Meta:
        icon = "list-ol"
        label = _("Step")
        description = _("One step of how to use the tool: a short title and what to do. Steps are numbered in order.")
        preview_list = ("ol", "steps")


class SolutionBlock(TitledTextBlock):
    """An operational solution proposed to implement a colloquium recommendation."""

    preview_title = gettext_noop("A shared consultation platform")
    preview_body = gettext_noop(
        "One platform where the region publishes its consultations and answers each contribution."
    )

    class Meta:
        icon = "tick"
        label = _("Solution")
        description = _("An operational solution proposed to implement the recommendation: a short title and its text.")
        preview_list = ("ol", "solutions")


class ChapterBlock(blocks.StructBlock):
    """A chapter of a guide (or a section of an institutional page). Its heading feeds the guide's table of
    contents."""

    heading = blocks.CharBlock(label=_("heading"), max_length=200)
    body = blocks.RichTextBlock(label=_("text"), features=["h3", *RICH_TEXT_FEATURES])

    class Meta:
        icon = "doc-full"
        template = "components/blocks/chapter_block.html"
        label = _("Chapter")
        description = _(
            "A chapter: a heading and its text, which may hold sub-headings, lists and links. On a guide, each "
            "heading appears in the table of contents."
        )

    def get_preview_value(self):
        return self.normalize(
            {
                "heading": gettext("Why consult citizens"),
                "body": format_html(
                    "<p>{}</p><ul>{}</ul>",
                    gettext("Consultation makes regional decisions better understood and better applied."),
                    format_html_join("", "<li>{}</li>", [(gettext("Who is consulted"),), (gettext("When and how"),)]),
                ),
            }
        )

    def get_preview_context(self, value, parent_context=None):
        """The chapter template numbers its anchor from the page's loop; a preview is chapter 1."""
        return {**super().get_preview_context(value, parent_context), "number": 1}


class DownloadBlock(blocks.StructBlock):
    """A downloadable file. Translators may choose another document for their language in the translation editor."""

    label = blocks.CharBlock(label=_("label"), max_length=200)
    document = DocumentChooserBlock(label=_("document"))

    class Meta:
        icon = "download"
        template = "components/blocks/download_block.html"
        label = _("Download")
        description = _(
            "A file to download: the text of the link and the document. Translators may choose another document for "
            "their language."
        )
        preview_list = ("ul", "downloads")

    def get_preview_value(self):
        """The latest document, if there is one, so that the preview shows a link as the page will."""
        document = get_document_model().objects.order_by("-created_at").first()
        return self.normalize({"label": gettext("Practical guide (PDF)"), "document": document})


class ProgrammeStrandBlock(blocks.TextBlock):
    """One strand of the programme's work, as the home page lists them."""

    class Meta:
        icon = "arrow-right"
        template = "components/blocks/programme_strand_block.html"
        label = _("Programme strand")
        description = _("One strand of the programme's work, in a sentence or two, as the home page lists them.")
        preview_list = ("ol", "strands")

    def get_preview_value(self):
        return gettext("Support the regions in planning and carrying out their development programmes.")


class ToolStepsBlock(blocks.StreamBlock):
    step = StepBlock()


class GuideStoryBlock(blocks.StreamBlock):
    chapter = ChapterBlock()


class SolutionsBlock(blocks.StreamBlock):
    solution = SolutionBlock()


class DownloadsBlock(blocks.StreamBlock):
    download = DownloadBlock()


class ProgrammeStrandsBlock(blocks.StreamBlock):
    strand = ProgrammeStrandBlock()
