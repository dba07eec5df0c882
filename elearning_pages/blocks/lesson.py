"""The lesson body: text, images, video, self-checks, practice tasks, tips and handouts."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from home.blocks import FigureBlock, LinkBlock, ParagraphBlock

from .questions import MultipleChoiceBlock, TrueFalseBlock
from .video import VideoBlock


class TipBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120, default="Tip")
    text = blocks.RichTextBlock(label=_("Text"), features=["bold", "italic", "ul", "ol", "link"])

    class Meta:
        icon = "help"
        label = _("Tip box")
        template = "elearning_pages/blocks/tip_block.html"
        description = _("A short tip that stands out from the text.")
        preview_value = {"title": "Tip", "text": "<p>Laat uw gast zelf de muis of de telefoon vasthouden.</p>"}


class PracticeTaskBlock(blocks.StructBlock):
    task = blocks.TextBlock(
        label=_("Task"), max_length=600, help_text=_("For example: look up together with your guest what ...")
    )
    hint = blocks.TextBlock(label=_("Hint"), max_length=600, required=False)
    check_question = blocks.CharBlock(label=_("Check question"), max_length=300)
    check_answer = blocks.TextBlock(label=_("Answer to the check question"), max_length=600)

    class Meta:
        icon = "user"
        label = _("Practice task")
        template = "elearning_pages/blocks/practice_task_block.html"
        description = _("A task to do together with a guest, with a hint and a question to check the result.")
        preview_value = {
            "task": "Zoek samen met uw gast op wat er deze week in uw centrum te doen is.",
            "hint": "Kies in de agenda uw eigen centrum.",
            "check_question": "Hoeveel activiteiten vond u?",
            "check_answer": "Dat hangt af van uw centrum. Vond u er geen? Kijk dan naar de komende maand.",
        }


class HandoutBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    intro = blocks.TextBlock(label=_("Introduction"), max_length=400)
    steps = blocks.ListBlock(blocks.CharBlock(max_length=300, label=_("Step")), label=_("Steps"), min_num=1, max_num=8)
    link = LinkBlock(help_text=_("The page the handout is about; its QR code leads there."))

    class Meta:
        icon = "print"
        label = _("Handout")
        template = "elearning_pages/blocks/handout_block.html"
        description = _(
            "A one-page guide for guests, printed from the browser with a QR code to the page it describes."
        )
        preview_value = {
            "title": "Zo vindt u betrouwbare informatie",
            "intro": "Informatie over kanker vindt u op veel plekken. Zo weet u of u het kunt vertrouwen.",
            "steps": ["Ga naar kanker.nl.", "Kies uw soort kanker.", "Lees wie de tekst heeft gecontroleerd."],
            "link": {"text": "kanker.nl", "url": "https://www.kanker.nl/"},
        }


class LessonStreamBlock(blocks.StreamBlock):
    paragraph = ParagraphBlock()
    image = FigureBlock()
    video = VideoBlock()
    multiple_choice = MultipleChoiceBlock()
    true_false = TrueFalseBlock()
    practice_task = PracticeTaskBlock()
    tip = TipBlock()
    handout = HandoutBlock()


class VideoStreamBlock(blocks.StreamBlock):
    video = VideoBlock()

    class Meta:
        min_num = 1
        max_num = 1
