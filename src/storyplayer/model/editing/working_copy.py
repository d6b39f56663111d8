"""The story being edited: its round-trip document, the file it saves to, whether it has
unsaved changes, and what the loader says about it after every change.

Views subscribe with `subscribe(callback)`; the working copy never knows a view.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from storyplayer.model.editing.atomic import write_atomic
from storyplayer.model.editing.changes import Change
from storyplayer.model.editing.document import StoryDocument
from storyplayer.model.loader import STORY_FILE, check_data
from storyplayer.model.problems import Problem
from storyplayer.model.story import Story


@dataclass(frozen=True)
class Located:
    """A problem and the field it is about: the event (None for the story's details) and the
    event's or story's top-level key (None when unknown)."""

    problem: Problem
    event: int | None
    key: str | None


class WorkingCopy:
    """One story being edited. `file` is the story.yaml it saves to."""

    def __init__(self, text: str, file: Path, *, saved_text: str | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.file = file
        self.doc = StoryDocument(text)
        self.revision = 0
        # Untouched, the document is the text it was read from (writing it out again would
        # give the same bytes, tests/model/test_editing.py checks, but takes as long as
        # reading did).
        self._text, self._text_revision = text, 0
        self._plain: Any = None
        self._plain_revision = -1
        # What is on disk: a recovered autosave starts with changes not yet saved.
        self.saved_text = self._text if saved_text is None else saved_text
        self.story: Story | None = None
        self.problems: list[Located] = []
        self.checked_revision = -1
        self.last_change = 0.0
        self._clock = clock
        self._listeners: list[Callable[[], None]] = []
        self.validate()

    @classmethod
    def open(cls, folder: Path) -> WorkingCopy:
        file = folder / STORY_FILE
        text = file.read_text("utf-8")
        return cls(text, file, saved_text=text)

    @property
    def folder(self) -> Path:
        return self.file.parent

    # --- changes ------------------------------------------------------------------------

    def subscribe(self, callback: Callable[[], None]) -> None:
        self._listeners.append(callback)

    def apply(self, change: Change) -> None:
        change.apply(self.doc)
        self._changed()

    def revert(self, change: Change) -> None:
        change.revert(self.doc)
        self._changed()

    def _changed(self) -> None:
        # The text is written out only when it is needed (save, autosave): on a long story
        # that takes longer than a keystroke may.
        self.revision += 1
        self.last_change = self._clock()
        for callback in list(self._listeners):
            callback()

    def text(self) -> str:
        if self._text_revision != self.revision:
            self._text, self._text_revision = self.doc.text(), self.revision
        return self._text

    def plain(self) -> Any:
        """The story as plain data (as the safe loader gives it), once per revision."""
        if self._plain_revision != self.revision:
            self._plain, self._plain_revision = self.doc.plain(), self.revision
        return self._plain

    def get(self, path: tuple[str | int, ...], default: Any = None) -> Any:
        return self.doc.get(path, default)

    @property
    def dirty(self) -> bool:
        return self.text() != self.saved_text

    # --- checking -----------------------------------------------------------------------

    def validate(self) -> list[Located]:
        """Checks the story as the player would load it (the same schema and checks)."""
        if self.checked_revision == self.revision:
            return self.problems
        story, problems = check_data(self.plain(), self.file)
        self.story = story
        self.problems = [_located(p) for p in problems]
        self.checked_revision = self.revision
        return self.problems

    @property
    def errors(self) -> list[Located]:
        return [p for p in self.validate() if p.problem.is_error]

    @property
    def playable(self) -> bool:
        """A story with errors may be saved as a draft, but not played or shared."""
        self.validate()
        return self.story is not None

    # --- saving -------------------------------------------------------------------------

    def save(self) -> None:
        """Writes story.yaml atomically; a draft with problems is saved too."""
        text = self.text()
        write_atomic(self.file, text)
        self.saved_text = text


def _located(problem: Problem) -> Located:
    where = problem.where
    if len(where) >= 2 and where[0] == "events" and isinstance(where[1], int):
        key = where[2] if len(where) > 2 and isinstance(where[2], str) else None
        return Located(problem, where[1], key)
    key = where[0] if where and isinstance(where[0], str) else None
    return Located(problem, None, key)
