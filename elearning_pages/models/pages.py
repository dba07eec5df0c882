"""The e-learning's pages: courses of lessons, and a library of instruction videos.

What each page shows and what its sub-routes answer is decided in ``elearning_pages.learning`` and
``elearning_pages.videos``, which register their functions in ``kankernl_site.registries``; the
models import neither.
"""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import ContentStreamBlock
from kankernl_site.registries import PresentedPage, responder_for

from ..blocks import QUESTION_BLOCK_TYPES, LessonStreamBlock, VideoStreamBlock


class VideoRoutes(RoutablePageMixin):
    """The sub-routes of a page that shows videos: its caption files, an embed, the play counter.

    A video is named by its block's id, which a translation keeps, so the Dutch and English page
    serve the same tracks under the same addresses below their own.
    """

    # Not "<language>.vtt": Wagtail only serves addresses of plain segments ending in a slash.
    @path("video/<str:block_id>/ondertiteling/<str:language>/", name="captions")
    def captions(self, request, block_id, language):
        return responder_for(VideoRoutes, "captions")(self, request, block_id=block_id, language=language)

    @path("video/<str:block_id>/hoofdstukken/", name="chapters")
    def chapters(self, request, block_id):
        return responder_for(VideoRoutes, "chapters")(self, request, block_id=block_id)

    @path("video/<str:block_id>/embed/", name="video_embed")
    def video_embed(self, request, block_id):
        return responder_for(VideoRoutes, "embed")(self, request, block_id=block_id)

    @path("video/<str:block_id>/teller/", name="video_event")
    def video_event(self, request, block_id):
        return responder_for(VideoRoutes, "event")(self, request, block_id=block_id)

    def video_blocks(self):
        """The page's video blocks, in page order."""
        return [block for block in self.video_stream() if block.block_type == "video"]

    def find_video(self, block_id: str):
        return next((block for block in self.video_blocks() if block.id == block_id), None)

    def video_stream(self):
        raise NotImplementedError


class CourseIndexPage(RoutablePageMixin, PresentedPage, Page):
    """ "E-learning": the courses, and the routes that belong to no single course."""

    intro = models.TextField(_("introduction"), blank=True, max_length=600)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["elearning_pages.CoursePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("e-learning overview")
        verbose_name_plural = _("e-learning overviews")

    @path("voortgang/bewaren/", name="save_progress")
    def save_progress(self, request):
        return responder_for(CourseIndexPage, "save_progress")(self, request)

    @path("voortgang/ga-verder/", name="continue_elsewhere")
    def continue_elsewhere(self, request):
        return responder_for(CourseIndexPage, "continue_elsewhere")(self, request)

    @path("voortgang/link/<str:token>/", name="sign_in")
    def sign_in(self, request, token):
        return responder_for(CourseIndexPage, "sign_in")(self, request, token=token)

    @path("certificaat/", name="verify_form")
    def verify_form(self, request):
        return responder_for(CourseIndexPage, "verify_form")(self, request)

    @path("certificaat/<str:code>/", name="verify_certificate")
    def verify_certificate(self, request, code):
        return responder_for(CourseIndexPage, "verify_certificate")(self, request, code=code)


class CoursePage(RoutablePageMixin, PresentedPage, Page):
    intro = models.TextField(_("introduction"), max_length=600)
    goals = RichTextField(_("what you learn"), features=["ul", "bold", "link"])
    audience = models.TextField(_("for whom"), max_length=600)
    duration_minutes = models.PositiveSmallIntegerField(_("estimated time (minutes)"))
    outcome = models.TextField(_("what you get at the end"), max_length=600)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("goals"),
        FieldPanel("audience"),
        FieldPanel("duration_minutes"),
        FieldPanel("outcome"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("goals")]
    parent_page_types = ["elearning_pages.CourseIndexPage"]
    subpage_types = ["elearning_pages.LessonPage"]

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    def lessons(self):
        """The course's live lessons in the order of the page tree."""
        return LessonPage.objects.child_of(self).live().order_by("path")

    @path("certificaat/", name="certificate")
    def certificate(self, request):
        return responder_for(CoursePage, "certificate")(self, request)


class LessonPage(VideoRoutes, PresentedPage, Page):
    intro = models.TextField(_("introduction"), max_length=600)
    duration_minutes = models.PositiveSmallIntegerField(_("estimated time (minutes)"))
    body = StreamField(LessonStreamBlock(), verbose_name=_("content"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("duration_minutes"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["elearning_pages.CoursePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")

    def video_stream(self):
        return self.body

    def question_blocks(self):
        return [block for block in self.body if block.block_type in QUESTION_BLOCK_TYPES]

    def course(self) -> "CoursePage":
        return CoursePage.objects.parent_of(self).get()

    @path("antwoord/", name="answer")
    def answer(self, request):
        return responder_for(LessonPage, "answer")(self, request)

    @path("afronden/", name="complete")
    def complete(self, request):
        return responder_for(LessonPage, "complete")(self, request)

    @path("handout/<str:block_id>/", name="handout")
    def handout(self, request, block_id):
        return responder_for(LessonPage, "handout")(self, request, block_id=block_id)


class VideoTopic(models.Model):
    """A topic the instruction-video library groups its videos by."""

    name_nl = models.CharField(_("name (Dutch)"), max_length=80)
    name_en = models.CharField(_("name (English)"), max_length=80)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("video topic")
        verbose_name_plural = _("video topics")
        ordering = ["sort_order", "name_nl"]

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        return self.name_en if (get_language() or "nl").startswith("en") and self.name_en else self.name_nl


class VideoIndexPage(PresentedPage, Page):
    """The instruction-video library: every video of the video pages and the lessons, by topic."""

    intro = models.TextField(_("introduction"), blank=True, max_length=600)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["elearning_pages.VideoPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("instruction-video library")
        verbose_name_plural = _("instruction-video libraries")


class VideoPage(VideoRoutes, PresentedPage, Page):
    """A stand-alone instruction video."""

    topic = models.ForeignKey(
        VideoTopic, verbose_name=_("topic"), on_delete=models.PROTECT, related_name="video_pages"
    )
    intro = models.TextField(_("introduction"), max_length=600)
    video = StreamField(VideoStreamBlock(), verbose_name=_("video"))
    body = StreamField(ContentStreamBlock(), blank=True, verbose_name=_("more text"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("topic"),
        FieldPanel("intro"),
        FieldPanel("video"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("video"),
        index.SearchField("body"),
    ]
    parent_page_types = ["elearning_pages.VideoIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("instruction video")
        verbose_name_plural = _("instruction videos")

    def video_stream(self):
        return self.video
