from .lesson import HandoutBlock, LessonStreamBlock, PracticeTaskBlock, TipBlock, VideoStreamBlock
from .questions import QUESTION_BLOCK_TYPES, Choice, MultipleChoiceBlock, TrueFalseBlock
from .video import VideoBlock, external_video, parse_duration

__all__ = [
    "QUESTION_BLOCK_TYPES",
    "Choice",
    "HandoutBlock",
    "LessonStreamBlock",
    "MultipleChoiceBlock",
    "PracticeTaskBlock",
    "TipBlock",
    "TrueFalseBlock",
    "VideoBlock",
    "VideoStreamBlock",
    "external_video",
    "parse_duration",
]
