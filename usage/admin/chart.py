"""A bar chart of views per day, drawn on the server as SVG: no script, readable without one, and
the same numbers as the table under it for a screen reader (each bar has its own title)."""

from dataclasses import dataclass
from datetime import date

WIDTH = 720
HEIGHT = 200
AXIS = 24  # room under the bars for the first and last date


@dataclass(frozen=True)
class Bar:
    day: date
    views: int
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class Chart:
    bars: list[Bar]
    highest: int
    width: int = WIDTH
    height: int = HEIGHT
    baseline: int = HEIGHT - AXIS


def bar_chart(days: list[tuple[date, int]]) -> Chart:
    """One bar per day, scaled to the highest day; a day without views has no height."""
    highest = max((views for _, views in days), default=0)
    room = HEIGHT - AXIS - 8
    step = WIDTH / max(len(days), 1)
    bars = []
    for index, (day, views) in enumerate(days):
        height = room * views / highest if highest else 0
        bars.append(
            Bar(
                day,
                views,
                round(index * step + step * 0.1, 2),
                round(HEIGHT - AXIS - height, 2),
                round(step * 0.8, 2),
                round(height, 2),
            )
        )
    return Chart(bars, highest)
