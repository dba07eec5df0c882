"""The shapes of the demo course: frozen dataclasses of bilingual texts, no Django.

Every piece of text is a ``Text`` pair, so the Dutch and its English translation stand side by side
for review and cannot drift apart in structure: the page loader writes ``.nl`` into the Dutch page
and hands ``.en`` to wagtail-localize as the translation.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Text:
    nl: str
    en: str

    def in_language(self, language: str) -> str:
        return getattr(self, language)


@dataclass(frozen=True)
class Tip:
    title: Text
    text: Text


@dataclass(frozen=True)
class Video:
    """A short narrated slide show; ``scripts/make_demo_videos.py`` turns it into files named ``slug``.*.

    Each sentence is one slide and one caption cue, so the captions are the narration word for word.
    """

    slug: str
    title: Text
    topic: Text
    sentences: tuple[Text, ...]


@dataclass(frozen=True)
class Answer:
    text: Text
    correct: bool
    feedback: Text  # why this answer is (not) right, shown after choosing it


@dataclass(frozen=True)
class MultipleChoiceQuestion:
    question: Text
    answers: tuple[Answer, ...]


@dataclass(frozen=True)
class TrueFalseQuestion:
    statement: Text
    correct: bool  # True: the statement is true
    feedback_if_true: Text  # shown to whoever answers "true"
    feedback_if_false: Text  # shown to whoever answers "false"


@dataclass(frozen=True)
class PracticeTask:
    """Done together with a guest at the computer; the check question tells the volunteer it worked."""

    task: Text
    hint: Text
    check_question: Text
    check_answer: Text


@dataclass(frozen=True)
class Lesson:
    slug: str
    title: Text
    intro: Text
    minutes: int
    paragraphs: tuple[Text, ...]
    tip: Tip
    video: Video
    questions: tuple[MultipleChoiceQuestion | TrueFalseQuestion, ...]
    practice: PracticeTask


@dataclass(frozen=True)
class Handout:
    """A printable page for guests."""

    slug: str
    title: Text
    intro: Text
    steps: tuple[Text, ...]


@dataclass(frozen=True)
class Course:
    slug: str
    title: Text
    intro: Text
    goals: tuple[Text, ...]
    audience: Text  # "voor wie"
    certificate: Text  # "wat krijgt u aan het eind"
    lessons: tuple[Lesson, ...]

    @property
    def minutes(self) -> int:
        """The estimated time of the whole course: its lessons added up, so it cannot go stale."""
        return sum(lesson.minutes for lesson in self.lessons)
