"""The working copy's autosave: written to the cache folder every few seconds while there
are unsaved changes, removed on save or when the author discards them, and found again after
a crash or a power cut so the editor can offer it back."""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from storyplayer.model.editing.atomic import write_atomic

AUTOSAVE_SECONDS = 5.0  # at most this much typing is lost when the power goes
MAX_AUTOSAVE_BYTES = 2 * 1024 * 1024


def default_autosave_dir() -> Path:
    """The editor's autosaves in the user's cache folder (a temporary one when isolated)."""
    from storyplayer.model.library import isolated, isolated_dir

    if isolated():
        return isolated_dir() / "autosave"
    import platformdirs

    return Path(platformdirs.user_cache_dir("storyplayer", appauthor=False)) / "autosave"


@dataclass(frozen=True)
class Recovery:
    """Unsaved work found on start: the story file it belongs to and the text to restore."""

    file: Path  # the story.yaml the work would have been saved to
    text: str
    saved_at: float  # seconds since the epoch
    title: str
    autosave: Path

    def discard(self) -> None:
        self.autosave.unlink(missing_ok=True)
        self.autosave.with_suffix(".json").unlink(missing_ok=True)


class Autosave:
    """Keeps one working copy's autosave file up to date (`due()` says when to write)."""

    def __init__(self, folder: Path, story_file: Path, *,
                 clock: Callable[[], float] = time.monotonic,
                 every: float = AUTOSAVE_SECONDS) -> None:
        key = hashlib.sha256(str(story_file.absolute()).encode("utf-8")).hexdigest()[:16]
        self.path = folder / f"{key}.yaml"
        self.story_file = story_file
        self._clock, self._every = clock, every
        self._written_text: str | None = None
        self._last_write = clock()

    def time_due(self) -> bool:
        """Enough time since the last write (asked first: writing the text out takes a while
        on a long story)."""
        return self._clock() - self._last_write >= self._every

    def due(self, text: str, dirty: bool) -> bool:
        return dirty and text != self._written_text and (
            self._clock() - self._last_write >= self._every)

    def write(self, text: str, title: str = "") -> None:
        """Writes the working copy (text first, then the note saying whose it is)."""
        write_atomic(self.path, text)
        note = {"file": str(self.story_file.absolute()), "saved_at": time.time(), "title": title}
        write_atomic(self.path.with_suffix(".json"), json.dumps(note, ensure_ascii=False))
        self._written_text = text
        self._last_write = self._clock()

    def discard(self) -> None:
        self.path.unlink(missing_ok=True)
        self.path.with_suffix(".json").unlink(missing_ok=True)
        self._written_text = None


def pending(folder: Path) -> list[Recovery]:
    """Autosaves left behind by an editor that did not close normally, newest first.

    Ones that match the story file on disk (nothing was lost) are removed quietly; unreadable
    ones are skipped.
    """
    found: list[Recovery] = []
    if not folder.is_dir():
        return found
    for note_file in folder.glob("*.json"):
        text_file = note_file.with_suffix(".yaml")
        try:
            note = json.loads(note_file.read_text("utf-8"))
            if text_file.stat().st_size > MAX_AUTOSAVE_BYTES:
                continue
            text = text_file.read_text("utf-8")
            file = Path(str(note["file"]))
            saved_at = float(note.get("saved_at", 0))
            title = str(note.get("title", ""))
        except (OSError, ValueError, KeyError, TypeError):
            continue
        recovery = Recovery(file, text, saved_at, title, text_file)
        try:
            on_disk = file.read_text("utf-8")
        except OSError:
            on_disk = None
        if on_disk == text:
            recovery.discard()
            continue
        found.append(recovery)
    found.sort(key=lambda r: r.saved_at, reverse=True)
    return found
