"""A question with the app's own words on its buttons.

Qt translates its standard buttons ("Save", "Discard", "Open") only where it ships its own
translation for the language, and it ships none for Estonian: a teacher would be asked in
Estonian and answer in English, on the button that throws her work away. Each caller names
its buttons in its own translated words instead.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

Button = QMessageBox.StandardButton


# How the box treats each answer (which one Escape presses, where it goes in the row).
_ROLES = {
    QMessageBox.StandardButton.Cancel: QMessageBox.ButtonRole.RejectRole,
    QMessageBox.StandardButton.Discard: QMessageBox.ButtonRole.DestructiveRole,
}


def ask(parent: QWidget, title: str, text: str, choices: list[tuple[Button, str]],
        default: Button) -> Button:
    """Asks `text` with a button for each (answer, words) of `choices`; the answer pressed
    (the last one when the box is closed without an answer). The buttons are plain ones
    with these words: Qt gives its standard buttons their English names back whenever the
    language changes."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton,
                      parent)
    answers = {}
    for answer, words in choices:
        button = box.addButton(words, _ROLES.get(answer, QMessageBox.ButtonRole.AcceptRole))
        answers[button] = answer
        if answer == default:
            box.setDefaultButton(button)
    label = box.findChild(QLabel, "qt_msgbox_label")
    window = parent.window() if parent is not None else None
    if label is not None and window is not None:
        # At a large text size the box's default width left a word or two a line.
        label.setMinimumWidth(min(int(window.width() * 0.45),
                                  40 * label.fontMetrics().averageCharWidth()))
    box.exec()
    return answers.get(box.clickedButton(), choices[-1][0])
