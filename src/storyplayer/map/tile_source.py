"""Tiles from a user's MBTiles file, read under limits: the file is untrusted SQLite.

The database is opened read-only and immutable (SQLite takes no locks and writes nothing,
not even a journal), after the safe reader has said it is a regular file. Each query runs
under a time budget (a progress handler aborts it) and SQLite's own length limit refuses
any value over the tile size cap, so a `tiles` view with an endless recursive query or
400 MB blobs costs one refused tile, not the app. Plain Python, no Qt: the scheme runs
`tile()` off the GUI thread.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path
from urllib.parse import quote

from storyplayer.model.safe_files import FileRefused, regular_stat, resolve

MAX_TILE_BYTES = 1024 * 1024  # a 512 px photo tile is ~100 KB
QUERY_SECONDS = 0.5  # per tile; an indexed lookup takes well under a millisecond
MAX_SLOW = 3  # queries over the budget before the file is given up on
_PROGRESS_STEPS = 1000  # SQLite virtual-machine steps between looks at the clock


class TileSourceError(Exception):
    """The file cannot serve tiles; str(e) says why in one sentence."""


class TileRefused(Exception):
    """One tile was refused (too large, too slow, unreadable); the others may still serve."""


class TileSource:
    """One open MBTiles file; `tile()` may be called from any one thread at a time."""

    def __init__(self, path: Path, *, budget_seconds: float = QUERY_SECONDS,
                 max_bytes: int = MAX_TILE_BYTES):
        try:
            file = resolve(Path(path))
            regular_stat(file)
        except FileRefused as error:
            raise TileSourceError(error.message) from None
        self.path, self.budget, self.max_bytes = file, budget_seconds, max_bytes
        self._lock = threading.Lock()
        self._deadline = 0.0
        self._slow = 0  # queries cut at the budget so far
        uri = f"file:{quote(str(file))}?mode=ro&immutable=1"
        try:
            # check_same_thread=False: opened on the GUI thread, queried from a worker; the
            # lock keeps it to one thread at a time
            self._db: sqlite3.Connection | None = sqlite3.connect(
                uri, uri=True, check_same_thread=False
            )
        except sqlite3.Error as error:
            raise TileSourceError(f"cannot be opened: {error}") from None
        db = self._db
        db.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, max_bytes)
        db.setlimit(sqlite3.SQLITE_LIMIT_SQL_LENGTH, 10_000)
        db.set_progress_handler(self._over_budget, _PROGRESS_STEPS)
        try:
            self._query("SELECT zoom_level, tile_column, tile_row, tile_data FROM tiles LIMIT 0")
        except (sqlite3.Error, TileRefused) as error:
            self.close()
            raise TileSourceError(f"is not an MBTiles file with a tiles table ({error})") from None

    @property
    def connection(self) -> sqlite3.Connection | None:
        return self._db

    def _over_budget(self) -> int:
        return 1 if time.monotonic() > self._deadline else 0  # non-zero aborts the query

    def _query(self, sql: str, args: tuple[int, ...] = ()) -> list[tuple[object, ...]]:
        with self._lock:
            db = self._db
            if db is None:
                raise TileRefused("the tiles file is closed")
            if self._slow >= MAX_SLOW:  # a file this slow is not asked again: no pile-up
                raise TileRefused(f"the tiles file was too slow {MAX_SLOW} times; not read")
            self._deadline = time.monotonic() + self.budget
            try:
                return db.execute(sql, args).fetchmany(1)
            except sqlite3.OperationalError as error:
                if "interrupted" in str(error):
                    self._slow += 1
                    raise TileRefused(f"took longer than {self.budget} s") from None
                raise
            except sqlite3.DataError as error:  # SQLITE_TOOBIG
                raise TileRefused(f"is larger than {self.max_bytes} bytes ({error})") from None

    def tile(self, z: int, x: int, y: int) -> bytes | None:
        """The tile at XYZ `z/x/y`, None if there is none; TileRefused if it may not be read."""
        tms_y = (1 << z) - 1 - y  # MBTiles rows count from the south (TMS)
        try:
            rows = self._query(
                "SELECT tile_data FROM tiles WHERE zoom_level=? AND tile_column=? AND tile_row=?",
                (z, x, tms_y),
            )
        except sqlite3.Error as error:
            message = str(error)
            if "too big" in message:
                raise TileRefused(f"is larger than {self.max_bytes} bytes") from None
            raise TileRefused(f"cannot be read: {message}") from None
        if not rows or rows[0][0] is None:
            return None
        data = rows[0][0]
        if not isinstance(data, (bytes, bytearray, memoryview, str)):
            raise TileRefused("is not image data")
        data = data.encode() if isinstance(data, str) else bytes(data)
        if len(data) > self.max_bytes:
            raise TileRefused(f"is larger than {self.max_bytes} bytes")
        return data

    def close(self) -> None:
        db, self._db = self._db, None
        if db is None:
            return
        db.interrupt()  # a query still running in a worker stops at once
        with self._lock:
            db.close()
