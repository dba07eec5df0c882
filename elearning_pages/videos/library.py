"""The instruction-video library: every video of the live video pages and lessons in one language.

Read from the pages' stored stream data (``raw_data``) rather than the blocks' values: turning a
stream into values fetches each page's documents and stills, a few queries per page, and the
library shows neither. So the library costs the same few queries for 5 videos or 500.
"""

from dataclasses import dataclass, field

from elearning_pages.blocks import external_video, parse_duration
from elearning_pages.blocks.stored import stored_blocks, stored_items
from elearning_pages.models import CoursePage, LessonPage, VideoPage

from .embed import embed_url
from .player import PROVIDER_NAMES, clock

VIDEO = ("video",)


@dataclass(frozen=True)
class LibraryVideo:
    block_id: str
    title: str
    seconds: int | None
    caption_languages: list[str]
    external_provider: str  # "YouTube", "Vimeo" or "" for a file of our own
    external_captions: bool
    has_transcript: bool
    watch_url: str  # the page, at the video's anchor
    embed_url: str  # absolute: for a partner's iframe
    page_title: str

    @property
    def duration(self) -> str:
        return clock(self.seconds) if self.seconds is not None else ""

    @property
    def caption_codes(self) -> str:
        """ "NL, EN"."""
        return ", ".join(language.upper() for language in self.caption_languages)


@dataclass(frozen=True)
class VideoGroup:
    heading: str
    kind: str  # "topic" or "course"
    videos: list[LibraryVideo] = field(default_factory=list)


def library_video(page, request, block_id: str, value: dict) -> LibraryVideo:
    provider = external_video(value.get("external_url") or "")
    tracks = stored_items(value.get("captions"))
    page_url = page.get_url(request) or ""
    return LibraryVideo(
        block_id=block_id,
        title=value.get("title") or page.title,
        seconds=parse_duration(value.get("duration") or ""),
        caption_languages=[] if provider else [track.get("language", "") for track in tracks],
        external_provider=PROVIDER_NAMES[provider[0]] if provider else "",
        external_captions=bool(provider and value.get("external_captions")),
        has_transcript=bool((value.get("transcript") or "").strip()),
        watch_url=f"{page_url}#video-{block_id}",
        embed_url=embed_url(page, request, block_id),
        page_title=page.title,
    )


def topic_groups(locale_id: int, request) -> list[VideoGroup]:
    """The video pages' videos under their topic, topics in their order, pages in tree order."""
    pages = (
        VideoPage.objects.live()
        .public()
        .filter(locale_id=locale_id)
        .select_related("topic")
        .order_by("topic__sort_order", "topic__name_nl", "topic_id", "path")
    )
    groups: dict[int, VideoGroup] = {}
    for page in pages:
        group = groups.setdefault(page.topic_id, VideoGroup(heading=page.topic.name, kind="topic"))
        group.videos.extend(library_video(page, request, *video) for video in stored_blocks(page.video, VIDEO))
    return [group for group in groups.values() if group.videos]


def course_groups(locale_id: int, request) -> list[VideoGroup]:
    """The lessons' videos under their course's title, courses and lessons in tree order."""
    lessons = [
        lesson
        for lesson in LessonPage.objects.live().public().filter(locale_id=locale_id).order_by("path")
        if stored_blocks(lesson.body, VIDEO)
    ]
    step = LessonPage.steplen
    parent_paths = {lesson.path[:-step] for lesson in lessons}
    courses = dict(CoursePage.objects.filter(path__in=parent_paths).values_list("path", "title")) if lessons else {}
    groups: dict[str, VideoGroup] = {}
    for lesson in lessons:
        course_path = lesson.path[:-step]
        group = groups.setdefault(course_path, VideoGroup(heading=courses.get(course_path, ""), kind="course"))
        group.videos.extend(library_video(lesson, request, *video) for video in stored_blocks(lesson.body, VIDEO))
    return [groups[path] for path in sorted(groups)]


def library(locale_id: int, request) -> list[VideoGroup]:
    """Every video in the library, in the language ``locale_id``: topics first, then the courses."""
    return topic_groups(locale_id, request) + course_groups(locale_id, request)


def related_videos(page: VideoPage, request) -> list[LibraryVideo]:
    """The other live video pages of the same topic, in the same language."""
    others = (
        VideoPage.objects.live()
        .public()
        .filter(locale_id=page.locale_id, topic_id=page.topic_id)
        .exclude(pk=page.pk)
        .order_by("path")
    )
    return [library_video(other, request, *video) for other in others for video in stored_blocks(other.video, VIDEO)]
