"""Parse schema.org Events from the JSON-LD in an HTML page (or from a bare JSON-LD document).

Choices where schema.org leaves room:

* ``EventPostponed``: the event is left out with a warning. Its date no longer holds and no new one
  is known; when the source sets a new date it usually says ``EventRescheduled`` and the event comes
  back. Showing the old date as scheduled would send visitors to an event that will not happen.
* ``uid``: the event's ``@id``, else its (absolute) ``url``, else a hash of name and start date with
  a warning, because a renamed or moved event will then look like a new one.
* A date without a time is an all-day event (``endDate`` is its last day, inclusive); a time
  without an offset is Amsterdam time.
"""

import hashlib
import re
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from html import unescape
from html.parser import HTMLParser
from urllib.parse import urljoin

from agenda_pages.sanitize import plain_text

from .json_text import clean_text, load_json
from .types import (
    AMSTERDAM,
    AttendanceMode,
    EventStatus,
    FeedFormat,
    FeedParseError,
    ParsedEvent,
    ParsedOccurrence,
    ParseLimits,
    ParseResult,
    ParseWarning,
    check_dates,
    start_of_day,
    unreadable_reason,
    within_limits,
)

JSONLD_MEDIA_TYPE = "application/ld+json"
ATTENDANCE_MODES = {
    "OfflineEventAttendanceMode": AttendanceMode.IN_PERSON,
    "OnlineEventAttendanceMode": AttendanceMode.ONLINE,
    "MixedEventAttendanceMode": AttendanceMode.MIXED,
}
CURRENCY_SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£"}

_LOOKS_LIKE_HTML = re.compile(rb"<\s*(?:!doctype|html|head|body|script|meta|div|p)\b", re.IGNORECASE)
_HAS_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>")


class InvalidEvent(ValueError):
    """One Event cannot be read; it is skipped with a warning."""


class SkippedEvent(InvalidEvent):
    """An Event left out on purpose (postponed)."""


def parse_jsonld(data: bytes, *, limits: ParseLimits, base_url: str = "") -> ParseResult:
    warnings: list[ParseWarning] = []
    nodes = []
    for number, block in enumerate(_jsonld_blocks(data), start=1):
        try:
            nodes.extend(_event_nodes(load_json(block, what=f"JSON-LD block {number}", position=False)))
        except FeedParseError as error:  # one broken block on a page does not hide the others
            warnings.append(ParseWarning(f"{str(error).removesuffix('.')}; it was skipped."))

    if not nodes:
        warnings.append(ParseWarning("The page has no schema.org Event in its JSON-LD."))
        return ParseResult(format=FeedFormat.JSONLD, warnings=tuple(warnings))

    events: list[ParsedEvent] = []
    seen_uids: set[str] = set()
    for node in nodes:
        label, uid = _label(node), _node_uid(node, base_url)
        try:
            event, uid_warning = _parse_event(node, base_url)
            check_dates(event)
        except SkippedEvent as reason:
            warnings.append(ParseWarning(f"Event {label} was left out: {reason}", uid))
            continue
        except ValueError as error:  # InvalidEvent, or dates check_dates refuses
            warnings.append(ParseWarning(f"Event {label} was skipped: {error}", uid))
            continue
        except Exception as error:  # a value nobody foresaw in one event must not stop the others
            warnings.append(ParseWarning(f"Event {label} was skipped: {unreadable_reason(error)}", uid))
            continue
        if event.uid in seen_uids:
            continue  # the same event described twice on one page
        seen_uids.add(event.uid)
        if uid_warning:
            warnings.append(uid_warning)
        events.append(event)
    kept, cap_warnings, truncated = within_limits(events, limits, source_noun="page")
    return ParseResult(format=FeedFormat.JSONLD, events=kept, warnings=(*warnings, *cap_warnings), truncated=truncated)


class _JsonLdScripts(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._current: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            media_type = (dict(attrs).get("type") or "").split(";")[0].strip().lower()
            self._current = [] if media_type == JSONLD_MEDIA_TYPE else None

    def handle_endtag(self, tag):
        if tag == "script" and self._current is not None:
            self.blocks.append("".join(self._current))
            self._current = None

    def handle_data(self, data):
        if self._current is not None:
            self._current.append(data)

    def parse_marked_section(self, i, report=1):
        # Python's HTMLParser raises AssertionError on "<![foo[ ... ]]>" with a keyword it does not
        # know; browsers ignore such a section, and so do we.
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            end = self.rawdata.find(">", i)
            return -1 if end < 0 else end + 1


def _jsonld_blocks(data: bytes) -> list[str]:
    """The JSON-LD script blocks of an HTML page, or the document itself when it is JSON."""
    if b"\x00" in data[:1024]:
        raise FeedParseError("The page is binary data, not HTML or JSON-LD.")
    text = data.decode("utf-8-sig", errors="replace")
    stripped = text.lstrip()
    if stripped.startswith(("{", "[")):
        return [stripped]
    if not _LOOKS_LIKE_HTML.search(data[:65536]):
        raise FeedParseError("The page is neither HTML nor JSON-LD, so it cannot hold schema.org events.")
    parser = _JsonLdScripts()
    try:
        parser.feed(text)
        parser.close()
    except AssertionError as error:  # how Python's HTMLParser gives up on markup it cannot follow
        raise FeedParseError(f"The page's HTML could not be read ({error}).") from None
    return [_unwrap(block) for block in parser.blocks if block.strip()]


def _unwrap(block: str) -> str:
    """Remove the HTML comment or CDATA markers some sites wrap their JSON-LD in."""
    block = block.strip()
    for opening, closing in (("<!--", "-->"), ("<![CDATA[", "]]>"), ("/*<![CDATA[*/", "/*]]>*/")):
        if block.startswith(opening) and block.endswith(closing):
            block = block[len(opening) : -len(closing)].strip()
    return block


def _event_nodes(value) -> list[dict]:
    if isinstance(value, list):
        return [node for item in value for node in _event_nodes(item)]
    if not isinstance(value, dict):
        return []
    if "@graph" in value:
        return _event_nodes(value["@graph"])
    return [value] if _is_event(value.get("@type")) else []


def _is_event(schema_type) -> bool:
    if isinstance(schema_type, list):
        return any(_is_event(item) for item in schema_type)
    return isinstance(schema_type, str) and _term(schema_type).endswith("Event")


def _term(value: str) -> str:
    """ "https://schema.org/EventCancelled" or "schema:EventCancelled" -> "EventCancelled"."""
    return re.split(r"[/:#]", value.strip())[-1]


def _parse_event(node: dict, base_url: str) -> tuple[ParsedEvent, ParseWarning | None]:
    title = plain_text(_string(node.get("name")))
    if not title:
        raise InvalidEvent("it has no name.")
    status_term = _term(_string(node.get("eventStatus")))
    if status_term == "EventPostponed":
        raise SkippedEvent("it is postponed and has no new date yet.")
    status = EventStatus.CANCELLED if status_term == "EventCancelled" else EventStatus.SCHEDULED
    occurrence = _occurrence(node.get("startDate"), node.get("endDate"), status)

    uid = _node_uid(node, base_url)
    uid_warning = None
    if not uid:
        digest = hashlib.sha256(f"{title}\n{node.get('startDate')}".encode()).hexdigest()[:32]
        uid = f"jsonld-{digest}"
        uid_warning = ParseWarning(
            f"Event {title!r} has no @id or url; it is recognised by its name and start, "
            "so a change to either will look like a new event.",
            uid,
        )

    venue_name, address, online_url, location_mode = _location(node.get("location"), base_url)
    attendance_mode = ATTENDANCE_MODES.get(_term(_string(node.get("eventAttendanceMode"))), location_mode)
    if status_term == "EventMovedOnline":
        attendance_mode = AttendanceMode.ONLINE
    description, description_is_html = _description(node.get("description"))
    cost, registration_url = _offers(node.get("offers"), base_url)
    event = ParsedEvent(
        uid=uid,
        title=title,
        occurrences=(occurrence,),
        description=description,
        description_is_html=description_is_html,
        url=_url(node.get("url"), base_url),
        status=status,
        attendance_mode=attendance_mode,
        venue_name=venue_name,
        address=address,
        online_url=online_url,
        cost=cost,
        registration_url=registration_url,
        image_url=_image(node.get("image"), base_url),
    )
    return event, uid_warning


def _occurrence(start_value, end_value, status: EventStatus) -> ParsedOccurrence:
    start = _date_or_datetime(start_value, "startDate")
    end = _date_or_datetime(end_value, "endDate") if end_value else None
    if not isinstance(start, datetime):  # a date: all day
        last_day = end.date() if isinstance(end, datetime) else (end or start)
        if last_day < start:
            raise InvalidEvent("its endDate is before its startDate.")
        if last_day == date.max:
            raise InvalidEvent("its last day lies too far in the future.")
        return ParsedOccurrence(
            start=start_of_day(start), end=start_of_day(last_day + timedelta(days=1)), all_day=True, status=status
        )
    if isinstance(end, date) and not isinstance(end, datetime):
        if end == date.max:
            raise InvalidEvent("its last day lies too far in the future.")
        end = start_of_day(end + timedelta(days=1))
    if end is not None and end < start:
        raise InvalidEvent("its endDate is before its startDate.")
    return ParsedOccurrence(start=start, end=end, status=status)


def _date_or_datetime(value, key: str) -> date | datetime:
    if isinstance(value, list) and value:
        value = value[0]
    value = clean_text(value)
    if not value:
        raise InvalidEvent(f"it has no {key}.")
    try:
        if len(value) == 10:
            return date.fromisoformat(value)
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise InvalidEvent(f"its {key} {value!r} is not an ISO 8601 date.") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=AMSTERDAM)


def _location(location, base_url: str) -> tuple[str, str, str, AttendanceMode]:
    """(venue name, address, online url, attendance mode) from a Place, VirtualLocation, text or a list."""
    items = location if isinstance(location, list) else [location]
    venue_name = address = online_url = ""
    in_person = online = False
    for item in items:
        if isinstance(item, str) and item.strip():
            venue_name = venue_name or plain_text(item)
            in_person = True
        elif isinstance(item, dict) and _is_type(item, "VirtualLocation"):
            online_url = online_url or _url(item.get("url"), base_url)
            online = True
        elif isinstance(item, dict):
            venue_name = venue_name or plain_text(_string(item.get("name")))
            address = address or _address(item.get("address"))
            in_person = True
    if online and in_person:
        return venue_name, address, online_url, AttendanceMode.MIXED
    return venue_name, address, online_url, AttendanceMode.ONLINE if online else AttendanceMode.IN_PERSON


def _is_type(node: dict, name: str) -> bool:
    types = node.get("@type")
    types = types if isinstance(types, list) else [types]
    return any(isinstance(value, str) and _term(value) == name for value in types)


def _address(address) -> str:
    if isinstance(address, str):
        return plain_text(address)
    if not isinstance(address, dict):
        return ""
    street = plain_text(_string(address.get("streetAddress")))
    postal_code = plain_text(_string(address.get("postalCode")))
    locality = " ".join(part for part in (postal_code, plain_text(_string(address.get("addressLocality")))) if part)
    return ", ".join(part for part in (street, locality) if part)


def _description(value) -> tuple[str, bool]:
    text = _string(value)
    if not text:
        return "", False
    # WordPress plugins write the HTML escaped ("&lt;p&gt;") and the newlines as a literal "\n".
    text = text.replace("\\n", "\n").strip()
    if "<" not in text and "&lt;" in text:
        text = unescape(text)
    if _HAS_TAG.search(text):
        return text, True
    return unescape(text), False


def _offers(offers, base_url: str) -> tuple[str, str]:
    items = [offer for offer in (offers if isinstance(offers, list) else [offers]) if isinstance(offer, dict)]
    costs = dict.fromkeys(cost for offer in items if (cost := _cost(offer.get("price"), offer.get("priceCurrency"))))
    registration_url = next((url for offer in items if (url := _url(offer.get("url"), base_url))), "")
    return " / ".join(costs), registration_url


def _cost(price, currency) -> str:
    """ "€ 5,00" for 5 EUR, "Gratis" for 0, the text itself for "Donation"."""
    if price is None or isinstance(price, bool) or price == "":
        return ""
    try:
        amount = Decimal(str(price).strip().replace(",", "."))
    except InvalidOperation:
        return plain_text(str(price), max_length=100)
    if not amount.is_finite() or amount.adjusted() > 9:  # formatting 1E+999999 would take its million digits
        return ""
    if amount == 0:
        return "Gratis"
    # Dutch notation: 1.250,50
    number = f"{amount:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")
    code = _string(currency).upper()
    symbol = CURRENCY_SYMBOLS.get(code, code)
    return f"{symbol} {number}" if symbol else number


def _image(image, base_url: str) -> str:
    if isinstance(image, list):
        return next((url for item in image if (url := _image(item, base_url))), "")
    if isinstance(image, dict):
        return _url(image.get("url") or image.get("contentUrl"), base_url)
    return _url(image, base_url)


def _url(value, base_url: str) -> str:
    value = clean_text(value)
    if not value:
        return ""
    url = _joined(base_url, value)
    return url if url.lower().startswith(("http://", "https://")) else ""


def _joined(base_url: str, value: str) -> str:
    try:
        return urljoin(base_url, value) if base_url else value
    except ValueError:  # urljoin refuses some addresses, e.g. "http://[::1" (an unclosed IPv6 host)
        return ""


def _node_uid(node: dict, base_url: str) -> str:
    if identifier := clean_text(node.get("@id")):
        return _joined(base_url, identifier)
    return _url(node.get("url"), base_url)


def _label(node: dict) -> str:
    name = plain_text(_string(node.get("name")), max_length=80)
    return repr(name) if name else "without a name"


def _string(value) -> str:
    return clean_text(value)
