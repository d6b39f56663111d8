"""Visitor statistics: a scripted session with the fake clock checked row by row, a power
cut in the middle of a visit, and `storyplayer stats` (text, JSON, CSV, --merge) run as a
separate process, as staff run it."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from fake_clock import FakeClock

from storyplayer.model.stats_report import StatsError, parse_day, report
from storyplayer.model.visit_stats import StatsWriter, VisitLog

NOON = 1_780_228_800.0  # 2026-05-31 12:00 UTC


def rows(path: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(path) as db:
        return db.execute(sql).fetchall()


def session(path: Path, clock: FakeClock) -> None:
    """Choose two stories, watch, replay one, close, go back, leave; then an idle reset."""
    writer = StatsWriter(path)
    visits = VisitLog(writer, clock, time.gmtime)
    visits.begin_visit("et")
    clock.advance(20)  # choosing
    visits.story_started(0, "october-1917", events=10)
    visits.story_started(1, "world-war-1", events=4)
    for index in range(4):
        clock.advance(10)
        visits.story_reached(0, index)
        visits.story_reached(1, index)
    visits.story_finished(1)
    visits.play_again(1)  # Play again on the end card
    clock.advance(5)
    visits.story_reached(1, 1)
    visits.story_ended(1, "close")
    visits.set_language("en")
    clock.advance(5)
    visits.end_visit("idle")  # walked away: the idle reset closes october-1917 too
    clock.advance(3600)
    visits.begin_visit("et")
    visits.story_started(0, "october-1917", events=10)
    clock.advance(7)
    visits.end_visit("staff")
    assert writer.flush()
    writer.close()


def test_a_scripted_visit_is_recorded_row_by_row(tmp_path: Path) -> None:
    path = tmp_path / "visits.sqlite"
    clock = FakeClock(NOON)
    session(path, clock)
    assert rows(path, "SELECT id, started, ended, seconds, day, hour, language, ended_by "
                      "FROM visits ORDER BY id") == [
        (1, NOON, NOON + 70, 70, "2026-05-31", 12, "en", "idle"),
        (2, NOON + 3670, NOON + 3677, 7, "2026-05-31", 13, "et", "staff"),
    ]
    views = rows(path, "SELECT visit, story, started, watched, reached, events, finished, "
                       "replay, ended_by FROM views ORDER BY rowid")
    assert views == [
        (1, "world-war-1", NOON + 20, 40.0, 4, 4, 1, 0, "play-again"),
        (1, "world-war-1", NOON + 60, 5.0, 2, 4, 0, 1, "close"),
        (1, "october-1917", NOON + 20, 50.0, 4, 10, 0, 0, "idle"),
        (2, "october-1917", NOON + 3670, 7.0, 1, 10, 0, 0, "staff"),
    ]
    assert rows(path, "PRAGMA journal_mode") == [("wal",)]


def test_the_report_counts_choices_completion_medians_and_leave_points(tmp_path: Path) -> None:
    path = tmp_path / "visits.sqlite"
    session(path, FakeClock(NOON))
    summary = report([path]).to_json()
    assert summary["visits"] == 2 and summary["visits_without_end"] == 0
    assert summary["languages"] == {"en": 1, "et": 1}
    assert summary["hours"]["12"] == 1 and summary["hours"]["13"] == 1
    assert summary["visit_ended_by"] == {"idle": 1, "staff": 1}
    by_story = {s["story"]: s for s in summary["stories"]}
    october, war = by_story["october-1917"], by_story["world-war-1"]
    assert (october["chosen"], october["replays"], october["finished"]) == (2, 0, 0)
    assert october["median_watched_s"] == 28.5 and october["leave_at_event"] == [[1, 1], [4, 1]]
    assert (war["chosen"], war["replays"], war["finished"]) == (1, 1, 1)
    assert war["completion_rate"] == 0.5 and war["leave_at_event"] == [[2, 1]]
    # Days outside the range leave nothing.
    assert report([path], since="2026-06-01").to_json()["visits"] == 0
    assert report([path], until="2026-05-31").to_json()["visits"] == 2


def test_a_power_cut_mid_visit_keeps_the_file_readable(tmp_path: Path) -> None:
    """The process dies (no close, no flush of the visit) while a story plays."""
    path = tmp_path / "visits.sqlite"
    code = textwrap.dedent(f"""
        import os, time
        from storyplayer.model.visit_stats import StatsWriter, VisitLog
        writer = StatsWriter({str(path)!r})
        visits = VisitLog(writer)
        visits.begin_visit("et")
        visits.story_started(0, "october-1917", events=10)
        visits.end_visit("idle")
        visits.begin_visit("en")
        visits.story_started(0, "world-war-1", events=4)
        visits.story_reached(0, 2)
        writer.flush()
        os._exit(0)  # as sudden as a pulled plug, for the process
    """)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    assert rows(path, "PRAGMA integrity_check") == [("ok",)]
    summary = report([path]).to_json()
    assert summary["visits"] == 2 and summary["visits_without_end"] == 1
    assert [s["story"] for s in summary["stories"]] == ["october-1917"]
    # The kiosk starts again and goes on numbering after the cut visit.
    writer = StatsWriter(path)
    visits = VisitLog(writer)
    visits.begin_visit("et")
    visits.end_visit("idle")
    writer.close()
    assert [r[0] for r in rows(path, "SELECT id FROM visits ORDER BY id")] == [1, 2, 3]


def test_an_unwritable_place_turns_statistics_off_without_raising(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    writer = StatsWriter(blocker / "visits.sqlite")
    assert not writer.working and "visitor statistics cannot be written" in writer.problem
    visits = VisitLog(writer)
    visits.begin_visit("et")
    visits.end_visit("idle")
    writer.close()


def generate(path: Path, kiosk: int) -> None:
    clock = FakeClock(NOON + kiosk * 86_400)
    writer = StatsWriter(path)
    visits = VisitLog(writer, clock, time.gmtime)
    for number in range(3 + kiosk):
        visits.begin_visit(("et", "en")[number % 2])
        visits.story_started(0, ("october-1917", "world-war-1")[kiosk], events=5)
        clock.advance(30 + number)
        if number % 2 == 0:
            visits.story_finished(0)
        visits.end_visit("idle")
        clock.advance(600)
    writer.close()


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "storyplayer", "stats", *args],
                          capture_output=True, text=True, timeout=60)


def test_stats_merge_combines_two_kiosks(tmp_path: Path) -> None:
    first, second = tmp_path / "hall-1.sqlite", tmp_path / "hall-2.sqlite"
    generate(first, 0)
    generate(second, 1)
    done = run("--merge", str(first), str(second), "--json")
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert summary["visits"] == 3 + 4
    assert {s["story"]: (s["chosen"], s["finished"]) for s in summary["stories"]} == {
        "october-1917": (3, 2), "world-war-1": (4, 2)}
    assert summary["languages"] == {"et": 4, "en": 3}
    # One day each: --since keeps the second kiosk's day only.
    done = run("--merge", str(first), str(second), "--json", "--since", "01.06.2026")
    assert json.loads(done.stdout)["visits"] == 4
    text = run("--merge", str(first), str(second))
    assert text.returncode == 0 and "7 visits" in text.stdout and "world-war-1" in text.stdout
    table = tmp_path / "stories.csv"
    assert run("--merge", str(first), str(second), "--csv", str(table)).returncode == 0
    lines = table.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("story,chosen,replays,finished")
    assert lines[1].startswith("world-war-1,4,0,2,0.5,")


@pytest.mark.parametrize("args, message", [
    (["--merge", "missing.sqlite"], "missing.sqlite: no such statistics file"),
    (["--merge", "junk.sqlite"], "junk.sqlite: cannot read"),
    (["--merge", "other.sqlite"], "other.sqlite: not a Story Player statistics file"),
    (["--since", "yesterday"], "'yesterday' is not a date"),
])
def test_stats_bad_input_is_one_clear_line(tmp_path: Path, args: list[str],
                                           message: str) -> None:
    (tmp_path / "junk.sqlite").write_bytes(b"\x00garbage" * 100)
    with sqlite3.connect(tmp_path / "other.sqlite") as db:
        db.execute("CREATE TABLE t (x)")
    done = subprocess.run([sys.executable, "-m", "storyplayer", "stats", *args],
                          capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert done.returncode in (1, 2)
    assert message in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_parse_day_reads_both_spellings() -> None:
    assert parse_day("2026-05-31") == parse_day("31.05.2026") == "2026-05-31"
    with pytest.raises(ValueError):
        parse_day("31.13.2026")
    with pytest.raises(StatsError):
        report([Path("/nonexistent/visits.sqlite")])
