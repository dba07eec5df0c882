"""Report "Videos: played and watched to the end": per video, the plays and completions of the
months in the period, the most played first.

A video is named by "<page translation_key>:<block id>", so the Dutch and English pages count
together. Summed by the database (one query); the lessons and video pages holding the videos are
looked up in one query each, and the lessons' courses in one more (two courses may both have a "Les 1").
"""

import uuid
from dataclasses import dataclass

from django.db.models import Sum
from django.urls import path
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, NumberColumn, TitleColumn

from elearning_pages.blocks.stored import stored_value
from elearning_pages.models import LessonPage, VideoPage, VideoStat

from .common import ElearningReportView, menu_item, percentage, share_label
from .pages import courses_of, name_of, pages_by_key
from .period import Period

URL_NAME = "elearning_video_report"


@dataclass(frozen=True)
class VideoCount:
    title: str
    course: str  # empty for a video of the library
    page: str
    page_url: str
    plays: int
    completions: int

    @property
    def share(self) -> int | None:
        return percentage(self.completions, self.plays)

    @property
    def share_label(self) -> str:
        return share_label(self.share)


def split_video_key(video_key: str) -> tuple[uuid.UUID | None, str]:
    page_key, _colon, block_id = video_key.partition(":")
    try:
        return uuid.UUID(page_key), block_id
    except ValueError:
        return None, block_id


def video_title(page, block_id: str) -> str:
    value = stored_value(page.video_stream(), block_id) if page else None
    return value.get("title", "") if value else gettext("(video removed)")


def video_counts(period: Period) -> list[VideoCount]:
    sums = list(
        VideoStat.objects.filter(month__gte=period.first_month, month__lte=period.last_month)
        .values("video_key")
        .annotate(plays=Sum("plays"), completions=Sum("completions"))
        .order_by("-plays", "-completions", "video_key")
    )
    keys = {split_video_key(row["video_key"])[0] for row in sums} - {None}
    lessons = pages_by_key(LessonPage, keys)
    courses = courses_of(lessons.values())
    pages = {**lessons, **pages_by_key(VideoPage, keys)}
    rows = []
    for row in sums:
        page_key, block_id = split_video_key(row["video_key"])
        page = pages.get(page_key)
        name = name_of(page)
        course = name_of(courses[page.path]).title if page and page.path in courses else ""
        title = video_title(page, block_id)
        rows.append(VideoCount(title, course, name.title, name.edit_url, row["plays"], row["completions"]))
    return rows


class VideoReportView(ElearningReportView):
    page_title = _("Videos: played and watched to the end")
    header_icon = "media"
    index_url_name = URL_NAME
    results_template_name = "elearning_pages/admin/reports/videos_results.html"
    export_filename = "e-learning-videos"
    list_export = ["title", "course", "page", "plays", "completions", "share"]
    export_headings = {
        "title": _("Video"),
        "course": _("Course"),
        "page": _("Page"),
        "plays": _("Plays"),
        "completions": _("Watched to the end"),
        "share": _("Watched to the end (%)"),
    }

    def get_queryset(self):
        return video_counts(self.period)

    @cached_property
    def columns(self):
        return [
            Column("title", label=_("Video")),
            Column("course", label=_("Course")),
            TitleColumn("page", label=_("Page"), get_url=lambda row: row.page_url or None),
            NumberColumn("plays", label=_("Plays")),
            NumberColumn("completions", label=_("Watched to the end")),
            Column("share_label", label=_("Share watched to the end")),
        ]


def menu():
    return menu_item(_("Videos: played and watched to the end"), URL_NAME, "media", 1530)


urlpatterns = [path("reports/e-learning/videos/", VideoReportView.as_view(), name=URL_NAME)]
