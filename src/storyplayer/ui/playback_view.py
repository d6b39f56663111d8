"""The playback screen: up to three story panes side by side, and the one shared map.

It builds a PlaybackDriver per story, keeps the map in step with every pane, and says
when the last pane has closed.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from storyplayer.map.map_view import MapView
from storyplayer.model.map_protocol import MapEvent, MapStory
from storyplayer.model.playback import State
from storyplayer.model.story import PANE_COLORS, Story
from storyplayer.ui.icons import icon
from storyplayer.ui.map_names import MapNames
from storyplayer.ui.playback_driver import PlaybackDriver
from storyplayer.ui.story_pane import SharedPlayhead, StoryPane
from storyplayer.ui.swipe import SwipeSteps
from storyplayer.ui.sync_controller import SyncController
from storyplayer.ui.timeline_strip import TimelineStrip

MAX_PANES = 3


def map_story(story: Story, slot: int, color: str, lang: str, media_url: str) -> MapStory:
    """The map's view of a story: places, names, geometry and overlays in `lang`."""
    events = []
    for event in story.events:
        place, overlay = event.place, event.overlay
        overlay_url = None
        if overlay is not None:
            overlay_url = media_url.rstrip("/") + "/" + overlay.src.relative_to(
                story.folder.resolve()).as_posix()
        events.append(MapEvent(
            lat=place.lat if place else None,
            lon=place.lon if place else None,
            name=story.text(place.name, lang) if place else "",
            title=story.text(event.title, lang),
            zoom=int(place.zoom) if place and place.zoom is not None else None,
            geometry=event.geometry,
            overlay_url=overlay_url,
            overlay_bounds=overlay.bounds if overlay else None,
            overlay_opacity=overlay.opacity if overlay else 0.7,
        ))
    return MapStory(slot, color, story.text(story.title, lang), tuple(events), story.path)


class PlaybackView(QWidget):
    allClosed = Signal()
    backRequested = Signal()  # "Choose stories": back to the picker
    manualToggled = Signal(bool)  # the "Step by hand" button

    def __init__(self, map_view: MapView, lang: str, speed: float = 1.0,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("playback")
        # Holds keyboard focus when no pane does, so the playback keys always work.
        self.setFocusPolicy(Qt.StrongFocus)
        self.map_view, self.lang, self.speed = map_view, lang, speed
        self.panes: list[StoryPane] = []
        self.text_scale = 1.0
        self.manual = False
        self._slots: dict[StoryPane, int] = {}
        self.sync_mode = False  # "In date order": see set_sync()
        self.sync: SyncController | None = None
        self.map_names = MapNames(map_view, lang)  # place names at the event's date, theme
        self.splitter = QSplitter(Qt.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setHandleWidth(8)
        self.pane_side = QWidget()
        side = QVBoxLayout(self.pane_side)
        side.setContentsMargins(12, 8, 4, 12)
        side.setSpacing(8)
        side.addWidget(self._top_bar())
        self.pane_row = QWidget()
        self.pane_layout = QHBoxLayout(self.pane_row)
        self.pane_layout.setContentsMargins(0, 0, 0, 0)
        self.pane_layout.setSpacing(12)
        side.addWidget(self.pane_row, 1)
        self.splitter.addWidget(self.pane_side)
        self.splitter.addWidget(map_view)
        map_view.setMinimumWidth(280)
        self.timeline = TimelineStrip(lang)
        self.timeline.jumpRequested.connect(lambda pane, i: self.panes[pane].driver.jump(i))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.timeline)
        map_view.markerClicked.connect(self._on_marker_clicked)
        map_view.ready.connect(self._on_map_ready)

    def _top_bar(self) -> QWidget:
        bar = QWidget(objectName="playbackBar")
        layout = QHBoxLayout(bar)
        layout.setContentsMargins(0, 0, 0, 0)
        self.back_button = QPushButton(icon("previous", "#1f2328"), self.tr("Choose stories"))
        self.back_button.setIconSize(QSize(16, 16))
        self.back_button.setMinimumHeight(40)
        self.back_button.setCursor(Qt.PointingHandCursor)
        self.back_button.setAccessibleDescription(
            self.tr("Stop playing and go back to the stories")
        )
        self.back_button.clicked.connect(self.backRequested)
        self.pause_all_button = QPushButton(self.tr("Pause all"))
        self.pause_all_button.setMinimumHeight(40)
        self.pause_all_button.setCursor(Qt.PointingHandCursor)
        self.pause_all_button.clicked.connect(self.toggle_all)
        self.sync_button = QPushButton(self.tr("In date order"), objectName="syncToggle")
        self.sync_button.setCheckable(True)
        self.sync_button.setMinimumHeight(40)
        self.sync_button.setCursor(Qt.PointingHandCursor)
        self.sync_button.setAccessibleDescription(
            self.tr("Play every story's events together, in the order of their dates"))
        self.sync_button.toggled.connect(self.set_sync)
        self.manual_button = QPushButton(self.tr("Step by hand"), objectName="manualToggle")
        self.manual_button.setCheckable(True)
        self.manual_button.setMinimumHeight(40)
        self.manual_button.setCursor(Qt.PointingHandCursor)
        self.manual_button.toggled.connect(self.manualToggled)
        self.brand = QLabel(self.tr("Story Player"), objectName="brand")
        self.brand.setTextFormat(Qt.PlainText)
        layout.addWidget(self.back_button)
        layout.addStretch(1)
        layout.addWidget(self.brand)
        layout.addStretch(1)
        layout.addWidget(self.sync_button)
        layout.addWidget(self.manual_button)
        layout.addWidget(self.pause_all_button)
        self._bar_layout = layout  # see add_bar_button
        self._retranslate_bar()
        return bar

    def add_bar_button(self, button: QWidget) -> None:
        """A button at the end of the top bar (the window's settings menu)."""
        self._bar_layout.addWidget(button)

    def _retranslate_bar(self) -> None:
        self.back_button.setText(self.tr("Choose stories"))
        self.back_button.setAccessibleDescription(
            self.tr("Stop playing and go back to the stories"))
        self.brand.setText(self.tr("Story Player"))
        self.manual_button.setText(self.tr("Step by hand"))
        self.sync_button.setAccessibleDescription(
            self.tr("Play every story's events together, in the order of their dates"))
        self._show_sync_button()
        self.manual_button.setAccessibleDescription(self.tr(
            "When on, events wait for you: step with the arrow keys, Page Down or a clicker"))
        self.pause_all_button.setAccessibleDescription(self.tr("Pause or play every story"))
        self._update_pause_all()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.LanguageChange:
            self._retranslate_bar()
        super().changeEvent(event)

    def set_language(self, lang: str) -> None:
        """Show the playing stories, the timeline and the map's names in `lang`, live, and
        every story started from now on."""
        if lang == self.lang:
            return
        self.lang = lang
        self.map_names.set_language(lang)
        self.timeline.set_language(lang)
        for pane in self.panes:
            pane.set_language(lang)
        if self.panes:
            self._update_map_stories()

    def set_manual(self, manual: bool) -> None:
        """Events wait for the presenter when `manual`; they run by themselves otherwise."""
        self.manual = manual
        self.manual_button.blockSignals(True)
        self.manual_button.setChecked(manual)
        self.manual_button.blockSignals(False)
        for pane in self.panes:
            pane.driver.manual = manual

    def _update_pause_all(self) -> None:
        running = any(p.driver.state is State.PLAYING for p in self.panes)
        if self.sync is not None:
            running = self.sync.state is State.PLAYING
        self.pause_all_button.setText(self.tr("Pause all") if running else self.tr("Play all"))

    # -- starting and closing ------------------------------------------------------------

    def play(self, stories: Sequence[Story]) -> None:
        """Replace whatever plays with `stories` (at most three), from their first events."""
        self.close_all(emit=False)
        for slot, story in enumerate(stories[:MAX_PANES]):
            color = story.color or PANE_COLORS[slot]
            # Time starts once the map can show where the story is.
            driver = PlaybackDriver(story.durations(), speed=self.speed,
                                    autoplay=self.map_view.is_ready)
            driver.manual = self.manual
            pane = StoryPane(driver, story, color, self.lang)
            driver.setParent(pane)
            pane.set_text_scale(self.text_scale)
            pane.closeRequested.connect(lambda p=pane: self.close_pane(p))
            pane.showOnMapRequested.connect(lambda index, p=pane: self._fly_to(p, index))
            driver.eventChanged.connect(lambda index, p=pane: self._show_on_map(p, index))
            driver.stateChanged.connect(self._update_pause_all)
            driver.finished.connect(self._update_pause_all)
            self.panes.append(pane)
            self._slots[pane] = slot
            self.pane_layout.addWidget(pane, 1)
            SwipeSteps(pane, lambda forward, p=pane: self._swipe(p, forward))
        self._update_map_stories()
        self._restart_sync()
        self._update_pause_all()
        self._balance()

    def close_pane(self, pane: StoryPane) -> None:
        if pane not in self.panes:
            return
        self.panes.remove(pane)
        del self._slots[pane]
        pane.driver.stop()
        pane.hide()
        self.pane_layout.removeWidget(pane)
        pane.deleteLater()
        self._update_map_stories()
        self._restart_sync()
        self._balance()
        if not self.panes:
            self.allClosed.emit()

    def close_all(self, emit: bool = True) -> None:
        for pane in list(self.panes):
            self.panes.remove(pane)
            pane.driver.stop()
            pane.hide()
            self.pane_layout.removeWidget(pane)
            pane.deleteLater()
        self._slots.clear()
        self._restart_sync()
        self.map_view.clear()
        if emit:
            self.allClosed.emit()

    def _balance(self) -> None:
        """Panes share their side equally; the map keeps a generous share beside them."""
        n = max(1, len(self.panes))
        total = max(self.splitter.width(), 800)
        pane_share = {1: 0.40, 2: 0.58, 3: 0.68}[min(n, 3)]
        self.splitter.setSizes([int(total * pane_share), int(total * (1 - pane_share))])

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        super().resizeEvent(event)
        self._balance()

    # -- keeping the map in step ---------------------------------------------------------

    def _update_map_stories(self) -> None:
        stories = []
        for pane in self.panes:
            slot, story = self._slots[pane], pane.story
            media = self.map_view.add_media_root(f"s{slot}-{story.id}", story.folder)
            stories.append(map_story(story, slot, pane.color, self.lang, media))
        self.map_view.set_stories(stories)
        self.map_names.set_stories([pane.story for pane in self.panes])
        for pane in self.panes:
            self._show_on_map(pane, pane.driver.index)

    def _show_on_map(self, pane: StoryPane, index: int) -> None:
        if pane in self._slots:
            self.map_view.show_event(self._slots[pane], index)
            if 0 <= index < len(pane.story.events):
                self.map_names.show(pane.story.events[index])

    def _swipe(self, pane: StoryPane, forward: bool) -> None:
        """A swipe on a pane steps it (in date order: the shared playhead)."""
        if self.sync is not None:
            self.sync.next() if forward else self.sync.previous()
        elif forward:
            pane.driver.next()
        else:
            pane.driver.previous()

    def _fly_to(self, pane: StoryPane, index: int) -> None:
        place = pane.story.events[index].place
        if place is not None:
            self.map_view.fly_to(place.lat, place.lon, place.zoom or 10)

    def _on_marker_clicked(self, slot: int, index: int) -> None:
        for pane, pane_slot in self._slots.items():
            if pane_slot == slot and 0 <= index < pane.driver.count:
                pane.driver.jump(index)

    def _on_map_ready(self) -> None:
        if self.sync is not None and not self.manual:
            self.sync.resume()
            return
        for pane in self.panes:
            if pane.driver.state is State.PAUSED and not self.manual:
                pane.driver.resume()

    # -- actions for the keyboard and the window -----------------------------------------

    def focused_panes(self) -> list[StoryPane]:
        """The pane holding keyboard focus, or every pane when none does."""
        focus = self.focusWidget()
        for pane in self.panes:
            if focus is not None and (focus is pane or pane.isAncestorOf(focus)):
                return [pane]
        return list(self.panes)

    def toggle_all(self) -> None:
        if self.sync is not None:
            self.sync.toggle()
            return
        running = [p for p in self.panes if p.driver.state is State.PLAYING]
        for pane in self.panes:
            if running:
                pane.driver.pause()
            elif pane.driver.state is State.PAUSED:
                pane.driver.resume()

    def step(self, forward: bool) -> None:
        if self.sync is not None:  # one shared playhead
            self.sync.next() if forward else self.sync.previous()
            return
        for pane in self.focused_panes():
            if forward:
                pane.driver.next()
            else:
                pane.driver.previous()

    def focus_pane(self, number: int) -> None:
        if 0 < number <= len(self.panes):
            self.panes[number - 1].setFocus(Qt.ShortcutFocusReason)

    def set_text_scale(self, scale: float) -> None:
        self.text_scale = scale
        for pane in self.panes:
            pane.set_text_scale(scale)
        self.map_names.send_theme(scale)

    def set_speed(self, speed: float) -> None:
        self.speed = speed
        if self.sync is not None:
            self.sync.set_speed(speed)
        for pane in self.panes:
            pane.driver.set_speed(speed)

    # -- chronological mode (the logic lives in ui/sync_controller.py) -------------------

    def set_sync(self, on: bool) -> None:
        """One playhead through all stories in date order when `on`; leaving the mode lets
        each pane play on by itself from where it stands."""
        self.sync_mode = bool(on)
        self.sync_button.blockSignals(True)
        self.sync_button.setChecked(self.sync_mode)
        self.sync_button.blockSignals(False)
        self._show_sync_button()
        self._restart_sync()

    def _show_shared_playhead(self) -> None:
        """In chronological mode each pane shows the shared playhead's state, not its own."""
        sync = self.sync
        if sync is None:
            for pane in self.panes:
                pane.set_shared_playhead(None)
            return
        finished = sync.state is State.FINISHED
        playing = sync.state is State.PLAYING
        views = sync.schedule.pane_views(sync.driver.index, finished)
        current_pane = sync.current[0]
        left = sync.driver.remaining() / sync.driver.speed
        for number, (pane, view) in enumerate(zip(self.panes, views, strict=False)):
            current = number == current_pane and not view.finished
            pane.set_shared_playhead(SharedPlayhead(playing, current, view.waiting, left))

    def _show_sync_button(self) -> None:
        # A tick says the mode is on in any palette; the accessible state says it too.
        text = self.tr("In date order")
        self.sync_button.setText(("✓ " + text) if self.sync_mode else text)

    def _restart_sync(self) -> None:
        """Give the timeline the playing panes and, in chronological mode, (re)build the
        shared playhead, carrying on from the day (and play/pause) the old one stood at."""
        # A new shared playhead plays when the map is ready and the panes were not paused
        # by hand (a fresh start plays; a window whose stories all ended plays again).
        states = {p.driver.state for p in self.panes}
        playing = self.map_view.is_ready and (State.PLAYING in states or states <= {
            State.FINISHED})
        old, day, finished = self.sync, None, False
        if old is not None:
            day = old.schedule.day(old.driver.index)
            playing, finished = old.state is State.PLAYING, old.state is State.FINISHED
            old.stop()
            old.deleteLater()
            self.sync = None
        self.timeline.set_lanes([(p.story, p.color, p.driver) for p in self.panes])
        if self.sync_mode and self.panes:
            self.sync = SyncController(
                [p.story for p in self.panes], [p.driver for p in self.panes],
                speed=self.speed, autoplay=playing and not self.manual, start_day=day,
                parent=self)
            if finished:
                self.sync.finish()
            self.sync.changed.connect(self._update_pause_all)
            self.sync.changed.connect(self.timeline.update)
            self.sync.changed.connect(self._show_shared_playhead)
            self.sync.tick.connect(self.timeline.update)
            self.sync.tick.connect(self._show_shared_playhead)
        self._show_shared_playhead()
        self.timeline.set_playhead(self.sync.playhead_day if self.sync else None)
        self._update_pause_all()
