"""One playing story: its header, the current event (or the end card) and its controls.

The pane takes its slot of the playback session (a SlotDriver) and presents it; every action
goes back through the driver to the session.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from storyplayer.model.playback import State
from storyplayer.model.story import Story
from storyplayer.ui.playback.event_view import EventView
from storyplayer.ui.playback.progress_strip import ProgressStrip
from storyplayer.ui.playback.session_driver import SlotDriver
from storyplayer.ui.shared.elided_label import ElidedLabel
from storyplayer.ui.shared.icons import icon
from storyplayer.ui.shared.theme import DEFAULT, Theme, tint

if TYPE_CHECKING:  # built when first shown (see the properties below)
    from storyplayer.ui.playback.end_card import EndCard
    from storyplayer.ui.playback.event_list import EventList
    from storyplayer.ui.playback.waiting_card import WaitingCard


@dataclass(frozen=True)
class SharedPlayhead:
    """What chronological mode tells a pane: one playhead plays, not the pane's own driver."""

    playing: bool
    current: bool  # the playhead stands on this pane's event
    waiting: bool  # the playhead has not yet reached this story's first event
    seconds_left: float = 0.0  # wall seconds, for the current pane


class StoryPane(QFrame):
    closeRequested = Signal()
    showOnMapRequested = Signal(int)  # event index

    def __init__(self, driver: SlotDriver, story: Story, color: str, lang: str,
                 parent: QWidget | None = None, *, theme: Theme = DEFAULT):
        super().__init__(parent)
        self.theme: Theme | None = None  # set by apply_theme, at the end of building
        self.driver, self.story, self.color, self.lang = driver, story, color, lang
        self._shared: SharedPlayhead | None = None
        self.setObjectName("storyPane")
        # The sheet comes first: each part is styled once as it is added, where a sheet set
        # after them all styled every part again (most of the time it takes to open a pane).
        self._sheet_theme: Theme | None = None
        self._set_sheet(theme)
        self.setFocusPolicy(Qt.StrongFocus)
        self.setAccessibleName(story.text(story.title, lang))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)

        header = QWidget(objectName="paneHeader")
        header_layout = QHBoxLayout(header)
        header_layout.setContentsMargins(16, 6, 8, 6)
        self.story_title = ElidedLabel(story.text(story.title, lang), lines=2, lang=lang)
        self.story_title.setObjectName("paneStoryTitle")
        # The list of events to jump to, for a class (opens over the pane's page).
        # A push button: Enter opens it (Space belongs to "pause all" during playback).
        self.events_button = QPushButton(objectName="paneEvents")
        self.events_button.setIconSize(QSize(22, 22))
        self.events_button.setToolTip(self.tr("Events"))
        self.events_button.setAutoDefault(True)
        self.events_button.setFixedSize(48, 48)
        self.events_button.setCursor(Qt.PointingHandCursor)
        self.events_button.setAccessibleName(self.tr("List of events"))
        self.events_button.setAccessibleDescription(self.tr("Jump to any event of this story"))
        header_layout.addWidget(self.story_title, 1, Qt.AlignVCenter)
        header_layout.addWidget(self.events_button, 0, Qt.AlignVCenter)
        layout.addWidget(header)

        self.pages = QStackedWidget()
        self.event_view = EventView(story, lang, theme=theme, color=color)
        self.pages.addWidget(self.event_view)
        layout.addWidget(self.pages, 1)
        # The end card, the waiting card and the list of events are built when first shown:
        # a pane that opens shows its first event sooner without them.
        self._end_card: EndCard | None = None
        self._waiting_card: WaitingCard | None = None
        self._event_list: EventList | None = None
        self.events_button.clicked.connect(lambda: self.event_list.toggle(driver.index))

        footer = QWidget(objectName="paneFooter")
        footer_layout = QVBoxLayout(footer)
        footer_layout.setContentsMargins(14, 8, 14, 12)
        footer_layout.setSpacing(6)
        self.strip = ProgressStrip(len(story.events), color)
        # One line; in a narrow pane at a large text scale it ends with an ellipsis, the whole
        # line in its tooltip and accessible name.
        self.status = ElidedLabel(lines=1)
        self.status.setObjectName("paneStatus")
        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        self.previous_button = self._tool("previous", self.tr("Previous event"), driver.previous)
        self.play_button = self._tool("pause", self.tr("Pause"), driver.toggle)
        self.next_button = self._tool("next", self.tr("Next event"), driver.next)
        self.map_button = self._tool("pin", self.tr("Show on map"), lambda: None)
        # A pin in the story's colour, matching its marker on the map.
        self.map_button.setIcon(icon("pin", color))
        self.map_button.setAccessibleDescription(self.tr("Move the map to this event's place"))
        self.map_button.clicked.connect(lambda: self.showOnMapRequested.emit(driver.index))
        for button in (self.previous_button, self.play_button, self.next_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.map_button)
        footer_layout.addWidget(self.strip)
        footer_layout.addWidget(self.status)
        footer_layout.addLayout(buttons)
        layout.addWidget(footer)

        self.strip.jumpRequested.connect(driver.jump)
        driver.eventChanged.connect(self._show_event)
        driver.stateChanged.connect(self._show_state)
        driver.finished.connect(self._show_state)
        driver.tick.connect(self._show_progress)
        self.apply_theme(theme)
        self._show_event(driver.index)

    @property
    def end_card(self) -> EndCard:
        """Play again and Close, at the end of the story."""
        if self._end_card is None:
            from storyplayer.ui.playback.end_card import EndCard

            story, lang = self.story, self.lang
            card = self._end_card = EndCard(story.text(story.title, lang), self.color,
                                            ending=story.text(story.ending, lang), lang=lang)
            self.pages.addWidget(card)
            card.playAgainRequested.connect(self.driver.restart)
            card.closeRequested.connect(self.closeRequested)
            if self.theme is not None:
                card.apply_theme(self.theme, self.color)
        return self._end_card

    @property
    def waiting_card(self) -> WaitingCard:
        """In date order, before the shared playhead reaches this story."""
        if self._waiting_card is None:
            from storyplayer.ui.playback.waiting_card import WaitingCard

            card = self._waiting_card = WaitingCard(
                self.story.text(self.story.title, self.lang), self.lang)
            self.pages.addWidget(card)
            if self.theme is not None:
                card.apply_theme(self.theme, self.color)
        return self._waiting_card

    @property
    def event_list(self) -> EventList:
        """Every event of the story, to jump to (opens over the pane's page)."""
        if self._event_list is None:
            from storyplayer.ui.playback.event_list import EventList

            events = self._event_list = EventList(self.story, self.lang, self.color, self.pages)
            events.jumpRequested.connect(self.driver.jump)
            events.closed.connect(lambda: self.events_button.setFocus(Qt.OtherFocusReason))
            if self.theme is not None:
                events.apply_theme(self.theme)
        return self._event_list

    def _tool(self, name: str, tip: str, action) -> QToolButton:  # type: ignore[no-untyped-def]
        button = QToolButton()
        button.setProperty("icon_name", name)  # drawn in the theme's ink by apply_theme
        button.setIconSize(QSize(22, 22))
        button.setMinimumSize(48, 48)  # a fingertip
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.setCursor(Qt.PointingHandCursor)
        button.clicked.connect(action)
        return button

    def apply_theme(self, theme: Theme) -> None:
        """The pane and every part of it in `theme` (its parts style themselves)."""
        if theme == self.theme:
            return
        self.theme = theme
        p, color, on = theme.palette, self.color, theme.readable_on(self.color)
        self._icon_shows_playing: bool | None = None  # the play icon takes the new ink too
        for button in (self.previous_button, self.next_button):
            button.setIcon(icon(button.property("icon_name"), p.ink))
        self.events_button.setIcon(icon("list", on))
        self._set_sheet(theme)
        self.status.setStyleSheet(f"font-size: {theme.chrome_pt(theme.sizes.small)}pt;")
        self.story_title.setStyleSheet(f"font-size: {theme.pt(theme.sizes.small)}pt;")
        self.event_view.apply_theme(theme, color)
        if self._end_card is not None:
            self._end_card.apply_theme(theme, color)
        if self._waiting_card is not None:
            self._waiting_card.apply_theme(theme, color)
        if self._event_list is not None:
            self._event_list.apply_theme(theme)
        self._show_state()

    def _set_sheet(self, theme: Theme) -> None:
        """The pane's style sheet, for it and everything in it."""
        if theme == self._sheet_theme:
            return
        self._sheet_theme = theme
        p, color, on = theme.palette, self.color, theme.readable_on(self.color)
        self.setStyleSheet(f"""
            #storyPane {{ background: {p.card}; border: 1px solid {p.line};
                          border-top: 6px solid {color}; border-radius: 8px; }}
            #storyPane:focus {{ border: 2px solid {color}; border-top: 6px solid {color}; }}
            #paneFooter QToolButton {{ padding: 4px; min-width: 38px; min-height: 38px; }}
            QScrollBar:vertical {{ background: transparent; width: 10px; margin: 2px; }}
            QScrollBar::handle:vertical {{ background: {tint(color, 0.55)};
                                          border-radius: 3px; min-height: 32px; }}
            QScrollBar::add-line, QScrollBar::sub-line {{ height: 0; }}
            QScrollBar::add-page, QScrollBar::sub-page {{ background: none; }}
            #paneHeader {{ background: {color}; border-top-left-radius: 2px;
                           border-top-right-radius: 2px; }}
            #paneStoryTitle {{ color: {on}; font-weight: 600; }}
            #paneEvents {{ background: transparent; color: {on}; border: 1px solid {on};
                           border-radius: 6px; font-weight: 600; padding: 4px 10px;
                           min-height: 38px; }}
            #paneEvents:focus {{ border: 3px solid {on}; }}
            #paneFooter {{ border-top: 1px solid {p.line}; }}
            #paneStatus {{ color: {p.muted}; }}
        """)

    # -- presenting the driver's state ---------------------------------------------------

    @property
    def finished(self) -> bool:
        return self.driver.state is State.FINISHED

    def _show_event(self, index: int) -> None:
        self.event_view.show_event(index)
        self._show_state()

    def _show_state(self) -> None:
        finished = self.finished
        shared = self._shared
        if shared is not None and shared.waiting and not finished:
            index = self.driver.index
            self.waiting_card.set_start(self.story.events[index].date, self.lang)
            self.pages.setCurrentWidget(self.waiting_card)
        else:
            self.pages.setCurrentWidget(self.end_card if finished else self.event_view)
        playing = shared.playing if shared else self.driver.state is State.PLAYING
        playing = playing and not self.driver.manual  # by hand, nothing plays by itself
        if getattr(self, "_icon_shows_playing", None) is not playing:  # drawn only on a change
            self._icon_shows_playing = playing
            ink = (self.theme or DEFAULT).palette.ink
            self.play_button.setIcon(icon("pause" if playing else "play", ink))
        tip = self.tr("Pause") if playing else self.tr("Play")
        if self.play_button.toolTip() != tip:  # unchanged on a step: no change events
            self.play_button.setToolTip(tip)
        if self.play_button.accessibleName() != tip:
            self.play_button.setAccessibleName(tip)
        self.play_button.setEnabled(not finished)
        self.next_button.setEnabled(not finished)
        self.map_button.setEnabled(not finished)
        self._show_progress()

    def _show_progress(self) -> None:
        driver = self.driver
        duration = driver.elapsed() + driver.remaining()
        fraction = driver.elapsed() / duration if duration else 0.0
        self.strip.set_position(driver.index, fraction, self.finished)
        if self.finished:
            self.status.setText(self.tr("Finished"))
            return
        k, n = driver.index + 1, driver.count
        text = self.tr("Event %1 of %2").replace("%1", str(k)).replace("%2", str(n))
        shared = self._shared
        if shared is not None:
            if shared.waiting:
                text = self.tr("Waiting for its first date")
            elif shared.current and shared.playing:
                seconds = max(0, round(shared.seconds_left))
                text += " · " + self.tr("%1 s left").replace("%1", str(seconds))
            elif not shared.playing:
                text += " · " + self.tr("paused")
        elif driver.manual:
            text += " · " + self.tr("manual")
        elif driver.state is State.PAUSED:
            text += " · " + self.tr("paused")
        else:
            seconds = max(0, round(driver.remaining() / driver.speed))
            text += " · " + self.tr("%1 s left").replace("%1", str(seconds))
        self.status.setText(text)

    def show_manual(self, manual: bool) -> None:
        """Stepping by hand: the pane never runs by itself, so it offers no play or pause,
        only previous and next."""
        if self.play_button.isHidden() != manual:
            self.play_button.setVisible(not manual)
        self._show_state()

    def _retranslate(self) -> None:
        self.events_button.setToolTip(self.tr("Events"))
        self.events_button.setAccessibleName(self.tr("List of events"))
        self.events_button.setAccessibleDescription(self.tr("Jump to any event of this story"))
        for button, tip in ((self.previous_button, self.tr("Previous event")),
                            (self.next_button, self.tr("Next event")),
                            (self.map_button, self.tr("Show on map"))):
            button.setToolTip(tip)
            button.setAccessibleName(tip)
        self.map_button.setAccessibleDescription(self.tr("Move the map to this event's place"))
        self._show_event(self.driver.index)  # the status line and the play button's name

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def set_language(self, lang: str) -> None:
        """The story's own text in `lang` (the interface follows Qt's LanguageChange)."""
        self.lang = lang
        title = self.story.text(self.story.title, lang)
        self.story_title.setText(title)
        self.setAccessibleName(title)
        self.story_title.set_hyphenation(lang)
        if self._end_card is not None:
            self._end_card.set_title(title, lang)
            self._end_card.ending.setText(self.story.text(self.story.ending, lang))
        if self._waiting_card is not None:
            self._waiting_card.set_title(title)
        self.event_view.set_language(lang)
        if self._event_list is not None:
            self._event_list.lang = lang
            if self._event_list.isVisible():
                self._event_list.open_list(self.driver.index)
        self._show_event(self.driver.index)

    def set_shared_playhead(self, shared: SharedPlayhead | None) -> None:
        """Show the chronological playhead's state instead of the pane's own (None: leave)."""
        if shared != self._shared:
            self._shared = shared
            self._show_state()
