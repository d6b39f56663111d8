"""Running many kiosks, without a display: opening hours (past midnight, closed dates), the
two idle stages, the heartbeat and systemd's notify socket, and a library on a share that
changes, vanishes and comes back. Time comes from the fake clock."""

from __future__ import annotations

import json
import os
import socket
from datetime import date, datetime
from pathlib import Path

import pytest
from fake_clock import FakeClock

from storyplayer.model.config import parse_config
from storyplayer.model.health import Notifier, heartbeat, kiosk_name, memory_mb, write_heartbeat
from storyplayer.model.idle_stages import IdleStages, Stage
from storyplayer.model.library_watch import compare, merge, take_snapshot
from storyplayer.model.schedule import parse_schedule

# -- opening hours ---------------------------------------------------------------------------

SCHEDULE = """
[schedule]
monday = "closed"
tuesday = "10:00-18:00"
wednesday = "10:00-13:00, 14:00-18:00"
saturday = "20:00-02:00"
closed = ["2026-12-26"]
"""


def test_a_schedule_crossing_midnight_and_a_closed_date() -> None:
    config, problems = parse_config(SCHEDULE)
    assert problems == []
    schedule = config.schedule
    # Saturday 2026-12-05, 20:00 until Sunday 02:00.
    assert not schedule.is_open(datetime(2026, 12, 5, 19, 59))
    assert schedule.is_open(datetime(2026, 12, 5, 20, 0))
    assert schedule.is_open(datetime(2026, 12, 6, 1, 59))  # Sunday night, still Saturday's
    assert not schedule.is_open(datetime(2026, 12, 6, 2, 0))
    assert schedule.next_change(datetime(2026, 12, 5, 23, 0)) == datetime(2026, 12, 6, 2, 0)
    # Closed on Monday; Tuesday opens at ten.
    assert schedule.next_change(datetime(2026, 12, 6, 2, 0)) == datetime(2026, 12, 8, 10, 0)
    # The lunch break on Wednesdays.
    assert not schedule.is_open(datetime(2026, 12, 9, 13, 30))
    assert schedule.next_change(datetime(2026, 12, 9, 13, 30)) == datetime(2026, 12, 9, 14, 0)
    # Saturday 2026-12-26 is a closed date: no evening opening, and none past midnight.
    assert not schedule.is_open(datetime(2026, 12, 26, 21, 0))
    assert not schedule.is_open(datetime(2026, 12, 27, 1, 0))
    assert schedule.next_change(datetime(2026, 12, 24, 19, 0)) == datetime(2026, 12, 29, 10, 0)


def test_without_a_schedule_the_kiosk_is_always_open() -> None:
    config, _ = parse_config("")
    assert config.schedule.always_open
    assert config.schedule.is_open(datetime(2026, 1, 1, 3, 0))
    assert config.schedule.next_change(datetime(2026, 1, 1, 3, 0)) is None


@pytest.mark.parametrize("table, message", [
    ({"friday": "9-17"}, "is not opening hours"),
    ({"friday": 9}, "must be text"),
    ({"closed": "2026-12-24"}, "must be a list of dates"),
    ({"closed": ["24.12"]}, "is not a date"),
    ({"fryday": "10:00-18:00"}, "unknown setting 'fryday'"),
])
def test_bad_opening_hours_are_reported(table: dict, message: str) -> None:
    schedule, problems = parse_schedule(table)
    assert len(problems) == 1 and message in problems[0][1]
    assert not schedule.is_open(datetime(2026, 12, 4, 12, 0))  # that Friday stays closed


def test_a_toml_date_is_a_closed_date_too() -> None:
    config, problems = parse_config("[schedule]\nfriday = \"10:00-18:00\"\n"
                                    "closed = [2026-12-04]\n")
    assert problems == [] and date(2026, 12, 4) in config.schedule.closed


# -- the two idle stages ---------------------------------------------------------------------


def test_idle_asks_counts_down_and_resets() -> None:
    clock = FakeClock()
    stages = IdleStages(10, clock)
    assert stages.quiet(watching=False) is Stage.ASKING
    assert stages.seconds_left == 10
    clock.advance(0.5)
    assert stages.tick() is Stage.ASKING and stages.seconds_left == 10
    clock.advance(3)
    assert stages.seconds_left == 7
    clock.advance(6.5)
    assert stages.tick() is Stage.RESET and stages.seconds_left == 0
    stages.reset_done()
    assert stages.stage is Stage.ACTIVE


def test_a_touch_answers_the_question() -> None:
    clock = FakeClock()
    stages = IdleStages(10, clock)
    stages.quiet(watching=False)
    clock.advance(9)
    assert stages.touch() is Stage.ACTIVE
    clock.advance(60)
    assert stages.tick() is Stage.ACTIVE  # no reset without being asked again
    assert stages.quiet(watching=False) is Stage.ASKING and stages.seconds_left == 10


def test_a_story_playing_to_its_end_holds_the_countdown() -> None:
    clock = FakeClock()
    stages = IdleStages(10, clock)
    assert stages.quiet(watching=True) is Stage.ACTIVE
    stages.quiet(watching=False)
    clock.advance(5)
    assert stages.tick(watching=True) is Stage.ACTIVE
    assert IdleStages(0, clock).quiet(watching=False) is Stage.RESET  # asking turned off


def test_idle_lengths_come_from_the_config() -> None:
    config, problems = parse_config("[kiosk]\nidle_seconds = 60\ncountdown_seconds = 15\n")
    assert problems == [] and config.kiosk.countdown_seconds == 15
    _, problems = parse_config("[kiosk]\ncountdown_seconds = -1\n")
    assert "between 0 and 120" in problems[0].message and problems[0].line == 2


# -- the heartbeat and the watchdog ----------------------------------------------------------


def test_the_heartbeat_is_written_atomically_where_asked(tmp_path: Path) -> None:
    clock = FakeClock(1_780_228_800.0)
    shared = tmp_path / "share" / "kiosks" / "hall-2.json"
    local = tmp_path / "data" / "heartbeat.json"
    data = heartbeat(now=clock(), started=clock() - 125, version="1.0", name="hall-2",
                     state="playing", playing=["october-1917"], problem=None,
                     memory=memory_mb(), library={"changed": "added: x"})
    assert write_heartbeat(data, [local, shared]) == []
    for path in (local, shared):
        read = json.loads(path.read_text(encoding="utf-8"))
        assert read["time"] == "2026-05-31T12:00:00+00:00" and read["uptime_s"] == 125
        assert read["state"] == "playing" and read["playing"] == ["october-1917"]
        assert read["memory_mb"] > 0 and read["kiosk"] == "hall-2"
    assert sorted(p.name for p in local.parent.iterdir()) == ["heartbeat.json"]  # no leftovers
    blocked = tmp_path / "file"
    blocked.write_text("")
    problems = write_heartbeat(data, [blocked / "x.json"])
    assert len(problems) == 1 and "heartbeat not written" in problems[0]
    assert kiosk_name("hall 2/left") == "hall-2-left" and kiosk_name()


@pytest.fixture
def notify_socket(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A fake systemd: a datagram socket that collects what the app says."""
    path = str(tmp_path / "notify")
    server = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    server.bind(path)
    server.settimeout(2)
    yield path, server
    server.close()


def test_notify_ready_and_watchdog_reach_the_socket(notify_socket) -> None:  # type: ignore[no-untyped-def]
    path, server = notify_socket
    notifier = Notifier({"NOTIFY_SOCKET": path, "WATCHDOG_USEC": "20000000",
                         "WATCHDOG_PID": str(os.getpid())})
    assert notifier.enabled and notifier.ping_interval_s == 10
    assert notifier.ready() and notifier.watchdog()
    assert server.recv(256).decode().startswith("READY=1")
    assert server.recv(256) == b"WATCHDOG=1"


def test_notify_without_systemd_does_nothing(tmp_path: Path) -> None:
    assert not Notifier({}).enabled and not Notifier({}).ready()
    assert Notifier({"NOTIFY_SOCKET": "x", "WATCHDOG_USEC": "5", "WATCHDOG_PID": "1"}
                    ).ping_interval_s == 0  # the watchdog is for another process
    gone = Notifier({"NOTIFY_SOCKET": str(tmp_path / "gone")})
    assert gone.enabled and not gone.watchdog()  # logged once, never raised


# -- a library on a share ----------------------------------------------------------------------


def story(folder: Path, name: str, text: str = "title: x\n") -> None:
    (folder / name).mkdir(parents=True, exist_ok=True)
    (folder / name / "story.yaml").write_text(text, encoding="utf-8")


def test_a_share_that_changes_vanishes_and_comes_back(tmp_path: Path) -> None:
    share = tmp_path / "share"
    config = tmp_path / "config.toml"
    story(share, "a")
    story(share, "b")
    first = take_snapshot([share], config)
    assert not compare(first, take_snapshot([share], config))
    story(share, "c")
    story(share, "a", "title: longer now\n")
    (share / "b" / "story.yaml").unlink()
    (share / "b").rmdir()
    config.write_text("language = \"et\"\n")
    second = take_snapshot([share], config, first)
    changes = compare(first, second)
    key = f"{share}/"
    assert changes.added == (key + "c",) and changes.changed == (key + "a",)
    assert changes.removed == (key + "b",) and changes.config
    assert changes.describe() == "added: c; changed: a; removed: b; config changed"
    # The share goes away: its stories stay as last seen, and that is said.
    share.rename(tmp_path / "away")
    third = take_snapshot([share], config, second)
    lost = compare(second, third)
    assert lost.lost == (str(share),) and not lost.library
    assert third.stories == second.stories
    # It comes back with one more story.
    (tmp_path / "away").rename(share)
    story(share, "d")
    back = compare(third, take_snapshot([share], config, third))
    assert back.back == (str(share),) and back.added == (key + "d",)
    both = merge(changes, back)
    assert both.added == (key + "c", key + "d") and both.config
