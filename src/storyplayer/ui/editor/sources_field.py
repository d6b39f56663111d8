"""An event's sources: one row per source with a line for each of the story's languages, so
a source written in several languages keeps every one of them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QGridLayout, QPushButton, QVBoxLayout, QWidget

from storyplayer.ui.editor.local_text import LocalTextFields, with_text


class SourcesField(QWidget):
    """`itemEdited(number, value)` when one source is typed in (None: emptied), `edited(list
    or None)` when sources are added or removed."""

    itemEdited = Signal(int, object)
    edited = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.languages: list[str] = ["en"]
        # What the rows hold; an added row stays empty (and unwritten) until typed in.
        self.values: list[Any] = []
        self.rows: list[LocalTextFields] = []
        self.remove_buttons: list[QPushButton] = []
        self._grid = QGridLayout()
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setColumnStretch(0, 1)
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self._add)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._grid)
        layout.addWidget(self.add_button)
        self._retranslate()

    def _retranslate(self) -> None:
        self.add_button.setText(self.tr("Add source"))
        for button in self.remove_buttons:
            button.setText(self.tr("Remove"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def show_value(self, value: Any, languages: Sequence[str]) -> None:
        """Shows the event's `sources` without announcing anything as an edit."""
        sources = list(value) if isinstance(value, list) else []
        written = [v for v in self.values if v is not None]
        if list(languages) != self.languages or written != sources:
            self.languages = list(languages)
            self.values = sources
            self._build()
        for row, source in zip(self.rows, self.values, strict=True):
            row.show_value(source)

    def _build(self) -> None:
        for widget in [*self.rows, *self.remove_buttons]:
            self._grid.removeWidget(widget)
            widget.deleteLater()
        self.rows, self.remove_buttons = [], []
        for number in range(len(self.values)):
            row = LocalTextFields()
            row.set_languages(self.languages)
            row.edited.connect(lambda lang, text, n=number: self._typed(n, lang, text))
            remove = QPushButton(self.tr("Remove"))
            remove.clicked.connect(lambda _=False, n=number: self._remove(n))
            self._grid.addWidget(row, number, 0)
            self._grid.addWidget(remove, number, 1)
            self.rows.append(row)
            self.remove_buttons.append(remove)

    def _written(self) -> list[Any] | None:
        return [v for v in self.values if v is not None] or None

    def _typed(self, number: int, lang: str, text: str) -> None:
        old = self.values[number]
        self.values[number] = with_text(old, lang, text, self.languages)
        if old is not None and self.values[number] is not None:
            # The source's place in the file: the others keep their lines untouched.
            self.itemEdited.emit(sum(v is not None for v in self.values[:number]),
                                 self.values[number])
        else:
            self.edited.emit(self._written())

    def _add(self) -> None:
        self.values.append(None)
        self._build()
        for row, source in zip(self.rows, self.values, strict=True):
            row.show_value(source)
        editor = next(iter(self.rows[-1].editors.values()), None)
        if editor is not None:
            editor.setFocus()

    def _remove(self, number: int) -> None:
        del self.values[number]
        self._build()
        for row, source in zip(self.rows, self.values, strict=True):
            row.show_value(source)
        self.edited.emit(self._written())
