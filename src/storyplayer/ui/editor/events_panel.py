"""The story's events as a list to select, drag into order, add, duplicate, delete and sort
by date; above it, the way to the story's details."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class EventsPanel(QWidget):
    selected = Signal(int)  # -1: the story's details
    addRequested = Signal()
    duplicateRequested = Signal()
    deleteRequested = Signal()
    sortRequested = Signal()
    reordered = Signal(list)  # the new order, as indices of the old one

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.details_button = QPushButton(objectName="detailsButton")
        self.details_button.setCheckable(True)
        self.details_button.clicked.connect(lambda: self.select(-1))
        self.list = QListWidget(objectName="editorEvents")
        self.list.setDragDropMode(QAbstractItemView.InternalMove)
        self.list.setDefaultDropAction(Qt.MoveAction)
        self.list.setWordWrap(True)
        self.list.currentRowChanged.connect(self._row_changed)
        self.list.model().rowsMoved.connect(self._moved)
        self.add_button, self.duplicate_button = QPushButton(), QPushButton()
        self.delete_button, self.sort_button = QPushButton(), QPushButton()
        self.add_button.clicked.connect(self.addRequested)
        self.duplicate_button.clicked.connect(self.duplicateRequested)
        self.delete_button.clicked.connect(self.deleteRequested)
        self.sort_button.clicked.connect(self.sortRequested)
        # Two rows of two, each as wide as its own words need (a grid's shared columns made
        # the panel as wide as the widest button of each column together, at large text).
        buttons = QVBoxLayout()
        for pair in ((self.add_button, self.duplicate_button),
                     (self.delete_button, self.sort_button)):
            row = QHBoxLayout()
            for button in pair:
                row.addWidget(button)
            buttons.addLayout(row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.details_button)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self._count = 0
        self._shown: tuple[tuple[str, ...], frozenset[int]] | None = None
        self._retranslate()

    def _retranslate(self) -> None:
        self.details_button.setText(self.tr("Story details"))
        self.add_button.setText(self.tr("Add event"))
        self.duplicate_button.setText(self.tr("Duplicate"))
        self.delete_button.setText(self.tr("Delete"))
        self.sort_button.setText(self.tr("Sort by date"))
        self.list.setAccessibleName(self.tr("Events (drag to reorder)"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    @property
    def current(self) -> int:
        return -1 if self.details_button.isChecked() else self.list.currentRow()

    def show_events(self, labels: Sequence[str], flagged: set[int]) -> None:
        """The events' titles (with a mark on those with problems), keeping the selection."""
        shown = (tuple(labels), frozenset(flagged))
        if shown == self._shown and self.list.count() == len(labels):
            return  # typing in a field other than the title: the list stays as it is
        self._shown = shown
        self.list.blockSignals(True)
        row = self.list.currentRow()
        while self.list.count() > len(labels):
            self.list.takeItem(self.list.count() - 1)
        for number, label in enumerate(labels):
            text = f"{number + 1}. {label}" + ("  ⚠" if number in flagged else "")
            if number < self.list.count():
                item = self.list.item(number)
                if item.text() != text:
                    item.setText(text)
            else:
                item = QListWidgetItem(text)
                item.setData(Qt.UserRole, number)
                self.list.addItem(item)
            if item.data(Qt.UserRole) != number:
                item.setData(Qt.UserRole, number)
        self._count = len(labels)
        if not self.details_button.isChecked():
            self.list.setCurrentRow(min(row, len(labels) - 1))
        self.list.blockSignals(False)
        self.delete_button.setEnabled(len(labels) > 1 and self.current >= 0)
        self.duplicate_button.setEnabled(self.current >= 0)

    def select(self, number: int) -> None:
        self.details_button.setChecked(number < 0)
        self.list.blockSignals(True)
        self.list.setCurrentRow(number if number >= 0 else -1)
        self.list.blockSignals(False)
        self.delete_button.setEnabled(self._count > 1 and number >= 0)
        self.duplicate_button.setEnabled(number >= 0)
        self.selected.emit(number)

    def _row_changed(self, row: int) -> None:
        if row >= 0:
            self.select(row)

    def _moved(self, *_args: object) -> None:
        self._shown = None  # the rows moved under their numbers: write them all again
        order = [self.list.item(i).data(Qt.UserRole) for i in range(self.list.count())]
        if order != sorted(order):
            self.reordered.emit(order)
