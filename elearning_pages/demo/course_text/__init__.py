"""The texts of the demo e-learning "Kanker.nl gebruiken met uw gasten", in Dutch with English.

Pure data (frozen dataclasses from ``types``), no Django, so the page loader, the video script
(``scripts/make_demo_videos.py``) and the tests read the same words. Plain language (B1): short
sentences, everyday words, "u" for the reader.

How the two languages are held: every text field is a ``Text(nl=..., en=...)`` pair, at every depth
(a lesson's title, each paragraph, each answer's feedback, each narration sentence). Structure that is
not language (slugs, minutes, ``correct``) is stored once. So ``COURSE.lessons[0].title.nl`` is the
Dutch title and ``.en`` its English translation, for wagtail-localize; ``text.in_language("en")``
picks one by language code.

What is here:

- ``COURSE``: ``title``, ``intro``, ``goals`` (bullets), ``audience`` ("voor wie"), ``certificate``
  ("wat krijgt u aan het eind"), ``minutes`` (the lessons' added up) and five ``lessons``.
- Each ``Lesson``: ``slug``, ``title``, ``intro``, ``minutes``, ``paragraphs``, ``tip`` (``title``,
  ``text``), ``video``, ``questions`` (a ``MultipleChoiceQuestion`` with ``answers`` that each have
  ``text``, ``correct`` and ``feedback``, and a ``TrueFalseQuestion`` with ``statement``, ``correct``,
  ``feedback_if_true``, ``feedback_if_false``) and ``practice`` (``task``, ``hint``,
  ``check_question``, ``check_answer``).
- Each ``Video``: ``slug`` (its files in ``elearning_pages/demo_videos/``), ``title``, ``topic`` and
  ``sentences``: the narration, one slide and one caption cue per sentence.
- ``INSTRUCTION_VIDEOS``: two stand-alone videos; ``VIDEOS``: all seven, lessons first.
- ``HANDOUT``: a printable page for guests with ``title``, ``intro`` and numbered ``steps``.
"""

from . import lesson_agenda, lesson_information, lesson_open_questions, lesson_peers, lesson_platform
from .extras import HANDOUT, INSTRUCTION_VIDEOS
from .types import Course, Text

COURSE = Course(
    slug="kanker-nl-with-your-guests",
    title=Text(nl="Kanker.nl gebruiken met uw gasten", en="Using kanker.nl with your guests"),
    intro=Text(
        nl="Als vrijwilliger in een centrum krijgt u veel vragen. Kanker.nl kan u en uw gasten daarbij helpen. In deze e-learning leert u hoe u de website samen met een gast gebruikt.",
        en="As a volunteer in a centre you get many questions. Kanker.nl can help you and your guests with them. In this e-learning you learn how to use the website together with a guest.",
    ),
    goals=(
        Text(
            nl="U weet wat uw gasten op kanker.nl kunnen vinden.",
            en="You know what your guests can find on kanker.nl.",
        ),
        Text(
            nl="U zoekt samen met een gast naar betrouwbare informatie.",
            en="You look for reliable information together with a guest.",
        ),
        Text(
            nl="U vindt samen een activiteit in de agenda van de centra.",
            en="You find an activity in the agenda of the centres together.",
        ),
        Text(
            nl="U weet wat u doet met een vraag die u niet kunt beantwoorden.",
            en="You know what to do with a question you cannot answer.",
        ),
    ),
    audience=Text(
        nl="Voor vrijwilligers in de Centra voor leven met en na kanker. U hoeft geen computerexpert te zijn. Kunt u een website openen en iets typen? Dan kunt u meedoen.",
        en="For volunteers in the Centres for living with and after cancer. You do not need to be a computer expert. Can you open a website and type something? Then you can take part.",
    ),
    certificate=Text(
        nl="Heeft u alle lessen gedaan? Dan krijgt u een certificaat. Dat kunt u downloaden en printen.",
        en="Have you done all the lessons? Then you get a certificate. You can download and print it.",
    ),
    lessons=(
        lesson_platform.LESSON,
        lesson_information.LESSON,
        lesson_peers.LESSON,
        lesson_agenda.LESSON,
        lesson_open_questions.LESSON,
    ),
)

VIDEOS = (*(lesson.video for lesson in COURSE.lessons), *INSTRUCTION_VIDEOS)

__all__ = ["COURSE", "HANDOUT", "INSTRUCTION_VIDEOS", "VIDEOS"]
