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
from storyplayer.model.loader import STORY_FILE, check_text
from storyplayer.model.problems import Problem
from storyplayer.model.story import Story
from storyplayer.model.yaml_source import parse_document


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
        self._text = self.doc.text()
        # What is on disk: a recovered autosave starts with changes not yet saved.
        self.saved_text = self._text if saved_text is None else saved_text
        self.story: Story | None = None
        self.problems: list[Located] = []
        self.revision = 0
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
        self._text = self.doc.text()
        self.revision += 1
        self.last_change = self._clock()
        for callback in list(self._listeners):
            callback()

    def text(self) -> str:
        return self._text

    def get(self, path: tuple[str | int, ...], default: Any = None) -> Any:
        return self.doc.get(path, default)

    @property
    def dirty(self) -> bool:
        return self._text != self.saved_text

    # --- checking -----------------------------------------------------------------------

    def validate(self) -> list[Located]:
        """Checks the text as the player would load it (the same loader and schema)."""
        if self.checked_revision == self.revision:
            return self.problems
        story, problems = check_text(self._text, self.file)
        self.story = story
        self.problems = locate(self._text, problems) if problems else []
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
        write_atomic(self.file, self._text)
        self.saved_text = self._text


def locate(text: str, problems: list[Problem]) -> list[Located]:
    """Each problem with the event and key it stands in (found by its line)."""
    try:
        root = parse_document(text).root
    except Exception:  # the text does not parse: the problem is about the whole file
        return [Located(p, None, None) for p in problems]
    spans: list[tuple[int, int, int | None, str]] = []  # first line, last line, event, key
    if root is not None and hasattr(root, "value") and isinstance(root.value, list):
        for key_node, value_node in root.value:
            if not hasattr(key_node, "value") or not isinstance(key_node.value, str):
                continue
            key = key_node.value
            first = key_node.start_mark.line + 1
            last = value_node.end_mark.line + 1
            if key == "events" and isinstance(value_node.value, list):
                for index, event in enumerate(value_node.value):
                    if isinstance(event.value, list):
                        for ek, ev in event.value:
                            if isinstance(getattr(ek, "value", None), str):
                                spans.append((ek.start_mark.line + 1, ev.end_mark.line + 1,
                                              index, ek.value))
                    spans.append((event.start_mark.line + 1, event.end_mark.line + 1,
                                  index, ""))
            spans.append((first, last, None, key))
    located = []
    for problem in problems:
        best: tuple[int, int | None, str] | None = None
        for first, last, event, key in spans:
            end = last if last > first else first
            if first <= problem.line <= end:
                width = end - first
                if best is None or width < best[0]:
                    best = (width, event, key)
        if best is None:
            located.append(Located(problem, None, None))
        else:
            located.append(Located(problem, best[1], best[2] or None))
    return located
