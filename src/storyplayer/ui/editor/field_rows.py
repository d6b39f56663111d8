"""The rows of an editor form: a label, the field, and under it the field's problem as the
loader states it. The story's details and the event's form are both made of these."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QLayout, QVBoxLayout, QWidget


class FieldRows:
    """Adds rows to `form`; `problems[key]` is the label that shows the field's problem."""

    def __init__(self, form: QFormLayout) -> None:
        self.form = form
        self.problems: dict[str, QLabel] = {}

    def add(self, key: str, field: QWidget | QLayout) -> QLabel:
        """A row for the field `key` (as the loader names it); returns the row's label."""
        label = QLabel()
        problem = QLabel(objectName="fieldProblem")
        problem.setWordWrap(True)
        problem.setTextFormat(Qt.PlainText)
        problem.hide()
        self.problems[key] = problem
        holder = QVBoxLayout()
        holder.setContentsMargins(0, 0, 0, 0)
        holder.setSpacing(2)
        if isinstance(field, QWidget):
            holder.addWidget(field)
        else:
            holder.addLayout(field)
        holder.addWidget(problem)
        self.form.addRow(label, holder)
        return label

    def show_problems(self, problems: Mapping[str, str]) -> None:
        """Each field's problem (key -> message) under the field; the others are hidden."""
        for key, label in self.problems.items():
            message = problems.get(key)
            label.setVisible(bool(message))
            label.setText(message or "")
