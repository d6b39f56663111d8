"""Anonymous visitor statistics: what a kiosk records about each visit, and where it keeps it.

A *visit* runs from the first touch on the attract screen to the return to it (idle reset,
staff exit, closing time). Within it each story shown in a pane is a *view*: which story,
how far it got, whether it reached its end, how it was left (Close, Play again, back to the
picker, idle reset). Nothing identifies a person: no names, no input, no pictures, nothing
sent anywhere.

Rows go to one SQLite file in the data folder through :class:`StatsWriter`, the one helper
that writes: callers queue statements and return at once; a background thread writes them
in batches, one transaction each. The file is in WAL mode with full synchronisation, and a
visit's rows are committed when it ends, so a power cut loses at most the visit under way.
No Qt here.
"""

from __future__ import annotations

import logging
import queue
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

log = logging.getLogger(__name__)

STATS_NAME = "visits.sqlite"
SCHEMA_VERSION = 1

SCHEMA = """
CREATE TABLE IF NOT EXISTS visits (
    id INTEGER PRIMARY KEY,
    started REAL NOT NULL,      -- seconds since 1970 (UTC)
    ended REAL,                 -- NULL while the visit goes on (or if the power went)
    seconds INTEGER,            -- its length, whole seconds (NULL until it ends)
    day TEXT NOT NULL,          -- the kiosk's local date, YYYY-MM-DD
    hour INTEGER NOT NULL,      -- the kiosk's local hour, 0-23
    language TEXT NOT NULL,     -- the interface language when the visit ended
    ended_by TEXT               -- idle, staff, closing (the app was closed)
);
CREATE TABLE IF NOT EXISTS views (
    visit INTEGER NOT NULL,
    story TEXT NOT NULL,        -- the story's id
    started REAL NOT NULL,
    watched INTEGER NOT NULL,   -- whole seconds the story was on screen
    reached INTEGER NOT NULL,   -- the furthest event shown, counted from 1
    events INTEGER NOT NULL,    -- how many events the story has
    finished INTEGER NOT NULL,  -- 1: its end card was reached
    replay INTEGER NOT NULL,    -- 1: started by Play again
    ended_by TEXT NOT NULL,     -- close, play-again, back; or how the visit ended
    day TEXT NOT NULL
);
-- Covering indexes in the order of the report's GROUP BYs: a year of visits is read in
-- index order, without sorting (storyplayer stats over 200,000 visits stays under 1 s).
CREATE INDEX IF NOT EXISTS visits_report ON visits(language, hour, ended_by, seconds, day);
CREATE INDEX IF NOT EXISTS views_watched ON views(story, watched, day);
CREATE INDEX IF NOT EXISTS views_ends ON views(story, finished, replay, reached, ended_by, day);
"""


def default_stats_path() -> Path:
    """`visits.sqlite` in the platform's data folder for storyplayer."""
    import platformdirs

    return Path(platformdirs.user_data_dir("storyplayer", appauthor=False)) / STATS_NAME


def connect(path: Path, *, check_same_thread: bool = True) -> sqlite3.Connection:
    """A connection for writing: WAL journal, every commit synced to the disk."""
    connection = sqlite3.connect(path, isolation_level=None, timeout=5,
                                 check_same_thread=check_same_thread)
    connection.execute("PRAGMA journal_mode=WAL")
    # FULL in WAL mode: a committed visit survives a power cut (the cost is paid off the
    # UI thread, once per batch).
    connection.execute("PRAGMA synchronous=FULL")
    connection.executescript(SCHEMA)
    connection.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
    return connection


class StatsWriter:
    """Queues statements from the UI thread; one background thread writes them in batches.

    `put()` never blocks and never raises; a file that cannot be written is logged once and
    statistics stop for this run. `flush()` waits until everything queued is committed.
    """

    def __init__(self, path: Path):
        self.path = Path(path)
        self.problem: str | None = None
        self._queue: queue.Queue[tuple[str, tuple] | None] = queue.Queue()
        self._connection: sqlite3.Connection | None = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._connection = connect(self.path, check_same_thread=False)
            row = self._connection.execute("SELECT max(id) FROM visits").fetchone()
            self.last_visit = int(row[0] or 0)
        except (OSError, sqlite3.Error) as error:
            self._fail(error)
            self.last_visit = 0
        self._thread = threading.Thread(target=self._run, name="stats-writer", daemon=True)
        self._thread.start()

    @property
    def working(self) -> bool:
        return self._connection is not None

    def put(self, sql: str, params: tuple = ()) -> None:
        if self._connection is not None:
            self._queue.put((sql, params))

    def flush(self, timeout: float = 5.0) -> bool:
        """Wait (at most `timeout` s) until every queued statement is committed."""
        done = threading.Event()
        self._queue.put(("", (done,)))
        return done.wait(timeout)

    def close(self) -> None:
        self.flush()
        self._queue.put(None)
        self._thread.join(5)

    def _fail(self, error: BaseException) -> None:
        self.problem = f"{self.path}: visitor statistics cannot be written: {error}"
        log.warning(self.problem)
        if self._connection is not None:
            try:
                self._connection.close()
            except sqlite3.Error:
                pass
        self._connection = None

    def _run(self) -> None:
        while True:
            item = self._queue.get()
            batch = [item]
            while True:  # everything queued meanwhile goes into the same transaction
                try:
                    batch.append(self._queue.get_nowait())
                except queue.Empty:
                    break
            self._write([b for b in batch if b is not None and b[0]])
            for entry in batch:
                if entry is not None and not entry[0]:
                    entry[1][0].set()
            if any(entry is None for entry in batch):
                if self._connection is not None:
                    self._connection.close()
                    self._connection = None
                return

    def _write(self, batch: list[tuple[str, tuple]]) -> None:
        if not batch or self._connection is None:
            return
        try:
            with self._connection:
                self._connection.execute("BEGIN")
                for sql, params in batch:
                    self._connection.execute(sql, params)
        except sqlite3.Error as error:
            self._fail(error)


@dataclass
class _View:
    story: str
    started: float
    events: int
    replay: bool
    reached: int = 1
    finished: bool = False


@dataclass
class _Visit:
    id: int
    started: float
    language: str
    views: dict[int, _View] = field(default_factory=dict)  # by pane slot


class VisitLog:
    """Turns what happens on a kiosk into visit and view rows for a StatsWriter-like sink.

    `clock` gives seconds since 1970 (tests pass a fake clock); `local` turns them into the
    kiosk's local time (time.localtime; tests pass time.gmtime).
    """

    def __init__(self, sink: StatsWriter, clock: Callable[[], float] = time.time,
                 local: Callable[[float], time.struct_time] = time.localtime):
        self.sink, self.clock, self.local = sink, clock, local
        self.visit: _Visit | None = None
        self._next_id = getattr(sink, "last_visit", 0) + 1

    def _day_hour(self, seconds: float) -> tuple[str, int]:
        moment = self.local(seconds)
        return time.strftime("%Y-%m-%d", moment), moment.tm_hour

    def begin_visit(self, language: str) -> None:
        """A visitor touched the attract screen. The row is written (and committed) now, so
        even a visit cut by a power failure is counted."""
        if self.visit is not None:
            self.end_visit("idle")
        now = self.clock()
        self.visit = _Visit(self._next_id, now, language)
        self._next_id += 1
        day, hour = self._day_hour(now)
        self.sink.put("INSERT INTO visits (id, started, day, hour, language) VALUES (?,?,?,?,?)",
                      (self.visit.id, now, day, hour, language))

    def set_language(self, language: str) -> None:
        if self.visit is not None:
            self.visit.language = language

    def story_started(self, slot: int, story: str, events: int, replay: bool = False) -> None:
        if self.visit is None:
            return
        if slot in self.visit.views:
            self.story_ended(slot, "back")
        self.visit.views[slot] = _View(story, self.clock(), max(1, events), replay)

    def story_reached(self, slot: int, index: int) -> None:
        """The pane in `slot` shows event `index` (from 0)."""
        view = self.visit.views.get(slot) if self.visit else None
        if view is not None:
            view.reached = max(view.reached, min(index + 1, view.events))

    def story_finished(self, slot: int) -> None:
        view = self.visit.views.get(slot) if self.visit else None
        if view is not None:
            view.finished = True
            view.reached = view.events

    def story_ended(self, slot: int, how: str) -> None:
        """The story in `slot` left the screen: close, play-again, back, idle, ..."""
        view = self.visit.views.pop(slot, None) if self.visit else None
        if view is None or self.visit is None:
            return
        now = self.clock()
        day, _hour = self._day_hour(view.started)
        self.sink.put(
            "INSERT INTO views (visit, story, started, watched, reached, events, finished,"
            " replay, ended_by, day) VALUES (?,?,?,?,?,?,?,?,?,?)",
            (self.visit.id, view.story, view.started, round(now - view.started),
             view.reached, view.events, int(view.finished), int(view.replay), how, day))

    def play_again(self, slot: int) -> None:
        view = self.visit.views.get(slot) if self.visit else None
        if view is not None:
            self.story_ended(slot, "play-again")
            self.story_started(slot, view.story, view.events, replay=True)

    def end_visit(self, how: str) -> None:
        """The kiosk returned to its attract screen (or closed): the visit is complete."""
        if self.visit is None:
            return
        for slot in list(self.visit.views):
            self.story_ended(slot, how)
        now = self.clock()
        self.sink.put("UPDATE visits SET ended=?, seconds=?, language=?, ended_by=? WHERE id=?",
                      (now, round(now - self.visit.started), self.visit.language, how,
                       self.visit.id))
        self.visit = None

    @property
    def in_visit(self) -> bool:
        return self.visit is not None
