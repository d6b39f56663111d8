"""Importing stories written for other tools (StoryMapJS, TimelineJS) into our format.

`import_file` reads a file, detects its format and writes a story folder; the report says
what came over: pictures kept and missing (and why), media kept as links, dates guessed
from the text, and warnings about everything that could not be carried over.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

from storyplayer.interop.draft import GuessedDate, ImportFailure
from storyplayer.interop.media_fetch import Fetched, MediaFetcher
from storyplayer.interop.summary import MissingPicture, guess_lines, picture_lines

__all__ = [
    "GuessedDate",
    "ImportFailure",
    "ImportReport",
    "MediaFetcher",
    "MissingPicture",
    "import_file",
]


@dataclass(frozen=True)
class ImportReport:
    folder: Path
    title: str
    source_format: str
    events: int
    warnings: tuple[str, ...]
    story_id: str = ""
    pictures_kept: int = 0
    pictures_missing: tuple[MissingPicture, ...] = ()
    links: int = 0  # videos, sounds and pages kept as credited links in the sources
    guessed_dates: tuple[GuessedDate, ...] = ()

    def summary_lines(self) -> list[str]:
        """Plain-text lines for the end of an import: pictures, guessed dates, warnings."""
        from storyplayer.interop.summary import MediaTally

        tally = MediaTally(self.pictures_kept, self.pictures_missing, self.links)
        return [
            *picture_lines(tally),
            *guess_lines(self.guessed_dates),
            *(f"warning: {line}" for line in self.warnings),
        ]


def import_file(
    path: Path,
    output: Path | None = None,
    *,
    force: bool = False,
    fetch_media: bool = False,
    cwd: Path | None = None,
    guess_dates: bool = True,
    fetcher: Callable[[str], Fetched] | None = None,
    taken_ids: Collection[str] = (),
    known_places: Sequence[tuple[str, float, float]] | None = None,
) -> ImportReport:
    """Imports `path` into a story folder (default ./<slug-of-title>, numbered when taken);
    raises ImportFailure. Pictures beside `path` are always copied; with `fetch_media`, web
    pictures are downloaded by `fetcher` (default: a MediaFetcher with the app's limits).
    `taken_ids` are story ids already in use (the library's); `known_places` name unnamed
    places (default: the map's place labels)."""
    from storyplayer.interop import finishing
    from storyplayer.interop.detect import read_draft
    from storyplayer.interop.draft import slugify
    from storyplayer.interop.places import PlaceIndex, app_places
    from storyplayer.interop.writer import default_folder, free_name, write_story

    draft = read_draft(path)
    if guess_dates:
        finishing.guess_dates(draft)
    places = known_places if known_places is not None else app_places(draft.language)
    finishing.name_places(draft, PlaceIndex(places))
    finishing.report_undated(draft)
    taken = set(taken_ids)
    if output is None:
        target = default_folder(draft, cwd or Path.cwd(), taken, force=force)
        story_id = target.name
    else:
        target = output
        base = slugify(draft.title) or "imported-story"
        story_id = free_name(base, lambda name: name in taken)
    if fetch_media and fetcher is None:
        fetcher = MediaFetcher()
    folder, tally = write_story(
        draft,
        target,
        force=force,
        fetcher=fetcher if fetch_media else None,
        media_base=path.absolute().parent,
        story_id=story_id,
    )
    return ImportReport(
        folder=folder,
        title=draft.title,
        source_format=draft.source_format,
        events=len(draft.events),
        warnings=tuple(draft.warnings.lines()),
        story_id=story_id,
        pictures_kept=tally.pictures_kept,
        pictures_missing=tally.pictures_missing,
        links=tally.links,
        guessed_dates=tuple(draft.guesses),
    )
