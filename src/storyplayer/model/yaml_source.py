"""Reads a story file safely into plain data, keeping where each value stood in the file.

Stories are untrusted: the reader refuses files that are too large, not UTF-8, or use YAML
features that build objects or expand without bound (alias "bombs", recursive aliases).
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from storyplayer.model.safe_files import FileRefused, read_bytes

if TYPE_CHECKING:
    import yaml

MAX_FILE_BYTES = 1024 * 1024  # a story with 500 long events stays far below this
MAX_NODES = 200_000  # counted with aliases expanded, so an alias bomb stops here
MAX_DEPTH = 40
MAX_NUMBER_CHARS = 40  # far more than any latitude, zoom or year needs

_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_STR, _MAP, _SEQ, _NULL, _BOOL, _INT, _FLOAT, _MERGE = (
    "tag:yaml.org,2002:" + name
    for name in ("str", "map", "seq", "null", "bool", "int", "float", "merge")
)
_ALLOWED_TAGS = {_STR, _MAP, _SEQ, _NULL, _BOOL, _INT, _FLOAT}

Path_ = tuple[str | int, ...]


@functools.cache
def _story_loader() -> type:
    """The loader class, made on first parse: PyYAML (about 7 ms to import, most of it
    compiling its patterns) is not needed at all by a start whose stories come from the
    library cache."""
    import yaml

    try:  # the C parser is several times faster on a large library
        from yaml import CSafeLoader as base
    except ImportError:  # pragma: no cover - PyYAML built without libyaml
        from yaml import SafeLoader as base  # type: ignore[assignment]

    class StoryLoader(base):  # type: ignore[misc, valid-type]
        """Safe loader that leaves dates as written: the story format parses them itself."""

        yaml_implicit_resolvers = {
            first: [(tag, regexp) for tag, regexp in resolvers if tag != _TIMESTAMP]
            for first, resolvers in base.yaml_implicit_resolvers.items()
        }

        # The C parser calls these three back in Python for every node, and PyYAML's
        # general versions (path resolvers, wildcard resolvers) cost more than parsing
        # itself. Stories use neither, so these give the same tags with a fraction of the
        # work.
        def resolve(self, kind: type[yaml.Node], value: Any, implicit: tuple[bool, bool]) -> str:
            if kind is yaml.ScalarNode:
                if implicit[0]:
                    tag = _PLAIN_TAGS.get(value)
                    if tag is None:
                        tag = _plain_tag(value)
                    return tag
                return _STR
            return _SEQ if kind is yaml.SequenceNode else _MAP

        def descend_resolver(self, current_node: Any, current_index: Any) -> None:
            pass

        def ascend_resolver(self) -> None:
            pass

    # The fast resolve above is only right while PyYAML keeps no path or wildcard resolvers.
    assert not StoryLoader.yaml_path_resolvers and None not in StoryLoader.yaml_implicit_resolvers
    return StoryLoader


# Keys and short values (title, en, lat, Tallinn, 12) recur in every event of every story;
# their tags are remembered rather than matched against the resolvers' patterns each time.
_PLAIN_TAGS: dict[str, str] = {}
_PLAIN_TAGS_MAX, _PLAIN_TAG_LENGTH = 20_000, 40


def _plain_tag(value: str) -> str:
    tag = _STR
    for candidate, regexp in _story_loader().yaml_implicit_resolvers.get(value[:1], ()):
        if regexp.match(value):
            tag = candidate
            break
    if len(value) <= _PLAIN_TAG_LENGTH:
        if len(_PLAIN_TAGS) >= _PLAIN_TAGS_MAX:
            _PLAIN_TAGS.clear()
        _PLAIN_TAGS[value] = tag
    return tag


class SourceError(Exception):
    """The file cannot be read as a story document at all."""

    def __init__(self, message: str, line: int = 0, column: int = 0):
        super().__init__(message)
        self.message, self.line, self.column = message, line, column


@dataclass
class Document:
    """Plain data from a YAML file, and its node tree to find where each value and key stood.

    Positions are looked up only when a problem is reported, so a valid story (nearly every
    one) never pays for them.
    """

    data: Any
    root: yaml.Node | None = None

    def where(self, path: Path_, *, key: bool = False) -> tuple[int, int]:
        """The position of `path` (or of its key), else of its nearest known parent."""
        if self.root is None:
            return (1, 1)
        node, found, key_found = self.root, _position(self.root), None
        for part in path:
            child = _child(node, part)
            if child is None:
                break
            key_node, node = child
            found = _position(node)
            if key_node is not None:
                key_found = _position(key_node)
        if key:
            return key_found or _position(self.root)
        return found


def _child(node: yaml.Node, part: str | int) -> tuple[yaml.Node | None, yaml.Node] | None:
    """The key node (for a mapping) and value node at `part` under `node`, if there is one."""
    import yaml  # loaded already: `node` came from it

    if isinstance(node, yaml.MappingNode) and isinstance(part, str):
        for key_node, value_node in node.value:
            if key_node.value == part:
                return key_node, value_node
    elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part:
        if part < len(node.value):
            return None, node.value[part]
    return None


def read_text(path: Path) -> str:
    """The file's text, or SourceError if it is too large, empty, not UTF-8 or not a
    regular file (a FIFO or device is refused without waiting on it)."""
    try:
        raw = read_bytes(path, MAX_FILE_BYTES, what="story file")
    except FileRefused as error:
        if error.message.startswith("is larger than"):
            raise SourceError(
                f"is larger than the {MAX_FILE_BYTES // 1024} KiB a story file may be"
            ) from None
        if error.message.startswith("is a folder"):
            raise SourceError("is a folder, not a story file") from None
        raise SourceError(error.message) from None
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
    import yaml

    loader = _story_loader()(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise SourceError("holds no YAML document")
        return Document(_Builder(loader).build(node, 0), node)
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
    """Builds plain data from the node graph in one walk, enforcing the limits.

    Doing this here rather than with PyYAML's constructor halves the time a large library
    takes, and lets every value be counted as often as aliases repeat it.
    """

    def __init__(self, loader: Any):
        import yaml  # loaded already: `loader` came from it

        self.loader, self.budget, self.scalar = loader, MAX_NODES, yaml.ScalarNode

    def build(self, node: yaml.Node, depth: int) -> Any:
        self.budget -= 1
        if self.budget < 0:
            raise SourceError(
                "expands to too many values (anchors and aliases nested too deeply?)",
                *_position(node),
            )
        if depth > MAX_DEPTH:
            raise SourceError(f"nests deeper than {MAX_DEPTH} levels", *_position(node))
        tag = node.tag
        if tag == _STR:
            return node.value
        if tag == _MAP:
            return self._mapping(cast("yaml.MappingNode", node), depth)
        if tag == _SEQ:
            return [self.build(item, depth + 1) for item in node.value]
        if tag not in _ALLOWED_TAGS:
            raise SourceError(
                f"uses the YAML tag {tag!r}, which is not allowed: a story is plain data",
                *_position(node),
            )
        if tag == _NULL:
            return None
        scalar = cast("yaml.ScalarNode", node)
        if tag == _BOOL:
            return self.loader.construct_yaml_bool(scalar)
        if tag == _INT:
            if len(scalar.value) > MAX_NUMBER_CHARS:  # int() of a huge string is slow, then fails
                raise SourceError(
                    f"has a number with more than {MAX_NUMBER_CHARS} digits", *_position(node)
                )
            return self.loader.construct_yaml_int(scalar)
        if len(scalar.value) > MAX_NUMBER_CHARS:
            raise SourceError(
                f"has a number longer than {MAX_NUMBER_CHARS} characters", *_position(node)
            )
        number = self.loader.construct_yaml_float(scalar)
        if not math.isfinite(number):
            # .nan slips past every range check (all comparisons are false), .inf past some
            raise SourceError(
                f"has the number {scalar.value!r}, which is not finite: write a plain number",
                *_position(node),
            )
        return number

    def _mapping(self, node: yaml.MappingNode, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        depth += 1
        for key_node, value_node in node.value:
            tag = key_node.tag
            if tag != _STR or not isinstance(key_node, self.scalar):
                if tag == _MERGE:
                    raise SourceError(
                        "uses a merge key (<<), which stories do not support",
                        *_position(key_node),
                    )
                raise SourceError(
                    f"has a key {getattr(key_node, 'value', '?')!r} that is not plain text "
                    "(quote it)",
                    *_position(key_node),
                )
            key = key_node.value
            if key in result:
                raise SourceError(f"has the key '{key}' twice", *_position(key_node))
            if value_node.tag == _STR and self.budget > 0 and depth <= MAX_DEPTH:
                # build() inlined for the commonest value, text: a third of the walk's time
                self.budget -= 1
                result[key] = value_node.value
            else:
                result[key] = self.build(value_node, depth)
        return result
