"""How many imported events end up with a theme: before (raw categories, as the importer did until
issue 12) and after (category names and keywords, the source's mapping, and suggested themes).

    .venv/bin/python bench/theme_coverage.py [--feeds ../shared/feeds] [--verbose]

Runs the real parsers and the mapping stage (no database, no network) over every feed file under
``--feeds`` (see its MANIFEST.md) and the demo centres' feeds (``agenda_pages/demo_feeds``), with the
themes that migration 0006 creates. The import window is opened wide (2000-2035), so feeds whose
dates have passed count too. Counted per event (series), not per date:

- before: a category that is a theme's slug or name, as the old filter offered raw category slugs
  and only those that happen to be our words meant anything to a visitor;
- categories: after the mapping stage (a theme's slug, name or keyword, minus "online"/"naasten");
- suggested: events without a theme from their categories that get one suggested from their text;
- after: categories or suggestion, what a reviewer sees proposed.
"""

import argparse
import importlib
import os
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))
SUFFIXES = {".ics", ".json", ".html", ".htm", ".jsonld"}


@dataclass
class Coverage:
    events: int = 0
    before: int = 0
    categories: int = 0
    suggested: int = 0
    failed_files: int = 0

    @property
    def after(self) -> int:
        return self.categories + self.suggested

    def add(self, other: "Coverage") -> None:
        for name in ("events", "before", "categories", "suggested", "failed_files"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def initial_rules():
    """The vocabulary of migration 0006, as the importer's rules."""
    from agenda_pages.importing.themes import ThemeRule, ThemeRules

    migration = importlib.import_module("agenda_pages.migrations.0006_themes")
    return ThemeRules(
        tuple(
            ThemeRule(slug, (slug, label_nl, label_en), tuple(line for line in keywords.splitlines() if line))
            for slug, label_nl, label_en, _nl, _en, _icon, keywords in migration.THEMES
        )
    )


def parse_file(path: Path):
    from agenda_pages.importing.detect import detect_format
    from agenda_pages.importing.parse_ics import parse_ics
    from agenda_pages.importing.parse_jsonld import parse_jsonld
    from agenda_pages.importing.parse_tec import parse_tec
    from agenda_pages.importing.types import ParseLimits
    from agenda_pages.vocabulary import FeedFormat

    limits = ParseLimits(window_start=datetime(2000, 1, 1, tzinfo=UTC), window_end=datetime(2035, 1, 1, tzinfo=UTC))
    data = path.read_bytes()
    content_type = {".ics": "text/calendar", ".json": "application/json"}.get(path.suffix, "text/html")
    fmt = detect_format(content_type, data)
    if fmt == FeedFormat.ICS:
        return parse_ics(data, limits=limits)
    if fmt == FeedFormat.TEC_JSON:
        return parse_tec(data, limits=limits)
    return parse_jsonld(data, limits=limits, base_url=f"https://example.org/{path.name}")


def coverage_of(path: Path, rules, verbose: bool) -> Coverage:
    from agenda_pages.importing.mapping import map_event
    from agenda_pages.importing.themes import normalise

    names = {normalise(name) for rule in rules.themes for name in rule.names}
    result = Coverage()
    try:
        parsed = parse_file(path)
    except Exception as error:  # a broken file is a count here, as the importer records it as a failed run
        if verbose:
            print(f"  {path.name}: not readable ({type(error).__name__})")
        result.failed_files = 1
        return result
    for event in parsed.events:
        mapped = map_event(event, rules=rules)
        if not mapped.title or not mapped.occurrences:
            continue
        result.events += 1
        result.before += any(normalise(category) in names for category in event.categories)
        result.categories += bool(mapped.themes)
        result.suggested += bool(not mapped.themes and mapped.suggested_themes)
        if verbose and (mapped.themes or mapped.suggested_themes or event.categories):
            chosen = ", ".join(mapped.themes) or f"suggested: {', '.join(mapped.suggested_themes) or '-'}"
            print(f"  {path.name}: {mapped.title[:50]!r} {list(event.categories)} -> {chosen}")
    return result


def report(label: str, files: list[Path], rules, verbose: bool) -> Coverage:
    total = Coverage()
    for path in files:
        total.add(coverage_of(path, rules, verbose))
    share = lambda count: f"{count} ({100 * count / total.events:.0f}%)" if total.events else "0"  # noqa: E731
    print(
        f"{label}: {len(files)} files ({total.failed_files} unreadable), {total.events} events; with a theme: "
        f"before {share(total.before)}, from categories {share(total.categories)}, "
        f"+ suggested {share(total.suggested)} = after {share(total.after)}"
    )
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--feeds", type=Path, default=PROJECT_ROOT.parent / "shared" / "feeds")
    parser.add_argument("--verbose", action="store_true", help="print each event that has a category or theme")
    options = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kankernl_site.settings.test")
    import django

    django.setup()  # the description sanitiser uses Wagtail's rich text rules; no database is used
    rules = initial_rules()
    shared = sorted(path for path in options.feeds.rglob("*") if path.suffix.lower() in SUFFIXES)
    demo = sorted((PROJECT_ROOT / "agenda_pages" / "demo_feeds").iterdir())
    total = report("Shared feeds", shared, rules, options.verbose)
    total.add(report("Demo feeds", demo, rules, options.verbose))


if __name__ == "__main__":
    main()
