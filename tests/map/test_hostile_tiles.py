"""A hostile MBTiles file (an endless recursive `tiles` view, 400 MB tiles, a million rows
without an index) costs refused tiles, never a frozen window or a flood of memory: the file
is read-only and immutable, each query has a time budget and a size cap, and tiles are
looked up off the GUI thread."""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

import psutil
import pytest
from PySide6.QtCore import QTimer

from storyplayer.map.tile_source import TileRefused, TileSource, TileSourceError

ENDLESS = (
    "CREATE VIEW tiles AS WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) "
    "SELECT 1 AS zoom_level, 0 AS tile_column, 0 AS tile_row, "
    "(SELECT max(n) FROM r) AS tile_data"
)
HUGE = (
    "CREATE VIEW tiles AS SELECT 1 AS zoom_level, 0 AS tile_column, 0 AS tile_row, "
    "randomblob(400000000) AS tile_data"
)


def mbtiles(path: Path, *statements: str) -> Path:
    db = sqlite3.connect(path)
    for statement in statements:
        db.execute(statement)
    db.commit()
    db.close()
    return path


def test_an_endless_query_is_cut_at_the_time_budget(tmp_path: Path) -> None:
    source = TileSource(mbtiles(tmp_path / "endless.mbtiles", ENDLESS), budget_seconds=0.2)
    start = time.perf_counter()
    with pytest.raises(TileRefused, match="longer than"):
        source.tile(1, 0, 1)
    assert time.perf_counter() - start < 2
    source.close()


def test_a_huge_tile_is_refused_without_taking_the_memory(tmp_path: Path) -> None:
    source = TileSource(mbtiles(tmp_path / "huge.mbtiles", HUGE))
    before = psutil.Process().memory_info().rss
    with pytest.raises(TileRefused, match="larger than"):
        source.tile(1, 0, 1)
    assert psutil.Process().memory_info().rss - before < 50 * 2**20
    source.close()


def test_the_file_is_immutable_and_devices_or_fifos_are_refused(tmp_path: Path) -> None:
    path = mbtiles(tmp_path / "t.mbtiles", "CREATE TABLE tiles (zoom_level, tile_column, "
                   "tile_row, tile_data)")
    source = TileSource(path)
    with pytest.raises(sqlite3.OperationalError):
        source.connection.execute("INSERT INTO tiles VALUES (0, 0, 0, x'00')")
    source.close()
    assert not list(tmp_path.glob("*-journal")) and not list(tmp_path.glob("*-wal"))
    os.mkfifo(tmp_path / "fifo.mbtiles")
    with pytest.raises(TileSourceError, match="FIFO"):
        TileSource(tmp_path / "fifo.mbtiles")
    (tmp_path / "text.mbtiles").write_text("not sqlite")
    with pytest.raises(TileSourceError):
        TileSource(tmp_path / "text.mbtiles")


def test_an_endless_tiles_view_never_stalls_the_window(probe, map_view, tmp_path, caplog) -> None:
    path = mbtiles(tmp_path / "endless.mbtiles", ENDLESS)
    assert map_view.set_mbtiles(path)
    # A long budget: were the query on the GUI thread, the window would stand still for all
    # of it, far longer than any pause a busy test machine causes.
    map_view._scheme._mbtiles.budget = 3.0
    ticks: list[float] = []
    timer = QTimer(interval=20)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    result = probe.wait(map_view, (
        "fetch('storyplayer://app/tiles/1/0/1').then(r => r.status, e => 'error')"
    ))
    timer.stop()
    assert result == {"ok": 404}  # refused after the budget: not served, and not hung
    gaps = [b - a for a, b in zip(ticks, ticks[1:], strict=False)]
    assert len(ticks) > 10 and max(gaps) < 1.5, max(gaps)
    assert "took longer than" in caplog.text


def test_the_map_is_served_story_pictures_through_the_image_loader(qapp, tmp_path) -> None:
    from storyplayer.map.scheme import SchemeHandler

    (tmp_path / "fine.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 32)
    (tmp_path / "bomb.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg"><defs><g id="a0"><rect/></g>'
        + "".join(f'<g id="a{n}">' + f'<use href="#a{n - 1}"/>' * 10 + "</g>" for n in range(1, 9))
        + '</defs><use href="#a8"/></svg>')
    os.mkfifo(tmp_path / "pipe.png")
    handler = SchemeHandler()
    handler.add_media_root("s1", tmp_path)
    assert handler._answer("app", "/media/s1/fine.png")[0] == "image/png"
    assert handler._answer("app", "/media/s1/bomb.svg") is None
    assert handler._answer("app", "/media/s1/pipe.png") is None  # never waited on


def test_a_file_too_slow_three_times_is_not_asked_again(tmp_path: Path) -> None:
    source = TileSource(mbtiles(tmp_path / "endless.mbtiles", ENDLESS), budget_seconds=0.05)
    for _ in range(3):
        with pytest.raises(TileRefused, match="longer than"):
            source.tile(1, 0, 1)
    start = time.perf_counter()
    with pytest.raises(TileRefused, match="too slow"):
        source.tile(1, 0, 1)
    assert time.perf_counter() - start < 0.05  # refused at once: requests cannot pile up
    source.close()
