"""Read and write WebVTT captions: a strict subset of the W3C format, for the e-learning videos.

Strict so that a caption file an editor pastes in is either right or refused with the line to fix:
the header ``WEBVTT``, then cues of an optional identifier, a timing line
(``HH:MM:SS.mmm --> HH:MM:SS.mmm`` or ``MM:SS.mmm``, cue settings after it allowed) and at least one
line of text. NOTE, STYLE and REGION blocks are skipped, as browsers do. Times are whole
milliseconds, so comparing them is exact. Pure: no Django models, no files.
"""

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

ARROW = "-->"
TIMESTAMP = re.compile(r"(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})")
TIMING = re.compile(rf"({TIMESTAMP.pattern})[ \t]*{ARROW}[ \t]*({TIMESTAMP.pattern})(?:[ \t]+(.*))?")
SKIPPED_BLOCKS = ("NOTE", "STYLE", "REGION")


@dataclass(frozen=True)
class Cue:
    start_ms: int
    end_ms: int
    text: str  # lines joined with "\n"
    identifier: str = ""

    @property
    def start(self) -> float:
        return self.start_ms / 1000

    @property
    def end(self) -> float:
        return self.end_ms / 1000


class WebVTTError(ValueError):
    """Names the (1-based) line that is wrong, so a form can point the editor at it."""

    def __init__(self, line: int, message: str):
        super().__init__(_("Line %(line)s: %(message)s") % {"line": line, "message": message})
        self.line = line


def parse_timestamp(text: str) -> int | None:
    match = TIMESTAMP.fullmatch(text)
    if not match:
        return None
    hours, minutes, seconds, millis = (int(group or 0) for group in match.groups())
    return ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis


def is_block_keyword(line: str, keyword: str) -> bool:
    return line == keyword or line.startswith((keyword + " ", keyword + "\t"))


def split_blocks(lines: list[str]) -> list[tuple[int, list[str]]]:
    """Groups of non-blank lines, each with the line number of its first line."""
    blocks, current, first = [], [], 0
    for number, line in enumerate(lines, start=1):
        if line.strip():
            if not current:
                first = number
            current.append(line)
        elif current:
            blocks.append((first, current))
            current = []
    if current:
        blocks.append((first, current))
    return blocks


def parse_cue(first_line: int, block: list[str]) -> Cue:
    identifier = ""
    timing_line = first_line
    if ARROW not in block[0]:
        if len(block) == 1 or ARROW not in block[1]:
            # No arrow in either line: the first is more likely a mistyped time than an identifier.
            raise WebVTTError(
                first_line,
                _("expected a time line such as 00:01.000 --> 00:04.000, found “%(found)s”.") % {"found": block[0]},
            )
        identifier, block, timing_line = block[0], block[1:], first_line + 1
    match = TIMING.fullmatch(block[0].strip())
    if not match:
        raise WebVTTError(
            timing_line,
            _("expected a time line such as 00:01.000 --> 00:04.000, found “%(found)s”.") % {"found": block[0]},
        )
    start, end = parse_timestamp(match.group(1)), parse_timestamp(match.group(6))
    if start >= end:
        raise WebVTTError(timing_line, _("the cue ends at or before its start."))
    text_lines = block[1:]
    if not text_lines:
        raise WebVTTError(timing_line, _("the cue has no text."))
    for offset, line in enumerate(text_lines, start=1):
        if ARROW in line:
            raise WebVTTError(timing_line + offset, _("text may not contain “-->”; is a blank line missing?"))
    return Cue(start_ms=start, end_ms=end, text="\n".join(line.strip() for line in text_lines), identifier=identifier)


def parse(source: str) -> list[Cue]:
    """The cues of a WebVTT text, in order; raises ``WebVTTError`` (a ValueError) on the first fault."""
    lines = source.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if not is_block_keyword(lines[0], "WEBVTT"):
        raise WebVTTError(1, _("a WebVTT file starts with the word WEBVTT."))
    header, *blocks = split_blocks(lines)
    for number, line in enumerate(header[1], start=1):
        if ARROW in line:
            raise WebVTTError(number, _("put a blank line between WEBVTT and the first cue."))
    cues: list[Cue] = []
    for first_line, block in blocks:
        if any(is_block_keyword(block[0], keyword) for keyword in SKIPPED_BLOCKS) and ARROW not in block[0]:
            continue
        cue = parse_cue(first_line, block)
        if cues and cue.start_ms < cues[-1].start_ms:
            raise WebVTTError(first_line, _("this cue starts before the one above it; put the cues in time order."))
        cues.append(cue)
    if not cues:
        raise WebVTTError(len(lines), _("the file has no cues."))
    return cues


def format_timestamp(ms: int) -> str:
    hours, rest = divmod(ms, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}.{millis:03d}"


def dumps(cues: list[Cue]) -> str:
    blocks = ["WEBVTT"]
    for number, cue in enumerate(cues, start=1):
        timing = f"{format_timestamp(cue.start_ms)} {ARROW} {format_timestamp(cue.end_ms)}"
        blocks.append(f"{cue.identifier or number}\n{timing}\n{cue.text}")
    return "\n\n".join(blocks) + "\n"
