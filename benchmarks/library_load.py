"""Loading and validating a library of 1,000 stories of 20 events each.

Prints JSON: the median time per story over several loads, and the machine.
Run: python benchmarks/library_load.py [--stories 1000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from machine import machine  # noqa: E402

from storyplayer.model.library import Library  # noqa: E402
from storyplayer.model.library_cache import LibraryCache  # noqa: E402


def write_library(folder: Path, stories: int, events: int) -> None:
    for s in range(stories):
        data = {
            "format": 1,
            "title": {"en": f"Story {s}", "et": f"Lugu {s}"},
            "summary": {
                "en": "A story about Tallinn and Tartu.",
                "et": "Lugu Tallinnast ja Tartust.",
            },
            "categories": ["history", f"group-{s % 7}"],
            "events": [
                {
                    "title": {"en": f"Event {e}", "et": f"Sündmus {e}"},
                    "date": f"{1500 + e}-0{1 + e % 9}-1{e % 9} O.S." if e % 2 else f"{1500 + e}",
                    "place": {
                        "name": {"en": "Tallinn", "et": "Tallinn"},
                        "lat": 59.437,
                        "lon": 24.745,
                        "zoom": 12,
                    },
                    "text": {
                        "en": "Some words about what happened here. " * 8,
                        "et": "Mõned sõnad sellest, mis siin juhtus. " * 8,
                    },
                    "sources": ["Eesti ajalugu VI. Tartu: Ilmamaa, 2005"],
                }
                for e in range(events)
            ],
        }
        story = folder / f"story-{s:04d}"
        story.mkdir()
        (story / "story.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")


def _median_load(folder: Path, stories: int, repeat: int, cache_file: Path | None) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        # Opening the cache reads its file, which is part of what the app waits for.
        cache = LibraryCache(cache_file) if cache_file else None
        library = Library.load([folder], cache=cache)
        times.append(time.perf_counter() - start)
        assert len(library.stories) == stories, library.invalid[:1]
    return statistics.median(times)


def _median_floor(folder: Path, repeat: int) -> float:
    """The floor of a cold load: each file read and parsed by libyaml's C safe loader, with
    no checks and no story built."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        for path in sorted(folder.glob("*/story.yaml")):
            yaml.load(path.read_bytes(), Loader=loader)  # noqa: S506 (a safe loader)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def measure(stories: int = 1000, events: int = 20, repeat: int = 5) -> dict[str, object]:
    """Cold: every file read, parsed and checked. Warm: the app's usual start, where files
    unchanged since the last run come from the library cache (media files still checked)."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "library"
        folder.mkdir()
        write_library(folder, stories, events)
        size = sum(p.stat().st_size for p in folder.glob("*/story.yaml")) / stories
        cold = _median_load(folder, stories, repeat, None)
        floor = _median_floor(folder, repeat)
        cache_file = Path(tmp) / "cache" / "library.cache"
        Library.load([folder], cache=LibraryCache(cache_file))  # the first run fills the cache
        warm = _median_load(folder, stories, repeat, cache_file)
    return {
        "library_load_ms_per_story": round(warm * 1000 / stories, 3),
        "library_cold_load_ms_per_story": round(cold * 1000 / stories, 3),
        "library_floor_ms_per_story": round(floor * 1000 / stories, 3),
        "library_cold_ratio": round(cold / floor, 2),
        "library_stories": stories,
        "library_events_per_story": events,
        "library_bytes_per_story": round(size),
        "repetitions": repeat,
        "machine": machine(),
    }


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--stories", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    options = parser.parse_args()
    print(json.dumps(measure(options.stories, repeat=options.repeat), indent=2))
