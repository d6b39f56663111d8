"""Each model change (storyplayer.model.editing.changes) as a QUndoCommand on the editor's
QUndoStack; typing into one field makes one undo step."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from storyplayer.model.editing.changes import Change, SetValue
from storyplayer.model.editing.working_copy import WorkingCopy

_SET_ID = 1601  # any fixed number: commands with one id may merge


class ChangeCommand(QUndoCommand):
    def __init__(self, working: WorkingCopy, change: Change, text: str) -> None:
        super().__init__(text)
        self.working, self.change = working, change

    def redo(self) -> None:
        self.working.apply(self.change)

    def undo(self) -> None:
        self.working.revert(self.change)

    def id(self) -> int:
        return _SET_ID if isinstance(self.change, SetValue) else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802
        return isinstance(other, ChangeCommand) and self.change.merge(other.change)
