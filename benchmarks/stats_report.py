"""`storyplayer stats` over a year of one busy kiosk: about 200,000 generated visits.

The file is made with the app's own schema (model/visit_stats.py) in a temporary folder;
the command then runs as a subprocess, as staff would run it, and its wall time is timed.
Prints JSON: the median of the runs, the visits and the views.
Run: python benchmarks/stats_report.py [--visits 200000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from machine import machine  # noqa: E402

from storyplayer.model.visit_stats import StatsWriter, VisitLog, connect  # noqa: E402

STORIES = [(f"story-{n:02d}", 8 + n % 13) for n in range(24)]
YEAR_START = 1_767_225_600  # 2026-01-01 00:00 UTC


def generate(path: Path, visits: int, seed: int = 21) -> int:
    """Write `visits` plausible visits (opening hours, 1-3 stories, replays); the views."""
    rng = random.Random(seed)
    db = connect(path)
    db.execute("PRAGMA synchronous=OFF")  # a generated file, not a kiosk's
    visit_rows, view_rows = [], []
    step = 365 * 86400 / visits
    for number in range(1, visits + 1):
        started = YEAR_START + number * step
        moment = time.gmtime(started)
        hour = 10 + int(moment.tm_hour * 8 / 24)  # squeezed into opening hours
        day = time.strftime("%Y-%m-%d", moment)
        clock = started
        for slot in range(rng.choice((1, 1, 1, 2, 3))):
            story, events = rng.choice(STORIES)
            replay = 0
            while True:
                finished = rng.random() < 0.45
                reached = events if finished else rng.randint(1, events)
                watched = reached * rng.uniform(6, 12)
                again = finished and rng.random() < 0.1
                how = "play-again" if again else rng.choice(("close", "back", "idle"))
                view_rows.append((number, story, clock, round(watched), reached, events,
                                  int(finished), replay, how, day))
                clock += watched
                if not again:
                    break
                replay = 1
            del slot
        visit_rows.append((number, started, clock + 30, round(clock + 30 - started), day, hour,
                           rng.choice(("et", "et", "en")), rng.choice(("idle", "idle", "staff"))))
    with db:
        db.execute("BEGIN")
        db.executemany("INSERT INTO visits VALUES (?,?,?,?,?,?,?,?)", visit_rows)
        db.executemany("INSERT INTO views VALUES (?,?,?,?,?,?,?,?,?,?)", view_rows)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return len(view_rows)


def recording_cost(path: Path, visits: int = 2_000) -> float:
    """Microseconds the UI thread spends on one visit's records: begin, three stories each
    shown to its 12th event, Play again once, the end. (The writes run on their thread.)"""
    writer = StatsWriter(path)
    log = VisitLog(writer)
    start = time.perf_counter()
    for _ in range(visits):
        log.begin_visit("et")
        for slot in range(3):
            log.story_started(slot, f"story-{slot}", 12)
            for index in range(12):
                log.story_reached(slot, index)
        log.story_finished(0)
        log.play_again(0)
        log.end_visit("idle")
    spent = time.perf_counter() - start
    writer.close()
    return round(spent / visits * 1e6, 1)


def measure(visits: int, repeat: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="storyplayer-stats-") as folder:
        path = Path(folder) / "visits.sqlite"
        views = generate(path, visits)
        command = [sys.executable, "-m", "storyplayer", "stats", "--merge", str(path)]
        subprocess.run(command, capture_output=True, check=True)  # warm the disk cache
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            subprocess.run(command, capture_output=True, check=True)
            times.append(time.perf_counter() - start)
        record_us = recording_cost(Path(folder) / "recording.sqlite")
    return {
        "stats_report_s": round(statistics.median(times), 3),
        "stats_record_us_per_visit": record_us,
        "stats_report_visits": visits,
        "stats_report_views": views,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--visits", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    result = measure(args.visits, args.repeat)
    result["machine"] = machine()
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
