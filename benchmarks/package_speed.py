"""Packing and installing a 20 MB story: `pack_story` and `install_package` (every check,
the checksums, the loader, the atomic move), each timed on its own and the two added up.

The story has 100 events and twenty 1 MB pictures of incompressible bytes, as JPEGs are.
Prints JSON: the median of several rounds, and the machine.
Run: python benchmarks/package_speed.py [--megabytes 20] [--repeat 5]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from machine import machine  # noqa: E402

from storyplayer.sharing import install_package, pack_story  # noqa: E402

PICTURE_BYTES = 1024 * 1024


def write_story(folder: Path, megabytes: int, events: int = 100) -> int:
    """A valid story of `events` events and `megabytes` pictures; returns its size in bytes."""
    media = folder / "media"
    media.mkdir(parents=True)
    for number in range(megabytes):
        (media / f"picture-{number:02d}.jpg").write_bytes(os.urandom(PICTURE_BYTES))
    data = {
        "format": 1,
        "title": {"en": "A big shared story", "et": "Suur jagatud lugu"},
        "summary": {"en": "Pictures from every corner.", "et": "Pildid igast nurgast."},
        "categories": ["history"],
        "events": [
            {
                "title": {"en": f"Event {e}", "et": f"Sündmus {e}"},
                "date": f"{1700 + e}-0{1 + e % 9}-1{e % 9}",
                "place": {"name": "Tallinn", "lat": 59.437, "lon": 24.745, "zoom": 12},
                "text": {"en": "What happened here, in a few words. " * 10,
                         "et": "Mis siin juhtus, mõne sõnaga. " * 10},
                **({"image": {"src": f"media/picture-{e % megabytes:02d}.jpg",
                              "caption": {"en": "A picture", "et": "Pilt"}}}
                   if megabytes else {}),
            }
            for e in range(events)
        ],
    }
    (folder / "story.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def measure(megabytes: int = 20, repeat: int = 5) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="storyplayer-bench-") as tmp:
        root = Path(tmp)
        story = root / "big-story"
        size = write_story(story, megabytes)
        package = root / "big-story.storyplayer"
        pack_s, install_s = [], []
        for _ in range(repeat):
            library = root / "library"
            shutil.rmtree(library, ignore_errors=True)
            start = time.perf_counter()
            pack_story(story, package)
            packed = time.perf_counter()
            install_package(package, library)
            done = time.perf_counter()
            pack_s.append(packed - start)
            install_s.append(done - packed)
        return {
            "package_pack_s": round(statistics.median(pack_s), 3),
            "package_install_s": round(statistics.median(install_s), 3),
            "package_pack_install_s": round(
                statistics.median([p + i for p, i in zip(pack_s, install_s, strict=True)]), 3),
            "package_story_mb": round(size / 1024 / 1024, 1),
            "package_file_mb": round(package.stat().st_size / 1024 / 1024, 1),
            "package_repetitions": repeat,
        }


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=5)
    options = parser.parse_args()
    print(json.dumps({**measure(options.megabytes, options.repeat), "machine": machine()},
                     indent=2))
