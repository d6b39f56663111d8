"""Structured problems found in story files, and the exception that carries them.

The model reports *what* is wrong and *where*; the CLI and UI decide how to show it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    path: Path
    line: int  # 1-based; 0 when the problem concerns the whole file
    column: int  # 1-based; 0 when unknown
    message: str
    severity: str = "error"  # or "warning"
    # The field it is about (("events", 2, "date")), when known: the editor goes there.
    where: tuple[str | int, ...] = field(default=(), compare=False)

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}:{self.column}" if self.line else f"{self.path}"
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
