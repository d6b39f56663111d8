"""The story being edited: its round-trip document, the file it saves to, whether it has
unsaved changes, and what the loader says about it after every change.

The round-trip document of a long story takes the better part of a second to read, so the
form is first shown from the player's fast safe reading of the same text; the document is
built on the first change, or before that by `prepare()` on another thread.

Views subscribe with `subscribe(callback)`; the working copy never knows a view.
"""

from __future__ import annotations

import threading
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
from storyplayer.model.yaml_source import SourceError, parse_document


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
        self.revision = 0
        # Untouched, the document is the text it was read from (writing it out again would
        # give the same bytes, tests/model/test_editing.py checks, but takes as long as
        # reading did).
        self._text, self._text_revision = text, 0
        self._source = text  # what the document is read from
        self._doc: StoryDocument | None = None
        self._doc_lock = threading.Lock()
        self._plain: Any = _safe_reading(text)
        self._plain_revision = 0
        if self._plain is None:  # not plain story data: the document says why, or reads it
            self._plain = self.doc.plain()
        # What is on disk: a recovered autosave starts with changes not yet saved.
        self.saved_text = self._text if saved_text is None else saved_text
        self.story: Story | None = None
        self.problems: list[Located] = []
        self.checked_revision = -1
        self.last_change = 0.0
        self._clock = clock
        self._listeners: list[Callable[[], None]] = []
        # For a story never saved: the id its title gives (title, current id -> id, free in
        # the library), taken at its first save, so that lessons made with "New story" and
        # shared do not all clash as "new-story". Once saved, the id stays (packages and
        # installs name it).
        self.id_from_title: Callable[[str, str], str] | None = None
        self.validate()

    @classmethod
    def open(cls, folder: Path) -> WorkingCopy:
        file = folder / STORY_FILE
        text = file.read_text("utf-8")
        return cls(text, file, saved_text=text)

    @property
    def folder(self) -> Path:
        return self.file.parent

    # --- the round-trip document, built when first needed --------------------------------

    @property
    def doc(self) -> StoryDocument:
        """The round-trip document; the first call reads it (or waits for `prepare`).
        Raises DocumentError if the text cannot be edited."""
        document = self._doc
        if document is None:
            with self._doc_lock:  # one reading, whichever thread asks first
                if self._doc is None:
                    self._doc = StoryDocument(self._source)
                document = self._doc
        return document

    def prepare(self) -> None:
        """Builds the round-trip document now: safe to call on another thread while the
        working copy is untouched (the first change waits for it)."""
        self.doc  # noqa: B018 - reading it builds it

    @property
    def document_ready(self) -> bool:
        return self._doc is not None

    # --- changes ------------------------------------------------------------------------

    def subscribe(self, callback: Callable[[], None]) -> None:
        self._listeners.append(callback)

    def apply(self, change: Change) -> None:
        change.apply(self.doc)
        self._changed(change.path)

    def revert(self, change: Change) -> None:
        change.revert(self.doc)
        self._changed(change.path)

    def _changed(self, path: tuple[str | int, ...]) -> None:
        # The text is written out only when it is needed (save, autosave), and the plain
        # data is read again only where the change was: on a long story either in full takes
        # longer than a keystroke may.
        plain = self._plain_after(path)
        self.revision += 1
        if plain is not None:
            self._plain, self._plain_revision = plain, self.revision
        self.last_change = self._clock()
        for callback in list(self._listeners):
            callback()

    def _plain_after(self, path: tuple[str | int, ...]) -> Any:
        """The plain data after a change at `path` with only the event or story field it
        touched read again; None when it must all be read (events added, removed, moved)."""
        if self._plain_revision != self.revision or not path:
            return None
        plain = dict(self._plain)
        if path[0] != "events":
            key = str(path[0])
            if self.doc.has((key,)):
                plain[key] = self.doc.plain((key,))
            else:
                plain.pop(key, None)
            return plain
        events, now = plain.get("events"), self.doc.get(("events",))
        number = path[1] if len(path) > 2 else None
        if (not isinstance(number, int) or not isinstance(events, list)
                or not isinstance(now, list) or len(events) != len(now)
                or not 0 <= number < len(now)):
            return None
        events = list(events)
        events[number] = self.doc.plain(("events", number))
        plain["events"] = events
        return plain

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
        if self._doc is not None:
            return self._doc.get(path, default)
        node = self._plain  # untouched: the safe reading holds the same values
        for part in path:
            try:
                node = node[part]
            except (KeyError, IndexError, TypeError):
                return default
        return node

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
        if self.id_from_title is not None:
            self._name_after_title(self.id_from_title)
        text = self.text()
        write_atomic(self.file, text)
        self.saved_text = text
        self.id_from_title = None

    def _name_after_title(self, id_from_title: Callable[[str, str], str]) -> None:
        plain = self.plain()
        title = plain.get("title") if isinstance(plain, dict) else None
        texts = list(title.values()) if isinstance(title, dict) else [title]
        words = next((t.strip() for t in texts if isinstance(t, str) and t.strip()), "")
        if not words or not self.doc.has(("id",)):
            return
        current = str(self.get(("id",)))
        new_id = id_from_title(words, current)
        if new_id != current:
            self.doc.set(("id",), new_id)
            self._changed(("id",))


def _safe_reading(text: str) -> Any:
    """The story as the player reads it (plain data), or None where the player would refuse
    the text or it is not a mapping: the round-trip document then decides."""
    try:
        data = parse_document(text).data
    except SourceError:
        return None
    return data if isinstance(data, dict) else None


def _located(problem: Problem) -> Located:
    where = problem.where
    if len(where) >= 2 and where[0] == "events" and isinstance(where[1], int):
        key = where[2] if len(where) > 2 and isinstance(where[2], str) else None
        return Located(problem, where[1], key)
    key = where[0] if where and isinstance(where[0], str) else None
    return Located(problem, None, key)
