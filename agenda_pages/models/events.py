import re
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import quote, urljoin, urlsplit

import nh3
from django import forms
from django.db import models
from django.db.models import Q
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, route
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.rich_text import expand_db_html
from wagtail.search import index

from agenda_pages import vocabulary
from agenda_pages.public.ics import all_day_span, event_calendar, plain_description
from agenda_pages.public.jsonld import event_jsonld, jsonld_script
from agenda_pages.sanitize import ALLOWED_TAGS, ALLOWED_URL_SCHEMES, DROPPED_WITH_CONTENT, plain_text
from kankernl_site.fragments import cached_fragment
from kankernl_site.language import interface_url

from .centres import CentrePage, centre_of

EVENT_DESCRIPTION_FEATURES = ["bold", "italic", "ol", "ul", "link"]
EVENT_DETAIL_TEMPLATE = "agenda_pages/includes/event_detail.html"


@dataclass(frozen=True)
class RenderedEvent:
    body: str  # safe HTML
    meta_description: str
    structured_data: str  # safe HTML: a <script type="application/ld+json"> element, or ""


class Audience(models.Model):
    """Who an activity is for. A fixed list (see AUDIENCES), kept as rows so pages can link to it."""

    class Code(models.TextChoices):
        PATIENTS = "patients", _("People with cancer")
        RELATIVES = "relatives", _("Relatives and friends")
        BEREAVED = "bereaved", _("Bereaved")
        PROFESSIONALS = "professionals", _("Professionals and volunteers")

    code = models.CharField(_("code"), max_length=20, choices=Code.choices, unique=True)

    class Meta:
        verbose_name = _("audience")
        verbose_name_plural = _("audiences")
        ordering = ["id"]

    def __str__(self):
        return str(self.get_code_display())


class AttendanceMode(models.TextChoices):
    IN_PERSON = vocabulary.AttendanceMode.IN_PERSON.value, _("In person")
    ONLINE = vocabulary.AttendanceMode.ONLINE.value, _("Online")
    MIXED = vocabulary.AttendanceMode.MIXED.value, _("In person and online")


class OccurrenceStatus(models.TextChoices):
    SCHEDULED = vocabulary.OccurrenceStatus.SCHEDULED.value, _("Scheduled")
    CANCELLED = vocabulary.OccurrenceStatus.CANCELLED.value, _("Cancelled")
    WITHDRAWN = vocabulary.OccurrenceStatus.WITHDRAWN.value, _("Withdrawn")


class EventThemeTag(TaggedItemBase):
    content_object = ParentalKey("agenda_pages.EventPage", related_name="theme_items", on_delete=models.CASCADE)


class EventPage(RoutablePageMixin, Page):
    """One activity (a single event or a recurring series), made by hand or imported from a feed.

    An imported page is identified by (``source``, ``source_uid``); ``source_hash`` is the hash of
    the mapped fields at the last import, so an unchanged item costs no write.
    """

    description = RichTextField(_("description"), blank=True, features=EVENT_DESCRIPTION_FEATURES)
    attendance_mode = models.CharField(
        _("how to take part"), max_length=16, choices=AttendanceMode.choices, default=AttendanceMode.IN_PERSON
    )
    venue_name = models.CharField(_("venue"), max_length=255, blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    online_url = models.URLField(_("online meeting link"), max_length=1000, blank=True)
    themes = ClusterTaggableManager(verbose_name=_("themes"), through=EventThemeTag, blank=True)
    audience = ParentalManyToManyField(Audience, verbose_name=_("audience"), blank=True)
    cost = models.CharField(_("cost"), max_length=100, blank=True)
    registration_url = models.URLField(_("registration link"), max_length=1000, blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    source = models.ForeignKey(
        "agenda_pages.FeedSource",
        verbose_name=_("feed source"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        help_text=_("Empty for events made by hand."),
    )
    source_uid = models.CharField(_("identifier in the feed"), max_length=255, blank=True)
    source_url = models.URLField(_("address on the centre's website"), max_length=1000, blank=True)
    source_post_id = models.CharField(_("post id in the feed"), max_length=64, blank=True)
    source_last_seen_at = models.DateTimeField(_("last seen in the feed"), null=True, blank=True)
    source_hash = models.CharField(_("hash of the imported fields"), max_length=64, blank=True)
    # What the last import wrote, to tell an editor's own change from a change in the feed.
    source_snapshot = models.JSONField(_("fields as last imported"), default=dict, blank=True, editable=False)
    source_conflicts = models.JSONField(
        _("feed changes not applied"),
        default=list,
        blank=True,
        help_text=_("Fields an editor changed here that the feed has since changed too; review and clear."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("description"),
        InlinePanel("occurrences", heading=_("Dates"), label=_("date"), min_num=1),
        MultiFieldPanel(
            [FieldPanel("attendance_mode"), FieldPanel("venue_name"), FieldPanel("address"), FieldPanel("online_url")],
            heading=_("Location"),
        ),
        FieldPanel("themes"),
        FieldPanel("audience", widget=forms.CheckboxSelectMultiple),
        FieldPanel("cost"),
        FieldPanel("registration_url"),
        FieldPanel("image"),
    ]
    settings_panels = [
        *Page.settings_panels,
        MultiFieldPanel(
            [
                FieldPanel("source", read_only=True),
                FieldPanel("source_uid", read_only=True),
                FieldPanel("source_url", read_only=True),
                FieldPanel("source_last_seen_at", read_only=True),
                FieldPanel("source_conflicts", read_only=True),
            ],
            heading=_("Imported from"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("description"),
        index.SearchField("venue_name"),
        index.FilterField("attendance_mode"),
    ]

    parent_page_types = ["agenda_pages.CentrePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        constraints = [
            # Two imports of the same source at once must not create the same series twice.
            models.UniqueConstraint(
                fields=["source", "source_uid"],
                condition=Q(source__isnull=False) & ~Q(source_uid=""),
                name="unique_event_per_source_uid",
            )
        ]

    def centre(self) -> CentrePage | None:
        """The centre this event belongs to (its parent page), in one query."""
        return centre_of(self)

    def upcoming_occurrences(self, now) -> list["EventOccurrence"]:
        """The dates the public sees, soonest first: not yet passed, not withdrawn (cancelled ones stay
        until they have passed). One query; in a preview the draft's dates are in memory and the same
        filters run there."""
        occurrences = self.occurrences.all()
        if isinstance(occurrences, models.QuerySet):
            occurrences = occurrences.upcoming(now).order_by("start", "pk")
        else:  # modelcluster's FakeQuerySet takes the same lookups
            occurrences = EventOccurrenceQuerySet.upcoming(occurrences, now).order_by("start")
        return list(occurrences.exclude(status=OccurrenceStatus.WITHDRAWN))

    def venue(self, centre: CentrePage | None) -> tuple[str, str]:
        """The venue's name and address. When the event names neither and takes place (also) in
        person, it is the centre's own building, where most activities are held."""
        if self.venue_name or self.address or self.attendance_mode == AttendanceMode.ONLINE or centre is None:
            return self.venue_name, self.address
        place = f"{centre.postcode} {centre.city}".strip()
        return centre.title, ", ".join(part for part in (centre.street_address, place) if part)

    @staticmethod
    def web_url(value: str) -> str:
        """``value`` when it is an http(s) address, else "": a feed or an old row may hold anything,
        and a ``javascript:`` link must never become a link."""
        value = value.strip()
        return value if urlsplit(value).scheme.lower() in ("http", "https") else ""

    def description_html(self) -> str:
        """The description as HTML, cleaned once more on the way out: rich text is shown as stored,
        and rows written outside the editor (imports, scripts) must not bring scripts or
        ``javascript:`` links onto the page."""
        html = nh3.clean(
            expand_db_html(self.description),
            tags=ALLOWED_TAGS,
            attributes={"a": {"href", "rel"}},
            url_schemes=ALLOWED_URL_SCHEMES,
            clean_content_tags=DROPPED_WITH_CONTENT,
            link_rel=None,
        )
        return mark_safe(html)  # cleaned by nh3 above

    @staticmethod
    def share_links(title: str, url: str) -> dict[str, str]:
        return {
            "whatsapp": "https://wa.me/?text=" + quote(f"{title} {url}", safe=""),
            "email": f"mailto:?subject={quote(title, safe='')}&body={quote(url, safe='')}",
        }

    def get_context(self, request, *args, **kwargs):
        """The page's body, description and structured data, rendered once per content version
        (``kankernl_site.fragments``): most of what a request for the page costs."""
        context = super().get_context(request, *args, **kwargs)
        context["detail"] = cached_fragment(
            request, "event-detail", (self.pk,), lambda: self._render_detail(request, context)
        )
        return context

    def _render_detail(self, request, context) -> RenderedEvent:
        detail = self.detail_context(request)
        return RenderedEvent(
            body=mark_safe(render_to_string(EVENT_DETAIL_TEMPLATE, {**context, **detail}, request=request)),
            meta_description=detail["meta_description"],
            structured_data=detail["structured_data"],
        )

    def detail_context(self, request) -> dict:
        """What the page shows, in the same number of queries however many dates, themes and
        audiences the event has: the centre, the dates, the themes and the audiences once each."""
        context = {}
        now = timezone.now()
        centre = self.centre()
        occurrences = self.upcoming_occurrences(now)
        url = self.get_full_url(request) or request.build_absolute_uri()
        venue_name, address = self.venue(centre)
        online_url = self.web_url(self.online_url) if self.attendance_mode != AttendanceMode.IN_PERSON else ""
        registration_url = self.web_url(self.registration_url)
        rendition = self.image.get_rendition("width-1200") if self.image_id else None
        centre_url = interface_url(centre.get_url(request)) if centre and centre.live else ""
        centre_website = self.web_url(centre.website) if centre else ""
        page_path = self.get_url(request)
        context.update(
            centre=centre,
            centre_url=centre_url,
            centre_website=centre_website,
            centre_phone_url="tel:" + re.sub(r"[^\d+]", "", centre.phone) if centre and centre.phone else "",
            # (date, last day of an all-day date that spans several days)
            date_lines=[(occurrence, self._last_day(occurrence)) for occurrence in occurrences],
            calendar_url=page_path + self.reverse_subpage("calendar") if page_path and occurrences else "",
            description_html=self.description_html(),
            themes=sorted(tag.name for tag in self.themes.all()),
            audiences=[str(audience) for audience in self.audience.all()],
            venue_name=venue_name,
            venue_address=address,
            map_url="https://www.openstreetmap.org/search?query=" + quote(address, safe="") if address else "",
            online_url=online_url,
            registration_url=registration_url,
            rendition=rendition,
            page_url=url,
            share_links=self.share_links(self.title, url),
            meta_description=self.search_description or plain_text(plain_description(self.description), 160),
            structured_data=jsonld_script(
                event_jsonld(
                    self,
                    occurrences,
                    url=url,
                    organizer_name=centre.title if centre else "",
                    organizer_url=centre_website or (centre.get_full_url(request) if centre_url else ""),
                    venue_name=venue_name,
                    address=address,
                    online_url=online_url,
                    registration_url=registration_url,
                    image_url=urljoin(url, rendition.url) if rendition else "",
                )
            )
            if occurrences
            else "",
        )
        return context

    @staticmethod
    def _last_day(occurrence):
        if not occurrence.all_day:
            return None
        first_day, end_day = all_day_span(occurrence)
        last_day = end_day - timedelta(days=1)
        return last_day if last_day > first_day else None

    # At ".../calendar/", not ".../calendar.ics": Wagtail serves only paths of letters, digits, "-"
    # and "_" between slashes. The file is still named "<slug>.ics" (Content-Disposition).
    @route(r"^calendar/$", name="calendar")
    def calendar_file(self, request):
        """The upcoming dates of this event as an iCalendar file, for "add to my calendar"."""
        now = timezone.now()
        url = self.get_full_url(request)
        location = ", ".join(part for part in self.venue(self.centre()) if part)
        occurrences = self.upcoming_occurrences(now)
        host = urlsplit(url).hostname
        calendar = event_calendar(self, occurrences, url=url, host=host, now=now, location=location or None)
        response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=f"{self.slug}.ics")
        response["X-Robots-Tag"] = "noindex"
        return response


class EventOccurrenceQuerySet(models.QuerySet):
    def public(self):
        """Dates the public may see: of live pages, and not withdrawn from the feed.

        "Live" as a subquery rather than a join: counting then needs no join through the event table.
        """
        live_pages = Page.objects.filter(live=True).values("pk")
        return self.filter(page_id__in=live_pages).exclude(status=OccurrenceStatus.WITHDRAWN)

    def upcoming(self, now):
        """Dates not over yet: ending at or after ``now``; without an end, starting at or after it, or
        for an all-day date, falling on today (local time) or later."""
        today = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)
        return self.filter(
            models.Q(end__gte=now)
            | models.Q(end__isnull=True, start__gte=now)
            | models.Q(end__isnull=True, all_day=True, start__gte=today)
        )


class EventOccurrence(Orderable):
    """One date of an event. Part of the page's revisions, so the rows in the table are the live version."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="occurrences")
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"), null=True, blank=True)
    all_day = models.BooleanField(_("all day"), default=False)
    status = models.CharField(
        _("status"), max_length=16, choices=OccurrenceStatus.choices, default=OccurrenceStatus.SCHEDULED
    )
    title_override = models.CharField(
        _("title on this date"), max_length=255, blank=True, help_text=_("Only when this date has its own title.")
    )

    objects = EventOccurrenceQuerySet.as_manager()

    panels = [FieldPanel("start"), FieldPanel("end"), FieldPanel("all_day"), FieldPanel("status")]

    class Meta(Orderable.Meta):
        verbose_name = _("date")
        verbose_name_plural = _("dates")
        indexes = [
            models.Index(fields=["start"], name="occurrence_start"),
            models.Index(fields=["page", "start"], name="occurrence_page_start"),
            models.Index(fields=["end"], name="occurrence_end"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=models.F("start")), name="occurrence_end_after_start"
            )
        ]

    def __str__(self):
        return f"{self.page.title} ({self.start:%Y-%m-%d %H:%M})"
