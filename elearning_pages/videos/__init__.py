"""Videos: playing them (the video block's player and facade), their routes on lesson and video
pages (captions, chapters, embed, play counter), and the instruction-video library."""

from elearning_pages.models import VideoIndexPage, VideoPage, VideoRoutes
from kankernl_site.registries import register_presenter, register_responder

from . import embed, presenters, responders


def register() -> None:
    """Called once from ``ElearningPagesConfig.ready``."""
    register_responder(VideoRoutes, "captions", responders.captions)
    register_responder(VideoRoutes, "chapters", responders.chapters)
    register_responder(VideoRoutes, "event", responders.video_event)
    register_responder(VideoRoutes, "embed", embed.video_embed)
    register_presenter(VideoIndexPage, presenters.present_library)
    register_presenter(VideoPage, presenters.present_video_page)
