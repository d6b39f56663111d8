"""The main window: the picker and the playback screen, and the keys that drive them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QMainWindow, QStackedWidget, QWidget

from storyplayer.map.map_view import MapView
from storyplayer.model.config import MAX_TEXT_SCALE, MIN_TEXT_SCALE
from storyplayer.model.library import Library
from storyplayer.ui.playback.playback_view import PlaybackView
from storyplayer.ui.shared.notices import NoticeArea
from storyplayer.ui.shared.settings_menu import SettingsButton, SettingsMenu
from storyplayer.ui.shared.theme import Theme

if TYPE_CHECKING:
    from storyplayer.ui.picker.picker import Picker

# The text scale's range is the config's (one place says it).
MIN_SCALE, MAX_SCALE = MIN_TEXT_SCALE, MAX_TEXT_SCALE


class MainWindow(QMainWindow):
    playbackStarted = Signal()
    pickerShown = Signal()
    languageChanged = Signal(str)
    textScaleChanged = Signal(float)
    themeChanged = Signal(str)  # "light" or "high-contrast", chosen in the settings menu
    themeApplied = Signal(object)  # the new Theme, for screens added from outside (kiosk)

    def __init__(self, library: Library, map_view: MapView, lang: str, speed: float = 1.0,
                 parent: QWidget | None = None, *, sync: bool = False,
                 theme: Theme | None = None, picker_later: bool = False):
        """`picker_later`: the picker is built when first needed (`picker`), so that stories
        started from the command line are on screen sooner."""
        super().__init__(parent)
        self.library, self.lang = library, lang
        self.setWindowTitle(self.tr("Story Player"))
        self.setMinimumSize(1024, 640)
        # The one theme: every widget gets it through apply_theme (see apply_theme below).
        self.theme = theme or Theme()
        self.stack = QStackedWidget()
        # Holds the picker's place until it is built: the window opens on it, not playing.
        self._picker: Picker | None = None
        self._picker_place: QWidget | None = QWidget()
        self.stack.addWidget(self._picker_place)
        self.playback = PlaybackView(map_view, lang, speed, theme=self.theme)
        self.playback.set_sync(sync)  # --sync: all stories in one date order
        self.stack.addWidget(self.playback)
        self.setCentralWidget(self.stack)
        self.playback.allClosed.connect(self.show_picker)
        self.playback.backRequested.connect(self.show_picker)
        self._add_shortcuts()
        # Set by the composition root: installs translators (ui.translations.Translations).
        self.translations = None
        self.playback.manualToggled.connect(self.set_manual)
        self._message = QLabel(self, objectName="windowMessage")
        self._message.setTextFormat(Qt.PlainText)
        self._message.setWordWrap(True)
        self._message.hide()
        self._message_timer = QTimer(self, singleShot=True)
        self._message_timer.timeout.connect(self._message.hide)
        # Banners that say what went wrong (unreadable folders, errors) while playing goes on.
        self.notices = NoticeArea(self)
        self._add_settings_menu()
        self.apply_theme(self.theme)
        if not picker_later:
            self._build_picker()

    @property
    def picker(self) -> Picker:
        """The story picker, built on first use."""
        if self._picker is None:
            self._build_picker()
        assert self._picker is not None
        return self._picker

    def _build_picker(self) -> None:
        from storyplayer.ui.picker.picker import Picker

        picker = self._picker = Picker(self.library, self.lang, theme=self.theme)
        picker.playRequested.connect(self.play)
        picker.languageRequested.connect(self.set_language)
        picker.add_header_button(self.settings_buttons[0])
        self.settings_buttons[0].apply_theme(self.theme)
        place, self._picker_place = self._picker_place, None
        self.stack.insertWidget(0, picker)
        if self.stack.currentWidget() is place:
            self.stack.setCurrentWidget(picker)
        self.stack.removeWidget(place)
        place.deleteLater()

    def _add_settings_menu(self) -> None:
        """Text size, high contrast and language for a teacher, on both screens."""
        self.settings_menu = SettingsMenu(self)
        self.settings_menu.textScaleStep.connect(
            lambda step: self.set_text_scale(1.0) if step == 0 else self._zoom_text(step / 10))
        self.settings_menu.highContrastToggled.connect(
            lambda on: self.set_theme("high-contrast" if on else "light"))
        self.settings_menu.languageChosen.connect(self.set_language)
        self.settings_menu.aboutToShow.connect(lambda: self.settings_menu.show_state(
            scale=self.text_scale, high_contrast=self.theme.high_contrast,
            lang=self.lang))
        self.settings_buttons = [SettingsButton(self.settings_menu),
                                 SettingsButton(self.settings_menu)]
        self.playback.add_bar_button(self.settings_buttons[1])

    # -- screens -------------------------------------------------------------------------

    def play(self, ids: Sequence[str]) -> None:
        """Play the stories with these ids (known to the library) side by side."""
        stories = [self.library.get(story_id) for story_id in ids]
        self.stack.setCurrentWidget(self.playback)
        self.playback.play(stories)
        self.playback.setFocus()
        self.playbackStarted.emit()

    def show_picker(self) -> None:
        if self.playback.panes:
            self.playback.close_all(emit=False)
        self.picker.clear_choices()
        self.stack.setCurrentWidget(self.picker)
        self.pickerShown.emit()

    def lend_map(self) -> MapView:
        """The one map, for another screen (the kiosk's attract screen) to show for a while;
        `take_back_map` returns it beside the playback panes."""
        return self.playback.map_view

    def take_back_map(self) -> None:
        self.playback.take_back_map()

    def set_library(self, library: Library) -> None:
        """Show `library` from now on (a story was added); playing stories go on as they are."""
        self.library = library
        if self._picker is not None:
            self._picker.set_library(library)

    @property
    def playing(self) -> bool:
        return self.stack.currentWidget() is self.playback

    # -- keyboard and clicker ------------------------------------------------------------

    def _add_shortcuts(self) -> None:
        playback = self.playback

        def on_playback(keys: Sequence[str | QKeySequence.StandardKey], action) -> None:  # type: ignore[no-untyped-def]
            for key in keys:
                shortcut = QShortcut(QKeySequence(key), playback)
                shortcut.setContext(Qt.WidgetWithChildrenShortcut)
                shortcut.activated.connect(action)

        on_playback(["Space"], playback.toggle_all)
        # Presentation clickers send PageDown / PageUp.
        on_playback(["Right", "PgDown"], lambda: playback.step(True))
        on_playback(["Left", "PgUp"], lambda: playback.step(False))
        for number in (1, 2, 3):
            on_playback([str(number)], lambda n=number: playback.focus_pane(n))
        on_playback(["Esc"], self.show_picker)

        def on_window(keys: Sequence[str | QKeySequence.StandardKey], action) -> None:  # type: ignore[no-untyped-def]
            for key in keys:
                shortcut = QShortcut(QKeySequence(key), self)
                shortcut.activated.connect(action)

        on_window(["F11"], self.toggle_full_screen)
        on_window([QKeySequence.ZoomIn, "Ctrl+="], lambda: self._zoom_text(+0.1))
        on_window([QKeySequence.ZoomOut], lambda: self._zoom_text(-0.1))
        on_window(["Ctrl+0"], lambda: self.set_text_scale(1.0))

    def toggle_full_screen(self) -> None:
        self.showNormal() if self.isFullScreen() else self.showFullScreen()

    def _zoom_text(self, change: float) -> None:
        self.set_text_scale(self.text_scale + change)

    @property
    def text_scale(self) -> float:
        return self.theme.text_scale

    def set_text_scale(self, scale: float) -> None:
        scale = round(min(MAX_SCALE, max(MIN_SCALE, scale)), 2)
        self.apply_theme(self.theme.with_text_scale(scale))
        self.textScaleChanged.emit(scale)

    def apply_theme(self, theme: Theme) -> None:
        """Show `theme` everywhere: the window's style sheet, one `apply_theme` call per
        screen and widget it holds, and `themeApplied` for screens added from outside."""
        self.theme = theme
        self.setStyleSheet(theme.style_sheet())
        self.playback.apply_theme(theme)
        if self._picker is not None:
            self._picker.apply_theme(theme)
        self.notices.apply_theme(theme)
        for button in self.settings_buttons:
            button.apply_theme(theme)
        p = theme.palette
        self._message.setStyleSheet(
            f"background: {p.ink}; color: {p.paper}; border-radius: 8px; padding: 8px 14px;")
        self._message_timer.setInterval(theme.motion.message_ms)
        self.themeApplied.emit(theme)

    # -- classroom and language settings -------------------------------------------------

    def set_language(self, lang: str) -> None:
        """Show the interface and the stories in `lang`, live."""
        if self.translations is not None:
            self.translations.set_language(lang)
        self.lang = lang
        if self._picker is not None:
            self._picker.set_language(lang)
        self.playback.set_language(lang)
        self.languageChanged.emit(lang)

    def set_manual(self, manual: bool) -> None:
        """Classroom stepping: events wait for the presenter instead of advancing."""
        self.playback.set_manual(manual)

    def set_theme(self, name: str) -> None:
        """"light" or "high-contrast"; every style sheet is built again."""
        changed = name != self.theme.name
        self.apply_theme(self.theme.with_palette(name))
        if changed:
            self.themeChanged.emit(name)

    def show_message(self, text: str) -> None:
        """A short, unobtrusive note at the bottom of the window that goes by itself (held
        for staff with the banners when visitors must not see it: see NoticeArea.set_held)."""
        if self.notices.held:
            self.notices.show_notice(text)
            return
        self._message.setText(text)
        self._message.setAccessibleName(text)
        width = min(self.width() - 40, 640)
        self._message.setFixedWidth(width)
        self._message.adjustSize()
        self._message.move((self.width() - width) // 2,
                           self.height() - self._message.height() - 24)
        self._message.show()
        self._message.raise_()
        self._message_timer.start()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.LanguageChange:
            self.setWindowTitle(self.tr("Story Player"))
        super().changeEvent(event)
