"""The addresses "Abonneer in uw agenda-app" offers for a selection: pure, from the feed addresses.

- ``webcal://``: opens the calendar app of the device (Apple Calendar, Outlook on a computer, most
  Android calendar apps) with a "subscribe?" question;
- Google Calendar's "add by URL" page (``calendar/r?cid=``), which takes the webcal address;
- Outlook.com's "add from web" page, which takes the https address and a name;
- the plain https address, for any other app.
"""

from dataclasses import dataclass
from urllib.parse import quote, urlencode, urlsplit

GOOGLE_SUBSCRIBE = "https://calendar.google.com/calendar/r?cid="
OUTLOOK_SUBSCRIBE = "https://outlook.live.com/calendar/0/addfromweb?"


@dataclass(frozen=True)
class SubscriptionLinks:
    address: str  # https (http in development): what a person copies
    webcal: str
    google: str
    outlook: str
    rss: str
    name: str  # "Agenda: Bewegen en sport, Utrecht"


def webcal_url(url: str) -> str:
    return urlsplit(url)._replace(scheme="webcal").geturl()


def subscription_links(ical_url: str, rss_url: str, name: str) -> SubscriptionLinks:
    webcal = webcal_url(ical_url)
    return SubscriptionLinks(
        address=ical_url,
        webcal=webcal,
        google=GOOGLE_SUBSCRIBE + quote(webcal, safe=""),
        outlook=OUTLOOK_SUBSCRIBE + urlencode({"url": ical_url, "name": name}, quote_via=quote),
        rss=rss_url,
        name=name,
    )
