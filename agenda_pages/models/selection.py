"""What a visitor asked the agenda for, once read from the address: the input of the querysets'
``matching()``. Reading and checking the query string is the public side's (``public.filters``)."""

from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode

from agenda_pages import geo

DEFAULT_RADIUS_KM = 25
SHOW_ACTIVITIES = "activities"  # show=activities: each activity once


@dataclass(frozen=True)
class AgendaFilters:
    q: str = ""
    themes: tuple[str, ...] = ()
    audience: str = ""
    centres: tuple[str, ...] = ()
    province: str = ""
    near: geo.Location | None = None
    near_text: str = ""
    radius: int = DEFAULT_RADIUS_KM
    date_from: date | None = None
    date_to: date | None = None
    mode: str = ""
    # Not a filter but how the list reads: each activity once (with its next date) instead of every date.
    per_activity: bool = False

    @property
    def is_filtered(self) -> bool:
        return bool(
            self.q
            or self.themes
            or self.audience
            or self.centres
            or self.province
            or self.near
            or self.date_from
            or self.date_to
            or self.mode
        )

    @property
    def filters_centres(self) -> bool:
        return bool(self.centres or self.province or self.distance_applies)

    @property
    def distance_applies(self) -> bool:
        """An online activity can be followed from anywhere: with ``mode=online`` a place does not narrow."""
        return bool(self.near) and self.mode != "online"

    def as_params(self) -> list[tuple[str, str]]:
        """The filters as query parameters, in a fixed order (for links and cache keys)."""
        params = [("q", self.q)] if self.q else []
        params += [("theme", theme) for theme in self.themes]
        params += [("audience", self.audience)] if self.audience else []
        params += [("centre", centre) for centre in self.centres]
        params += [("province", self.province)] if self.province else []
        if self.near:
            params += [("near", self.near_text), ("radius", str(self.radius))]
        params += [("from", self.date_from.isoformat())] if self.date_from else []
        params += [("to", self.date_to.isoformat())] if self.date_to else []
        params += [("mode", self.mode)] if self.mode else []
        params += [("show", SHOW_ACTIVITIES)] if self.per_activity else []
        return params

    def querystring(self) -> str:
        return urlencode(self.as_params())
