"""The printed programme: a centre's activities of a month or week (``<centre>/programma/``), or any
selection of the agenda (``<agenda>/print/``), on A4 for the table by the door.

It replaces the flyers, so it is built for paper: each activity once where it has a rhythm ("Elke
dinsdag, 10:00-11:30 Wandelgroep", with the dates it does not take place), the others under their
day, every activity with a QR code and the address to type. The browser prints it (print CSS, no PDF
library). A fixed number of queries, however many activities: the dates in one query, their
centres in one more, and the rhythms are read from the dates already fetched.
"""

from dataclasses import dataclass, replace
from datetime import date, datetime

from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.formats import date_format, time_format
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from agenda_pages.models import AgendaIndexPage, CentrePage, EventOccurrence, EventPage, OccurrenceStatus
from agenda_pages.models.centres import centres_above, parent_path
from agenda_pages.models.selection import AgendaFilters
from agenda_pages.opening_hours import parse_opening_hours
from agenda_pages.public import occurrences
from agenda_pages.public.centre_profile import opening_hours_rows
from agenda_pages.public.filters import AgendaFilterForm
from agenda_pages.public.listing import FilterChoices
from agenda_pages.public.presenters import phone_uri, venue
from agenda_pages.public.programme.period import Period, PeriodKind, one_month_on, read_period
from agenda_pages.public.rhythm_text import how_often_text
from agenda_pages.public.selection_name import selection_parts
from agenda_pages.rhythm import Rhythm, rhythm_of
from agenda_pages.vocabulary import AttendanceMode
from kankernl_site import registries
from kankernl_site.language import interface_url
from kankernl_site.qr import qr_svg, short_address

TEMPLATE = "agenda_pages/programme/programme.html"
# A month of the whole country is no flyer: past this many dates the programme says it was cut short.
MAX_DATES = 300
PERIOD_PARAMETERS = ("month", "week")


@dataclass(frozen=True)
class PrintedActivity:
    """One line of the programme: a date, or a series with its rhythm."""

    title: str
    url: str  # absolute, what the QR code holds
    short_url: str  # the same address as a person types it
    qr: SafeString
    hours: str  # "10:00-11:30", "all day", or "" for a series whose times differ
    place: str  # where, when that is not the centre whose programme this is
    centre: str = ""  # who organises it, in a programme of several centres
    cancelled: bool = False  # a date that does not take place
    how_often: str = ""  # a series: "Elke dinsdag"
    cancelled_days: tuple[str, ...] = ()  # a series: the dates called off ("22 december")
    skipped_days: tuple[str, ...] = ()  # a series: dates of its rhythm it has no meeting on


@dataclass(frozen=True)
class PrintedDay:
    day: date
    activities: list[PrintedActivity]


@dataclass(frozen=True)
class Programme:
    period: Period
    series: list[PrintedActivity]
    days: list[PrintedDay]
    activity_count: int
    cut_short: bool  # more dates matched than one programme prints

    @property
    def is_empty(self) -> bool:
        return not (self.series or self.days)


def _hours(start: datetime, end: datetime | None, all_day: bool) -> str:
    if all_day:
        return _("all day")
    text = time_format(start, "H:i")
    return f"{text}\N{EN DASH}{time_format(end, 'H:i')}" if end and end.date() == start.date() else text


def _series_hours(rhythm: Rhythm, dates: list[EventOccurrence]) -> str:
    if all(occurrence.all_day for occurrence in dates):
        return _("all day")
    if not rhythm.start_time:
        return ""
    text = time_format(rhythm.start_time, "H:i")
    return f"{text}\N{EN DASH}{time_format(rhythm.end_time, 'H:i')}" if rhythm.end_time else text


def _place(event: EventPage, centre: CentrePage | None, own_centre: CentrePage | None) -> str:
    """Where the activity is, left out when it is the building of the centre whose programme this is."""
    name, address = venue(event, centre)
    here = own_centre is not None and (name, address) == (own_centre.title, own_centre.full_address)
    if centre is not None and own_centre is None and name == centre.title:
        name = ""  # the line names the centre already: "Centrum Het Baken · Stationsplein 3, Zwolle"
    parts = [] if here else [part for part in (name, address) if part]
    if event.attendance_mode == AttendanceMode.ONLINE:
        return _("Online")
    if event.attendance_mode == AttendanceMode.MIXED:
        parts.append(_("also online"))
    return ", ".join(parts)


def _day_text(day: date) -> str:
    return date_format(day, "j F")


def build_programme(
    dates, request, period: Period, *, agenda_path: str, own_centre: CentrePage | None = None, today: date
) -> Programme:
    """The programme of ``dates`` (public occurrences of the period, in no order).

    With ``own_centre`` it is that centre's: its name and address are not repeated on every line.
    The address printed to type is the agenda's short link to the event (``<agenda>/a/<id>/``).
    """
    rows = list(occurrences.in_agenda_order(dates)[: MAX_DATES + 1])
    cut_short = len(rows) > MAX_DATES
    rows = rows[:MAX_DATES]
    by_event: dict[int, list[EventOccurrence]] = {}
    for occurrence in rows:
        by_event.setdefault(occurrence.page_id, []).append(occurrence)
    centres = {} if own_centre else centres_above(occurrence.page for occurrence in rows)
    zone = occurrences.local_zone()
    series: list[tuple[tuple, PrintedActivity]] = []
    days: dict[date, list[PrintedActivity]] = {}
    for event_dates in by_event.values():
        event = event_dates[0].page
        centre = own_centre or centres.get(parent_path(event.path))
        url = request.build_absolute_uri(interface_url(event.get_url(request) or ""))
        common = {
            "url": url,
            "short_url": short_address(
                request.build_absolute_uri(f"{agenda_path}a/{event.pk}/") if agenda_path else url
            ),
            "qr": qr_svg(url),
            "place": _place(event, centre, own_centre),
            "centre": "" if own_centre or centre is None else centre.title,
        }
        rhythm = rhythm_of(event_dates, zone)
        if rhythm is not None and rhythm.repeats:
            cancelled = {
                occurrence.start.astimezone(zone).date()
                for occurrence in event_dates
                if occurrence.status == OccurrenceStatus.CANCELLED
            }
            activity = PrintedActivity(
                title=event.title,
                hours=_series_hours(rhythm, event_dates),
                how_often=how_often_text(rhythm, today),
                cancelled_days=tuple(_day_text(day) for day in sorted(cancelled)),
                skipped_days=tuple(_day_text(day) for day in rhythm.exceptions if day not in cancelled),
                **common,
            )
            # Monday's groups first, then by the time of day, as a week reads.
            series.append(((rhythm.first.weekday(), rhythm.start_time or datetime.min.time(), event.title), activity))
            continue
        for occurrence in event_dates:
            start = occurrence.start.astimezone(zone)
            end = occurrence.end.astimezone(zone) if occurrence.end else None
            days.setdefault(start.date(), []).append(
                PrintedActivity(
                    title=occurrence.title_override or event.title,
                    hours=_hours(start, end, occurrence.all_day),
                    cancelled=occurrence.status == OccurrenceStatus.CANCELLED,
                    **common,
                )
            )
    series.sort(key=lambda pair: pair[0])
    return Programme(
        period=period,
        series=[activity for _key, activity in series],
        days=[PrintedDay(day, activities) for day, activities in sorted(days.items())],
        activity_count=len(by_event),
        cut_short=cut_short,
    )


def period_text(period: Period) -> str:
    """ "December 2026", "Week 50: 7 to 13 December 2026", "7 December 2026 to 6 January 2027"."""
    if period.kind == PeriodKind.MONTH and period.first.day == 1:
        return date_format(period.first, "F Y").capitalize()
    days = _("%(first)s to %(last)s") % {
        "first": date_format(period.first, _first_day_format(period)),
        "last": date_format(period.last, "j F Y"),
    }
    if period.kind == PeriodKind.WEEK:
        return _("Week %(number)s: %(days)s") % {"number": period.asked_first.isocalendar().week, "days": days}
    return days


def _first_day_format(period: Period) -> str:
    """ "14 to 20 December 2026", "28 December 2026 to 3 January 2027": each part said once."""
    if period.first.year != period.last.year:
        return "j F Y"
    return "j" if period.first.month == period.last.month else "j F"


def period_links(path: str, today: date, extra_query: str = "") -> list[tuple[str, str]]:
    """Other periods to print: this and next month, this and next week (label, address)."""
    next_month = one_month_on(today.replace(day=1))
    this_week, next_week = today.isocalendar(), (today + (date.resolution * 7)).isocalendar()
    choices = [
        (_("This month"), f"month={today:%Y-%m}"),
        (_("Next month"), f"month={next_month:%Y-%m}"),
        (_("This week"), f"week={this_week.year}-W{this_week.week:02d}"),
        (_("Next week"), f"week={next_week.year}-W{next_week.week:02d}"),
    ]
    prefix = f"{extra_query}&" if extra_query else ""
    return [(label, f"{path}?{prefix}{query}") for label, query in choices]


def _period_params(request) -> tuple[str, str]:
    # Cut short before they are quoted in a message: an address may hold anything.
    return tuple(request.GET.get(name, "").strip()[:20] for name in PERIOD_PARAMETERS)


def _live_agenda(request, path: str) -> dict:
    """The big code on top: the live agenda (of the centre, or of the selection)."""
    url = request.build_absolute_uri(path)
    return {"live_url": url, "live_short_url": short_address(url), "live_qr": qr_svg(url, css_class="qr qr--large")}


def centre_programme(page: CentrePage, request) -> TemplateResponse:
    """``<centre>/programma/``: the centre's programme of the coming month, or ``?month=``/``?week=``."""
    now = timezone.now()
    today = timezone.localdate(now)
    month, week = _period_params(request)
    period, messages = read_period(month, week, today=today)
    dates = (
        EventOccurrence.objects.public()
        .upcoming(now)
        .of_centre(page)
        .matching(AgendaFilters(date_from=period.first, date_to=period.last))
    )
    agenda = AgendaIndexPage.for_active_language()
    agenda_path = agenda.get_url(request) if agenda else ""
    return TemplateResponse(
        request,
        TEMPLATE,
        {
            "page": page,
            "heading": page.title,
            "programme": build_programme(
                dates, request, period, agenda_path=agenda_path, own_centre=page, today=today
            ),
            "period_text": period_text(period),
            "period_links": period_links(request.path, today),
            "messages": messages,
            "back_url": interface_url(page.get_url(request) or ""),
            "back_text": _("Back to %(centre)s") % {"centre": page.title},
            **(_live_agenda(request, f"{agenda_path}?centre={page.slug}") if agenda_path else {}),
            "centre": page,
            "phone_uri": phone_uri(page.phone),
            "opening_hours": opening_hours_rows(parse_opening_hours(page.opening_hours)),
            "printed_on": today,
        },
    )


def selection_name(filters: AgendaFilters, choices: FilterChoices) -> str:
    """The selection in words, for the heading: "Bewegen en sport, Utrecht"; "" for the whole agenda.
    Worded as the calendar subscription names it; the dates are left out, the period says them."""
    undated = replace(filters, date_from=None, date_to=None)
    labels = {"themes": choices.themes, "centres": choices.centres, "audiences": choices.audiences}
    return ", ".join(selection_parts(undated, **labels))


def agenda_programme(page: AgendaIndexPage, request) -> TemplateResponse:
    """``<agenda>/print/``: any selection of the agenda (its own filter parameters) as a programme."""
    now = timezone.now()
    today = timezone.localdate(now)
    month, week = _period_params(request)
    params = request.GET.copy()
    for name in (*PERIOD_PARAMETERS, "page", "show"):  # not the agenda form's business here
        params.pop(name, None)
    choices = FilterChoices(now)
    form = AgendaFilterForm(
        params, today=today, themes=choices.themes, centres=choices.centres, audiences=choices.audiences
    )
    filters = replace(form.filters, per_activity=False)
    period, period_messages = read_period(
        month, week, today=today, date_from=filters.date_from, date_to=filters.date_to
    )
    dates = occurrences.agenda_matches(replace(filters, date_from=period.first, date_to=period.last), now)
    selection = selection_name(filters, choices)
    agenda_path = page.get_url(request)
    query = filters.querystring()
    return TemplateResponse(
        request,
        TEMPLATE,
        {
            "page": page,
            "heading": _("%(agenda)s: %(selection)s") % {"agenda": page.title, "selection": selection}
            if selection
            else page.title,
            "programme": build_programme(dates, request, period, agenda_path=agenda_path, today=today),
            "period_text": period_text(period),
            "period_links": period_links(request.path, today, query),
            "messages": form.messages + period_messages,
            "back_url": f"{agenda_path}?{query}" if query else agenda_path,
            "back_text": _("Back to the agenda"),
            **_live_agenda(request, f"{agenda_path}?{query}" if query else agenda_path),
            "printed_on": today,
        },
    )


def short_link(page: AgendaIndexPage, request, event_id: int) -> HttpResponseRedirect:
    """``<agenda>/a/<id>/``: the address under each code of a printed programme, short enough to type,
    leading on to the event's page while it is public."""
    event = EventPage.objects.live().public().filter(pk=event_id).first()
    url = event.get_url(request) if event else None
    if not url:
        raise Http404("No public activity has this number.")
    return HttpResponseRedirect(interface_url(url))


def register() -> None:
    """Called once from ``AgendaPagesConfig.ready``."""
    registries.register_responder(CentrePage, "programme", centre_programme)
    registries.register_responder(AgendaIndexPage, "print", agenda_programme)
    registries.register_responder(AgendaIndexPage, "short", short_link)
