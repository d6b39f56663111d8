"""Running many kiosks, on the real window offscreen: statistics from a visitor's session,
the heartbeat and systemd's notify socket (a fake one), opening hours with the closed
screen, a shared library that changes, vanishes and comes back while a story plays, and the
staff page behind the chord."""

from __future__ import annotations

import json
import logging
import os
import socket
import sqlite3
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from story_files import story_data, write_story

from storyplayer.model.config import Config, KioskSettings, LoadedConfig, parse_config
from storyplayer.model.health import Notifier
from storyplayer.model.library import Library
from storyplayer.resources import bundled_stories_dir
from storyplayer.ui.kiosk.kiosk import Kiosk
from storyplayer.ui.kiosk.kiosk_operations import KioskOperations
from storyplayer.ui.main_window import MainWindow

CHORD = Qt.ControlModifier | Qt.AltModifier | Qt.ShiftModifier


class Clock:
    """A wall clock (seconds since 1970 and local time) that moves only when told."""

    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def __call__(self) -> float:
        return self.moment.timestamp()

    def now(self) -> datetime:
        return self.moment


@pytest.fixture
def make_operations(qtbot, tmp_path, make_window) -> Iterator:
    def make(config: Config | None = None, folders: tuple[Path, ...] = (),
             clock: Clock | None = None, **options) -> tuple[MainWindow, Kiosk, KioskOperations]:
        config = config or Config(kiosk=KioskSettings(enabled=True))
        library = Library.load([bundled_stories_dir(), *folders])
        window = make_window(library, show=False)
        kiosk = Kiosk(window, config.kiosk, idle_ms=60_000, countdown_ms=0)
        make_window.before_close(lambda: kiosk._leaving or kiosk.leave())
        clock = clock or Clock(datetime(2026, 6, 2, 12, 0))
        settings = LoadedConfig(config, tmp_path / "config.toml", [],
                                exists=(tmp_path / "config.toml").exists())
        operations = KioskOperations(
            kiosk, settings, extra_folders=list(folders), watched_folders=list(folders),
            stats_path=tmp_path / "visits.sqlite", heartbeat_path=tmp_path / "heartbeat.json",
            load_library=options.pop(
                "load_library", lambda: Library.load([bundled_stories_dir(), *folders])),
            clock=clock, now=clock.now, **options)
        with qtbot.waitExposed(window):
            kiosk.start()
        operations.start()
        make_window.activate(window)
        return window, kiosk, operations

    yield make


def test_a_visitors_session_is_recorded(qtbot, make_operations, tmp_path):
    window, kiosk, operations = make_operations()
    kiosk.begin()
    window.set_language("et")
    window.play(["october-1917", "world-war-1"])
    first, second = window.playback.panes
    first.driver.jump(2)
    second.driver.jump(second.driver.count - 1)
    second.driver.next()  # past the last event: the end card
    assert second.finished
    qtbot.mouseClick(second.end_card.play_again, Qt.LeftButton)  # Play again
    qtbot.mouseClick(window.playback.back_button, Qt.LeftButton)  # back to the picker
    kiosk.show_attract()  # the idle reset
    assert operations.writer.flush()
    with sqlite3.connect(tmp_path / "visits.sqlite") as db:
        visits = db.execute("SELECT id, language, ended_by, ended IS NOT NULL FROM visits")
        assert visits.fetchall() == [(1, "et", "idle", 1)]
        views = db.execute("SELECT story, reached, events, finished, replay, ended_by "
                           "FROM views ORDER BY rowid").fetchall()
    wars = len(window.library.get("world-war-1").events)
    octobers = len(window.library.get("october-1917").events)
    assert views == [
        ("world-war-1", wars, wars, 1, 0, "play-again"),
        ("october-1917", 3, octobers, 0, 0, "back"),
        ("world-war-1", 1, wars, 0, 1, "back"),
    ]


def test_heartbeat_and_watchdog_reach_a_fake_systemd(qtbot, make_operations, tmp_path):
    path = str(tmp_path / "notify")
    server = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    server.bind(path)
    server.setblocking(False)
    said: list[bytes] = []

    def heard(message: bytes) -> bool:  # reads without blocking the event loop
        try:
            said.append(server.recv(256))
        except BlockingIOError:
            pass
        return any(m.startswith(message) for m in said)

    try:
        notifier = Notifier({"NOTIFY_SOCKET": path, "WATCHDOG_USEC": "400000"})
        shared = tmp_path / "share" / "kiosks"
        config = Config(kiosk=KioskSettings(enabled=True, name="hall-2",
                                            heartbeat_folder=shared))
        window, kiosk, operations = make_operations(config, notifier=notifier,
                                                    heartbeat_ms=300)
        assert heard(b"READY=1")
        qtbot.waitUntil(lambda: heard(b"WATCHDOG=1"), timeout=3000)  # from the event loop
        assert said[0].startswith(b"READY=1") and said[1] == b"WATCHDOG=1"
        with qtbot.waitSignal(operations.heartbeatWritten, timeout=3000):
            pass
        for file in (tmp_path / "heartbeat.json", shared / "hall-2.json"):
            beat = json.loads(file.read_text(encoding="utf-8"))
            assert beat["kiosk"] == "hall-2" and beat["state"] == "attract"
            assert beat["time"].startswith("2026-06-02T") and beat["memory_mb"] > 0
        kiosk.begin()
        window.play(["october-1917"])

        def shared_beat() -> dict:
            return json.loads((shared / "hall-2.json").read_text(encoding="utf-8"))

        qtbot.waitUntil(lambda: shared_beat()["state"] == "playing", timeout=3000)
        assert shared_beat()["playing"] == ["october-1917"]
    finally:
        server.close()


def test_closed_outside_opening_hours_and_awake_at_opening_time(qtbot, make_operations,
                                                               tmp_path, monkeypatch):
    # A stand-in for X11's xset on the PATH, noting how it was asked to set the display.
    asked = tmp_path / "xset.log"
    tools = tmp_path / "bin"
    tools.mkdir()
    (tools / "xset").write_text(f'#!/bin/sh\necho "$@" >> "{asked}"\n', encoding="utf-8")
    (tools / "xset").chmod(0o755)
    monkeypatch.setenv("PATH", f"{tools}{os.pathsep}{os.environ.get('PATH', '')}")
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    config, problems = parse_config("[kiosk]\nenabled = true\n[schedule]\n"
                                    "tuesday = \"10:00-18:00\"\nwednesday = \"10:00-18:00\"\n")
    assert problems == []
    clock = Clock(datetime(2026, 6, 2, 12, 0))  # a Tuesday, open
    window, kiosk, operations = make_operations(config, clock=clock)
    assert kiosk.attracting
    kiosk.begin()  # a visitor is there at closing time: they finish first
    clock.moment = datetime(2026, 6, 2, 18, 0)
    operations.check_schedule()
    assert not kiosk.resting and window.stack.currentWidget() is window.picker
    kiosk.show_attract()
    operations.check_schedule()
    assert kiosk.resting and window.stack.currentWidget() is operations.closed_screen
    assert operations.closed_screen.heading.text() == "Closed"
    assert operations.closed_screen.when.text() == "Open again on Wednesday 3 June at 10:00"
    assert operations.state == "closed"
    assert asked.read_text(encoding="utf-8").splitlines() == ["dpms force off"]
    qtbot.mouseClick(operations.closed_screen, Qt.LeftButton)  # a touch does not open it
    assert kiosk.resting
    clock.moment = datetime(2026, 6, 3, 10, 0)
    with qtbot.waitSignal(kiosk.attractShown, timeout=2000):
        operations.check_schedule()
    assert not kiosk.resting and kiosk.attracting
    assert asked.read_text(encoding="utf-8").splitlines()[-1] == "dpms force on"


def test_a_share_changes_vanishes_and_comes_back_during_a_visit(qtbot, make_operations,
                                                                 tmp_path, caplog):
    caplog.set_level(logging.INFO, logger="storyplayer.ui.kiosk.kiosk_operations")
    share = tmp_path / "share"
    write_story(share, "harbour-story", story_data(3))
    window, kiosk, operations = make_operations(folders=(share,))
    with qtbot.waitSignal(operations._poll.timeout, timeout=2000):
        pass  # the first look
    qtbot.waitUntil(lambda: operations._snapshot is not None, timeout=5000)
    kiosk.begin()
    window.play(["harbour-story"])
    pane = window.playback.panes[0]
    # Changed, added: noticed, not applied while the visitor watches.
    write_story(share, "harbour-story", story_data(5))
    write_story(share, "fresh-story", story_data(2))
    with qtbot.waitSignal(operations.changesNoticed, timeout=5000) as noticed:
        operations.look()
    assert noticed.args == ["added: fresh-story; changed: harbour-story"]
    assert "fresh-story" not in window.library and window.playback.panes == [pane]
    # The share goes away mid-story.
    share.rename(tmp_path / "away")
    with qtbot.waitSignal(operations.changesNoticed, timeout=5000) as noticed:
        operations.look()
    assert noticed.args == [f"cannot reach: {share}"]
    assert operations.staff_page.notes and str(share) in operations.staff_page.notes[0]
    assert window.playback.panes == [pane] and len(pane.story.events) == 3
    # The visit ends while the share is still down: the last good library stays.
    kiosk.show_attract()
    qtbot.wait(50)
    assert "harbour-story" in window.library and "fresh-story" not in window.library
    # It comes back: applied now, between visitors.
    (tmp_path / "away").rename(share)
    with qtbot.waitSignal(operations.changesApplied, timeout=10_000) as applied:
        operations.look()
    assert "fresh-story" in applied.args[0] and "reachable again" in applied.args[0]
    assert "fresh-story" in window.library
    assert len(window.library.get("harbour-story").events) == 5
    assert operations.staff_page.notes == []
    assert window.picker.model.rowCount() == len(window.library.entries)
    operations.write_heartbeat()
    beat = json.loads((tmp_path / "heartbeat.json").read_text(encoding="utf-8"))
    assert "fresh-story" in beat["library"]["applied"]
    said = [r.getMessage() for r in caplog.records]
    assert "library and config: added: fresh-story; changed: harbour-story" in said
    assert f"library and config: cannot reach: {share}" in said
    assert any(m.startswith("applied between visitors: added: fresh-story") for m in said)


def test_the_staff_chord_opens_the_statistics_page(qtbot, make_operations, tmp_path):
    window, kiosk, operations = make_operations()
    kiosk.begin()
    window.play(["october-1917"])
    kiosk.show_attract()
    qtbot.keyClick(window, Qt.Key_Q, CHORD)
    page = operations.staff_page
    assert page.isVisible() and page.geometry() == window.rect()
    assert page.totals.text().startswith("Visits: 1 · median length")
    title = window.library.get("october-1917").title.get("en")
    assert page.stories.bars == [(title, 1, 0)]
    assert page.stories.notes[0].startswith("1 · 0% · 0:")
    assert sum(value for _, value, _ in page.hours.bars) == 1 and len(page.hours.bars) == 24
    assert not page.hidden_button.isVisible()  # nothing is hidden from visitors
    qtbot.mouseClick(page.back_button, Qt.LeftButton)
    assert not page.isVisible() and kiosk.attracting
    # A message kept from visitors: staff reach it from the statistics.
    window.notices.show_notice("The tiles file cannot be read.")
    qtbot.keyClick(window, Qt.Key_Q, CHORD)
    assert page.hidden_button.isVisible()
    assert page.hidden_button.text() == "Hidden from visitors: 1"
    qtbot.mouseClick(page.hidden_button, Qt.LeftButton)
    assert kiosk.staff_report.isVisible()
    assert kiosk.staff_report.items.item(0).text() == "The tiles file cannot be read."
    qtbot.mouseClick(kiosk.staff_report.back_button, Qt.LeftButton)
    assert not kiosk.staff_report.isVisible() and not page.isVisible()
    operations.write_heartbeat()
    beat = json.loads((tmp_path / "heartbeat.json").read_text(encoding="utf-8"))
    assert beat["last_problem"] == "The tiles file cannot be read."
    qtbot.keyClick(window, Qt.Key_Q, CHORD)
    with qtbot.waitSignal(kiosk.exited, timeout=2000):
        qtbot.mouseClick(page.leave_button, Qt.LeftButton)


def test_a_changed_config_is_applied_between_visitors(qtbot, make_operations, tmp_path):
    config_file = tmp_path / "config.toml"
    config_file.write_text("[kiosk]\nenabled = true\nidle_seconds = 60\n", encoding="utf-8")
    hall = tmp_path / "hall-stories"
    write_story(hall, "hall-story", story_data(2))
    window, kiosk, operations = make_operations(load_library=None)  # the app's own loader
    qtbot.waitUntil(lambda: operations._snapshot is not None, timeout=5000)
    kiosk.begin()
    config_file.write_text(f'library = ["{hall}"]\nfeatured = ["world-war-1"]\n'
                           "[kiosk]\nenabled = true\nidle_seconds = 45\n"
                           "countdown_seconds = 5\n", encoding="utf-8")
    with qtbot.waitSignal(operations.changesNoticed, timeout=5000) as noticed:
        operations.look()
    assert noticed.args == ["config changed"]
    assert kiosk.idle.timeout_ms == 60_000  # the visitor's visit goes on as it was
    with qtbot.waitSignal(operations.changesApplied, timeout=10_000):
        kiosk.show_attract()
    assert kiosk.idle.timeout_ms == 45_000 and kiosk.stages.countdown_s == 5
    assert [story.id for story in kiosk.attract.stories] == ["world-war-1"]
    assert "hall-story" in window.library and operations.watched_folders == [hall]
    # Staff leave kiosk mode while a change waits: nothing is applied, nothing fails.
    kiosk.begin()
    config_file.write_text("[kiosk]\nenabled = true\n", encoding="utf-8")
    with qtbot.waitSignal(operations.changesNoticed, timeout=5000):
        operations.look()
    with qtbot.waitSignal(kiosk.exited, timeout=2000):
        kiosk.leave()
    QApplication.processEvents()  # the call queued for the visit's end runs
    assert operations.pending.config and kiosk.idle.timeout_ms == 45_000


def test_statistics_turned_off_write_nothing(qtbot, make_operations, tmp_path):
    config = Config(kiosk=KioskSettings(enabled=True, statistics=False))
    window, kiosk, operations = make_operations(config)
    kiosk.begin()
    window.play(["october-1917"])
    kiosk.show_attract()
    kiosk.request_exit()
    assert operations.staff_page.totals.text() == (
        "Visitor statistics are turned off on this kiosk.")
    assert operations.staff_page.stories.bars == []
    assert not (tmp_path / "visits.sqlite").exists()
