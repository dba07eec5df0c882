"""schema.org structured data (JSON-LD): ``Event`` for an event page, one per upcoming date, and
``LocalBusiness`` for a centre's page (its address, phone and opening hours).

Pure: builds plain dicts from the attributes of a page and its occurrences that the caller has
loaded, and the URLs the caller resolved. :func:`jsonld_script` writes them into a
``<script type="application/ld+json">`` that no text of the event can close.
"""

import json
import re
from datetime import timedelta
from decimal import Decimal

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from agenda_pages.opening_hours import OpeningLine
from agenda_pages.phone import international
from agenda_pages.public.ics import all_day_span, plain_description
from agenda_pages.vocabulary import AMSTERDAM, AttendanceMode, EventStatus

SCHEMA = "https://schema.org"
MAX_EVENTS = 20
MAX_DESCRIPTION_CHARS = 5_000

ATTENDANCE_MODES = {
    AttendanceMode.IN_PERSON: f"{SCHEMA}/OfflineEventAttendanceMode",
    AttendanceMode.ONLINE: f"{SCHEMA}/OnlineEventAttendanceMode",
    AttendanceMode.MIXED: f"{SCHEMA}/MixedEventAttendanceMode",
}
# Withdrawn dates are never exported.
EVENT_STATUSES = {EventStatus.SCHEDULED: f"{SCHEMA}/EventScheduled", EventStatus.CANCELLED: f"{SCHEMA}/EventCancelled"}

_FREE = re.compile(r"\b(?:gratis|free|kosteloos|kosteloze|geen kosten)\b", re.IGNORECASE)
# A cost that is only an amount in euros: "€ 5", "€7,50", "5 euro", "12,50 EUR".
_EURO_AMOUNT = re.compile(
    r"^\s*(?:€|eur\b|euro\b)?\s*(?P<amount>\d{1,5}(?:[.,]\d{2})?)(?:\s*,-)?\s*(?:€|eur|euro)?\s*$", re.IGNORECASE
)
# "Straat 1, 1234 AB Plaats": a Dutch postcode followed by the place, at the end of the address.
_POSTCODE_AND_PLACE = re.compile(r"^(?P<street>.*?)[,\s]*(?P<postcode>\d{4}\s?[A-Za-z]{2})\s+(?P<place>[^,]+?)\s*$")

# Characters that could end the script element or start markup, written as JSON escapes instead.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def postal_address(address: str) -> dict:
    """A schema.org PostalAddress from one line of Dutch address, split where the postcode shows."""
    result = {"@type": "PostalAddress", "addressCountry": "NL"}
    if match := _POSTCODE_AND_PLACE.match(address):
        if match["street"]:
            result["streetAddress"] = match["street"]
        result["postalCode"] = match["postcode"].upper()
        result["addressLocality"] = match["place"]
    else:
        result["streetAddress"] = address
    return result


def schema_location(*, attendance_mode: str, venue_name: str, address: str, online_url: str, url: str):
    """A Place, a VirtualLocation (the meeting link, or the page that explains how to join), or both."""
    place = {"@type": "Place", "name": venue_name or address}
    if address:
        place["address"] = postal_address(address)
    virtual = {"@type": "VirtualLocation", "url": online_url or url}
    if attendance_mode == AttendanceMode.ONLINE:
        return virtual
    if attendance_mode == AttendanceMode.MIXED:
        return [place, virtual]
    return place


def euro_amount(cost: str) -> str:
    """The price in a cost that says only an amount in euros ("€ 7,50" gives "7.50"), else ""."""
    match = _EURO_AMOUNT.match(cost)
    return str(Decimal(match["amount"].replace(",", "."))) if match else ""


def event_offer(cost: str, url: str) -> dict:
    offer = {"@type": "Offer", "url": url}
    if not cost.strip() or _FREE.search(cost):
        offer.update(price=0, priceCurrency="EUR")
    elif amount := euro_amount(cost):
        offer.update(price=amount, priceCurrency="EUR")
    else:
        offer["description"] = cost
    return offer


def _dates(occurrence) -> dict:
    if occurrence.all_day:
        first_day, end_day = all_day_span(occurrence)
        return {"startDate": first_day.isoformat(), "endDate": (end_day - timedelta(days=1)).isoformat()}
    dates = {"startDate": occurrence.start.astimezone(AMSTERDAM).isoformat()}
    if occurrence.end:
        dates["endDate"] = occurrence.end.astimezone(AMSTERDAM).isoformat()
    return dates


def event_jsonld(
    page,
    occurrences,
    *,
    url: str,
    organizer_name: str,
    organizer_url: str,
    venue_name: str,
    address: str,
    online_url: str = "",
    registration_url: str = "",
    image_url: str = "",
    themes: tuple[str, ...] = (),
) -> list[dict]:
    """One schema.org Event per date in ``occurrences`` (upcoming and not withdrawn, as the caller
    selected them), at most MAX_EVENTS. URLs must be absolute and safe (http or https)."""
    common = {
        "@context": SCHEMA,
        "@type": "Event",
        "url": url,
        "eventAttendanceMode": ATTENDANCE_MODES.get(page.attendance_mode, ATTENDANCE_MODES[AttendanceMode.IN_PERSON]),
        "location": schema_location(
            attendance_mode=page.attendance_mode,
            venue_name=venue_name,
            address=address,
            online_url=online_url,
            url=url,
        ),
        "offers": event_offer(page.cost, registration_url or url),
    }
    if organizer_name:
        common["organizer"] = {"@type": "Organization", "name": organizer_name}
        if organizer_url:
            common["organizer"]["url"] = organizer_url
    if description := plain_description(page.description, MAX_DESCRIPTION_CHARS):
        common["description"] = description
    if image_url:
        common["image"] = [image_url]
    if themes:  # the theme names, as search engines read an event's subjects
        common["keywords"] = ", ".join(themes)
    return [
        {
            **common,
            "name": occurrence.title_override or page.title,
            **_dates(occurrence),
            "eventStatus": EVENT_STATUSES.get(occurrence.status, EVENT_STATUSES[EventStatus.SCHEDULED]),
        }
        for occurrence in list(occurrences)[:MAX_EVENTS]
    ]


_SCHEMA_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def opening_hours_specification(lines: list[OpeningLine]) -> list[dict]:
    """The lines that could be read, as schema.org opening hours; a closed day is left out (schema.org
    reads a day not named as closed), and so is a line in the editor's own words."""
    return [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": [f"{SCHEMA}/{_SCHEMA_DAYS[day]}" for day in line.days],
            "opens": opens.strftime("%H:%M"),
            "closes": closes.strftime("%H:%M"),
        }
        for line in lines
        if line.understood
        for opens, closes in line.hours
    ]


def centre_jsonld(centre, *, url: str, website: str, image_url: str, opening_lines: list[OpeningLine]) -> dict:
    """A centre as a schema.org ``LocalBusiness`` (a place with an address and opening hours that
    belongs to an organisation). URLs must be absolute and safe (http or https)."""
    data = {"@context": SCHEMA, "@type": "LocalBusiness", "name": centre.title, "url": url}
    if centre.short_description:
        data["description"] = centre.short_description
    if centre.postcode or centre.city or centre.street_address:
        address = {"@type": "PostalAddress", "addressCountry": "NL"}
        for key, value in (
            ("streetAddress", centre.street_address),
            ("postalCode", centre.postcode),
            ("addressLocality", centre.city),
            ("addressRegion", centre.province),
        ):
            if value:
                address[key] = value
        data["address"] = address
    if centre.latitude is not None and centre.longitude is not None:
        data["geo"] = {"@type": "GeoCoordinates", "latitude": centre.latitude, "longitude": centre.longitude}
    if telephone := international(centre.phone):
        data["telephone"] = telephone
    if centre.email:
        data["email"] = centre.email
    if website:
        data["sameAs"] = [website]
    if image_url:
        data["image"] = [image_url]
    if hours := opening_hours_specification(opening_lines):
        data["openingHoursSpecification"] = hours
    return data


def jsonld_script(data) -> SafeString:
    """``data`` as a JSON-LD script element. ``<``, ``>`` and ``&`` are written as JSON escapes (as
    Django's ``json_script`` does), so a title such as ``</script><script>`` stays text."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))
