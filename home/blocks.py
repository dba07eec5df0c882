"""Content blocks shared by the home page and the general content pages."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageBlock

from agenda_pages.public.blocks import NearbySearchBlock, UpcomingActivitiesBlock

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]

PREVIEW_LINK = {"text": "Bekijk de agenda", "url": "https://www.example.org/agenda/"}
PREVIEW_CARD = {
    "title": "Agenda",
    "text": "Vind een activiteit bij een centrum bij u in de buurt.",
    "link": PREVIEW_LINK,
}


class LinkStructValue(blocks.StructValue):
    # Not named "url": a template's value.url finds the struct's own "url" field (the external
    # address, empty for a page link) before it would call a method of that name.
    def href(self) -> str:
        page = self.get("page")
        return page.localized.url if page else self.get("url")


class LinkBlock(blocks.StructBlock):
    """A link to a page of this site or to another website, with its own visible text.

    With ``required=False`` the whole link may be left empty; a half-filled link is still an error.
    """

    text = blocks.CharBlock(label=_("Link text"), max_length=80, required=False)
    page = blocks.PageChooserBlock(label=_("Page on this site"), required=False)
    url = blocks.URLBlock(label=_("Or another website"), required=False)

    class Meta:
        icon = "link"
        value_class = LinkStructValue
        template = "home/blocks/link_block.html"
        description = _("A link with its own text, to a page of this site or another website.")
        preview_value = PREVIEW_LINK

    def __init__(self, local_blocks=None, required=True, **kwargs):
        super().__init__(local_blocks, **kwargs)
        self.link_required = required

    def clean(self, value):
        value = super().clean(value)
        text, page, url = value.get("text"), value.get("page"), value.get("url")
        if not (text or page or url) and not self.link_required:
            return value
        errors = {}
        if not text:
            errors["text"] = ValidationError(_("Give the link a text that says where it leads."))
        if bool(page) == bool(url):
            errors["url"] = ValidationError(_("Choose a page on this site or enter a web address, not both."))
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value


class HeroBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    intro = blocks.TextBlock(label=_("Introduction"), max_length=400)
    image = ImageBlock(required=False)
    link = LinkBlock(required=False)

    class Meta:
        icon = "title"
        template = "home/blocks/hero_block.html"
        label = _("Hero")
        description = _("The opening of the home page: the page's main heading, a short introduction and one link.")
        preview_value = {
            "heading": "Activiteiten bij u in de buurt",
            "intro": "Wandelen, praten, bewegen of iets creatiefs doen met mensen die weten wat kanker met je doet.",
        }


class CardBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=80)
    text = blocks.TextBlock(label=_("Text"), max_length=300)
    link = LinkBlock()

    class Meta:
        icon = "doc-full"
        template = "home/blocks/card_block.html"
        description = _("A short call to action that leads to one page.")
        preview_value = PREVIEW_CARD


class CardsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120, required=False)
    cards = blocks.ListBlock(CardBlock(), min_num=1, max_num=6)

    class Meta:
        icon = "table"
        template = "home/blocks/cards_block.html"
        label = _("Call-to-action cards")
        description = _("A row of cards, each leading to one part of the site (agenda, toolbox, e-learning).")
        preview_value = {"heading": "Wat u hier vindt", "cards": [PREVIEW_CARD] * 3}


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        super().__init__(features=RICH_TEXT_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        template = "home/blocks/paragraph_block.html"
        label = _("Text")
        description = _("Running text with subheadings, lists and links.")
        preview_value = (
            "<p>In een centrum voor leven met en na kanker bent u welkom zonder verwijzing. "
            "U kunt er terecht voor een gesprek, een kop koffie of een activiteit.</p>"
        )


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("Level"), choices=[("h2", _("Heading 2")), ("h3", _("Heading 3"))], default="h2"
    )

    class Meta:
        icon = "title"
        template = "home/blocks/heading_block.html"
        description = _("A subheading; use level 2 for sections and level 3 within them.")
        preview_value = {"text": "Zo werkt het", "level": "h2"}


class FigureBlock(blocks.StructBlock):
    image = ImageBlock()
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=200)

    class Meta:
        icon = "image"
        template = "home/blocks/figure_block.html"
        label = _("Image")
        description = _("An image with alternative text and an optional caption.")
        preview_value = {"caption": "Een inloopmiddag in het centrum"}


class ContentStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = FigureBlock()
    cards = CardsBlock()
    upcoming_activities = UpcomingActivitiesBlock()
    nearby_search = NearbySearchBlock()


class HomeStreamBlock(blocks.StreamBlock):
    hero = HeroBlock()
    paragraph = ParagraphBlock()
    cards = CardsBlock()
    upcoming_activities = UpcomingActivitiesBlock()
    nearby_search = NearbySearchBlock()

    class Meta:
        # The hero carries the page's only h1, so there is at most one.
        block_counts = {"hero": {"max_num": 1}}
