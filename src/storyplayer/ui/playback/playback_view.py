"""The playback screen: up to three story panes side by side, and the one shared map.

It builds one playback session (model/session.py, run by ui/playback/session_driver.py) for the
stories, a pane per story on the session's slot, keeps the map in step with every slot, and
says when the last pane has closed. What a command means (in date order too) is the
session's business, not this screen's.
"""

from __future__ import annotations

import math
import time
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from storyplayer.map.map_view import MapView
from storyplayer.map.story_messages import map_story, media_token
from storyplayer.model.map_protocol import MapStory
from storyplayer.model.playback import State
from storyplayer.model.session import Session
from storyplayer.model.story import Event, Story, pane_colors
from storyplayer.ui.playback.map_names import MapNames
from storyplayer.ui.playback.session_driver import SessionDriver
from storyplayer.ui.playback.story_pane import SharedPlayhead, StoryPane
from storyplayer.ui.playback.swipe import SwipeSteps
from storyplayer.ui.playback.timeline_strip import TimelineStrip
from storyplayer.ui.shared.icons import icon
from storyplayer.ui.shared.theme import DEFAULT, Theme

MAX_PANES = 3


class PlaybackView(QWidget):
    allClosed = Signal()
    backRequested = Signal()  # "Choose stories": back to the picker
    manualToggled = Signal(bool)  # the "Step by hand" button

    def __init__(self, map_view: MapView, lang: str, speed: float = 1.0,
                 parent: QWidget | None = None, *, theme: Theme = DEFAULT):
        super().__init__(parent)
        self.setObjectName("playback")
        # Holds keyboard focus when no pane does, so the playback keys always work.
        self.setFocusPolicy(Qt.StrongFocus)
        self.map_view, self.lang, self.speed = map_view, lang, speed
        self.panes: list[StoryPane] = []
        self.theme: Theme | None = None  # set by apply_theme (below, and by the window)
        self.manual = False
        self._slots: dict[StoryPane, int] = {}
        self.sync_mode = False  # "In date order": see set_sync()
        self.session: Session | None = None
        self.driver: SessionDriver | None = None
        self.map_names = MapNames(map_view, lang)  # place names at the event's date, theme
        # The place names follow the event shown last, sent once the step's events are all
        # out: a step of three panes sends the names (a few KB) once, not three times.
        self._names_event: Event | None = None
        self._names_timer = QTimer(self, singleShot=True, interval=0)
        self._names_timer.timeout.connect(self._send_names)
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
        self.apply_theme(theme)  # the map page's first theme message is this one

    def _top_bar(self) -> QWidget:
        bar = self._bar = QWidget(objectName="playbackBar")
        bar.installEventFilter(self)
        layout = QHBoxLayout(bar)
        layout.setContentsMargins(0, 0, 0, 0)
        self.back_button = QPushButton(self.tr("Choose stories"))
        self.back_button.setIconSize(QSize(16, 16))
        self.back_button.setMinimumHeight(48)
        self.back_button.setCursor(Qt.PointingHandCursor)
        self.back_button.setAccessibleDescription(
            self.tr("Stop playing and go back to the stories")
        )
        self.back_button.clicked.connect(self.backRequested)
        self.pause_all_button = QPushButton(self.tr("Pause all"))
        self.pause_all_button.setMinimumHeight(48)
        self.pause_all_button.setCursor(Qt.PointingHandCursor)
        self.pause_all_button.clicked.connect(self.toggle_all)
        self.sync_button = QPushButton(self.tr("In date order"), objectName="syncToggle")
        self.sync_button.setCheckable(True)
        self.sync_button.setMinimumHeight(48)
        self.sync_button.setCursor(Qt.PointingHandCursor)
        self.sync_button.setAccessibleDescription(
            self.tr("Play every story's events together, in the order of their dates"))
        self.sync_button.toggled.connect(self.set_sync)
        self.manual_button = QPushButton(self.tr("Step by hand"), objectName="manualToggle")
        self.manual_button.setCheckable(True)
        self.manual_button.setMinimumHeight(48)
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
        for button in (self.back_button, self.sync_button, self.manual_button,
                       self.pause_all_button):
            self._keep_whole(button)
        self._retranslate_bar()
        return bar

    @staticmethod
    def _keep_whole(button: QWidget) -> None:
        """A bar button is never narrower than its words: the panes' side widens (and the
        map narrows) instead of a label being cut."""
        button.setSizePolicy(QSizePolicy.Minimum, QSizePolicy.Fixed)

    def add_bar_button(self, button: QWidget) -> None:
        """A button at the end of the top bar (the window's settings menu)."""
        self._bar_layout.addWidget(button)
        self._keep_whole(button)

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
        self._command(lambda s: s.set_manual(manual))
        for pane in self.panes:
            pane.show_manual(manual)
        # Nothing runs by itself when stepping by hand: no "Pause all" to offer.
        self.pause_all_button.setVisible(not manual)

    def offer_manual(self, offered: bool) -> None:
        """Shows the "Step by hand" button, or hides it (a kiosk's visitors)."""
        self.manual_button.setVisible(offered)

    def _command(self, action) -> None:  # type: ignore[no-untyped-def]
        if self.driver is not None:
            self.driver.command(action)

    def _update_pause_all(self) -> None:
        running = self.session is not None and self.session.running()
        self.pause_all_button.setText(self.tr("Pause all") if running else self.tr("Play all"))

    # -- starting and closing ------------------------------------------------------------

    def play(self, stories: Sequence[Story]) -> None:
        """Replace whatever plays with `stories` (at most three), from their first events."""
        # With --play the map was given these stories before the window existed (app.py):
        # they stay on it rather than being cleared and sent again.
        ahead = not self.panes and self.map_view.holds(self._map_stories(stories[:MAX_PANES]))
        self.close_all(emit=False, clear_map=not ahead)
        chosen = dict(enumerate(stories[:MAX_PANES]))
        # Time starts once the map can show where the story is.
        self.session = Session(chosen, time.monotonic, speed=self.speed,
                               autoplay=self.map_view.is_ready, manual=self.manual)
        if self.sync_mode:
            self.session.set_date_order(True, playing=False if self.manual else None)
        self.driver = SessionDriver(self.session, self)
        self.driver.changed.connect(self._on_session_changed)
        self.driver.tick.connect(self._on_session_tick)
        colors = pane_colors([story.color for story in chosen.values()])
        for slot, story in chosen.items():
            color = colors[slot]
            driver = self.driver.slot(slot)
            # The map hears of a new event before the pane (connected first): the page draws
            # it in its own process while the pane sets its texts and paints here.
            driver.eventChanged.connect(lambda index, s=slot: self._show_on_map(s, index))
            # Built in its place: its parts are styled once, not again when it moves in.
            pane = StoryPane(driver, story, color, self.lang, self.pane_row,
                             theme=self.theme or DEFAULT)
            pane.show_manual(self.manual)
            pane.closeRequested.connect(lambda p=pane: self.close_pane(p))
            pane.showOnMapRequested.connect(lambda index, p=pane: self._fly_to(p, index))
            self.panes.append(pane)
            self._slots[pane] = slot
            self.pane_layout.addWidget(pane, 1)
            SwipeSteps(pane, lambda forward, p=pane: self._swipe(p, forward))
        self._update_map_stories()
        self._show_lanes()
        self._on_session_changed()
        self._balance()

    def close_pane(self, pane: StoryPane) -> None:
        if pane not in self.panes:
            return
        self.panes.remove(pane)
        slot = self._slots.pop(pane)
        pane.driver.stop()
        pane.hide()
        self.pane_layout.removeWidget(pane)
        pane.deleteLater()
        self._command(lambda s: s.remove(slot))
        self._update_map_stories()
        self._show_lanes()
        self._on_session_changed()
        self._balance()
        if not self.panes:
            self.allClosed.emit()

    def close_all(self, emit: bool = True, clear_map: bool = True) -> None:
        for pane in list(self.panes):
            self.panes.remove(pane)
            pane.driver.stop()
            pane.hide()
            self.pane_layout.removeWidget(pane)
            pane.deleteLater()
        self._slots.clear()
        if self.driver is not None:
            self.driver.stop()
            self.driver.deleteLater()
        self.session = self.driver = None
        self._names_timer.stop()
        self._names_event = None
        self._show_lanes()
        self._on_session_changed()
        if clear_map:
            self.map_view.clear()
        if emit:
            self.allClosed.emit()

    def take_back_map(self) -> None:
        """The shared map returns beside the panes (another screen had borrowed it)."""
        self.splitter.insertWidget(1, self.map_view)
        self.map_view.clear()

    def _balance(self) -> None:
        """Panes share their side equally; the map keeps a generous share beside them."""
        n = max(1, len(self.panes))
        total = max(self.splitter.width(), 800)
        pane_share = {1: 0.40, 2: 0.58, 3: 0.68}[min(n, 3)]
        self.splitter.setSizes([int(total * pane_share), int(total * (1 - pane_share))])

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        super().resizeEvent(event)
        self._balance()

    def eventFilter(self, watched, event) -> bool:  # type: ignore[no-untyped-def]  # noqa: N802
        if watched is self._bar and event.type() in (QEvent.Resize, QEvent.LayoutRequest):
            self._fit_brand()  # a new width, or buttons that grew with the text scale
        return False

    def _fit_brand(self) -> None:
        """The app's name in the bar gives way when the buttons need its room (three panes
        at a large text scale): a button's words are never cut for it."""
        layout = self._bar.layout()
        buttons = [b for b in self._bar.findChildren(QAbstractButton) if not b.isHidden()]
        need = sum(b.sizeHint().width() for b in buttons) + self.brand.sizeHint().width()
        margins = layout.contentsMargins()
        need += layout.spacing() * (len(buttons) + 1) + margins.left() + margins.right()
        fits = need <= self._bar.width()
        if self.brand.isHidden() == fits:
            self.brand.setVisible(fits)

    # -- keeping the map in step ---------------------------------------------------------

    def _map_stories(self, stories: Sequence[Story]) -> list[MapStory]:
        """`stories` as the map sees them in slots 0, 1, 2 (their media served from now on)."""
        colors = pane_colors([story.color for story in stories])
        return [
            map_story(story, slot, colors[slot], self.lang,
                      self.map_view.add_media_root(media_token(story, slot), story.folder))
            for slot, story in enumerate(stories)
        ]

    def _update_map_stories(self) -> None:
        stories = []
        for pane in self.panes:
            slot, story = self._slots[pane], pane.story
            media = self.map_view.add_media_root(media_token(story, slot), story.folder)
            stories.append(map_story(story, slot, pane.color, self.lang, media))
        self.map_view.set_stories(stories)
        self.map_names.set_stories([pane.story for pane in self.panes])
        self._names_timer.stop()
        self._names_event = None
        for pane in self.panes:
            index = pane.driver.index
            if self.map_view.current_event(self._slots[pane]) != index:
                self._show_on_map(self._slots[pane], index)
            elif 0 <= index < len(pane.story.events) and not self._date_order():
                # Sent ahead of the window (app.py): only the place names' date is new.
                self._names_event = pane.story.events[index]
        self._send_names()  # the new stories' names at once
        self._show_playhead_names()

    def _date_order(self) -> bool:
        return self.session is not None and self.session.date_order

    def _show_playhead_names(self) -> None:
        """In date order the map's names are the shared playhead's day's (a story still
        waiting for its first date shows its place, but does not date the names)."""
        session = self.session
        day = session.playhead_day() if session is not None and session.date_order else None
        if day is not None:
            self.map_names.show_day(math.floor(day))

    def _show_on_map(self, slot: int, index: int) -> None:
        story = next((p.story for p, s in self._slots.items() if s == slot), None)
        if story is not None:  # a pane still open
            self.map_view.show_event(slot, index)
            if 0 <= index < len(story.events) and not self._date_order():
                self._names_event = story.events[index]
                self._names_timer.start()

    def _send_names(self) -> None:
        self._names_timer.stop()
        event, self._names_event = self._names_event, None
        if event is not None:
            self.map_names.show(event)

    def _swipe(self, pane: StoryPane, forward: bool) -> None:
        """A swipe on a pane steps it (in date order: the shared playhead)."""
        if pane not in self._slots or self.session is None:
            return
        slot = None if self.session.date_order else self._slots[pane]
        self._command(lambda s: s.next(slot) if forward else s.previous(slot))

    def _fly_to(self, pane: StoryPane, index: int) -> None:
        if pane in self._slots:
            self.map_view.fly_to_event(self._slots[pane], index)

    def _on_marker_clicked(self, slot: int, index: int) -> None:
        if slot in self._slots.values():
            self._command(lambda s: s.jump(slot, index))

    def _on_map_ready(self) -> None:
        if not self.manual:
            self._command(lambda s: s.play())

    # -- actions for the keyboard and the window -----------------------------------------

    def focused_panes(self) -> list[StoryPane]:
        """The pane holding keyboard focus, or every pane when none does."""
        focus = self.focusWidget()
        for pane in self.panes:
            if focus is not None and (focus is pane or pane.isAncestorOf(focus)):
                return [pane]
        return list(self.panes)

    def toggle_all(self) -> None:
        self._command(lambda s: s.toggle())

    def step(self, forward: bool) -> None:
        """The keys and the clicker: the focused pane's story, or every one (in date order,
        the one shared playhead)."""
        panes = self.focused_panes()
        everything = self.session is None or self.session.date_order or panes == self.panes
        for slot in [None] if everything else [self._slots[p] for p in panes]:
            self._command(lambda s, slot=slot: s.next(slot) if forward else s.previous(slot))

    def focus_pane(self, number: int) -> None:
        if 0 < number <= len(self.panes):
            self.panes[number - 1].setFocus(Qt.ShortcutFocusReason)

    @property
    def text_scale(self) -> float:
        return (self.theme or DEFAULT).text_scale

    def apply_theme(self, theme: Theme) -> None:
        """Show `theme` on the bar, every pane, the timeline and the map page."""
        if theme == self.theme:
            return
        self.theme = theme
        self.back_button.setIcon(icon("previous", theme.palette.ink))
        for pane in self.panes:
            pane.apply_theme(theme)
        self.timeline.apply_theme(theme)
        self.map_names.send_theme(theme)

    def set_speed(self, speed: float) -> None:
        self.speed = speed
        self._command(lambda s: s.set_speed(speed))

    # -- date order (the logic lives in model/session.py) ---------------------------------

    def set_sync(self, on: bool) -> None:
        """One playhead through all stories in date order when `on`; leaving the mode lets
        each pane play on by itself from where it stands."""
        self.sync_mode = bool(on)
        self.sync_button.blockSignals(True)
        self.sync_button.setChecked(self.sync_mode)
        self.sync_button.blockSignals(False)
        self._show_sync_button()
        # Before the map is ready nothing plays; the map's ready plays it.
        playing = None if self.map_view.is_ready and not self.manual else False
        self._command(lambda s: s.set_date_order(self.sync_mode, playing=playing))

    def _on_session_changed(self) -> None:
        self._update_pause_all()
        self._show_shared_playhead()
        self._show_playhead_names()
        self.timeline.set_playhead(self.session.playhead_day
                                   if self.session is not None and self.session.date_order
                                   else None)
        self.timeline.update()

    def _on_session_tick(self) -> None:
        if self.session is not None and self.session.date_order:
            self.timeline.update()
            self._show_shared_playhead()

    def _show_lanes(self) -> None:
        self.timeline.set_lanes([(p.story, p.color, p.driver) for p in self.panes])

    def _show_shared_playhead(self) -> None:
        """In date order each pane shows the shared playhead's state, not its own."""
        session = self.session
        shared = session.shared if session is not None else None
        if session is None or shared is None:
            for pane in self.panes:
                pane.set_shared_playhead(None)
            return
        playing = shared.state is State.PLAYING
        left = shared.remaining() / shared.speed
        for pane in self.panes:
            view = session.view(self._slots[pane])
            pane.set_shared_playhead(SharedPlayhead(playing, view.current, view.waiting, left))

    def _show_sync_button(self) -> None:
        # A tick says the mode is on in any palette; the accessible state says it too.
        text = self.tr("In date order")
        self.sync_button.setText(("✓ " + text) if self.sync_mode else text)
