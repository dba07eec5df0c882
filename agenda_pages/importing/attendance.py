"""Online or in person, read from what a feed says about the place.

Few feeds mark an online meeting as such: iCalendar has no field for it, and centres write
``LOCATION:Online``, ``LOCATION:Online via Zoom`` or paste the meeting link where the address goes.
Read literally, such an event became "Op locatie" with a map link to "Online". Pure: no Django.
"""

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from agenda_pages.vocabulary import AttendanceMode

# Hosts of meeting services: a link to one of them is a place to meet online. Not video sites: an
# event's URL often points at a promotional video.
MEETING_HOSTS = re.compile(
    r"(?:^|\.)(?:zoom\.us|zoom\.com|teams\.microsoft\.com|teams\.live\.com|meet\.google\.com|meet\.jit\.si"
    r"|jitsi\.[a-z.]+|whereby\.com|webex\.com|gotomeeting\.com|meet\.goto\.com|bluejeans\.com|skype\.com)$",
    re.IGNORECASE,
)
URL = re.compile(r"https?://[^\s<>\"',;]+", re.IGNORECASE)

# A place that starts with a way to meet online: "Online", "Online via Zoom, link na aanmelding",
# "Via Teams", "Webinar", "Digitaal". Words from Dutch and English feeds.
STARTS_ONLINE = re.compile(
    r"^\W*(?:online|digitaal|virtueel|virtual|webinar|livestream|live\s*stream|videobellen|beeldbellen"
    r"|(?:via\s+|met\s+)?(?:zoom|microsoft\s+teams|teams|google\s+meet|jitsi|whereby|webex|skype))\b",
    re.IGNORECASE,
)
# "Online en in het inloophuis", "ook online te volgen", "hybride": both.
BOTH = re.compile(
    r"\b(?:hybride|hybrid)\b|\book\s+online\b|\bonline\s+(?:en|of|and|or)\s+(?!online)|\b(?:en|of|and|or)\s+online\b",
    re.IGNORECASE,
)
# What a real place has: a Dutch postcode, or a street with a house number.
ADDRESS_LIKE = re.compile(r"\b\d{4}\s?[A-Z]{2}\b|\b[^\W\d_]{3,}\s+\d{1,4}(?:\s?[a-zA-Z])?\b")


@dataclass(frozen=True)
class Attendance:
    mode: str  # an AttendanceMode value
    venue_name: str
    address: str
    online_url: str


def meeting_link(text: str) -> str:
    """The first link in ``text`` to a meeting service, or ""."""
    for url in URL.findall(text or ""):
        url = url.rstrip(".)")
        try:
            host = urlsplit(url).hostname or ""
        except ValueError:  # "http://[oops": not an address at all
            continue
        if MEETING_HOSTS.search(host):
            return url
    return ""


def without_links(text: str) -> str:
    return " ".join(URL.sub(" ", text).split()).strip(" ,;:-")


def read_attendance(mode: str, venue_name: str, address: str, online_url: str) -> Attendance:
    """The attendance mode and place of an event, with an online place recognised.

    A location that is only a meeting link, or starts with words such as "Online via Zoom" and has
    no street or postcode, is online: its link becomes the online address and no place is left to
    show on a map. A location that says both ("Online en in het inloophuis"), or a real address next
    to a meeting link, is mixed. An event the feed marked online or mixed never becomes in person,
    and one it marked mixed stays mixed.
    """
    place = ", ".join(part for part in (venue_name, address) if part)
    if not place:
        return Attendance(mode, venue_name, address, online_url)
    place_link = meeting_link(place)
    link = online_url or place_link
    text = without_links(place)
    if BOTH.search(text) or (place_link and text and not _only_online(text)):
        return Attendance(AttendanceMode.MIXED, without_links(venue_name), without_links(address), link)
    if not text or _only_online(text):
        return Attendance(AttendanceMode.ONLINE if mode != AttendanceMode.MIXED else mode, "", "", link)
    return Attendance(mode, venue_name, address, online_url)


def _only_online(text: str) -> bool:
    return bool(STARTS_ONLINE.match(text)) and not ADDRESS_LIKE.search(text)
