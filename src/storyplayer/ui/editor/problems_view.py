"""Every problem the loader finds in the story being edited, as a list: a click goes to the
field."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from storyplayer.model.editing.working_copy import Located
from storyplayer.ui.editor.problem_text import problem_text


class ProblemsView(QListWidget):
    goTo = Signal(int, str)  # event (-1: the story's details), key ("" when unknown)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("editorProblems")
        self.setWordWrap(True)
        self.itemActivated.connect(self._go)
        self.itemClicked.connect(self._go)

    def show_problems(self, problems: Sequence[Located]) -> None:
        self.clear()
        for located in problems:
            where = (self.tr("Event {number}").format(number=located.event + 1)
                     if located.event is not None else self.tr("Story"))
            mark = "⚠" if located.problem.is_error else "ℹ"
            message = problem_text(located.problem.message)
            item = QListWidgetItem(f"{mark} {where}: {message}")
            item.setData(Qt.UserRole, (located.event if located.event is not None else -1,
                                       located.key or ""))
            self.addItem(item)
        self.setVisible(bool(problems))

    def _go(self, item: QListWidgetItem) -> None:
        event, key = item.data(Qt.UserRole)
        self.goTo.emit(event, key)
