"""Text fields in each of the story's languages, and how one language's text is written
back into a field that may be a plain string or a map of languages."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget

LANGUAGE_NAMES = {"en": "English", "et": "Eesti", "de": "Deutsch", "fi": "Suomi",
                  "ru": "Русский", "lv": "Latviešu", "lt": "Lietuvių", "sv": "Svenska"}


def text_in(value: Any, lang: str, languages: Sequence[str]) -> str:
    """The text of `lang` in a story field (a plain string belongs to the first language)."""
    if value is None:
        return ""
    if isinstance(value, dict):
        return str(value.get(lang) or "")
    return str(value) if languages and lang == languages[0] else ""


def with_text(value: Any, lang: str, text: str, languages: Sequence[str]) -> Any:
    """The field `value` with `lang` set to `text`: a plain string stays plain while only the
    first language is written; an emptied field goes (None)."""
    first = languages[0] if languages else lang
    if value is None or (isinstance(value, str) and not value):
        return None if not text else (text if lang == first else {lang: text})
    if isinstance(value, str):
        if lang == first:
            return text or None
        return {first: value, lang: text} if text else value
    result = {k: v for k, v in value.items()}
    if text:
        result[lang] = text
    else:
        result.pop(lang, None)
    return result or None


class LocalTextFields(QWidget):
    """One line (or box) per language; `edited(lang, text)` as the author types."""

    edited = Signal(str, str)

    def __init__(self, multiline: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.multiline = multiline
        self.editors: dict[str, QLineEdit | QPlainTextEdit] = {}
        self._layout = QGridLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setHorizontalSpacing(8)
        self._languages: list[str] = []

    def set_languages(self, languages: Sequence[str]) -> None:
        if list(languages) == self._languages:
            return
        for editor in self.editors.values():
            editor.deleteLater()
        for label in self.findChildren(QLabel):
            label.deleteLater()
        self.editors = {}
        self._languages = list(languages)
        for row, lang in enumerate(languages):
            label = QLabel(lang.upper())
            label.setToolTip(LANGUAGE_NAMES.get(lang, lang))
            label.setAlignment(Qt.AlignRight | Qt.AlignTop)
            editor: QLineEdit | QPlainTextEdit
            if self.multiline:
                editor = QPlainTextEdit()
                editor.setTabChangesFocus(True)
                editor.setMinimumHeight(90)
                editor.textChanged.connect(lambda e=editor, c=lang: self.edited.emit(
                    c, e.toPlainText()))
            else:
                editor = QLineEdit()
                editor.textEdited.connect(lambda text, c=lang: self.edited.emit(c, text))
            editor.setAccessibleName(LANGUAGE_NAMES.get(lang, lang))
            label.setBuddy(editor)
            self._layout.addWidget(label, row, 0)
            self._layout.addWidget(editor, row, 1)
            self.editors[lang] = editor

    def show_value(self, value: Any) -> None:
        """Shows the field's texts without announcing them as edits; the caret stays."""
        for lang, editor in self.editors.items():
            text = text_in(value, lang, self._languages)
            if isinstance(editor, QPlainTextEdit):
                if editor.toPlainText() != text:
                    editor.blockSignals(True)
                    editor.setPlainText(text)
                    editor.blockSignals(False)
            elif editor.text() != text:
                editor.setText(text)

    def connect_to(self, write: Callable[[str, str], None]) -> None:
        self.edited.connect(write)
