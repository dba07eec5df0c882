from .pages import CourseIndexPage, CoursePage, LessonPage, VideoIndexPage, VideoPage, VideoRoutes, VideoTopic
from .progress import (
    RETENTION,
    Certificate,
    CourseProgress,
    Learner,
    LessonProgress,
    SelfCheckAnswer,
    VideoStat,
    first_of_month,
)

__all__ = [
    "RETENTION",
    "Certificate",
    "CourseIndexPage",
    "CoursePage",
    "CourseProgress",
    "Learner",
    "LessonPage",
    "LessonProgress",
    "SelfCheckAnswer",
    "VideoIndexPage",
    "VideoPage",
    "VideoRoutes",
    "VideoStat",
    "VideoTopic",
    "first_of_month",
]
