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
_ALLOWED_TAGS = {
    "tag:yaml.org,2002:" + name
    for name in ("str", "int", "float", "bool", "null", "seq", "map", "merge")
}

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
        _check(node, (), doc, depth=0, budget=[MAX_NODES])
        doc.data = loader.construct_document(node)
        return doc
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        problem = error.problem or error.context or "is not valid YAML"
        raise SourceError(f"is not valid YAML: {problem}", line, column) from None
    except yaml.YAMLError as error:
        raise SourceError(f"is not valid YAML: {error}") from None
    except RecursionError:
        raise SourceError(f"nests deeper than {MAX_DEPTH} levels") from None
    finally:
        loader.dispose()


def _position(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _check(node: yaml.Node, path: Path_, doc: Document, depth: int, budget: list[int]) -> None:
    """Walk the node graph once as the data will be seen, recording marks and enforcing limits."""
    budget[0] -= 1
    if budget[0] < 0:
        raise SourceError(
            "expands to too many values (anchors and aliases nested too deeply?)", *_position(node)
        )
    if depth > MAX_DEPTH:
        raise SourceError(f"nests deeper than {MAX_DEPTH} levels", *_position(node))
    if node.tag not in _ALLOWED_TAGS:
        raise SourceError(
            f"uses the YAML tag {node.tag!r}, which is not allowed: a story is plain data",
            *_position(node),
        )
    doc.value_marks.setdefault(path, _position(node))
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                _check(value_node, path, doc, depth + 1, budget)
                continue
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != "tag:yaml.org,2002:str":
                raise SourceError(
                    f"has a key {getattr(key_node, 'value', '?')!r} that is not plain text "
                    "(quote it)",
                    *_position(key_node),
                )
            child = (*path, key_node.value)
            doc.key_marks.setdefault(child, _position(key_node))
            _check(value_node, child, doc, depth + 1, budget)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _check(item, (*path, index), doc, depth + 1, budget)
