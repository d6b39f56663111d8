"""Faults never take the app down: vanished or unreadable folders, a story changed or removed
while it plays, a broken config, a corrupt MBTiles file, an unwritable or full log, and an
unexpected exception in a slot are each logged, told in plain words, and played through."""

from __future__ import annotations

import logging
import shutil
import sqlite3
import sys
from pathlib import Path

import pytest
from page_probe import page_state
from PySide6.QtCore import QTimer
from story_files import story_data, write_story
from windows import delete_and_wait

from storyplayer import faults
from storyplayer.map.map_view import MapView
from storyplayer.map.scheme import SchemeHandler
from storyplayer.model.config import ConfigNotWritable, load_config, save_setting
from storyplayer.model.library import Library
from storyplayer.ui.main_window import MainWindow
from storyplayer.ui.shared.notices import MAX_NOTICES, NoticeArea


def _png() -> bytes:
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", 2, 2, 8, 6, 0, 0, 0)
    rows = zlib.compress(b"\x00" + b"\xb0\x3a\x2e\xff" * 2 + b"\x00" + b"\x1f\x61\x8d\xff" * 2)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", rows)
            + chunk(b"IEND", b""))


PNG_1PX = _png()


# --- library folders ---------------------------------------------------------------------------

def test_missing_and_unreadable_folders_are_problems_not_errors(tmp_path, monkeypatch) -> None:
    good = tmp_path / "good"
    write_story(good, "fine")
    locked = tmp_path / "locked"
    locked.mkdir()
    real_iterdir = Path.iterdir

    def iterdir(self: Path):  # root reads anything: make the folder unreadable by hand
        if self == locked:
            raise PermissionError(13, "Permission denied")
        return real_iterdir(self)

    monkeypatch.setattr(Path, "iterdir", iterdir)
    library = Library.load([tmp_path / "gone", locked, good])
    assert [s.id for s in library.stories] == ["fine"]
    messages = {p.path.name: p.message for p in library.problems}
    assert messages["gone"] == "library folder not found"
    assert "Permission denied" in messages["locked"]


@pytest.fixture
def window(make_window):
    def make(library: Library) -> MainWindow:
        return make_window(library, size=(1100, 700))

    return make


def test_story_removed_or_changed_while_playing_keeps_playing(qtbot, tmp_path, window) -> None:
    data = story_data(3)
    for event in data["events"]:
        event["image"] = {"src": "media/pic.png", "caption": "a picture"}
    folder = write_story(tmp_path / "lib", "moving", data)
    (folder / "media").mkdir()
    (folder / "media" / "pic.png").write_bytes(PNG_1PX)
    win = window(Library.load([tmp_path / "lib"]))
    win.play(["moving"])
    pane = win.playback.panes[0]
    pane.driver.pause()
    assert pane.event_view.picture._pixmap.width() == 2  # the real picture, before
    title = pane.event_view.title.text()
    # The file changes, then the whole folder goes, while the story plays.
    (folder / "story.yaml").write_text("format: 1\ntitle: [broken", "utf-8")
    shutil.rmtree(folder)
    pane.event_view._images.clear()  # the picture is read again at show time: now missing
    pane.driver.next()
    assert pane.driver.index == 1
    assert pane.event_view.title.text() == "Event 2" != "" and title == "Event 1"
    assert pane.event_view.picture.isVisibleTo(pane)  # a drawn placeholder, not a gap
    pane.driver.jump(2)
    win.grab()
    assert win.playing and win.playback.panes == [pane] and pane.driver.index == 2


# --- notices ------------------------------------------------------------------------------------

def test_notices_are_plain_dismissable_deduplicated_and_capped(qtbot, window) -> None:
    win = window(Library())
    area: NoticeArea = win.notices
    with qtbot.waitSignal(area.noticeShown):
        area.show_notice("<b>Folder</b> cannot be read")
    area.show_notice("<b>Folder</b> cannot be read")  # again: renewed, not doubled
    assert area.texts() == ["<b>Folder</b> cannot be read"]
    assert area.isVisible() and area.notices[0].label.textFormat().name == "PlainText"
    for i in range(MAX_NOTICES + 2):
        area.show_notice(f"notice {i}")
    assert len(area.notices) == MAX_NOTICES
    area.notices[0].close_button.click()
    assert len(area.notices) == MAX_NOTICES - 1
    area.clear()
    assert not area.isVisible()
    short = NoticeArea(win, timeout_ms=50)
    short.show_notice("goes by itself")
    qtbot.waitUntil(lambda: not short.isVisible(), timeout=2000)


# --- config -------------------------------------------------------------------------------------

@pytest.mark.parametrize("body", [b"kiosk = [", b"\xff\xfe\x00garbage", b"text_scale = 'big'\n"
                                  b"[kiosk]\nidle_seconds = -5\n", b"[tiles]\nmbtiles = 42\n"])
def test_corrupt_config_keeps_the_defaults(tmp_path, body: bytes) -> None:
    path = tmp_path / "config.toml"
    path.write_bytes(body)
    loaded = load_config(path)
    assert loaded.problems and loaded.config is not None


def test_unreadable_or_unwritable_config(tmp_path) -> None:
    folder_as_config = tmp_path / "config.toml"
    folder_as_config.mkdir()
    assert load_config(folder_as_config).problems  # a folder where the file should be
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ConfigNotWritable):
        save_setting(blocker / "config.toml", "text_scale", 1.2)  # its folder is a file
    with pytest.raises(ConfigNotWritable):
        save_setting(folder_as_config, "text_scale", 1.2)


# --- MBTiles -----------------------------------------------------------------------------------

def make_mbtiles(path: Path) -> None:
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER,"
                   " tile_row INTEGER, tile_data BLOB)")
        db.executemany("INSERT INTO tiles VALUES (1, ?, ?, ?)",
                       [(x, y, PNG_1PX * 200) for x in range(2) for y in range(2)])
    db.close()


def test_corrupt_mbtiles_is_refused_or_answers_not_found(qtbot, tmp_path) -> None:
    handler = SchemeHandler()
    garbage = tmp_path / "garbage.mbtiles"
    garbage.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 40)
    assert handler.set_mbtiles(garbage) is False
    assert handler.set_mbtiles(tmp_path / "missing.mbtiles") is False
    wrong = tmp_path / "wrong.mbtiles"
    with sqlite3.connect(wrong) as db:
        db.execute("CREATE TABLE other (x)")
    db.close()
    assert handler.set_mbtiles(wrong) is False
    view = MapView()
    assert view.set_mbtiles(garbage) is None  # the app then keeps the built-in map

    # Corrupted after it was opened: each tile fails on its own, the page goes on.
    good = tmp_path / "good.mbtiles"
    make_mbtiles(good)
    assert view.set_mbtiles(good) is not None
    with qtbot.waitSignal(view.ready, timeout=30_000):
        view.show()
    raw = bytearray(good.read_bytes())
    raw[1024:] = bytes(len(raw) - 1024)  # every page after the first zeroed
    good.write_bytes(bytes(raw))
    result: list[str] = []
    view.page().runJavaScript(
        "fetch('storyplayer://app/tiles/1/0/0').then(r => 'status ' + r.status,"
        " e => 'failed').then(v => { document.title = 'tile:' + v; })")
    qtbot.waitUntil(lambda: view.title().startswith("tile:"), timeout=10_000)
    result.append(view.title())
    assert result[0] in ("tile:failed", "tile:status 404")  # the job failed: not found
    assert view.is_ready and "zoom" in page_state(qtbot, view)  # the page still answers
    handler.close()
    delete_and_wait(qtbot, [view])


# --- the log ----------------------------------------------------------------------------------

@pytest.fixture
def restore_logging():
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for handler in list(root.handlers):
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


def test_log_rotates_in_its_folder(tmp_path, restore_logging) -> None:
    assert faults.setup_logging(tmp_path / "log", isolated=False) is None
    handler = next(h for h in logging.getLogger().handlers if isinstance(h, faults._LogFile))
    assert (handler.maxBytes, handler.backupCount) == (1024 * 1024, 3)
    logging.getLogger("storyplayer.test").warning("hello log")
    handler.flush()
    assert "hello log" in (tmp_path / "log" / faults.LOG_NAME).read_text()


def test_isolated_logs_to_stderr_only(tmp_path, restore_logging) -> None:
    assert faults.setup_logging(tmp_path / "log", isolated=True) is None
    assert not (tmp_path / "log").exists()
    assert not any(isinstance(h, faults._LogFile) for h in logging.getLogger().handlers)


def test_unwritable_log_folder_falls_back_to_stderr(tmp_path, restore_logging) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    message = faults.setup_logging(blocker / "log", isolated=False)
    assert message and "cannot be written" in message


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_full_disk_is_told_once_and_logging_goes_on(tmp_path, restore_logging, capsys) -> None:
    folder = tmp_path / "log"
    folder.mkdir()
    (folder / faults.LOG_NAME).symlink_to("/dev/full")  # every write: "No space left"
    told: list[str] = []
    assert faults.setup_logging(folder, isolated=False, on_failure=told.append) is None
    for i in range(5):
        logging.getLogger("storyplayer.test").warning("record %d", i)
    assert len(told) == 1 and "No space left" in told[0]
    assert capsys.readouterr().err.count("cannot be written") == 1


# --- unexpected exceptions ---------------------------------------------------------------------

@pytest.mark.qt_no_exception_capture
def test_exception_in_a_slot_is_logged_shown_and_survived(qtbot, window, caplog) -> None:
    win = window(Library())
    hook = faults.install_excepthook(win.notices.show_notice)
    try:
        assert sys.excepthook is hook

        def broken() -> None:
            raise RuntimeError("a slot broke")

        for _ in range(2):
            QTimer.singleShot(0, broken)
        with caplog.at_level(logging.ERROR):
            qtbot.waitUntil(lambda: hook.count == 2, timeout=5000)
        assert "a slot broke" in caplog.text
        assert any("keeps running" in t for t in win.notices.texts())
        assert len(win.notices.notices) == 1  # the same sentence is not repeated
        alive: list[int] = []
        QTimer.singleShot(0, lambda: alive.append(1))
        qtbot.waitUntil(lambda: bool(alive))
    finally:
        hook.uninstall()
    assert sys.excepthook is not hook
