"""Structured problems found in story files, and the exception that carries them.

The model reports *what* is wrong and *where*; the CLI and UI decide how to show it.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

MAX_MESSAGE = 500
# Control characters (a terminal escape, a line break) and Unicode line separators
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def one_line(text: str, limit: int = MAX_MESSAGE) -> str:
    """`text` as one printable line of at most `limit` characters."""
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return _CONTROL.sub("\N{REPLACEMENT CHARACTER}", text)


@dataclass(frozen=True)
class Problem:
    path: Path
    line: int  # 1-based; 0 when the problem concerns the whole file
    column: int  # 1-based; 0 when unknown
    message: str
    severity: str = "error"  # or "warning"
    # The field it is about (("events", 2, "date")), when known: the editor goes there.
    where: tuple[str | int, ...] = field(default=(), compare=False)

    def __post_init__(self) -> None:
        # A message may quote the file (a key, a value): one short line, whatever it holds.
        object.__setattr__(self, "message", one_line(self.message))

    def __str__(self) -> str:
        path = one_line(str(self.path), MAX_MESSAGE)
        where = f"{path}:{self.line}:{self.column}" if self.line else path
        prefix = "warning: " if self.severity == "warning" else ""
        return f"{where}: {prefix}{self.message}"

    def to_json(self) -> dict[str, object]:
        data = asdict(self)
        data["path"] = str(self.path)
        data.pop("where", None)
        return data

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


class StoryError(Exception):
    """A story could not be loaded; `problems` says every reason found."""

    def __init__(self, problems: list[Problem]):
        super().__init__(str(problems[0]) if problems else "invalid story")
        self.problems = problems
