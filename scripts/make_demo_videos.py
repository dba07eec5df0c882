"""Make the demo videos of the e-learning from their narration in elearning_pages/demo/course_text.

    .venv/bin/python scripts/make_demo_videos.py

For each video (five lessons, two instructions) it writes into elearning_pages/demo_videos/:

- <slug>.webm: one calm slide per sentence (white text on dark blue, 640x360, the title on the first),
  spoken in Dutch by espeak-ng; each slide lasts as long as its sentence plus a short pause.
  VP9 + Opus at a low bitrate: a few hundred kB.
- <slug>.nl.vtt and <slug>.en.vtt: captions whose cues are the sentences, with the real timings of the
  Dutch speech (the English cues share them, so the slides and the captions change together).
- <slug>.png: the poster, the first slide.
- manifest.json: each video's files and its duration in seconds, as measured by ffprobe.

To change a video, edit its sentences in course_text, run this script, check the result (play it, and
run tests/elearning_pages/test_demo_videos.py) and commit the files. The site only serves the
committed files, so `make run` needs none of these tools.

Needs: ffmpeg and ffprobe with libvpx, libopus and drawtext (Debian: apt-get install ffmpeg),
espeak-ng with its Dutch voice (apt-get install espeak-ng) and the DejaVu fonts (fonts-dejavu-core).
The same sentences and tool versions give the same bytes: espeak-ng is deterministic, the encoders run
on one thread and the files carry no dates or tool versions (bitexact, no metadata).
"""

import json
import subprocess
import sys
import tempfile
import textwrap
import wave
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a plain script from the repository, like the other scripts

from elearning_pages.demo.course_text import VIDEOS  # noqa: E402
from elearning_pages.demo.course_text.types import Video  # noqa: E402
from elearning_pages.webvtt import Cue, dumps  # noqa: E402

OUT = ROOT / "elearning_pages" / "demo_videos"
WIDTH, HEIGHT, FPS = 640, 360, 10  # still slides: 10 frames a second moves a slide by 0.1 s at most
BACKGROUND = "0x1d3b6f"
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
FONT_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
SENTENCE_SIZE, SENTENCE_WRAP = 32, 30  # px, characters a line
TITLE_SIZE, TITLE_WRAP = 26, 34
LINE_GAP = 1.35  # line height as a multiple of the font size
LEAD_IN_MS = 500  # silence before the first sentence, so the first words are not cut off
PAUSE_MS = 700  # after each sentence: time to read the slide
VOICE, WORDS_A_MINUTE = "nl", 140  # a little slower than espeak's 175 for listeners new to the topic
ENCODE = [
    *("-c:v", "libvpx-vp9", "-b:v", "0", "-crf", "45", "-deadline", "good", "-cpu-used", "2"),
    *("-threads", "1", "-row-mt", "0", "-g", "50", "-pix_fmt", "yuv420p"),
    *("-c:a", "libopus", "-b:a", "24k", "-ac", "1", "-ar", "48000"),
]
BITEXACT = ["-fflags", "+bitexact", "-flags:v", "+bitexact", "-flags:a", "+bitexact", "-map_metadata", "-1"]


def run(*command: str) -> str:
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def speak(sentence: str, path: Path) -> None:
    run("espeak-ng", "-v", VOICE, "-s", str(WORDS_A_MINUTE), "-w", str(path), sentence)


def join_speech(paths: list[Path], target: Path) -> tuple[list[tuple[int, int]], int]:
    """Write the sentences after each other with pauses into one WAV; return each sentence's start
    and end and the length of the whole, in milliseconds.

    Timings are counted in samples and rounded to milliseconds once, so they do not drift.
    """
    spans, frames, rate, sample_width = [], [], None, None
    position = 0
    for path in paths:
        with wave.open(str(path)) as speech:
            rate, sample_width = speech.getframerate(), speech.getsampwidth()
            if not frames:
                silence = b"\0" * sample_width * (rate * LEAD_IN_MS // 1000)
                frames.append(silence)
                position += rate * LEAD_IN_MS // 1000
            length = speech.getnframes()
            frames.append(speech.readframes(length))
        spans.append((position, position + length))
        pause = rate * PAUSE_MS // 1000
        frames.append(b"\0" * sample_width * pause)
        position += length + pause
    with wave.open(str(target), "wb") as joined:
        joined.setnchannels(1)
        joined.setsampwidth(sample_width)
        joined.setframerate(rate)
        joined.writeframes(b"".join(frames))
    timings = [(round(start * 1000 / rate), round(end * 1000 / rate)) for start, end in spans]
    return timings, round(position * 1000 / rate)


def balanced_wrap(text: str, width: int) -> list[str]:
    """As few lines as ``width`` allows, but as even as possible: no single word left on the last line."""
    count = len(textwrap.wrap(text, width))
    narrowest = next(w for w in range(1, width + 1) if len(textwrap.wrap(text, w, break_long_words=False)) == count)
    return textwrap.wrap(text, narrowest, break_long_words=False)


def text_lines(work: Path, name: str, text: str, width: int) -> list[Path]:
    """One file per wrapped line: drawtext reads its text from a file, so quotes and colons need no escaping."""
    paths = []
    for number, line in enumerate(balanced_wrap(text, width)):
        path = work / f"{name}-{number}.txt"
        path.write_text(line)
        paths.append(path)
    return paths


def with_enable(filter_: str, enable: str) -> str:
    """Show a drawing only while its slide is on screen; the poster draws one slide and needs no window."""
    return f"{filter_}:enable='{enable}'" if enable else filter_


def drawtext(path: Path, font: str, size: int, y: float) -> str:
    return (
        f"drawtext=fontfile={font}:textfile={path}:expansion=none:fontsize={size}:fontcolor=white"
        f":x=(w-text_w)/2:y={round(y)}"
    )


def slide_filters(work: Path, video: Video, index: int, enable: str = "") -> list[str]:
    """The sentence centred on the slide; on the first slide the title above it, over a thin rule."""
    filters = []
    top = 0
    if index == 0:
        title = text_lines(work, "title", video.title.nl, TITLE_WRAP)
        line_height = TITLE_SIZE * LINE_GAP
        filters.extend(drawtext(path, FONT_BOLD, TITLE_SIZE, 36 + n * line_height) for n, path in enumerate(title))
        top = 36 + len(title) * line_height + 14
        filters.append(f"drawbox=x=60:y={round(top)}:w={WIDTH - 120}:h=2:color=white@0.6:t=fill")
    sentence = text_lines(work, f"sentence-{index}", video.sentences[index].nl, SENTENCE_WRAP)
    line_height = SENTENCE_SIZE * LINE_GAP
    first = top + (HEIGHT - top - len(sentence) * line_height) / 2
    filters.extend(drawtext(path, FONT, SENTENCE_SIZE, first + n * line_height) for n, path in enumerate(sentence))
    return [with_enable(filter_, enable) for filter_ in filters]


def slide_windows(timings: list[tuple[int, int]], total_ms: int) -> list[str]:
    """Each slide from its sentence's start (the first from 0) until the next sentence starts."""
    starts = [0, *(start for start, _end in timings[1:])]
    ends = [*starts[1:], total_ms + 1000]
    return [f"gte(t,{start / 1000:.3f})*lt(t,{end / 1000:.3f})" for start, end in zip(starts, ends, strict=True)]


def duration_of(path: Path) -> float:
    return float(run("ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", str(path)))


def make_video(video: Video, work: Path) -> dict:
    wavs = []
    for index, sentence in enumerate(video.sentences):
        wavs.append(work / f"{index}.wav")
        speak(sentence.nl, wavs[-1])
    timings, total_ms = join_speech(wavs, work / "speech.wav")

    windows = slide_windows(timings, total_ms)
    filters = [f for index in range(len(video.sentences)) for f in slide_filters(work, video, index, windows[index])]
    (work / "slides.txt").write_text(",\n".join(filters))
    colour = f"color=c={BACKGROUND}:s={WIDTH}x{HEIGHT}:r={FPS}:d={total_ms / 1000:.3f}"
    target = OUT / f"{video.slug}.webm"
    run(
        *("ffmpeg", "-y", "-v", "error", "-f", "lavfi", "-i", colour, "-i", str(work / "speech.wav")),
        *("-filter_script:v", str(work / "slides.txt"), *ENCODE, *BITEXACT, "-shortest", str(target)),
    )

    poster = OUT / f"{video.slug}.png"
    (work / "poster.txt").write_text(",\n".join(slide_filters(work, video, 0)))
    run(
        *("ffmpeg", "-y", "-v", "error", "-f", "lavfi", "-i", f"color=c={BACKGROUND}:s={WIDTH}x{HEIGHT}:r=1:d=1"),
        *("-filter_script:v", str(work / "poster.txt"), "-frames:v", "1", *BITEXACT, str(poster)),
    )

    for language in ("nl", "en"):
        cues = [
            Cue(start_ms=start, end_ms=end, text=sentence.in_language(language))
            for (start, end), sentence in zip(timings, video.sentences, strict=True)
        ]
        (OUT / f"{video.slug}.{language}.vtt").write_text(dumps(cues))

    return {
        "slug": video.slug,
        "duration": round(duration_of(target), 3),
        "video": target.name,
        "poster": poster.name,
        "captions": {"nl": f"{video.slug}.nl.vtt", "en": f"{video.slug}.en.vtt"},
    }


def main() -> None:
    OUT.mkdir(exist_ok=True)
    manifest = []
    for video in VIDEOS:
        with tempfile.TemporaryDirectory() as work:
            manifest.append(make_video(video, Path(work)))
        print(f"{video.slug}: {manifest[-1]['duration']} s")
    (OUT / "manifest.json").write_text(json.dumps({"videos": manifest}, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
