"""What a video block shows, worked out for its page: caption tracks at the page's own addresses,
the chapters as text, the file's address and type, or the YouTube/Vimeo facade's parts.

The block's template (``blocks/video_block.html``) gets a ``Player`` from the ``video_player`` tag,
so lessons, video pages and the embed show one video the same way. Without a page (the editor's
block preview) a player has no addresses of its own: no tracks, no counter.
"""

from dataclasses import dataclass, field

from django.utils.translation import get_language, get_language_info

from elearning_pages import webvtt
from elearning_pages.models import VideoRoutes

WATCH_URLS = {"youtube": "https://www.youtube.com/watch?v={id}", "vimeo": "https://vimeo.com/{id}"}
PROVIDER_NAMES = {"youtube": "YouTube", "vimeo": "Vimeo"}


@dataclass(frozen=True)
class CaptionTrack:
    language: str
    label: str  # in the track's own language: what the player's menu offers
    src: str
    is_default: bool


@dataclass(frozen=True)
class Chapter:
    seconds: int
    title: str

    @property
    def label(self) -> str:
        return clock(self.seconds)


@dataclass(frozen=True)
class Player:
    block_id: str
    title: str
    transcript: str
    seconds: int | None
    duration: str
    poster: object = None  # a Wagtail image or None
    provider: str = ""  # "youtube", "vimeo" or "" for a file
    external_id: str = ""
    file_url: str = ""
    file_type: str = ""
    tracks: list[CaptionTrack] = field(default_factory=list)
    chapters: list[Chapter] = field(default_factory=list)
    chapters_src: str = ""
    event_url: str = ""

    @property
    def anchor(self) -> str:
        return f"video-{self.block_id}" if self.block_id else "video"

    @property
    def provider_name(self) -> str:
        return PROVIDER_NAMES.get(self.provider, "")

    @property
    def watch_url(self) -> str:
        return WATCH_URLS[self.provider].format(id=self.external_id) if self.provider else ""

    @property
    def iso_duration(self) -> str:
        """For ``<time datetime>``: PT2M30S."""
        if self.seconds is None:
            return ""
        minutes, seconds = divmod(self.seconds, 60)
        return f"PT{minutes}M{seconds}S"


def clock(seconds: int) -> str:
    """75 -> "1:15"; 3725 -> "1:02:05"."""
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"


def read_chapters(text: str) -> list[Chapter]:
    """The chapters in a WebVTT text: each cue's start and its first line. The block refused invalid
    WebVTT when the page was published, so a text that does not parse (a draft's) shows no chapters."""
    if not (text or "").strip():
        return []
    try:
        cues = webvtt.parse(text)
    except webvtt.WebVTTError:
        return []
    return [Chapter(seconds=cue.start_ms // 1000, title=cue.text.split("\n")[0]) for cue in cues]


def language_label(code: str) -> str:
    try:
        return get_language_info(code)["name_local"]
    except KeyError:
        return code


def route_url(page, request, name: str, **kwargs) -> str:
    """The address of one of the page's video routes, relative to the site."""
    page_url = page.get_url(request) if page is not None else None
    if not page_url or not isinstance(page, VideoRoutes):
        return ""
    return page_url + page.reverse_subpage(name, kwargs=kwargs)


def build_player(value, *, page=None, block_id: str = "", request=None) -> Player:
    provider = value.provider()
    seconds = value.seconds()
    page_language = (get_language() or "nl").split("-")[0]
    routed = bool(block_id) and page is not None
    tracks = []
    if routed and not provider:
        languages = value.caption_languages()
        default = page_language if page_language in languages else (languages[0] if languages else "")
        tracks = [
            CaptionTrack(
                language=language,
                label=language_label(language),
                src=route_url(page, request, "captions", block_id=block_id, language=language),
                is_default=language == default,
            )
            for language in languages
        ]
    document = value.get("file")
    chapters_text = value.get("chapters") or ""
    return Player(
        block_id=block_id,
        title=value.get("title") or "",
        transcript=value.get("transcript") or "",
        seconds=seconds,
        duration=clock(seconds) if seconds is not None else "",
        poster=value.get("poster"),
        provider=provider[0] if provider else "",
        external_id=provider[1] if provider else "",
        file_url=document.url if document and not provider else "",
        file_type=document.content_type if document and not provider else "",
        tracks=[track for track in tracks if track.src],
        chapters=read_chapters(chapters_text),
        chapters_src=route_url(page, request, "chapters", block_id=block_id) if routed and chapters_text else "",
        event_url=route_url(page, request, "video_event", block_id=block_id) if routed and not provider else "",
    )


def block_id_on_page(page, value) -> str:
    """The id of the page's video block holding ``value`` (the same object: the template iterates
    the page's own stream), for a template that did not pass ``block_id``."""
    if not isinstance(page, VideoRoutes):
        return ""
    return next((block.id for block in page.video_blocks() if block.value is value), "")
