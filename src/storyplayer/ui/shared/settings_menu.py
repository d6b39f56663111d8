"""The window's own menu for a teacher: text size, high contrast and language.

One menu, opened from a small button on the picker and on the playback screen (kiosk
mode hides both). It only announces what was chosen; the main window applies and saves it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from storyplayer.ui.shared.icons import icon
from storyplayer.ui.shared.theme import DEFAULT, Theme
from storyplayer.ui.shared.translations import LANGUAGES


class SettingsMenu(QMenu):
    """Announces ``textScaleStep(int)`` (+1 larger, -1 smaller, 0 normal size),
    ``highContrastToggled(bool)`` and ``languageChosen(str)``."""

    textScaleStep = Signal(int)
    highContrastToggled = Signal(bool)
    languageChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("settingsMenu")
        self.larger = QAction(self)
        self.smaller = QAction(self)
        self.normal = QAction(self)
        for action, step in ((self.larger, 1), (self.smaller, -1), (self.normal, 0)):
            action.triggered.connect(lambda _=False, s=step: self.textScaleStep.emit(s))
            self.addAction(action)
        self.addSeparator()
        self.high_contrast = QAction(self, checkable=True)
        self.high_contrast.toggled.connect(self.highContrastToggled)
        self.addAction(self.high_contrast)
        self.addSeparator()
        self.languages = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, name in LANGUAGES.items():  # each language by its own name
            action = QAction(name, self, checkable=True)
            action.triggered.connect(lambda _=False, c=code: self.languageChosen.emit(c))
            self.languages.addAction(action)
            self.addAction(action)
            self.language_actions[code] = action
        self._retranslate()

    def show_state(self, *, scale: float, high_contrast: bool, lang: str) -> None:
        """Tick what is in force (called before the menu opens)."""
        self.high_contrast.blockSignals(True)
        self.high_contrast.setChecked(high_contrast)
        self.high_contrast.blockSignals(False)
        for code, action in self.language_actions.items():
            action.setChecked(code == lang)
        self.normal.setText(self.tr("Normal text size (now %1 %)").replace(
            "%1", str(round(scale * 100))) + "\tCtrl+0")

    def _retranslate(self) -> None:
        self.setTitle(self.tr("Settings"))
        # After a tab, Qt's menus show the keys that do the same.
        self.larger.setText(self.tr("Larger text") + "\tCtrl++")
        self.smaller.setText(self.tr("Smaller text") + "\tCtrl+-")
        self.normal.setText(self.tr("Normal text size") + "\tCtrl+0")
        self.high_contrast.setText(self.tr("High contrast"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


class SettingsButton(QToolButton):
    """A small button that opens `menu`; named for screen readers and the tooltip."""

    def __init__(self, menu: SettingsMenu, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("settingsButton")
        self.setMenu(menu)
        self.setPopupMode(QToolButton.InstantPopup)
        self.setIconSize(QSize(22, 22))
        self.setMinimumSize(48, 48)
        self.setCursor(Qt.PointingHandCursor)
        self.setStyleSheet("QToolButton { min-width: 38px; min-height: 38px; padding: 4px; }"
                           " QToolButton::menu-indicator { image: none; width: 0; }")
        self.apply_theme(DEFAULT)
        self._retranslate()

    def apply_theme(self, theme: Theme) -> None:
        """The icon in the palette's ink."""
        self.setIcon(icon("settings", theme.palette.ink))

    def _retranslate(self) -> None:
        self.setToolTip(self.tr("Settings: text size, high contrast, language"))
        self.setAccessibleName(self.tr("Settings"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
