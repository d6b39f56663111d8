"""Keeps the map's place names at the current event's date and in the interface language,
and the map's theme (high contrast, text scale) in step with the window's.

The date is the one of the event shown last; in date order, the shared playhead's day
(PlaybackView sends it), so that stories still waiting for their first date do not set it.
Names are resolved here, from the bundled gazetteer and the playing stories' own
`place_names` (model/gazetteer.py), and sent only when they change, so a step that crosses a
renaming costs one small message and a step that does not costs nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from storyplayer.map.map_view import MapView
from storyplayer.model import map_protocol as proto
from storyplayer.model.gazetteer import (
    Gazetteer,
    GazetteerError,
    bundled_gazetteer,
    day_key,
    iso_day,
    parse_entries,
)
from storyplayer.model.story import Event, Story
from storyplayer.ui.shared.theme import Theme

log = logging.getLogger(__name__)


def _gazetteer() -> Gazetteer:
    try:
        return bundled_gazetteer()
    except GazetteerError as error:  # a damaged install: the map shows today's names
        log.warning("%s", error)
        return Gazetteer(())


class MapNames:
    """Sends `names` and `theme` messages to the map."""

    def __init__(self, map_view: MapView, lang: str) -> None:
        self.map_view, self.lang = map_view, lang
        self.gazetteer = _gazetteer()
        self.day: int | None = None
        self.high_contrast = False
        self.text_scale = 1.0

    def set_stories(self, stories: Sequence[Story]) -> None:
        """The bundled gazetteer with the playing stories' own entries."""
        gazetteer = _gazetteer()
        for story in stories:
            try:
                gazetteer = gazetteer.with_overrides(
                    parse_entries(story.place_names, need_place=False)
                )
            except GazetteerError as error:  # checked when loaded; a guard, not a path
                log.warning("%s: %s", story.id, error)
        self.gazetteer = gazetteer
        self.day = None
        self.send()

    def show(self, event: Event) -> None:
        """The names as they were on `event`'s date (an event without one changes nothing)."""
        if event.date is not None:
            self.show_day(day_key(event.date))

    def show_day(self, day: int | None) -> None:
        """The names as they were on `day` (a Julian Day Number; None changes nothing)."""
        if day is not None and day != self.day:
            self.day = day
            self.send()

    def set_language(self, lang: str) -> None:
        self.lang = lang
        self.send()

    def send(self) -> None:
        date = None
        if self.day is not None:
            try:
                date = iso_day(self.day)
            except ValueError:  # before AD 1: the page needs no readable date
                date = None
        strings = {"opacity": QCoreApplication.translate("MapNames", "Old map"),
                   # The credits under the map (the data's own names stay as they are).
                   "coastlines": QCoreApplication.translate("MapNames", "Coastlines: GSHHG"),
                   "placeNames": QCoreApplication.translate(
                       "MapNames", "Names: GeoNames (CC BY 4.0)")}
        self.map_view.set_names(proto.names_message(
            self.lang, date, self.gazetteer.names_at(self.day, self.lang), strings))

    def send_theme(self, theme: Theme) -> None:
        """The page's share of `theme`: high contrast and the text scale."""
        self.high_contrast, self.text_scale = theme.high_contrast, theme.text_scale
        self.map_view.set_theme(self.high_contrast, self.text_scale)
