"""Where the committed demo videos are, read from the manifest that scripts/make_demo_videos.py writes."""

import json
from dataclasses import dataclass
from pathlib import Path

DEMO_VIDEOS_DIR = Path(__file__).resolve().parent.parent / "demo_videos"


@dataclass(frozen=True)
class VideoFiles:
    slug: str  # the Video's slug in course_text
    duration: float  # seconds, as ffprobe measured the WebM
    video: Path
    poster: Path
    captions: dict[str, Path]  # language code: WebVTT file


def demo_video_files() -> dict[str, VideoFiles]:
    """Each demo video's files by slug."""
    manifest = json.loads((DEMO_VIDEOS_DIR / "manifest.json").read_text())
    return {
        entry["slug"]: VideoFiles(
            slug=entry["slug"],
            duration=entry["duration"],
            video=DEMO_VIDEOS_DIR / entry["video"],
            poster=DEMO_VIDEOS_DIR / entry["poster"],
            captions={language: DEMO_VIDEOS_DIR / name for language, name in entry["captions"].items()},
        )
        for entry in manifest["videos"]
    }
