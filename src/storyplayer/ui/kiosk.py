"""Museum kiosk mode: full screen and frameless, no way out for a visitor, back to the attract
screen when nobody is there, and a staff key chord (plus an optional PIN) to leave.

It wraps a finished MainWindow from outside: the window itself knows nothing of kiosks.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QMouseEvent, QShortcut
from PySide6.QtWidgets import QApplication

from storyplayer.model.config import KioskSettings
from storyplayer.model.playback import State
from storyplayer.model.story import Story
from storyplayer.ui.attract_screen import AttractScreen
from storyplayer.ui.idle_watcher import IdleWatcher
from storyplayer.ui.main_window import MainWindow
from storyplayer.ui.pin_pad import PinPad
from storyplayer.ui.staff_report import StaffReport

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

    def __init__(self, window: MainWindow, settings: KioskSettings,
                 featured: tuple[str, ...] = (), idle_ms: int | None = None,
                 cursor_ms: int = CURSOR_HIDE_MS):
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
        self.cursor = IdleWatcher(cursor_ms, self)
        self.cursor.idle.connect(self._hide_cursor)
        self.cursor.active.connect(self._show_cursor)
        window.setWindowFlag(Qt.FramelessWindowHint, True)
        # Fingertip targets: every button at least 48 px (content + padding + border).
        window.stack.setStyleSheet(
            "QPushButton, QToolButton { min-height: 38px; min-width: 38px; }")
        window.languageChanged.connect(self.attract.set_language)

    # -- starting and the attract screen -------------------------------------------------

    def start(self, attract: bool = True, full_screen: bool = True) -> None:
        """Go full screen (on the attract screen) and start watching for visitors."""
        window = self.window
        self._staff_text_scale = window.text_scale  # what each new visitor starts with
        window.installEventFilter(self)
        window.playback.manual_button.hide()  # visitors get the stories as they run
        editing = getattr(window.picker, "editing", None)
        if editing is not None:  # the story editor is for staff outside kiosk mode
            editing.disable()
        # No broken story, no developer message for a visitor: staff see them (staff_entered).
        window.picker.proxy.set_broken_shown(False)
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

    def show_attract(self) -> None:
        window = self.window
        self.pin_pad.cancel()
        self.staff_report.close_report()
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
        self.window.show_picker()

    def _on_idle(self) -> None:
        playing = self.window.playing and any(
            p.driver.state is State.PLAYING and not p.driver.manual
            for p in self.window.playback.panes)
        if playing:  # someone may be watching a story: wait until it ends or is paused
            self.idle.poke()
        elif not self.attracting:
            self.show_attract()

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
        """Staff are here (the chord, and the PIN if one is set): show what visitors are not
        shown, with its reasons, when there is any; else leave kiosk mode at once."""
        broken = self.window.library.invalid
        held = self.window.notices.held_texts
        if broken or held:
            self.staff_report.open_report(broken, held)
        else:
            self.leave()

    def leave(self) -> None:
        self._leaving = True
        self.idle.unwatch()
        self.cursor.unwatch()
        self._show_cursor()
        for shortcut in self._disabled_shortcuts:
            shortcut.setEnabled(True)
        self.attract.stop()
        self.exited.emit()
        self.window.close()
