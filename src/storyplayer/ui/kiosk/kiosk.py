"""Museum kiosk mode: full screen and frameless, no way out for a visitor, back to the attract
screen when nobody is there, and a staff key chord (plus an optional PIN) to leave.

Left alone, it first asks "Are you still there?" with a countdown (model/idle_stages.py),
never while a story plays on its own towards its end; any touch answers it.

It wraps a finished MainWindow from outside: the window itself knows nothing of kiosks.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QMouseEvent, QShortcut
from PySide6.QtWidgets import QApplication, QWidget

from storyplayer.model.config import KioskSettings
from storyplayer.model.idle_stages import IdleStages, Stage
from storyplayer.model.story import Story
from storyplayer.ui.kiosk.attract_screen import AttractScreen
from storyplayer.ui.kiosk.idle_watcher import IdleWatcher
from storyplayer.ui.kiosk.pin_pad import PinPad
from storyplayer.ui.kiosk.staff_report import StaffReport
from storyplayer.ui.kiosk.still_there import StillThere
from storyplayer.ui.main_window import MainWindow
from storyplayer.ui.shared.theme import Theme

CURSOR_HIDE_MS = 3_000
_MOUSE_EVENTS = (QEvent.MouseButtonPress, QEvent.MouseButtonRelease, QEvent.MouseButtonDblClick)


def featured_stories(window: MainWindow, ids: tuple[str, ...], most: int = 6) -> list[Story]:
    """The configured featured stories that exist, else the first few of the library."""
    library = window.library
    chosen = [library.get(i) for i in ids if i in library]
    return chosen or library.stories[:most]


class Kiosk(QObject):
    """Applies kiosk mode to `window`. `exited` when staff have left kiosk mode."""

    exited = Signal()
    attractShown = Signal()
    visitStarted = Signal()  # a visitor touched the attract screen
    visitEnded = Signal(str)  # the visit is over: "idle", "staff", ...

    def __init__(self, window: MainWindow, settings: KioskSettings,
                 featured: tuple[str, ...] = (), idle_ms: int | None = None,
                 cursor_ms: int = CURSOR_HIDE_MS, countdown_ms: int | None = None,
                 clock: Callable[[], float] = time.monotonic):
        super().__init__(window)
        self.window, self.settings = window, settings
        self._leaving = False
        self._cursor_hidden = False
        self._staff_text_scale = window.text_scale
        chord = QKeySequence(settings.exit_chord)
        if chord.isEmpty():
            chord = QKeySequence("Ctrl+Alt+Shift+Q")
        self.exit_shortcut = QShortcut(chord, window)
        self.exit_shortcut.setContext(Qt.ApplicationShortcut)
        self.exit_shortcut.setAutoRepeat(False)
        self.exit_shortcut.activated.connect(self.request_exit)
        self._disabled_shortcuts: list[QShortcut] = []
        self.attract = AttractScreen(featured_stories(window, featured), window.lang)
        window.stack.addWidget(self.attract)
        self.attract.startRequested.connect(self.begin)
        self.pin_pad = PinPad(settings.pin, window)
        self.pin_pad.accepted.connect(self.staff_entered)
        # What visitors are spared (broken stories, messages), for staff after the chord.
        self.staff_report = StaffReport(window)
        self.staff_report.leaveRequested.connect(self.leave)
        self.idle = IdleWatcher(idle_ms or int(settings.idle_seconds * 1000), self)
        self.idle.idle.connect(self._on_idle)
        # Stage two of idle: "Are you still there?" counting down, answered by any touch.
        countdown_s = (settings.countdown_seconds if countdown_ms is None
                       else countdown_ms / 1000)
        self.stages = IdleStages(countdown_s, clock)
        self.still_there = StillThere(window)
        self._countdown = QTimer(self, interval=200)
        self._countdown.timeout.connect(self._count_down)
        self.idle.active.connect(self._answered)
        self.in_visit = False
        # Set from outside (ui/kiosk/kiosk_operations.py): the staff page the chord opens, and
        # whether something else (the closed screen) holds the idle reset.
        self.staff_page: QWidget | None = None
        self.resting = False
        self.cursor = IdleWatcher(cursor_ms, self)
        self.cursor.idle.connect(self._hide_cursor)
        self.cursor.active.connect(self._show_cursor)
        window.setWindowFlag(Qt.FramelessWindowHint, True)
        # The kiosk's screens follow the window's theme; fingertip targets: every button at
        # least 48 px wide as well as high (content + padding + border).
        window.themeApplied.connect(self.apply_theme)
        window.apply_theme(replace(window.theme, touch=True))
        window.languageChanged.connect(self.attract.set_language)

    def apply_theme(self, theme: Theme) -> None:
        """The kiosk's own screens in the window's `theme`."""
        for screen in (self.attract, self.pin_pad, self.staff_report, self.still_there):
            screen.apply_theme(theme)

    # -- starting and the attract screen -------------------------------------------------

    def start(self, attract: bool = True, full_screen: bool = True) -> None:
        """Go full screen (on the attract screen) and start watching for visitors."""
        window = self.window
        self._staff_text_scale = window.text_scale  # what each new visitor starts with
        window.installEventFilter(self)
        window.playback.offer_manual(False)  # visitors get the stories as they run
        editing = getattr(window.picker, "editing", None)
        if editing is not None:  # the story editor is for staff outside kiosk mode
            editing.disable()
        # No broken story, no developer message for a visitor: staff see them (staff_entered).
        window.picker.set_broken_shown(False)
        window.notices.set_held(True)
        for button in window.settings_buttons:  # the teacher's menu is not for visitors
            button.hide()
        # Adding stories (the button, dropped files) is for staff, outside kiosk mode.
        window.picker.set_adding_allowed(False)
        # Esc ("back"), F11 (leave full screen): no keyboard way out for a visitor.
        for shortcut in window.findChildren(QShortcut):
            if shortcut is not self.exit_shortcut and self._blocked_sequence(shortcut.key()):
                shortcut.setEnabled(False)
                self._disabled_shortcuts.append(shortcut)
        if attract:
            self.show_attract()
        window.showFullScreen() if full_screen else window.show()
        # Input is watched on the top-level QWindow, which every touch, click and key of
        # this window passes through. (A Python event filter on the QApplication crashes
        # PySide6 6.11 once QtWebEngine runs.)
        window.winId()
        handle = window.windowHandle()
        handle.installEventFilter(self)
        self.idle.watch(handle)
        self.cursor.watch(handle)

    def show_attract(self, reason: str = "idle") -> None:
        window = self.window
        self._stop_asking()
        if self.in_visit:
            self.in_visit = False
            self.visitEnded.emit(reason)
        self.pin_pad.cancel()
        self.staff_report.close_report()
        if self.staff_page is not None:
            self.staff_page.close_page()
        if window.playback.panes:
            window.playback.close_all(emit=False)
        window.picker.reset()
        if window.text_scale != self._staff_text_scale:
            window.set_text_scale(self._staff_text_scale)  # the last visitor's Ctrl+plus
        self.attract.adopt_map(window.lend_map())
        window.stack.setCurrentWidget(self.attract)
        self.attract.start()
        self.attract.setFocus(Qt.OtherFocusReason)
        self.attractShown.emit()

    @property
    def attracting(self) -> bool:
        return self.window.stack.currentWidget() is self.attract

    def begin(self) -> None:
        """A visitor touched the attract screen: give the map back and show the picker."""
        if not self.attracting:
            return
        self.attract.stop()
        self.window.take_back_map()
        self.idle.poke()  # someone is here: the idle wait starts now
        self.in_visit = True
        self.visitStarted.emit()
        self.window.show_picker()

    @property
    def watching(self) -> bool:
        """A story plays on its own towards its end: the visitor may just be watching."""
        session = self.window.playback.session
        if not self.window.playing or session is None or session.manual:
            return False
        # In date order the shared playhead runs them all; else any pane on its own.
        return session.running()

    def _on_idle(self) -> None:
        staff = self.pin_pad.isVisible() or self.staff_report.isVisible() or (
            self.staff_page is not None and self.staff_page.isVisible())
        if self.attracting or self.resting:
            return
        stage = self.stages.quiet(self.watching or staff)
        if stage is Stage.ACTIVE:  # watching a story: wait until it ends or is paused
            self.idle.poke()
        elif stage is Stage.ASKING:
            self.still_there.open(self.stages.seconds_left)
            self._countdown.start()
        else:
            self.show_attract()

    # -- "Are you still there?" ----------------------------------------------------------

    @property
    def asking(self) -> bool:
        return self.stages.stage is Stage.ASKING

    def _count_down(self) -> None:
        stage = self.stages.tick(self.watching)
        if stage is Stage.ASKING:
            self.still_there.set_seconds(self.stages.seconds_left)
        elif stage is Stage.RESET:
            self.show_attract()
        else:
            self._stop_asking()
            self.idle.poke()

    def _answered(self) -> None:
        """Any touch, click or key while asking (or ever): the visitor is here."""
        if self.asking:
            self.stages.touch()
            self._stop_asking()

    def _stop_asking(self) -> None:
        self._countdown.stop()
        self.still_there.close_overlay()
        if self.stages.stage is not Stage.ACTIVE:
            self.stages.reset_done()

    # -- the mouse cursor ----------------------------------------------------------------

    def _hide_cursor(self) -> None:
        if not self._cursor_hidden:
            self._cursor_hidden = True
            QApplication.setOverrideCursor(Qt.BlankCursor)

    def _show_cursor(self) -> None:
        if self._cursor_hidden:
            self._cursor_hidden = False
            QApplication.restoreOverrideCursor()

    # -- no way out for visitors ---------------------------------------------------------

    @staticmethod
    def _blocked_sequence(sequence: QKeySequence) -> bool:
        if sequence.isEmpty():
            return False
        combo = sequence[0]
        return Kiosk._blocked_key(combo.key(), combo.keyboardModifiers())

    @staticmethod
    def _blocked(event: QKeyEvent) -> bool:
        return Kiosk._blocked_key(event.key(), event.modifiers())

    @staticmethod
    def _blocked_key(key: int, modifiers: Qt.KeyboardModifier) -> bool:
        if key in (Qt.Key_Escape, Qt.Key_F11, Qt.Key_Meta, Qt.Key_Super_L, Qt.Key_Super_R,
                   Qt.Key_Close, Qt.Key_Back, Qt.Key_Menu):
            return True
        if key == Qt.Key_F10 and modifiers & Qt.ShiftModifier:  # the other context-menu key
            return True
        if key == Qt.Key_F4 and modifiers & (Qt.AltModifier | Qt.ControlModifier):
            return True
        return bool(modifiers & Qt.ControlModifier) and key in (Qt.Key_Q, Qt.Key_W)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if kind == QEvent.Close and not self._leaving:
            event.ignore()
            return True
        if kind == QEvent.KeyPress and isinstance(event, QKeyEvent):
            if self._blocked(event) and not self.pin_pad.isVisible():
                event.accept()  # for ShortcutOverride: "keep it", so no shortcut runs
                return True
        # No context menu anywhere (the search box's, a scroll bar's): a right click or the
        # menu key is dropped on the window before any widget sees it.
        if kind == QEvent.ContextMenu:
            event.accept()
            return True
        if kind in _MOUSE_EVENTS and isinstance(event, QMouseEvent):
            if event.button() == Qt.RightButton or event.buttons() & Qt.RightButton:
                event.accept()
                return True
        return False

    # -- staff exit ----------------------------------------------------------------------

    def request_exit(self) -> None:
        """The staff chord: ask for the PIN when one is set, else leave at once."""
        if self.settings.pin:
            self.pin_pad.open()
        else:
            self.staff_entered()

    def staff_entered(self) -> None:
        """Staff are here (the chord, and the PIN if one is set). With the staff page
        (ui/kiosk/kiosk_operations.py) they see the statistics, and from there what visitors are
        not shown; without it, what visitors are not shown, with its reasons, when there is
        any; else kiosk mode is left at once."""
        if self.staff_page is not None:
            self.staff_page.open()
            return
        broken = self.window.library.invalid
        held = self.window.notices.held_texts
        if broken or held:
            self.staff_report.open_report(broken, held)
        else:
            self.leave()

    def leave(self) -> None:
        if self.in_visit:
            self.in_visit = False
            self.visitEnded.emit("staff")
        self._stop_asking()
        self._leaving = True
        self.idle.unwatch()
        self.cursor.unwatch()
        self._show_cursor()
        for shortcut in self._disabled_shortcuts:
            shortcut.setEnabled(True)
        self.attract.stop()
        self.exited.emit()
        self.window.close()
