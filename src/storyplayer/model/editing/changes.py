"""Undoable edits of a story document, as plain data: each one applies and reverts itself.

The editor's QUndoStack wraps them (ui/editor/undo.py); tests drive them without Qt.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml.comments import CommentedMap

from storyplayer.model.editing.document import Path_, StoryDocument, anchored

_UNSET = object()


@dataclass
class SetValue:
    """Sets one field (None removes it). Typing into one field merges into one change."""

    path: Path_
    value: Any
    label: str = "edit"
    old: Any = field(default=_UNSET, repr=False)
    position: int | None = field(default=None, repr=False)
    shared: tuple[Path_, Any] | None = field(default=None, repr=False)

    def apply(self, doc: StoryDocument) -> None:
        if self.old is _UNSET:
            # The original node itself, so undo restores its style and comments exactly.
            self.old = doc.get(self.path)
            parent = doc.get(self.path[:-1])
            if isinstance(parent, dict) and self.path[-1] in parent:
                self.position = list(parent).index(self.path[-1])
            # A shared (anchored) value on the way is copied before it changes: undo puts
            # the shared one back, anchor and all.
            self.shared = _first_shared(doc, self.path[:-1])
        doc.set(self.path, self.value)

    def revert(self, doc: StoryDocument) -> None:
        if self.shared is not None:
            where, node = self.shared
            container = doc.get(where[:-1])
            if container is not None:
                container[where[-1]] = node
                return
        if self.old is None:
            doc.delete(self.path)
        else:
            _put(doc, self.path, self.old, self.position)

    def merge(self, newer: object) -> bool:
        """Takes in `newer` when it sets the same field (one undo step per field edit)."""
        if isinstance(newer, SetValue) and newer.path == self.path:
            self.value = newer.value
            return True
        return False


@dataclass
class InsertItem:
    """Inserts `value` at `index` of the list at `path` (an event, a source, a point)."""

    path: Path_
    index: int
    value: Any
    label: str = "add"

    def apply(self, doc: StoryDocument) -> None:
        doc.insert(self.path, self.index, copy.deepcopy(self.value))

    def revert(self, doc: StoryDocument) -> None:
        doc.pop(self.path, self.index)

    def merge(self, newer: object) -> bool:
        return False


@dataclass
class RemoveItem:
    path: Path_
    index: int
    label: str = "delete"
    removed: Any = field(default=None, repr=False)

    def apply(self, doc: StoryDocument) -> None:
        self.removed = doc.pop(self.path, self.index)

    def revert(self, doc: StoryDocument) -> None:
        doc.insert(self.path, self.index, self.removed)

    def merge(self, newer: object) -> bool:
        return False


@dataclass
class Reorder:
    """Puts the list at `path` in `order` (indices into the order before the change)."""

    path: Path_
    order: Sequence[int]
    label: str = "reorder"

    def apply(self, doc: StoryDocument) -> None:
        doc.reorder(self.path, self.order)

    def revert(self, doc: StoryDocument) -> None:
        inverse = [0] * len(self.order)
        for new, old in enumerate(self.order):
            inverse[old] = new
        doc.reorder(self.path, inverse)

    def merge(self, newer: object) -> bool:
        return False


Change = SetValue | InsertItem | RemoveItem | Reorder


def _first_shared(doc: StoryDocument, path: Path_) -> tuple[Path_, Any] | None:
    """The outermost anchored mapping or list along `path`, and where it is."""
    for depth in range(1, len(path) + 1):
        node = doc.get(path[:depth])
        if anchored(node):
            return path[:depth], node
    return None


def _put(doc: StoryDocument, path: Path_, node: Any, position: int | None) -> None:
    """Puts the original `node` back at `path` (and at its old place among the keys)."""
    parent = doc.get(path[:-1])
    if parent is None:
        doc.set(path[:-1], CommentedMap())
        parent = doc.get(path[:-1])
    key = path[-1]
    if isinstance(parent, CommentedMap) and key not in parent and position is not None:
        parent.insert(min(position, len(parent)), key, node)
    else:
        parent[key] = node
