"""The blocks of a toolbox item's body: the site's own text blocks, without the agenda's."""

from wagtail import blocks

from home.blocks import CardsBlock, FigureBlock, HeadingBlock, ParagraphBlock


class ToolboxStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = FigureBlock()
    cards = CardsBlock()
