"""How an embedded agenda may look on a centre's own site: an accent colour, a font size and the
number of activities, each read from the address within safe bounds. Pure: no request, no database.

A host site asks for its own colour (``accent=1a6b4f``), but the colour ends up as link text on
white and as the background of white text, so it is taken only when both keep the WCAG AA contrast
of 4.5:1; otherwise our own colour is used. Only a 6-digit hex colour is read, so nothing typed into
the address can reach the style sheet but ``#`` and six hex digits.
"""

import re
from dataclasses import dataclass

DEFAULT_ACCENT = "#6a1b5d"  # the site's primary colour, 10.9:1 on white
WHITE = "#ffffff"
MIN_CONTRAST = 4.5  # WCAG 2.2 AA for normal text
FONT_SIZES_PX = {"small": 16, "normal": 18, "large": 21}
DEFAULT_SIZE = "normal"
MIN_ITEMS, MAX_ITEMS = 1, 20
DEFAULT_ITEMS = 10
LOOK_PARAMETERS = ("accent", "size", "items")

_HEX_COLOUR = re.compile(r"#?([0-9a-fA-F]{6})")


def parse_accent(text: str) -> str | None:
    """``"1A6B4F"`` or ``"#1a6b4f"`` -> ``"#1a6b4f"``; anything else -> None."""
    match = _HEX_COLOUR.fullmatch(text.strip())
    return f"#{match.group(1).lower()}" if match else None


def _linear(channel: int) -> float:
    value = channel / 255
    return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: str) -> float:
    """WCAG's relative luminance of a ``#rrggbb`` colour."""
    red, green, blue = (int(colour[index : index + 2], 16) for index in (1, 3, 5))
    return 0.2126 * _linear(red) + 0.7152 * _linear(green) + 0.0722 * _linear(blue)


def contrast_ratio(first: str, second: str) -> float:
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def is_readable_accent(colour: str) -> bool:
    """White text on the colour, and the colour as text on white: the same ratio, at least AA."""
    return contrast_ratio(colour, WHITE) >= MIN_CONTRAST


def readable_accent(text: str) -> str | None:
    """The colour in ``text`` when it may be used, else None."""
    colour = parse_accent(text)
    return colour if colour and is_readable_accent(colour) else None


def whole_number_in_range(text: str, low: int, high: int) -> int | None:
    text = text.strip()
    # isdecimal and a length check, not int() alone: "²" and a 10,000-digit number are not counts.
    if not (text.isascii() and text.isdecimal()) or len(text) > 3:
        return None
    number = int(text)
    return number if low <= number <= high else None


@dataclass(frozen=True)
class EmbedLook:
    accent: str = DEFAULT_ACCENT
    size: str = DEFAULT_SIZE
    items: int = DEFAULT_ITEMS

    @property
    def font_size_px(self) -> int:
        return FONT_SIZES_PX[self.size]

    @property
    def style_sheet(self) -> str:
        """The embed's one inline ``<style>``: the look as custom properties for embed.css. Only
        checked values reach it (a colour is "#" and six hex digits, a size one of three)."""
        return f":root {{ --embed-accent: {self.accent}; --embed-font-size: {self.font_size_px}px; }}"

    def as_params(self) -> list[tuple[str, str]]:
        """What differs from the defaults, as query parameters (for the embed's own page links)."""
        params = []
        if self.accent != DEFAULT_ACCENT:
            params.append(("accent", self.accent.removeprefix("#")))
        if self.size != DEFAULT_SIZE:
            params.append(("size", self.size))
        if self.items != DEFAULT_ITEMS:
            params.append(("items", str(self.items)))
        return params


def read_look(params) -> EmbedLook:
    """The look a host asked for (``params``: a QueryDict or dict of str); a value outside the bounds
    is replaced by ours without a word: a visitor of the host's site could not change it anyway (the
    code generator says why a colour was refused)."""
    size = params.get("size", "")
    return EmbedLook(
        accent=readable_accent(params.get("accent", "")) or DEFAULT_ACCENT,
        size=size if size in FONT_SIZES_PX else DEFAULT_SIZE,
        items=whole_number_in_range(params.get("items", ""), MIN_ITEMS, MAX_ITEMS) or DEFAULT_ITEMS,
    )
