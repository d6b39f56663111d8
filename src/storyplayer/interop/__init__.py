"""Importing stories written for other tools (StoryMapJS, TimelineJS) into our format.

`import_file` reads a file, detects its format and writes a story folder; everything that
could not be carried over comes back as warnings for the user.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from storyplayer.interop.draft import ImportFailure

__all__ = ["ImportFailure", "ImportReport", "import_file"]


@dataclass(frozen=True)
class ImportReport:
    folder: Path
    title: str
    source_format: str
    events: int
    warnings: tuple[str, ...]


def import_file(
    path: Path,
    output: Path | None = None,
    *,
    force: bool = False,
    fetch_media: bool = False,
    cwd: Path | None = None,
) -> ImportReport:
    """Imports `path` into a story folder (default ./<slug-of-title>); raises ImportFailure."""
    from storyplayer.interop.detect import read_draft
    from storyplayer.interop.media_fetch import fetch_image
    from storyplayer.interop.writer import default_folder, write_story

    draft = read_draft(path)
    target = output if output is not None else default_folder(draft, cwd or Path.cwd())
    folder = write_story(draft, target, force=force, fetcher=fetch_image if fetch_media else None)
    return ImportReport(
        folder=folder,
        title=draft.title,
        source_format=draft.source_format,
        events=len(draft.events),
        warnings=tuple(draft.warnings.lines()),
    )
