"""Reads a story file safely into plain data, keeping where each value stood in the file.

Stories are untrusted: the reader refuses files that are too large, not UTF-8, or use YAML
features that build objects or expand without bound (alias "bombs", recursive aliases).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

try:  # the C parser is several times faster on a large library
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

MAX_FILE_BYTES = 1024 * 1024  # a story with 500 long events stays far below this
MAX_NODES = 200_000  # counted with aliases expanded, so an alias bomb stops here
MAX_DEPTH = 40

_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_STR, _MAP, _SEQ, _NULL, _BOOL, _INT, _FLOAT, _MERGE = (
    "tag:yaml.org,2002:" + name
    for name in ("str", "map", "seq", "null", "bool", "int", "float", "merge")
)
_ALLOWED_TAGS = {_STR, _MAP, _SEQ, _NULL, _BOOL, _INT, _FLOAT}

Path_ = tuple[str | int, ...]


class _StoryLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """Safe loader that leaves dates as written: the story format parses them itself."""

    yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != _TIMESTAMP]
        for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
    }


class SourceError(Exception):
    """The file cannot be read as a story document at all."""

    def __init__(self, message: str, line: int = 0, column: int = 0):
        super().__init__(message)
        self.message, self.line, self.column = message, line, column


@dataclass
class Document:
    """Plain data from a YAML file, plus the line and column of every value and key."""

    data: Any
    value_marks: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def where(self, path: Path_, *, key: bool = False) -> tuple[int, int]:
        """The position of `path` (or of its key), else of its nearest known parent."""
        marks = self.key_marks if key else self.value_marks
        while path:
            if path in marks:
                return marks[path]
            if not key and path in self.key_marks:
                return self.key_marks[path]
            path = path[:-1]
        return self.value_marks.get((), (1, 1))


def read_text(path: Path) -> str:
    """The file's text, or SourceError if it is too large, empty or not UTF-8."""
    try:
        with path.open("rb") as stream:
            raw = stream.read(MAX_FILE_BYTES + 1)
    except IsADirectoryError:
        raise SourceError("is a folder, not a story file") from None
    except OSError as error:
        raise SourceError(f"cannot be read: {error.strerror or error}") from None
    if len(raw) > MAX_FILE_BYTES:
        raise SourceError(f"is larger than the {MAX_FILE_BYTES // 1024} KiB a story file may be")
    if not raw.strip():
        raise SourceError("is empty")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = error.start - (before.rfind(b"\n") + 1) + 1
        raise SourceError("is not UTF-8 text (save it as UTF-8)", line, column) from None


def parse_document(text: str) -> Document:
    """Parse one YAML document, refusing object-building tags and unbounded expansion."""
    loader = _StoryLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise SourceError("holds no YAML document")
        doc = Document(data=None)
        doc.data = _Builder(loader, doc).build(node, (), 0)
        return doc
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        problem = error.problem or error.context or "is not valid YAML"
        raise SourceError(f"is not valid YAML: {problem}", line, column) from None
    except yaml.YAMLError as error:
        raise SourceError(f"is not valid YAML: {error}") from None
    except (ValueError, RecursionError) as error:  # e.g. a number PyYAML cannot convert
        raise SourceError(f"is not valid YAML: {error}") from None
    finally:
        loader.dispose()


def _position(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


class _Builder:
    """Builds plain data from the node graph in one walk, recording marks and enforcing limits.

    Doing this here rather than with PyYAML's constructor halves the time a large library
    takes, and lets every value be counted as often as aliases repeat it.
    """

    def __init__(self, loader: _StoryLoader, doc: Document):
        self.loader, self.doc, self.budget = loader, doc, MAX_NODES

    def build(self, node: yaml.Node, path: Path_, depth: int) -> Any:
        self.budget -= 1
        if self.budget < 0:
            raise SourceError(
                "expands to too many values (anchors and aliases nested too deeply?)",
                *_position(node),
            )
        if depth > MAX_DEPTH:
            raise SourceError(f"nests deeper than {MAX_DEPTH} levels", *_position(node))
        tag = node.tag
        if tag not in _ALLOWED_TAGS or tag == _MERGE:
            raise SourceError(
                f"uses the YAML tag {tag!r}, which is not allowed: a story is plain data",
                *_position(node),
            )
        if path not in self.doc.value_marks:
            self.doc.value_marks[path] = _position(node)
        if tag == _STR:
            return node.value
        if tag == _MAP:
            return self._mapping(node, path, depth)
        if tag == _SEQ:
            return [self.build(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
        if tag == _NULL:
            return None
        if tag == _BOOL:
            return self.loader.construct_yaml_bool(node)
        if tag == _INT:
            return self.loader.construct_yaml_int(node)
        return self.loader.construct_yaml_float(node)

    def _mapping(self, node: yaml.MappingNode, path: Path_, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE:
                raise SourceError(
                    "uses a merge key (<<), which stories do not support", *_position(key_node)
                )
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != _STR:
                raise SourceError(
                    f"has a key {getattr(key_node, 'value', '?')!r} that is not plain text "
                    "(quote it)",
                    *_position(key_node),
                )
            key = key_node.value
            if key in result:
                raise SourceError(f"has the key '{key}' twice", *_position(key_node))
            child = (*path, key)
            self.doc.key_marks[child] = _position(key_node)
            result[key] = self.build(value_node, child, depth + 1)
        return result
