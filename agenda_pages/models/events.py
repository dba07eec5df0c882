import zoneinfo
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from functools import reduce
from operator import or_

from django import forms
from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Length, Substr
from django.utils import timezone
from django.utils.functional import classproperty
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, route
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, PageViewRestriction
from wagtail.search import index

from agenda_pages import vocabulary
from kankernl_site.registries import PresentedPage, responder_for

from . import registries
from .centres import CentrePage, centre_of
from .selection import AgendaFilters
from .themes import Theme

EVENT_DESCRIPTION_FEATURES = ["bold", "italic", "ol", "ul", "link"]


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


class EventPage(PresentedPage, RoutablePageMixin, Page):
    """One activity (a single event or a recurring series), made by hand or imported from a feed.

    An imported page is identified by (``source``, ``source_uid``); ``source_hash`` is the hash of
    the mapped fields at the last import, so an unchanged item costs no write.
    """

    # The main menu item an event page belongs to (``site_tags.menu_pages``): the agenda, where a
    # visitor found it, not "Centra", under which it sits in the page tree.
    menu_section = "agenda_pages.agendaindexpage"

    description = RichTextField(_("description"), blank=True, features=EVENT_DESCRIPTION_FEATURES)
    attendance_mode = models.CharField(
        _("how to take part"), max_length=16, choices=AttendanceMode.choices, default=AttendanceMode.IN_PERSON
    )
    venue_name = models.CharField(_("venue"), max_length=255, blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    online_url = models.URLField(_("online meeting link"), max_length=1000, blank=True)
    themes = ParentalManyToManyField(Theme, verbose_name=_("themes"), related_name="events", blank=True)
    # Themes the importer read from the title and description of an event whose feed gave none: not
    # applied until a reviewer accepts them on the edit form (admin.event_forms).
    suggested_themes = models.JSONField(_("suggested themes"), default=list, blank=True, editable=False)
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
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
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
        # "vermoeidheid" or "lotgenoten" finds the events carrying that theme, in either language.
        index.RelatedFields("themes", [index.SearchField("label_nl"), index.SearchField("label_en")]),
        index.SearchField("address"),
        index.FilterField("attendance_mode"),
    ]

    parent_page_types = ["agenda_pages.CentrePage"]
    subpage_types = []

    @classproperty
    def base_form_class(cls):
        """The edit form ``agenda_pages.admin.event_form`` registers (it offers suggested themes)."""
        return registries.form_class_for(cls, WagtailAdminPageForm)

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

    def get_cached_paths(self):
        """The event page and its calendar file, for purging a CDN (wagtail.contrib.frontend_cache)."""
        return ["/", "calendar/"]

    # At ".../calendar/", not ".../calendar.ics": Wagtail serves only paths of letters, digits, "-"
    # and "_" between slashes. The file is still named "<slug>.ics" (Content-Disposition).
    @route(r"^calendar/$", name="calendar")
    def calendar_file(self, request):
        """The upcoming dates of this event as an iCalendar file, for "add to my calendar"."""
        return responder_for(EventPage, "calendar")(self, request)

    # One date of a series, named by its start in UTC as in its calendar UID (the rows are rewritten
    # by every import, their ids are not stable).
    @route(r"^calendar/(?P<start>\d{8}T\d{6}Z)/$", name="calendar_date")
    def calendar_date_file(self, request, start):
        """One upcoming date of this event as an iCalendar file ("only this date")."""
        return responder_for(EventPage, "calendar")(self, request, start=start)


class EventOccurrenceQuerySet(models.QuerySet):
    def public(self):
        """Dates the public may see: of live pages that are not private (at or below a page with a
        view restriction), and not withdrawn from the feed.

        "Live" as a subquery rather than a join: counting then needs no join through the event table.
        Wagtail's ``PageQuerySet.public()`` would read the restrictions in a query of its own first;
        this asks the same inside the subquery, so every list keeps its query count.
        """
        live_pages = Page.objects.filter(live=True).exclude(Exists(_restriction_above())).values("pk")
        return self.filter(page_id__in=live_pages).exclude(status=OccurrenceStatus.WITHDRAWN)

    def upcoming(self, now):
        """Dates not over yet: ending at or after ``now``; without an end, starting at or after it, or
        for an all-day date, falling on today (local time) or later. ``RevisionDate.upcoming`` is the
        same rule for the dates in a revision's content."""
        today = start_of_local_day(now)
        return self.filter(
            models.Q(end__gte=now)
            | models.Q(end__isnull=True, start__gte=now)
            | models.Q(end__isnull=True, all_day=True, start__gte=today)
        )

    def matching(self, filters: AgendaFilters):
        """Dates that pass ``filters`` (one extra query when centres are filtered). A start date
        narrows like ``upcoming`` from its first moment, local time."""
        occurrences = self
        if filters.date_from:
            occurrences = occurrences.upcoming(_start_of(filters.date_from))
        if filters.date_to:
            occurrences = occurrences.filter(start__lt=_start_of(filters.date_to + timedelta(days=1)))
        for word in filters.q.split()[:10]:
            occurrences = occurrences.filter(containing_word(word) | Q(page_id__in=_themed_by_label(word)))
        if filters.themes:
            themed = EventPage.themes.through.objects.filter(theme__slug__in=filters.themes)
            occurrences = occurrences.filter(page_id__in=themed.values("eventpage_id"))
        if filters.audience:
            for_audience = EventPage.audience.through.objects.filter(audience__code=filters.audience)
            occurrences = occurrences.filter(page_id__in=for_audience.values("eventpage_id"))
        if filters.mode == "online":
            occurrences = occurrences.filter(page__attendance_mode__in=[AttendanceMode.ONLINE, AttendanceMode.MIXED])
        elif filters.mode == "in-person":
            occurrences = occurrences.filter(
                page__attendance_mode__in=[AttendanceMode.IN_PERSON, AttendanceMode.MIXED]
            )
        if filters.filters_centres:
            place = filters if filters.distance_applies else replace(filters, near=None)
            centres = CentrePage.objects.live().matching(place).only("path", "latitude", "longitude")
            paths = [centre.path for centre in centres.within(place)]
            if not paths:
                return occurrences.none()
            occurrences = occurrences.filter(reduce(or_, (Q(page__path__startswith=path) for path in paths)))
        return occurrences

    def of_centre(self, centre: CentrePage):
        """The dates of the events right below ``centre``."""
        return self.filter(page__path__startswith=centre.path, page__depth=centre.depth + 1)


def containing_word(word: str) -> Q:
    """Dates whose event (title, description, venue, address) or own title contains ``word``, in any
    case and anywhere in a word ("groep" finds "Wandelgroep").

    Each column is asked apart, as "the event is one of these pages", not through a join: on
    PostgreSQL every column then uses its trigram index (migration 0008), so a search reads the
    matching events instead of testing every upcoming date's joined text. SQLite runs the same
    ``LIKE`` without an index, with the same results.
    """
    titled = Page.objects.filter(title__icontains=word).values("pk")
    described = EventPage.objects.filter(
        Q(description__icontains=word) | Q(venue_name__icontains=word) | Q(address__icontains=word)
    ).values("pk")
    return Q(page_id__in=titled) | Q(page_id__in=described) | Q(title_override__icontains=word)


def _themed_by_label(word: str):
    """The events carrying a theme whose name (in either language) holds ``word``: a subquery, so an
    event with two such themes is not listed twice."""
    themes = Theme.objects.filter(Q(label_nl__icontains=word) | Q(label_en__icontains=word))
    return EventPage.themes.through.objects.filter(theme__in=themes).values("eventpage_id")


def _restriction_above():
    """The outer page or one of its ancestors, when it has a view restriction: a restricted page's
    path is the start of the paths of everything below it (Wagtail's materialised path)."""
    restricted = Page.objects.filter(pk__in=PageViewRestriction.objects.values("page_id"))
    # Subqueries, not joins, like the rest of the agenda's filters (see containing_word).
    return restricted.filter(path=Substr(OuterRef("path"), 1, Length("path")))


def start_of_local_day(now: datetime) -> datetime:
    """Midnight (Dutch time) of the day ``now`` falls on."""
    return timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)


def _start_of(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=zoneinfo.ZoneInfo(settings.TIME_ZONE))


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
