"""The shared time axis: where events sit, ticks from days to millennia, and the date order
of chronological mode. Plain Python, no Qt."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest

from storyplayer.model.dates import DateSpan, HistDate, parse_date
from storyplayer.model.playback import Playback, State
from storyplayer.model.story import Event, Story
from storyplayer.model.text import LocalText
from storyplayer.model.timeline import (
    PaneView,
    SyncSchedule,
    axis_range,
    merged_order,
    ticks,
    timeline_items,
)


def story(name: str, *dates: object, seconds: float = 10) -> Story:
    events = tuple(
        Event(LocalText.from_value(f"{name}{i}"),
              date=None if d is None else parse_date(d),  # type: ignore[arg-type]
              seconds=seconds)
        for i, d in enumerate(dates)
    )
    return Story(id=name, folder=Path("/nowhere"), title=LocalText.from_value(name), events=events)


def jdn(*ymd: int, julian: bool = False) -> int:
    return HistDate(*ymd, julian=julian).sort_key()


def labels(start: tuple[int, ...], end: tuple[int, ...], n: int = 10, lang: str = "en"):
    return [(t.label, t.major) for t in ticks(jdn(*start), jdn(*end), n, lang)]


# -- where events sit -----------------------------------------------------------------------


def test_old_style_dates_sit_on_their_gregorian_day():
    [item] = timeline_items(story("a", "1917-10-25 O.S."))
    assert item.start == item.end == jdn(1917, 11, 7)
    assert not item.is_range and item.dated


def test_ranges_cover_their_last_month_or_year():
    month, years, days = timeline_items(
        story("a", {"start": "1918-02", "end": "1918-12"}, {"start": 1914, "end": 1918},
              {"start": "1918-11-28", "end": "1920-02-02"}))
    assert (month.start, month.end) == (jdn(1918, 2, 1), jdn(1918, 12, 31))
    assert (years.start, years.end) == (jdn(1914, 1, 1), jdn(1918, 12, 31))
    assert (days.start, days.end) == (jdn(1918, 11, 28), jdn(1920, 2, 2))
    assert month.is_range and years.is_range and days.is_range


def test_bce_and_approximate_dates():
    bc, approx = timeline_items(story("a", "500 BC", "c. 1350"))
    assert bc.start == bc.end == jdn(-500)  # a single date is a point at its first day
    assert approx.approximate and not bc.approximate
    # 1 BC is followed directly by AD 1.
    [bc_range] = timeline_items(story("b", {"start": -5, "end": -1}))
    assert (bc_range.start, bc_range.end) == (jdn(-5), jdn(1) - 1)


def test_undated_events_are_listed_without_a_place():
    items = timeline_items(story("a", "1917", None))
    assert [i.dated for i in items] == [True, False]
    assert axis_range([story("a", None)]) is None
    assert axis_range([story("a", "1917-03", None), story("b", {"start": 1912, "end": 1917})]) == (
        jdn(1912), jdn(1918) - 1)


# -- date order -----------------------------------------------------------------------------


def test_events_of_several_stories_merge_in_date_order():
    a = story("a", "1917-10-25 O.S.", "1918-02-24")  # 7 Nov 1917, 24 Feb 1918
    b = story("b", "1917-11-01", "1918-11-11")
    assert merged_order([a, b]) == [(1, 0), (0, 0), (0, 1), (1, 1)]


def test_equal_dates_keep_pane_order_then_story_order():
    a = story("a", "1918-02-24", "1918-02-24")
    b = story("b", "1918-02-24")
    c = story("c", "1918-02-23", "1918-02-24")
    assert merged_order([a, b, c]) == [(2, 0), (0, 0), (0, 1), (1, 0), (2, 1)]
    assert merged_order([b, a]) == [(0, 0), (1, 0), (1, 1)]


def test_undated_events_follow_the_previous_dated_event_of_their_story():
    a = story("a", None, "1918", None, "1920")
    b = story("b", "1918-06", "1919")
    order = merged_order([a, b])
    # a0 borrows a1's date (before it in the story); a2 borrows a1's date too (after it).
    assert order == [(0, 0), (0, 1), (0, 2), (1, 0), (1, 1), (0, 3)]
    # A story with no dates at all plays first, in its own order.
    assert merged_order([b, story("c", None, None)])[:2] == [(1, 0), (1, 1)]


def test_a_story_out_of_date_order_is_put_in_date_order():
    assert merged_order([story("a", 1920, 1910, 1915)]) == [(0, 1), (0, 2), (0, 0)]


# -- ticks ----------------------------------------------------------------------------------


def test_days():
    found = labels((1917, 10, 25), (1917, 11, 7), 14)
    assert len(found) == 14
    assert found[0] == ("25 October 1917", True)
    assert ("1 November 1917", True) in found and ("2", False) in found
    assert [label for label, _ in labels((1917, 10, 25), (1917, 11, 7), 14, "et")][:2] == [
        "25. oktoober 1917", "26."]


def test_months():
    found = labels((1917, 3, 1), (1918, 2, 1), 6)
    assert found[0] == ("March 1917", True)
    # January is named by its year, as on any time axis (and shorter: "jaanuar 1918" left
    # no room between Estonian labels).
    assert ("1918", True) in found and ("May", False) in found
    assert ("1918", True) in labels((1917, 3, 1), (1918, 2, 1), 6, "et")
    assert len(found) <= 6


def test_years_decades_centuries_and_millennia():
    assert [t for t, _ in labels((1912,), (1920,))] == [str(y) for y in range(1912, 1921)]
    decades = [t for t, _ in labels((1517,), (1941,), 50)]
    assert decades[:2] == ["1520", "1530"] and len(decades) == 43
    centuries = labels((1517,), (1941,), 6)
    assert [t for t, _ in centuries] == ["1600", "1700", "1800", "1900"]
    millennia = [t for t, _ in labels((-3000,), (2000,), 6)]
    assert millennia == ["3000 BC", "2000 BC", "1000 BC", "AD 1000", "AD 2000"]


def test_bce_ticks_skip_year_zero():
    found = [t for t, _ in labels((-5,), (5,), 12)]
    assert found == ["5 BC", "4 BC", "3 BC", "2 BC", "1 BC", "AD 1", "AD 2", "AD 3", "AD 4", "AD 5"]
    assert [t for t, _ in labels((-500,), (-300,), 5, "et")] == [
        "500 eKr", "450 eKr", "400 eKr", "350 eKr", "300 eKr"]
    spans = ticks(jdn(-500), jdn(-300), 5)
    assert [b.jdn - a.jdn for a, b in pairwise(spans)] == pytest.approx(
        [50 * 365.25] * 4, abs=1)


@pytest.mark.parametrize("days", [0, 1, 13, 100, 400, 4000, 40_000, 400_000, 4_000_000])
def test_never_more_ticks_than_asked_and_in_order(days):
    start = jdn(-2000)
    for most in (2, 5, 12):
        found = ticks(start, start + days, most)
        assert len(found) <= most
        assert [t.jdn for t in found] == sorted({t.jdn for t in found})
        assert all(start <= t.jdn <= start + days for t in found)


def test_reversed_bounds_are_accepted():
    assert ticks(jdn(1920), jdn(1910), 5) == ticks(jdn(1910), jdn(1920), 5)


# -- chronological playback -----------------------------------------------------------------


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_one_playback_over_the_merged_durations_drives_every_pane():
    a = story("a", 1917, 1919, seconds=10)
    b = story("b", 1918, 1920, seconds=5)
    schedule = SyncSchedule([a, b])
    assert schedule.order == [(0, 0), (1, 0), (0, 1), (1, 1)]
    assert schedule.durations == [10, 5, 10, 5]
    clock = FakeClock()
    playback = Playback(schedule.durations, clock)
    assert schedule.pane_views(playback.index) == [
        PaneView(0, False), PaneView(0, False, waiting=True)]
    clock.now = 12  # into b's first event; a keeps its latest
    playback.update()
    assert schedule.item(playback.index) == (1, 0)
    assert schedule.pane_views(playback.index) == [PaneView(0, False), PaneView(0, False)]
    clock.now = 20  # a's last event; b still shows 1918
    playback.update()
    assert schedule.pane_views(playback.index) == [PaneView(1, False), PaneView(0, False)]
    playback.next()  # past a's last event: its end card
    assert schedule.pane_views(playback.index) == [PaneView(1, True), PaneView(1, False)]
    playback.next()
    assert playback.state is State.FINISHED
    assert schedule.pane_views(playback.index, finished=True) == [
        PaneView(1, True), PaneView(1, True)]


def test_where_the_playhead_starts_and_stands():
    a = story("a", 1917, 1919)
    b = story("b", 1918, None, 1920)
    schedule = SyncSchedule([a, b])
    assert schedule.start_position([0, 0], [False, False]) == 0
    assert schedule.start_position([1, 1], [False, False]) == schedule.position_of(1, 1)
    assert schedule.start_position([1, 0], [True, False]) == schedule.position_of(1, 0)
    assert schedule.day(schedule.position_of(1, 1)) == jdn(1918)  # undated: borrows its day
    assert schedule.position_at_day(jdn(1918, 6)) == schedule.position_of(0, 1)
    assert schedule.position_at_day(jdn(1990)) is None
    assert SyncSchedule([story("c", None)]).day(0) is None


def test_model_imports_no_qt():
    import storyplayer.model.timeline as module

    assert "PySide6" not in Path(module.__file__).read_text()


def test_span_helper_is_the_dates_module():
    assert DateSpan(HistDate(1917)).sort_key() == jdn(1917)


def test_the_date_order_playhead_starts_playing_where_it_is_put():
    a = story("a", 1917, 1919, seconds=10)
    b = story("b", 1918, 1920, seconds=5)
    schedule = SyncSchedule([a, b])
    clock = FakeClock()
    start = schedule.start_position([1, 0], [False, False])  # a shows 1919, b shows 1918
    playback = Playback(schedule.durations, clock, autoplay=True, start=start)
    assert playback.state is State.PLAYING and schedule.item(playback.index) == (1, 0)
    assert schedule.pane_views(playback.index) == [PaneView(0, False), PaneView(0, False)]
    clock.now = 6  # time runs from the start: b's 5 s are over
    playback.update()
    assert schedule.item(playback.index) == (0, 1)
    paused = Playback(schedule.durations, clock, autoplay=False, start=start)
    clock.now = 60
    assert paused.update() is False and paused.index == start
    with pytest.raises(IndexError):
        Playback(schedule.durations, clock, start=len(schedule.durations))
