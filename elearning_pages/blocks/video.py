"""The video block: an uploaded file with caption tracks, or a YouTube or Vimeo video behind a facade.

Captions and a transcript are what make a video usable for a volunteer who is deaf or hard of
hearing, who watches in a busy centre without sound, or who reads more easily than they listen. A
video without them can be saved as a draft but not published: Wagtail defers a block's checks for
drafts (``is_deferred_validation``), so the check here only runs when the page goes live.
"""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from elearning_pages import webvtt

DURATION = re.compile(r"^(?:(\d{1,2}):)?([0-5]?\d):([0-5]\d)$")
YOUTUBE = re.compile(
    r"^https://(?:www\.|m\.)?(?:youtube\.com/watch\?(?:.*&)?v=|youtube(?:-nocookie)?\.com/embed/|youtu\.be/)"
    r"([A-Za-z0-9_-]{11})"
)
VIMEO = re.compile(r"^https://(?:www\.|player\.)?vimeo\.com/(?:video/)?(\d{6,12})")

# What the browser's own player plays; the same two are allowed as document uploads (WAGTAILDOCS_EXTENSIONS).
VIDEO_EXTENSIONS = ("webm", "mp4")
SAMPLE_CAPTIONS = "WEBVTT\n\n00:00.000 --> 00:03.000\nWelkom bij deze les.\n"


def parse_duration(text: str) -> int | None:
    """Seconds in a duration written as m:ss or h:mm:ss, or None when it is not one."""
    match = DURATION.match(text.strip())
    if not match:
        return None
    hours, minutes, seconds = (int(part or 0) for part in match.groups())
    return hours * 3600 + minutes * 60 + seconds


def external_video(url: str) -> tuple[str, str] | None:
    """("youtube" | "vimeo", id) for a YouTube or Vimeo address, None for anything else."""
    if match := YOUTUBE.match(url or ""):
        return "youtube", match.group(1)
    if match := VIMEO.match(url or ""):
        return "vimeo", match.group(1)
    return None


class WebVTTBlock(blocks.TextBlock):
    """The text of a WebVTT file. Not offered for translation: cue times are not words."""

    def get_translatable_segments(self, value):
        # Read by wagtail-localize: no segments, so a translation keeps the source's tracks.
        return []

    def get_searchable_content(self, value):
        # The transcript is what the site search finds; the cue times are noise.
        return []


class CaptionTrackBlock(blocks.StructBlock):
    language = blocks.ChoiceBlock(label=_("Language"), choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE)
    captions = WebVTTBlock(
        label=_("Captions (WebVTT)"),
        help_text=_("Paste the content of the .vtt file; it starts with WEBVTT."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Caption track")


class VideoStructValue(blocks.StructValue):
    def provider(self) -> tuple[str, str] | None:
        return external_video(self.get("external_url") or "")

    def seconds(self) -> int | None:
        return parse_duration(self.get("duration") or "")

    def caption_languages(self) -> list[str]:
        return [track["language"] for track in self.get("captions") or []]


class VideoBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    file = DocumentChooserBlock(
        label=_("Video file"), required=False, help_text=_("A WebM or MP4 file. Or give a YouTube or Vimeo address.")
    )
    external_url = blocks.URLBlock(label=_("Or a YouTube or Vimeo address"), required=False)
    poster = ImageChooserBlock(
        label=_("Still image"),
        required=False,
        help_text=_(
            "Shown before the video plays. Needed for YouTube and Vimeo: we show nothing of theirs before a click."
        ),
    )
    duration = blocks.CharBlock(label=_("Duration"), max_length=8, help_text=_("For example 2:30."))
    captions = blocks.ListBlock(CaptionTrackBlock(), label=_("Caption tracks"), default=[])
    external_captions = blocks.BooleanBlock(
        label=_("Captions are switched on at YouTube or Vimeo"),
        required=False,
        help_text=_("Only for a YouTube or Vimeo video, whose captions we cannot add here."),
    )
    chapters = WebVTTBlock(
        label=_("Chapters (WebVTT)"),
        required=False,
        help_text=_("Optional: a chapter per cue, the cue text is its title."),
    )
    transcript = blocks.TextBlock(
        label=_("Transcript"), required=False, help_text=_("Everything that is said and shown, as running text.")
    )

    class Meta:
        icon = "media"
        label = _("Video")
        value_class = VideoStructValue
        template = "elearning_pages/blocks/video_block.html"
        description = _("A video with captions and a transcript, from a file or from YouTube or Vimeo.")
        preview_value = {
            "title": "Zo vindt u een activiteit",
            "duration": "1:30",
            "transcript": "In deze video ziet u hoe u in de agenda een activiteit vindt bij u in de buurt.",
            "captions": [{"language": "nl", "captions": SAMPLE_CAPTIONS}],
        }

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        file, url = value.get("file"), value.get("external_url")
        if file and url:
            errors["external_url"] = ValidationError(_("Choose a video file or a YouTube or Vimeo address, not both."))
        if file and file.file_extension.lower() not in VIDEO_EXTENSIONS:
            errors["file"] = ValidationError(_("This document is not a video: choose a WebM or MP4 file."))
        if url and not external_video(url):
            errors["external_url"] = ValidationError(_("This is not the address of a YouTube or Vimeo video."))
        if value.get("duration") and parse_duration(value["duration"]) is None:
            errors["duration"] = ValidationError(_("Write the duration as minutes:seconds, for example 2:30."))
        for index, track in enumerate(value.get("captions") or []):
            if problem := caption_problem(track["captions"]):
                errors["captions"] = ValidationError(
                    _("Caption track %(number)s is not valid WebVTT: %(problem)s")
                    % {"number": index + 1, "problem": problem}
                )
        if value.get("chapters") and (problem := caption_problem(value["chapters"])):
            errors["chapters"] = ValidationError(
                _("The chapters are not valid WebVTT: %(problem)s") % {"problem": problem}
            )
        if not self.is_deferred_validation:
            errors.update(self.missing_for_publishing(value))
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value

    def missing_for_publishing(self, value) -> dict[str, ValidationError]:
        """What a published video must have: a source, captions, a transcript, a still for YouTube/Vimeo."""
        missing = {}
        file, url = value.get("file"), value.get("external_url")
        if not file and not url:
            missing["file"] = ValidationError(_("A published video needs a video file or a YouTube or Vimeo address."))
        if file and not value.get("captions"):
            missing["captions"] = ValidationError(
                _("A video without captions cannot be published: add a caption track (WebVTT).")
            )
        if url and not value.get("external_captions"):
            missing["external_captions"] = ValidationError(
                _(
                    "A video without captions cannot be published: switch captions on at YouTube or Vimeo, "
                    "then tick this."
                )
            )
        if url and not value.get("poster"):
            missing["poster"] = ValidationError(_("A YouTube or Vimeo video needs a still image of our own."))
        if not (value.get("transcript") or "").strip():
            missing["transcript"] = ValidationError(
                _("A video without a transcript cannot be published: add the transcript.")
            )
        if not value.get("duration"):
            missing["duration"] = ValidationError(_("Give the duration of the video."))
        return missing


def caption_problem(text: str) -> str | None:
    """Why a WebVTT text is not valid (naming the line), or None."""
    try:
        webvtt.parse(text)
    except webvtt.WebVTTError as error:
        return str(error)
    return None
