"""The story and its events, as the rest of the app sees them once a file has been checked."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from storyplayer.model.dates import DateSpan
from storyplayer.model.text import LocalText

# Colours a story gets by pane when its author chose none: distinct on a pale map and
# readable as pane headers with white text.
PANE_COLORS = ("#b03a2e", "#1f618d", "#1e8449")


@dataclass(frozen=True)
class Place:
    lat: float
    lon: float
    name: LocalText | None = None
    zoom: float | None = None


@dataclass(frozen=True)
class Image:
    src: Path  # absolute, inside the story folder
    caption: LocalText | None = None
    credit: LocalText | None = None
    alt: LocalText | None = None


@dataclass(frozen=True)
class PathStyle:
    """How the map draws a story's path between its events; None fields take the map's
    own (the story's colour, its usual width and dashes)."""

    show: bool = True
    color: str | None = None
    width: float | None = None
    dash: str | None = None  # "solid", or dash and gap lengths such as "6 5"


@dataclass(frozen=True)
class Overlay:
    src: Path
    bounds: tuple[tuple[float, float], tuple[float, float]]
    opacity: float = 0.7


@dataclass(frozen=True)
class Event:
    title: LocalText
    date: DateSpan | None = None
    date_label: LocalText | None = None  # shown instead of the date (e.g. imported free text)
    place: Place | None = None
    geometry: dict[str, Any] | None = None
    text: LocalText | None = None
    image: Image | None = None
    sources: tuple[LocalText, ...] = ()
    overlay: Overlay | None = None
    seconds: float | None = None  # explicit duration; see Story.durations()
    background: str | None = None  # "#rrggbb": a colour the author gave this event

    def word_count(self) -> int:
        """Words a viewer reads in this event (in its longest language), for its duration."""
        pieces = [self.title, self.text] if self.text else [self.title]
        counts = [len(text.split()) for piece in pieces for _, text in piece.versions]
        return max(counts, default=0)


@dataclass(frozen=True)
class Story:
    id: str
    folder: Path
    title: LocalText
    events: tuple[Event, ...]
    summary: LocalText | None = None
    categories: tuple[str, ...] = ()
    cover: Path | None = None
    color: str | None = None
    map_center: tuple[float, float] | None = None
    map_zoom: float | None = None
    event_seconds: float | None = None
    languages: tuple[str, ...] = ()
    # The story's own gazetteer entries (checked data, see model/gazetteer.py).
    place_names: tuple[dict[str, Any], ...] = ()
    warnings: tuple[str, ...] = field(default=(), compare=False)
    path: PathStyle | None = None
    ending: LocalText | None = None  # closing words, shown when the story is over
    cover_caption: LocalText | None = None
    cover_credit: LocalText | None = None

    @property
    def fallback_language(self) -> str | None:
        return self.languages[0] if self.languages else None

    def text(self, value: LocalText | None, lang: str) -> str:
        """`value` in the UI language `lang`, falling back to the story's first language."""
        return value.get(lang, self.fallback_language) if value else ""

    def durations(self) -> list[float]:
        """Seconds each event stays on screen at speed 1."""
        from storyplayer.model.playback import event_seconds

        return [
            event_seconds(e.word_count(), explicit=e.seconds, default=self.event_seconds)
            for e in self.events
        ]

    def running_time(self) -> float:
        return sum(self.durations())

    def dated_events(self) -> list[DateSpan]:
        return [e.date for e in self.events if e.date is not None]

    def period(self) -> tuple[DateSpan, DateSpan] | None:
        """The earliest-starting and the latest-ending of its dates (in history, not in file
        order), for the story's years (`dates.format_period`); None when no event is dated."""
        dated = self.dated_events()
        if not dated:
            return None
        first = min(dated, key=DateSpan.sort_key)
        last = max(dated, key=lambda s: (s.end or s.start).sort_key())
        return first, last
