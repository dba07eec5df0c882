"""Self-check questions: multiple choice and true/false, each answer with feedback that explains why.

The answers are checked on the server (``elearning_pages.learning``); the blocks only say which
choices a question has and which are right. A choice is named by a key that survives translation:
the list item's id for multiple choice (wagtail-localize keeps block ids), "true"/"false" otherwise.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

TRUE, FALSE = "true", "false"


@dataclass(frozen=True)
class Choice:
    key: str
    text: str
    correct: bool
    feedback: str


class AnswerBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Answer"), max_length=200)
    correct = blocks.BooleanBlock(label=_("This answer is right"), required=False)
    feedback = blocks.TextBlock(
        label=_("Feedback"), max_length=600, help_text=_("Explain why this answer is right or not.")
    )

    class Meta:
        icon = "radio-full"
        label = _("Answer")


class MultipleChoiceValue(blocks.StructValue):
    def choices(self) -> list[Choice]:
        return [
            Choice(
                key=str(item.id or index),
                text=item.value["text"],
                correct=bool(item.value["correct"]),
                feedback=item.value["feedback"],
            )
            for index, item in enumerate(self["answers"].bound_blocks)
        ]


class MultipleChoiceBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=300)
    answers = blocks.ListBlock(AnswerBlock(), label=_("Answers"), min_num=2, max_num=5)

    class Meta:
        icon = "list-ul"
        label = _("Self-check: multiple choice")
        value_class = MultipleChoiceValue
        template = "elearning_pages/blocks/self_check_block.html"
        description = _("A question with two to five answers; each answer explains why it is right or not.")
        preview_value = {
            "question": "Waar vindt u betrouwbare informatie over kanker?",
            "answers": [
                {
                    "text": "Op kanker.nl",
                    "correct": True,
                    "feedback": "Klopt: artsen en patiënten controleren de teksten.",
                },
                {
                    "text": "Op een willekeurig forum",
                    "correct": False,
                    "feedback": "Op een forum deelt men ervaringen, geen gecontroleerde informatie.",
                },
            ],
        }

    def clean(self, value):
        value = super().clean(value)
        if not any(answer["correct"] for answer in value["answers"]):
            raise StructBlockValidationError(
                block_errors={"answers": ValidationError(_("Mark at least one answer as right."))}
            )
        return value


class TrueFalseValue(blocks.StructValue):
    def choices(self) -> list[Choice]:
        return [
            Choice(TRUE, str(_("True")), bool(self["is_true"]), self["feedback_true"]),
            Choice(FALSE, str(_("Not true")), not self["is_true"], self["feedback_false"]),
        ]


class TrueFalseBlock(blocks.StructBlock):
    statement = blocks.CharBlock(label=_("Statement"), max_length=300)
    is_true = blocks.BooleanBlock(label=_("The statement is true"), required=False)
    feedback_true = blocks.TextBlock(label=_("Feedback for 'true'"), max_length=600)
    feedback_false = blocks.TextBlock(label=_("Feedback for 'not true'"), max_length=600)

    class Meta:
        icon = "tick-inverse"
        label = _("Self-check: true or not true")
        value_class = TrueFalseValue
        template = "elearning_pages/blocks/self_check_block.html"
        description = _("A statement the learner judges as true or not true, with an explanation for each choice.")
        preview_value = {
            "statement": "Een gast heeft een verwijzing nodig om naar een centrum te komen.",
            "is_true": False,
            "feedback_true": "Niet juist: iedereen mag zonder verwijzing binnenlopen.",
            "feedback_false": "Goed: iedereen mag zonder verwijzing binnenlopen.",
        }


QUESTION_BLOCK_TYPES = ("multiple_choice", "true_false")


def question_text(value) -> str:
    """What a self-check asks: a multiple-choice question or a true/false statement (a block value or
    its stored dict)."""
    return value.get("question") or value.get("statement") or ""
