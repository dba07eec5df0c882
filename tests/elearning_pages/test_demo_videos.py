"""The committed demo videos agree with the narration in course_text and stay small.

Checks the files, not the script: the script needs ffmpeg and espeak-ng, the site and its tests do not.
"""

import subprocess
from shutil import which

import pytest

from elearning_pages.demo.course_text import VIDEOS
from elearning_pages.demo.video_files import DEMO_VIDEOS_DIR, demo_video_files
from elearning_pages.webvtt import parse

FILES = demo_video_files()
LANGUAGES = ("nl", "en")


def test_every_video_in_the_course_has_its_files_and_no_others():
    assert sorted(FILES) == sorted(video.slug for video in VIDEOS)
    listed = {path.name for files in FILES.values() for path in (files.video, files.poster, *files.captions.values())}
    on_disk = {path.name for path in DEMO_VIDEOS_DIR.iterdir()} - {"manifest.json", "README.md"}
    assert on_disk == listed


@pytest.mark.parametrize("video", VIDEOS, ids=lambda video: video.slug)
def test_video_is_small_webm_with_a_small_poster(video):
    files = FILES[video.slug]
    assert files.video.read_bytes()[:4] == b"\x1a\x45\xdf\xa3"  # EBML, the container of WebM
    assert files.video.stat().st_size < 1_000_000
    assert files.poster.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert files.poster.stat().st_size < 60_000


@pytest.mark.parametrize("video", VIDEOS, ids=lambda video: video.slug)
@pytest.mark.parametrize("language", LANGUAGES)
def test_captions_are_the_narration_and_end_within_the_video(video, language):
    files = FILES[video.slug]
    cues = parse(files.captions[language].read_text())
    assert [cue.text for cue in cues] == [sentence.in_language(language) for sentence in video.sentences]
    assert 0 < cues[-1].end <= files.duration


@pytest.mark.parametrize("video", VIDEOS, ids=lambda video: video.slug)
def test_english_captions_keep_the_dutch_timings(video):
    # One set of slides for both languages: the English cues must change with them.
    dutch, english = (parse(FILES[video.slug].captions[language].read_text()) for language in LANGUAGES)
    assert [(cue.start_ms, cue.end_ms) for cue in english] == [(cue.start_ms, cue.end_ms) for cue in dutch]


@pytest.mark.skipif(not which("ffprobe"), reason="ffprobe is not installed")
@pytest.mark.parametrize("video", VIDEOS, ids=lambda video: video.slug)
def test_ffprobe_reads_vp9_and_opus_of_the_manifest_duration(video):
    files = FILES[video.slug]
    asked = ["-show_entries", "stream=codec_name:format=duration", "-of", "csv=p=0"]
    probe = subprocess.run(
        ["ffprobe", "-v", "error", *asked, str(files.video)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    assert probe[:2] == ["vp9", "opus"]
    assert float(probe[2]) == pytest.approx(files.duration, abs=0.001)
