"""A story file as the author wrote it: round-trip YAML that keeps comments, key order,
quoting, block styles and anchors, so changing one field changes only that field's lines.

Playback never reads through here: it stays on the safe loader in `model/yaml_source.py`.
"""

from __future__ import annotations

import copy
import datetime
import io
import re
import textwrap
from collections.abc import Sequence
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.anchor import Anchor
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    FoldedScalarString,
    LiteralScalarString,
    SingleQuotedScalarString,
)

Path_ = tuple[str | int, ...]
FOLD_WIDTH = 84  # a folded paragraph's lines, as the bundled stories wrap them
_MISSING = object()


class DocumentError(Exception):
    """The text is not YAML the editor can open (the message is one line)."""


def _yaml(mapping: int, sequence: int, offset: int) -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap a line the author wrote
    yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
    return yaml


class StoryDocument:
    """The story's YAML tree (ruamel's commented maps and lists) and how to write it back."""

    def __init__(self, text: str) -> None:
        mapping = _mapping_indent(text) or 2
        sequence, offset = _sequence_indent(text)
        self._yaml = _yaml(mapping, sequence or mapping + 2, offset if offset is not None else 2)
        try:
            data = self._yaml.load(text)
        except YAMLError as error:
            raise DocumentError(f"is not valid YAML: {str(error).splitlines()[0]}") from None
        if not isinstance(data, CommentedMap):
            raise DocumentError("must be a mapping of story fields (format, title, events, ...)")
        self.data: CommentedMap = data
        self._original = text

    def text(self) -> str:
        out = io.StringIO()
        self._yaml.dump(self.data, out)
        return out.getvalue()

    # --- reading ------------------------------------------------------------------------

    def get(self, path: Path_, default: Any = None) -> Any:
        node: Any = self.data
        for part in path:
            try:
                node = node[part]
            except (KeyError, IndexError, TypeError):
                return default
        return node

    def has(self, path: Path_) -> bool:
        return self.get(path, _MISSING) is not _MISSING

    def plain(self, path: Path_ = ()) -> Any:
        """The data (at `path`) as the safe loader gives it (dicts, lists, str, numbers; dates
        as written), for checking without writing the text out."""
        return _plain(self.get(path))

    def events(self) -> list[Any]:
        events = self.data.get("events")
        return list(events) if isinstance(events, list) else []

    # --- writing ------------------------------------------------------------------------

    def set(self, path: Path_, value: Any) -> None:
        """Sets `path` to `value` (None removes it), creating the mappings on the way and
        keeping the style (quotes, folded or literal block) the old value was written in."""
        if value is None:
            self.delete(path)
            return
        parent = self._parent(path[:-1], create=True)
        key = path[-1]
        old = parent[key] if _holds(parent, key) else None
        new = _texts_like(old, value)
        if new is None:
            new = styled(value, old)
        if isinstance(parent, CommentedMap) and key not in parent:
            parent[key] = new
        elif old != new or type(old) is not type(new):
            parent[key] = new

    def delete(self, path: Path_) -> None:
        parent = self._parent(path[:-1], create=False)
        key = path[-1]
        if parent is not None and _holds(parent, key):
            del parent[key]
            # An emptied mapping (a place with no name left) goes too, but never an item
            # of a list: an event with no field left stays, empty, in its place, and the
            # events after it keep their indices (undo puts its field back there).
            if (len(path) > 1 and isinstance(parent, dict) and not parent
                    and not isinstance(path[-2], int)):
                self.delete(path[:-1])

    def insert(self, path: Path_, index: int, value: Any) -> None:
        seq = self._parent(path, create=False)
        if not isinstance(seq, list):
            seq = CommentedSeq()
            self.set(path, seq)
            seq = self.get(path)
        seq.insert(index, value)

    def pop(self, path: Path_, index: int) -> Any:
        seq = self.get(path)
        return seq.pop(index)

    def move(self, path: Path_, source: int, target: int) -> None:
        seq = self.get(path)
        item = seq.pop(source)
        seq.insert(target, item)

    def reorder(self, path: Path_, order: Sequence[int]) -> None:
        """Puts the items of the list at `path` in `order` (indices of the present order)."""
        seq = self.get(path)
        items = [seq[i] for i in order]
        for i, item in enumerate(items):
            seq[i] = item

    def _parent(self, path: Path_, create: bool) -> Any:
        node: Any = self.data
        for part in path:
            if _holds(node, part):
                child = node[part]
                if create and anchored(child):
                    # A shared (anchored) value is copied before it changes, so an edit of
                    # one event never changes another that refers to the same anchor.
                    child = node[part] = _unshared(child)
                node = child
            elif create and isinstance(node, dict):
                node[part] = CommentedMap()
                node = node[part]
            else:
                return None
        return node


def _plain(node: Any) -> Any:
    if isinstance(node, dict):
        return {str(k): _plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_plain(v) for v in node]
    if isinstance(node, bool) or node is None:
        return node
    if isinstance(node, str):
        return str(node)
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    if isinstance(node, (datetime.date, datetime.datetime)):
        return node.isoformat()  # the safe loader leaves dates as text
    return str(node)


def _holds(node: Any, key: str | int) -> bool:
    if isinstance(node, dict):
        return key in node
    if isinstance(node, list) and isinstance(key, int):
        return 0 <= key < len(node)
    return False


def anchored(node: Any) -> bool:
    """True for a mapping or list that other places refer to by its anchor."""
    anchor = getattr(node, Anchor.attrib, None)
    return isinstance(node, (dict, list)) and anchor is not None and anchor.value is not None


def _unshared(node: Any) -> Any:
    clone = copy.deepcopy(node)
    setattr(clone, Anchor.attrib, Anchor())
    return clone


def _mapping_indent(text: str) -> int | None:
    """The indent of the first nested mapping key, as the author wrote it."""
    match = re.search(r"^[A-Za-z_][\w-]*:[ \t]*(?:&\w+[ \t]*)?(?:#.*)?\n( +)[A-Za-z_\"'][^\n]*:",
                      text, re.M)
    return len(match.group(1)) if match else None


def _sequence_indent(text: str) -> tuple[int | None, int | None]:
    """Where a block list's items start and where their dashes stand (relative to the key
    above), as the author wrote them."""
    match = re.search(r"^( *)[A-Za-z_][\w-]*:[ \t]*(?:#.*)?\n( *)(- +)\S", text, re.M)
    if not match:
        return None, None
    dash = len(match.group(2)) - len(match.group(1))
    return dash + len(match.group(3)), dash


def styled(value: Any, old: Any) -> Any:
    """`value` written in the style of `old`: a folded paragraph stays folded (wrapped like
    the rest of the file), a quoted string stays quoted, several paragraphs become a literal
    block."""
    if not isinstance(value, str) or isinstance(value, (LiteralScalarString,
                                                        FoldedScalarString)):
        return copy.deepcopy(value) if isinstance(value, (dict, list)) else value
    if "\n" in value.strip("\n"):
        return LiteralScalarString(value)
    if isinstance(old, FoldedScalarString) and len(value) > FOLD_WIDTH:
        return folded(value)
    if isinstance(old, DoubleQuotedScalarString):
        return DoubleQuotedScalarString(value)
    if isinstance(old, SingleQuotedScalarString):
        return SingleQuotedScalarString(value)
    return value


def _texts_like(old: Any, value: Any) -> CommentedMap | None:
    """A text in several languages written like the mapping it replaces (a copy: undo keeps
    the old one): each language in the style it had, a folded paragraph folded and wrapped,
    a one-line mapping on one line. None where that does not apply, or the mapping is shared
    (anchored) and is replaced whole."""
    if not (isinstance(old, CommentedMap) and isinstance(value, dict) and value
            and all(isinstance(k, str) and isinstance(v, str) for k, v in value.items())):
        return None
    anchor = getattr(old, Anchor.attrib, None)
    if anchor is not None and anchor.value is not None:
        return None
    new = copy.deepcopy(old)
    for lang in [k for k in new if k not in value]:
        del new[lang]
    for lang, text in value.items():
        written = styled(text, new.get(lang))
        if lang not in new or new[lang] != written or type(new[lang]) is not type(written):
            new[lang] = written
    return new


def folded(value: str) -> FoldedScalarString:
    """A folded block (`>-`) whose lines break at spaces near FOLD_WIDTH."""
    result = FoldedScalarString(value)
    positions, at = [], 0
    for line in textwrap.wrap(value, FOLD_WIDTH, break_long_words=False,
                              break_on_hyphens=False)[:-1]:
        at = value.index(line, at) + len(line)
        if at < len(value) and value[at] == " ":
            positions.append(at)
    result.fold_pos = positions  # type: ignore[attr-defined]
    return result
