"""Preview: the story as it is now, playing in a pane from the selected event, on the
editor's map, without leaving the editor."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from storyplayer.map.map_view import MapView
from storyplayer.model.story import PANE_COLORS, Story
from storyplayer.ui.playback_driver import PlaybackDriver
from storyplayer.ui.story_pane import StoryPane


class PreviewArea(QWidget):
    """Holds one playing StoryPane; `closed` when the author goes back to editing."""

    closed = Signal()

    def __init__(self, map_view: MapView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.map_view = map_view
        self.pane: StoryPane | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def play(self, story: Story, start: int, lang: str, text_scale: float = 1.0) -> None:
        from storyplayer.ui.playback_view import map_story

        self.stop()
        color = story.color or PANE_COLORS[0]
        driver = PlaybackDriver(story.durations(), autoplay=False)
        pane = StoryPane(driver, story, color, lang)
        driver.setParent(pane)
        pane.set_text_scale(text_scale)
        pane.closeRequested.connect(self.closed)
        pane.showOnMapRequested.connect(lambda index: self._fly(story, index))
        driver.eventChanged.connect(lambda index: self.map_view.show_event(0, index))
        media = self.map_view.add_media_root(f"preview-{story.id}", story.folder)
        self.map_view.set_stories([map_story(story, 0, color, lang, media)])
        self._layout.addWidget(pane)
        self.pane = pane
        driver.jump(max(0, min(start, len(story.events) - 1)))
        self.map_view.show_event(0, driver.index)
        driver.resume()

    def _fly(self, story: Story, index: int) -> None:
        place = story.events[index].place
        if place is not None:
            self.map_view.fly_to(place.lat, place.lon, place.zoom or 10)

    def stop(self) -> None:
        if self.pane is not None:
            self.pane.driver.stop()
            self.pane.hide()
            self._layout.removeWidget(self.pane)
            self.pane.deleteLater()
            self.pane = None
