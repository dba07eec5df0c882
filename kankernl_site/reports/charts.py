"""A grouped bar chart drawn on the server as SVG: no JavaScript, nothing for the CSP to block.

The chart repeats the table next to it, which stays the text alternative: the SVG is an image
(``role="img"``) with a title and a description saying what it shows and where the numbers are.
Each bar carries its number (and a tooltip naming its group), and the second series is hatched, so
colour is never the only cue. Used by the e-learning reports and the usage report "Most viewed pages".
"""

import math
from dataclasses import dataclass

WIDTH = 720
HEIGHT = 280
LEFT = 44  # room for the scale
BOTTOM = 44  # room for the group labels
TOP = 24  # room for the numbers above the bars
RIGHT = 8
TICKS = 4
LABEL_CHARACTERS = 14


@dataclass(frozen=True)
class Bar:
    series: int
    value: int
    title: str  # the tooltip: its group, its series when there are several, its number
    x: float
    y: float
    width: float
    height: float

    @property
    def label_x(self) -> float:
        return self.x + self.width / 2

    @property
    def value_y(self) -> float:
        return self.y - 4


@dataclass(frozen=True)
class Group:
    name: str  # in full, for the bars' tooltips
    lines: list[str]  # the label under the bars, a line each (a month above its year); may be empty
    bars: list[Bar]
    label_x: float
    label_anchor: str = "middle"


@dataclass(frozen=True)
class Tick:
    value: int
    y: float


@dataclass(frozen=True)
class BarChart:
    id: str
    title: str
    description: str
    series: list[str]
    groups: list[Group]
    ticks: list[Tick]
    show_values: bool
    highest: int
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    right_edge: int = WIDTH - RIGHT
    baseline: int = HEIGHT - BOTTOM


def nice_maximum(value: int) -> int:
    """The top of the scale: four equal whole steps of 1, 2 or 5 times a power of ten, at or above ``value``."""
    step = max(value, 1) / TICKS
    power = 10 ** math.floor(math.log10(step)) if step >= 1 else 1
    return next(m * power for m in (1, 2, 5, 10) if step <= m * power) * TICKS


def shorten(label: str) -> str:
    return label if len(label) <= LABEL_CHARACTERS else label[: LABEL_CHARACTERS - 1] + "…"


def bar_chart(
    chart_id: str, title: str, description: str, series: list[str], groups, *, label_ends_only: bool = False
) -> BarChart:
    """``groups`` is a list of ``(label, [value per series])``; draws the bars side by side per group.
    A label may hold a line break: its second line goes under the first. With ``label_ends_only`` (a
    month of days) only the first and last group are labelled under the axis; every bar keeps its tooltip."""
    groups = list(groups)
    highest = max((value for _label, values in groups for value in values), default=0)
    top = nice_maximum(highest)
    plot_width, plot_height = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_width / max(len(groups), 1)
    bar_width = slot * 0.8 / max(len(series), 1)
    drawn = []
    for index, (label, values) in enumerate(groups):
        start = LEFT + index * slot + slot * 0.1
        name = " ".join(str(label).split())
        bars = []
        for number, value in enumerate(values):
            height = plot_height * value / top
            title = f"{name}, {series[number]}: {value}" if len(series) > 1 else f"{name}: {value}"
            x, y = start + number * bar_width, TOP + plot_height - height
            bars.append(Bar(number, value, title, x, y, bar_width, height))
        lines = [shorten(line) for line in str(label).splitlines()]
        if not label_ends_only:
            drawn.append(Group(name, lines, bars, LEFT + index * slot + slot / 2))
        elif index in (0, len(groups) - 1):
            # Under a narrow bar at an edge: the label runs inwards from the bar's outer side.
            last = index == len(groups) - 1 and index > 0
            label_x = bars[-1].x + bars[-1].width if last and bars else start
            drawn.append(Group(name, lines, bars, label_x, "end" if last else "start"))
        else:
            drawn.append(Group(name, [], bars, LEFT + index * slot + slot / 2))
    ticks = [Tick(top * step // TICKS, TOP + plot_height - plot_height * step / TICKS) for step in range(TICKS + 1)]
    # Numbers above narrow bars would overlap: from about 30 bars on, the table has them.
    return BarChart(chart_id, title, description, series, drawn, ticks, show_values=bar_width >= 12, highest=highest)
