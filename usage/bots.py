"""Telling robots from people by the User-Agent header, the only sign a cookieless count has.

Robots that say what they are (search engines, link checkers, monitoring, command-line clients) are
left out of every count. A robot posing as a browser is counted; most of them run no JavaScript and
so never send the view beacon.
"""

import re

_ROBOT = re.compile(
    # "(?<!cu)": Cubot is a brand of phones ("Android 13; CUBOT P80").
    r"(?<!cu)bot\b|bot/|crawl|spider|slurp|scrap|fetch|monitor|check|scan|preview|archiver|validator|lighthouse"
    r"|headless|phantomjs|facebookexternalhit|embedly|curl/|wget/|python|httpx|aiohttp|go-http-client"
    r"|java/|okhttp|libwww|perl|ruby|node-fetch|axios|postman|insomnia|whatsapp/",
    re.IGNORECASE,
)


def is_robot(user_agent: str) -> bool:
    """True for a robot's User-Agent, and for none at all (browsers always send one)."""
    return not user_agent.strip() or bool(_ROBOT.search(user_agent))


def request_is_robot(request) -> bool:
    return is_robot(request.META.get("HTTP_USER_AGENT", ""))
