"""The story's details: title and summary in each language (languages can be added and
removed), categories, colour and cover picture."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QEvent, QStringListModel, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from storyplayer.model.story import PANE_COLORS
from storyplayer.ui.editor.field_rows import FieldRows
from storyplayer.ui.editor.local_text import LANGUAGE_NAMES, LocalTextFields, with_text


class DetailsForm(QScrollArea):
    """Edits the story's own fields; `edit(path, value)` for each change."""

    edit = Signal(tuple, object)
    languageAdded = Signal(str)
    languageRemoved = Signal(str)
    coverRequested = Signal()

    def __init__(self, known_categories: Sequence[str] = (), parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("detailsForm")
        self.setWidgetResizable(True)
        # Wide enough at usual text sizes; at the largest, nothing is hidden, it scrolls.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAsNeeded)
        self.data: dict[str, Any] = {}
        self.languages: list[str] = ["en"]
        body = QWidget()
        self.setWidget(body)
        form = QFormLayout(body)
        form.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.WrapLongRows)  # as the event form (event_form.py)
        form.setLabelAlignment(Qt.AlignRight | Qt.AlignTop)
        self.form = form
        self.rows = FieldRows(form)
        self.problem_labels = self.rows.problems
        self.heading = QLabel(objectName="editorHeading")
        form.addRow(self.heading)

        self.language_list = QLabel()
        self.language_list.setWordWrap(True)
        self.add_language = QComboBox()
        self.add_language.setEditable(True)
        self.add_language.setInsertPolicy(QComboBox.NoInsert)
        self.add_language_button = QPushButton()
        self.add_language_button.clicked.connect(self._add_language)
        self.remove_language = QComboBox()
        self.remove_language_button = QPushButton()
        self.remove_language_button.clicked.connect(self._remove_language)
        languages = QVBoxLayout()
        languages.setContentsMargins(0, 0, 0, 0)
        languages.addWidget(self.language_list)
        for combo, button in ((self.add_language, self.add_language_button),
                              (self.remove_language, self.remove_language_button)):
            row = QHBoxLayout()
            row.addWidget(combo)
            row.addWidget(button)
            row.addStretch(1)
            languages.addLayout(row)
        self.languages_label = self.rows.add("languages", languages)

        self.title = LocalTextFields()
        self.title.edited.connect(lambda lang, text: self._text_edit("title", lang, text))
        self.title_label = self.rows.add("title", self.title)
        self.summary = LocalTextFields(multiline=True)
        self.summary.edited.connect(lambda lang, text: self._text_edit("summary", lang, text))
        self.summary_label = self.rows.add("summary", self.summary)

        self.categories = QLineEdit()
        self.categories.textEdited.connect(self._categories_edited)
        self._known = QStringListModel(list(known_categories), self)
        completer = QCompleter(self._known, self)
        completer.setCaseSensitivity(Qt.CaseInsensitive)
        self.categories.setCompleter(completer)
        self.categories_label = self.rows.add("categories", self.categories)

        self.color = QLineEdit()
        self.color.setMaxLength(7)
        self.color.textEdited.connect(lambda text: self.edit.emit(("color",), text or None))
        self.color_button = QPushButton()
        self.color_button.clicked.connect(self._pick_color)
        color_row = QHBoxLayout()
        color_row.addWidget(self.color, 1)
        color_row.addWidget(self.color_button)
        self.color_label = self.rows.add("color", color_row)

        self.cover = QLabel(objectName="hint")
        self.cover_button = QPushButton()
        self.cover_button.clicked.connect(self.coverRequested)
        self.cover_remove = QPushButton()
        self.cover_remove.clicked.connect(lambda: self.edit.emit(("cover",), None))
        cover_row = QVBoxLayout()
        cover_row.setContentsMargins(0, 0, 0, 0)
        cover_row.addWidget(self.cover)
        cover_buttons = QHBoxLayout()
        cover_buttons.addWidget(self.cover_button)
        cover_buttons.addWidget(self.cover_remove)
        cover_buttons.addStretch(1)
        cover_row.addLayout(cover_buttons)
        self.cover_label = self.rows.add("cover", cover_row)
        self._retranslate()

    def _retranslate(self) -> None:
        self.heading.setText(self.tr("Story details"))
        self.languages_label.setText(self.tr("Languages"))
        self.add_language.setToolTip(self.tr("Language code, e.g. de"))
        self.add_language_button.setText(self.tr("Add language"))
        self.remove_language_button.setText(self.tr("Remove language"))
        self.title_label.setText(self.tr("Title"))
        self.summary_label.setText(self.tr("Summary"))
        self.categories_label.setText(self.tr("Categories"))
        self.categories.setPlaceholderText(self.tr("Comma between categories, e.g. history, war"))
        self.color_label.setText(self.tr("Colour"))
        self.color_button.setText(self.tr("Choose colour…"))
        self.color.setPlaceholderText(self.tr("automatic"))
        self.cover_label.setText(self.tr("Cover picture"))
        self.cover_button.setText(self.tr("Choose picture…"))
        self.cover_remove.setText(self.tr("Remove"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def show_story(self, data: dict[str, Any], languages: Sequence[str]) -> None:
        self.data, self.languages = data, list(languages)
        self.language_list.setText(", ".join(
            f"{LANGUAGE_NAMES.get(lang, lang)} ({lang})" for lang in languages))
        self.add_language.clear()
        self.add_language.addItems([c for c in LANGUAGE_NAMES if c not in languages])
        self.remove_language.clear()
        self.remove_language.addItems(list(languages))
        self.remove_language_button.setEnabled(len(languages) > 1)
        for fields in (self.title, self.summary):
            fields.set_languages(languages)
        self.title.show_value(data.get("title"))
        self.summary.show_value(data.get("summary"))
        categories = data.get("categories") or []
        shown = ", ".join(str(c) for c in categories) if isinstance(categories, list) else ""
        if not self.categories.hasFocus() and self.categories.text() != shown:
            self.categories.setText(shown)
        color = str(data.get("color") or "")
        if self.color.text() != color:
            self.color.setText(color)
        self.cover.setText(_cover_text(data.get("cover")) or self.tr("No cover picture"))
        self.cover_remove.setEnabled(bool(data.get("cover")))

    def set_known_categories(self, categories: Sequence[str]) -> None:
        self._known.setStringList(list(categories))

    def show_problems(self, problems: dict[str, str]) -> None:
        self.rows.show_problems(problems)

    def _text_edit(self, key: str, lang: str, text: str) -> None:
        self.edit.emit((key,), with_text(self.data.get(key), lang, text, self.languages))

    def _categories_edited(self, text: str) -> None:
        names = []
        for part in text.split(","):
            name = part.strip()
            if name and name not in names:
                names.append(name)
        self.edit.emit(("categories",), names)

    def _pick_color(self) -> None:
        start = QColor(self.color.text()) if QColor.isValidColorName(self.color.text()) \
            else QColor(PANE_COLORS[0])
        chosen = QColorDialog.getColor(start, self, self.tr("Story colour"))
        if chosen.isValid():
            self.edit.emit(("color",), chosen.name())

    def _add_language(self) -> None:
        code = self.add_language.currentText().strip().lower()
        if code and code not in self.languages:
            self.languageAdded.emit(code)

    def _remove_language(self) -> None:
        code = self.remove_language.currentText()
        if code and len(self.languages) > 1:
            self.languageRemoved.emit(code)


def _cover_text(cover: Any) -> str:
    """The cover's file, and its credit when it has one (an imported cover often does)."""
    if not isinstance(cover, dict):
        return str(cover or "")
    credit = cover.get("credit")
    if isinstance(credit, dict):  # in each language: the first one written
        credit = next((str(v) for v in credit.values() if v), "")
    name = str(cover.get("src") or "")
    return f"{name} · {credit}" if credit else name
