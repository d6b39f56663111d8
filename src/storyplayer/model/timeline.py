"""The shared time axis of the playing stories: where each event sits, the ticks along the
axis, and chronological ("in date order") playback across stories.

Pure Python, no Qt. Positions are Julian Day Numbers (``HistDate.sort_key``), so Old Style
and New Style dates land on the same axis. The order rule for chronological mode:

* dated events sort by the first day they cover; equal days keep pane order, then story order;
* an undated event keeps its place right after the previous dated event of its own story
  (it borrows that event's day); undated events before a story's first dated event borrow
  that first date instead, and a story with no dates at all sorts before every dated event.

Chronological playback is one :class:`~storyplayer.model.playback.Playback` over the merged
durations; :class:`SyncSchedule` maps its index to (pane, event) and says what every pane
shows at that point.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from storyplayer.model.dates import DateSpan, HistDate, format_date
from storyplayer.model.story import Story

__all__ = [
    "PaneView",
    "SyncSchedule",
    "Tick",
    "TimelineItem",
    "merged_order",
    "ticks",
    "timeline_items",
]

_NO_DATE = -(10**9)  # sorts a story without any date before every real day


# --- where events sit ----------------------------------------------------------------------


def _next_year(year: int) -> int:
    return 1 if year == -1 else year + 1


def last_day(d: HistDate) -> int:
    """The JDN of the last day a date covers (a month's or a year's last day)."""
    if d.day is not None:
        return d.sort_key()
    if d.month is not None and d.month < 12:
        return HistDate(d.year, d.month + 1, julian=d.julian).sort_key() - 1
    return HistDate(_next_year(d.year), julian=d.julian).sort_key() - 1


@dataclass(frozen=True)
class TimelineItem:
    """One event on the axis: ``start`` and ``end`` are JDNs, both None when undated."""

    index: int
    start: int | None
    end: int | None
    is_range: bool = False
    approximate: bool = False

    @property
    def dated(self) -> bool:
        return self.start is not None


def timeline_items(story: Story) -> list[TimelineItem]:
    """Every event of `story` in story order, placed on the axis."""
    items = []
    for index, event in enumerate(story.events):
        span: DateSpan | None = event.date
        if span is None:
            items.append(TimelineItem(index, None, None))
            continue
        last = span.end or span.start
        items.append(TimelineItem(
            index,
            span.start.sort_key(),
            max(span.start.sort_key(), last_day(last) if span.is_range else span.start.sort_key()),
            is_range=span.is_range,
            approximate=span.start.approximate or last.approximate,
        ))
    return items


def _effective_days(story: Story) -> list[int]:
    """The day each event sorts by: its own, else the previous (or first) dated event's."""
    own = [e.date.sort_key() if e.date else None for e in story.events]
    first = next((d for d in own if d is not None), _NO_DATE)
    days, current = [], first
    for day in own:
        if day is not None:
            current = day
        days.append(current)
    return days


def merged_order(stories: Sequence[Story]) -> list[tuple[int, int]]:
    """All events of all `stories` in date order, as (pane, event index); see the module doc."""
    keyed = [
        (day, pane, index)
        for pane, story in enumerate(stories)
        for index, day in enumerate(_effective_days(story))
    ]
    return [(pane, index) for _, pane, index in sorted(keyed)]


def axis_range(stories: Sequence[Story]) -> tuple[int, int] | None:
    """First and last day any event covers, or None when no event has a date."""
    days = [
        (item.start, item.end)
        for story in stories
        for item in timeline_items(story)
        if item.start is not None and item.end is not None
    ]
    if not days:
        return None
    return min(s for s, _ in days), max(e for _, e in days)


# --- ticks ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Tick:
    jdn: int
    label: str
    major: bool


_DAY_STEPS = (1, 2, 5, 10)
_MONTH_STEPS = (1, 2, 3, 6)
_YEAR_STEPS = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000)


def _year_of(jdn: int) -> int:
    """The (historian) Gregorian year holding day `jdn`."""
    # Good to a year; the loops below correct it.
    year = round((jdn - 1721426) / 365.2425)
    year = year if year > 0 else year - 1
    while HistDate(year).sort_key() > jdn:
        year = year - 1 if year != 1 else -1
    while HistDate(_next_year(year)).sort_key() <= jdn:
        year = _next_year(year)
    return year


def _months(start: int, end: int):  # type: ignore[no-untyped-def]
    """Every (year, month) whose first day falls in [start, end]."""
    year, month = _year_of(start), 1
    while True:
        d = HistDate(year, month)
        if d.sort_key() > end:
            return
        if d.sort_key() >= start:
            yield d
        month += 1
        if month > 12:
            year, month = _next_year(year), 1


def _text(d: HistDate, lang: str) -> str:
    return format_date(DateSpan(d), lang)


def _month_name(d: HistDate, lang: str) -> str:
    """'November' from 'November 1917', with the year written as format_date writes it."""
    return _text(d, lang).removesuffix(" " + _text(HistDate(d.year), lang))


def _day_ticks(start: int, end: int, step: int, lang: str) -> list[Tick]:
    out: list[Tick] = []
    for month in _months(start - 31, end):
        for day in range(1, 32, step):
            try:
                d = HistDate(month.year, month.month, day)
            except ValueError:
                break
            if day + step > 31 and day > 28 and step > 1:
                break  # a short last interval would crowd the 1st of the next month
            jdn = d.sort_key()
            if start <= jdn <= end:
                major = day == 1 or not out
                label = _text(d, lang) if major else _text(d, lang).split(" ")[0]
                out.append(Tick(jdn, label, major))
    return out


def _month_ticks(start: int, end: int, step: int, lang: str) -> list[Tick]:
    out: list[Tick] = []
    for d in _months(start, end):
        if (d.month - 1) % step:
            continue
        major = d.month == 1 or not out
        # January is named by its year alone ("1914", not "January 1914"), as on any time
        # axis; the first tick, if another month, by month and year.
        label = (_text(HistDate(d.year), lang) if d.month == 1
                 else _text(d, lang) if major else _month_name(d, lang))
        out.append(Tick(d.sort_key(), label, major))
    return out


def _year_ticks(start: int, end: int, step: int, lang: str) -> list[Tick]:
    # Historian years: multiples of the step, never year 0 (so 100 BC is followed by AD 100).
    major_every = 10 ** len(str(step))
    first, last = _year_of(start), _year_of(end)
    both_eras = first < 0 < last  # then AD years say so: "AD 500", "500 pKr"
    out = []
    for k in range(first // step, last // step + 2):
        year = k * step
        if year == 0:
            continue
        jdn = HistDate(year).sort_key()
        if start <= jdn <= end:
            label = _text(HistDate(year), lang)
            if both_eras and year > 0:
                label = format_date(DateSpan(HistDate(-1), HistDate(year)), lang).split(" – ")[-1]
            out.append(Tick(jdn, label, year % major_every == 0))
    return out


def ticks(start_jdn: int, end_jdn: int, max_ticks: int = 10, lang: str = "en") -> list[Tick]:
    """Ticks for the axis from `start_jdn` to `end_jdn`: the finest calendar step (days,
    months, years, decades, centuries, millennia) that gives at most `max_ticks` of them."""
    if end_jdn < start_jdn:
        start_jdn, end_jdn = end_jdn, start_jdn
    max_ticks = max(1, max_ticks)
    span = end_jdn - start_jdn + 1
    candidates = (
        [(s, s, _day_ticks) for s in _DAY_STEPS]
        + [(s * 30.44, s, _month_ticks) for s in _MONTH_STEPS]
        + [(s * 365.25, s, _year_ticks) for s in _YEAR_STEPS]
    )
    for days, step, make in candidates:
        if span / days > max_ticks * 1.5:
            continue  # clearly too many; do not even build them
        found = make(start_jdn, end_jdn, step, lang)
        if len(found) <= max_ticks:
            return found
    return _year_ticks(start_jdn, end_jdn, _YEAR_STEPS[-1], lang)


# --- chronological playback ----------------------------------------------------------------


@dataclass(frozen=True)
class PaneView:
    """What one pane shows at a point of chronological playback."""

    index: int  # the event on show (before its first turn: its first event in date order)
    finished: bool  # the playhead has passed this story's last event: the end card
    waiting: bool = False  # the playhead has not reached this story yet


class SyncSchedule:
    """The merged order of `stories` and its durations, for one Playback to run through."""

    def __init__(self, stories: Sequence[Story]) -> None:
        if not stories:
            raise ValueError("chronological playback needs at least one story")
        self.order = merged_order(stories)
        lengths = [story.durations() for story in stories]
        self.durations = [lengths[pane][index] for pane, index in self.order]
        self._position = {item: k for k, item in enumerate(self.order)}
        self._days = [day for story in stories for day in _effective_days(story)]
        self._offsets = [0]
        for story in stories:
            self._offsets.append(self._offsets[-1] + len(story.events))
        self.panes = len(stories)
        positions = [[k for k, (p, _) in enumerate(self.order) if p == pane]
                     for pane in range(self.panes)]
        self._first = [ks[0] for ks in positions]
        self._last = [ks[-1] for ks in positions]

    def item(self, position: int) -> tuple[int, int]:
        return self.order[position]

    def position_of(self, pane: int, index: int) -> int:
        return self._position[(pane, index)]

    def day(self, position: int) -> int | None:
        """The day the playhead stands on at `position`; None for a story without dates."""
        pane, index = self.order[position]
        day = self._days[self._offsets[pane] + index]
        return None if day == _NO_DATE else day

    def position_at_day(self, day: int) -> int | None:
        """The first position on or after `day`; None when every event is earlier."""
        return next((k for k in range(len(self.order))
                     if (self.day(k) or _NO_DATE) >= day), None)

    def start_position(self, indices: Sequence[int], finished: Sequence[bool]) -> int:
        """Where the playhead starts when the mode is switched on with panes at `indices`:
        at the earliest (in date order) of the events on show in unfinished panes."""
        pairs = enumerate(zip(indices, finished, strict=True))
        playing = [self.position_of(p, i) for p, (i, done) in pairs if not done]
        return min(playing, default=0)

    def pane_views(self, position: int, finished: bool = False) -> list[PaneView]:
        """What each pane shows with the playhead at `position` (`finished`: past the end)."""
        views = []
        for pane in range(self.panes):
            if finished or self._last[pane] < position:
                views.append(PaneView(self.order[self._last[pane]][1], finished=True))
            elif self._first[pane] > position:
                views.append(PaneView(self.order[self._first[pane]][1], False, waiting=True))
            else:
                latest = max(k for k in range(self._first[pane], position + 1)
                             if self.order[k][0] == pane)
                views.append(PaneView(self.order[latest][1], finished=False))
        return views
