"""The summary of one or more kiosks' statistics files: per story, languages, busiest hours.

Read-only: the files are opened with `mode=ro`, so a report never changes them, and several
kiosks' files (copied from a share) combine into one report. No Qt here.
"""

from __future__ import annotations

import csv
import io
import sqlite3
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

LEAVE_POINTS = 3  # the most common events where visitors leave a story, per story


class StatsError(Exception):
    """A statistics file cannot be read; the message names the file."""


@dataclass
class StoryStats:
    story: str
    chosen: int = 0  # times chosen (a Play again is counted apart)
    replays: int = 0
    finished: int = 0
    views: int = 0
    watched: Counter = field(default_factory=Counter)  # whole seconds -> views
    leaves: Counter = field(default_factory=Counter)  # event reached -> unfinished views

    @property
    def completion_rate(self) -> float:
        return self.finished / self.views if self.views else 0.0

    @property
    def median_watched(self) -> float:
        return _median(self.watched)

    def to_json(self) -> dict:
        return {
            "story": self.story,
            "chosen": self.chosen,
            "replays": self.replays,
            "finished": self.finished,
            "completion_rate": round(self.completion_rate, 3),
            "median_watched_s": round(self.median_watched, 1),
            "leave_at_event": [[event, count]
                               for event, count in self.leaves.most_common(LEAVE_POINTS)],
        }


@dataclass
class Report:
    files: list[str]
    since: str | None
    until: str | None
    visits: int = 0
    unfinished_visits: int = 0  # no end recorded: the power went, or the app was killed
    visit_seconds: Counter = field(default_factory=Counter)  # whole seconds -> visits
    ended_by: Counter = field(default_factory=Counter)
    languages: Counter = field(default_factory=Counter)
    hours: Counter = field(default_factory=Counter)
    stories: dict[str, StoryStats] = field(default_factory=dict)

    def ranked(self) -> list[StoryStats]:
        return sorted(self.stories.values(), key=lambda s: (-s.chosen, s.story))

    def to_json(self) -> dict:
        return {
            "files": self.files,
            "since": self.since,
            "until": self.until,
            "visits": self.visits,
            "visits_without_end": self.unfinished_visits,
            "median_visit_s": _median(self.visit_seconds),
            "visit_ended_by": dict(self.ended_by.most_common()),
            "languages": dict(self.languages.most_common()),
            "hours": {f"{hour:02d}": self.hours.get(hour, 0) for hour in range(24)},
            "stories": [s.to_json() for s in self.ranked()],
        }

    def busiest_hours(self, most: int = 3) -> list[tuple[int, int]]:
        return sorted(((h, n) for h, n in self.hours.items() if n), key=lambda x: (-x[1], x[0]))[
            :most]

    def to_text(self) -> str:
        data = self.to_json()
        lines = [f"{self.visits} visits"
                 + (f" from {self.since}" if self.since else "")
                 + (f" until {self.until}" if self.until else "")
                 + f", median {data['median_visit_s']:.0f} s"]
        if self.unfinished_visits:
            lines.append(f"{self.unfinished_visits} visits have no end (power cut or crash)")
        lines.append("")
        lines.append(f"{'story':<28} {'chosen':>7} {'again':>6} {'finished':>9} "
                     f"{'median':>8}  leave at event (times)")
        for story in self.ranked():
            leaves = ", ".join(f"{e} ({n})" for e, n in story.leaves.most_common(LEAVE_POINTS))
            lines.append(f"{story.story:<28} {story.chosen:>7} {story.replays:>6} "
                         f"{story.completion_rate:>8.0%} {story.median_watched:>7.0f}s  {leaves}")
        lines.append("")
        lines.append("languages: " + ", ".join(f"{lang} {n}"
                                               for lang, n in self.languages.most_common()))
        lines.append("busiest hours: " + ", ".join(f"{h:02d}:00 ({n})"
                                                   for h, n in self.busiest_hours()))
        return "\n".join(lines)

    def to_csv(self) -> str:
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(["story", "chosen", "replays", "finished", "completion_rate",
                         "median_watched_s", "leave_at_event"])
        for story in self.ranked():
            row = story.to_json()
            writer.writerow([row["story"], row["chosen"], row["replays"], row["finished"],
                             row["completion_rate"], row["median_watched_s"],
                             " ".join(f"{e}:{n}" for e, n in row["leave_at_event"])])
        return out.getvalue()


def _median(histogram: Counter) -> float:
    """The median of values counted in whole seconds (exact to the second, and mergeable)."""
    total = sum(histogram.values())
    if not total:
        return 0.0
    values = sorted(histogram)
    middle, seen, lower = (total - 1) // 2, 0, None
    for value in values:
        seen += histogram[value]
        if lower is None and seen > middle:
            lower = value
        if seen > total // 2:
            return (lower + value) / 2
    return float(values[-1])


def parse_day(text: str) -> str:
    """`YYYY-MM-DD` (or DD.MM.YYYY) as `YYYY-MM-DD`; ValueError with a readable reason."""
    text = text.strip()
    try:
        if "." in text:
            day, month, year = text.split(".")
            return date(int(year), int(month), int(day)).isoformat()
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise ValueError(f"'{text}' is not a date such as 2026-05-31") from None


def report(paths: list[Path], since: str | None = None, until: str | None = None) -> Report:
    """One summary of every file in `paths` between the days `since` and `until` (inclusive)."""
    result = Report([str(p) for p in paths], since, until)
    for path in paths:
        _add_file(result, Path(path))
    return result


def _open(path: Path) -> tuple[sqlite3.Connection, set[str]]:
    """A read-only connection and the file's tables. A WAL file copied into a folder this
    user cannot write is read as it stands (`immutable`), which SQLite otherwise refuses."""
    uri = path.resolve().as_uri()
    try:
        return _tables(sqlite3.connect(f"{uri}?mode=ro", uri=True))
    except sqlite3.OperationalError:
        return _tables(sqlite3.connect(f"{uri}?immutable=1", uri=True))


def _tables(connection: sqlite3.Connection) -> tuple[sqlite3.Connection, set[str]]:
    try:
        found = connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        return connection, {row[0] for row in found}
    except sqlite3.Error:
        connection.close()
        raise


def _add_file(result: Report, path: Path) -> None:
    if not path.is_file():
        raise StatsError(f"{path}: no such statistics file")
    where, params = "WHERE 1", []
    if result.since:
        where += " AND day >= ?"
        params.append(result.since)
    if result.until:
        where += " AND day <= ?"
        params.append(result.until)
    try:
        connection, tables = _open(path)
    except sqlite3.Error as error:
        raise StatsError(f"{path}: cannot read: {error}") from None
    try:
        if not {"visits", "views"} <= tables:
            raise StatsError(f"{path}: not a Story Player statistics file")
        _visits(result, connection, where, params)
        _views(result, connection, where, params)
    except sqlite3.DatabaseError as error:
        raise StatsError(f"{path}: cannot read: {error}") from None
    finally:
        connection.close()


def _visits(result: Report, db: sqlite3.Connection, where: str, params: list) -> None:
    for language, hour, ended_by, seconds, count in db.execute(
            f"SELECT language, hour, ended_by, seconds, count(*) FROM visits {where} "
            "GROUP BY language, hour, ended_by, seconds", params):
        result.visits += count
        result.languages[language] += count
        result.hours[int(hour)] += count
        if ended_by is None:
            result.unfinished_visits += count
        else:
            result.ended_by[ended_by] += count
            result.visit_seconds[int(seconds or 0)] += count


def _views(result: Report, db: sqlite3.Connection, where: str, params: list) -> None:
    stories = result.stories
    for story, finished, replay, reached, ended_by, count in db.execute(
            f"SELECT story, finished, replay, reached, ended_by, count(*) FROM views {where} "
            "GROUP BY story, finished, replay, reached, ended_by", params):
        entry = stories.get(story) or stories.setdefault(story, StoryStats(story))
        entry.views += count
        if replay:
            entry.replays += count
        else:
            entry.chosen += count
        if finished:
            entry.finished += count
        elif ended_by != "play-again":
            entry.leaves[reached] += count
    for story, seconds, count in db.execute(
            f"SELECT story, watched, count(*) FROM views {where} GROUP BY story, watched",
            params):
        stories[story].watched[int(seconds)] += count
