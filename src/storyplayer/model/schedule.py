"""Opening hours: when a kiosk shows its stories and when it rests behind a "closed" screen.

The config's `[schedule]` table gives hours per weekday and closed dates::

    [schedule]
    monday = "closed"
    tuesday = "10:00-18:00"
    friday = "10:00-13:00, 14:00-22:00"
    saturday = "20:00-02:00"          # past midnight: open until 02:00 on Sunday
    closed = ["2026-12-24", "2026-12-25"]

A weekday not named is closed; without a `[schedule]` table the kiosk is always open. A
closed date cancels the opening hours that begin on that date. Times are the kiosk's local
time, given as naive datetimes. No Qt here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_SPAN = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$")
LOOK_AHEAD_DAYS = 400  # a year of closed dates: far enough to find the next opening


@dataclass(frozen=True)
class Schedule:
    # weekday (0 = Monday) -> opening spans in minutes from that day's midnight; an end
    # beyond 1440 runs into the next day.
    hours: tuple[tuple[tuple[int, int], ...], ...] | None = None  # None: always open
    closed: frozenset[date] = frozenset()

    @property
    def always_open(self) -> bool:
        return self.hours is None

    def _spans(self, day: date) -> list[tuple[datetime, datetime]]:
        if self.hours is None or day in self.closed:
            return []
        midnight = datetime.combine(day, datetime.min.time())
        return [(midnight + timedelta(minutes=start), midnight + timedelta(minutes=end))
                for start, end in self.hours[day.weekday()]]

    def is_open(self, moment: datetime) -> bool:
        if self.hours is None:
            return True
        for day in (moment.date() - timedelta(days=1), moment.date()):
            if any(start <= moment < end for start, end in self._spans(day)):
                return True
        return False

    def next_change(self, moment: datetime) -> datetime | None:
        """When the kiosk next opens (if closed now) or closes (if open); None: never."""
        if self.hours is None:
            return None
        now_open = self.is_open(moment)
        day = moment.date() - timedelta(days=1)
        for _ in range(LOOK_AHEAD_DAYS):
            for start, end in self._spans(day):
                for edge in (start, end):
                    if edge > moment and self.is_open(edge) != now_open:
                        return edge
            day += timedelta(days=1)
        return None


def parse_schedule(data: dict[str, Any]) -> tuple[Schedule, list[tuple[str, str]]]:
    """A Schedule from a `[schedule]` table; problems as (key, message) pairs, each bad entry
    left out (a bad weekday is closed, a bad date is ignored)."""
    problems: list[tuple[str, str]] = []
    hours: list[tuple[tuple[int, int], ...]] = [() for _ in WEEKDAYS]
    for key in data:
        if key not in WEEKDAYS and key != "closed":
            problems.append((key, f"unknown setting '{key}' in [schedule]; use a weekday "
                                  "(monday ... sunday) or 'closed'"))
    for number, name in enumerate(WEEKDAYS):
        value = data.get(name)
        if value is None:
            continue
        if not isinstance(value, str):
            problems.append((name, f"'schedule.{name}' must be text such as \"10:00-18:00\" "
                                   "or \"closed\""))
            continue
        if value.strip().lower() == "closed":
            continue
        spans = []
        for part in value.split(","):
            span = _minutes(part)
            if span is None:
                problems.append((name, f"'schedule.{name}': '{part.strip()}' is not opening "
                                       "hours such as \"10:00-18:00\"; closed that day"))
                spans = []
                break
            spans.append(span)
        hours[number] = tuple(spans)
    closed: set[date] = set()
    dates = data.get("closed", [])
    if not isinstance(dates, list):
        problems.append(("closed", "'schedule.closed' must be a list of dates such as "
                                   "[\"2026-12-24\"]"))
        dates = []
    for item in dates:
        if isinstance(item, date) and not isinstance(item, datetime):
            closed.add(item)
            continue
        try:
            closed.add(date.fromisoformat(str(item)))
        except ValueError:
            problems.append(("closed", f"'schedule.closed': '{item}' is not a date such as "
                                       "\"2026-12-24\"; ignored"))
    return Schedule(tuple(hours), frozenset(closed)), problems


def _minutes(text: str) -> tuple[int, int] | None:
    found = _SPAN.match(text)
    if not found:
        return None
    h1, m1, h2, m2 = (int(g) for g in found.groups())
    if h1 > 24 or h2 > 24 or m1 > 59 or m2 > 59:
        return None
    start, end = h1 * 60 + m1, h2 * 60 + m2
    if start >= 1440 or start == end:
        return None
    if end < start:  # past midnight
        end += 1440
    return start, end
