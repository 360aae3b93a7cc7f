"""The body of an institutional page: titled sections of text, the guides' chapter block reused (a heading and rich
text that may hold sub-headings, lists and links)."""

from wagtail import blocks

from toolkit.blocks import ChapterBlock


class InformationStoryBlock(blocks.StreamBlock):
    section = ChapterBlock()
