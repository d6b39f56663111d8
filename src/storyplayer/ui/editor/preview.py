"""Preview: the story as it is now, playing in a pane from the selected event, on the
editor's map, without leaving the editor."""

from __future__ import annotations

import time

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from storyplayer.map.map_view import MapView
from storyplayer.map.story_messages import map_story
from storyplayer.model.session import Session
from storyplayer.model.story import PANE_COLORS, Story
from storyplayer.ui.playback.session_driver import SessionDriver
from storyplayer.ui.playback.story_pane import StoryPane
from storyplayer.ui.shared.theme import DEFAULT, Theme


class PreviewArea(QWidget):
    """Holds one playing StoryPane; `closed` when the author goes back to editing."""

    closed = Signal()

    def __init__(self, map_view: MapView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.map_view = map_view
        self.pane: StoryPane | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def play(self, story: Story, start: int, lang: str, theme: Theme = DEFAULT) -> None:
        """Plays `story` from event `start` in a pane of the window's `theme` (its palette and
        text size: what the class will see)."""
        self.stop()
        color = story.color or PANE_COLORS[0]
        session_driver = SessionDriver(Session({0: story}, time.monotonic, autoplay=False))
        driver = session_driver.slot(0)
        pane = StoryPane(driver, story, color, lang, theme=theme)
        session_driver.setParent(pane)
        pane.closeRequested.connect(self.closed)
        pane.showOnMapRequested.connect(lambda index: self.map_view.fly_to_event(0, index))
        driver.eventChanged.connect(lambda index: self.map_view.show_event(0, index))
        media = self.map_view.add_media_root(f"preview-{story.id}", story.folder)
        self.map_view.set_stories([map_story(story, 0, color, lang, media)])
        self._layout.addWidget(pane)
        self.pane = pane
        driver.jump(max(0, min(start, len(story.events) - 1)))
        self.map_view.show_event(0, driver.index)
        driver.resume()

    def stop(self) -> None:
        if self.pane is not None:
            self.pane.driver.parent().stop()  # the pane's session driver
            self.pane.hide()
            self._layout.removeWidget(self.pane)
            self.pane.deleteLater()
            self.pane = None
