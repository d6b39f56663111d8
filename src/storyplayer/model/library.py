"""The library: every story found in the bundled, user and extra folders, valid or not.

One broken story never hides the others; it is kept with its problems so the picker and
`--list` can show why it does not play.
"""

from __future__ import annotations

import atexit
import functools
import gc
import logging
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from stat import S_ISLNK, S_ISREG

from storyplayer.model.library_cache import LibraryCache
from storyplayer.model.loader import STORY_FILE, check_found, check_story
from storyplayer.model.problems import Problem
from storyplayer.model.safe_files import FileRefused, resolve, safe_exists, safe_is_dir
from storyplayer.model.story import Story

log = logging.getLogger(__name__)


@dataclass
class Entry:
    """One story folder or file of the library, with its story when it is valid."""

    path: Path
    story: Story | None
    problems: list[Problem] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return self.story is not None

    @property
    def reason(self) -> str:
        """The first error, in one line, for a card or a list."""
        errors = [p for p in self.problems if p.is_error]
        return errors[0].message if errors else ""

    @property
    def name(self) -> str:
        return self.path.name if self.path.name != STORY_FILE else self.path.parent.name


def isolated() -> bool:
    """True when STORYPLAYER_ISOLATED is set: no user library, cache or config is touched
    (tests, benchmarks and screenshots run like this)."""
    return bool(os.environ.get("STORYPLAYER_ISOLATED"))


@functools.cache
def isolated_dir() -> Path:
    """Where an isolated run keeps what it would otherwise write into the user's folders
    (stories saved or installed, the editor's autosaves): a temporary folder of its own,
    removed when the run ends."""
    folder = Path(tempfile.mkdtemp(prefix="storyplayer-isolated-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


def default_folders(extra: Sequence[Path] = ()) -> list[Path]:
    """The bundled stories, the user's library folder (unless isolated), then `extra`."""
    from storyplayer.resources import bundled_stories_dir

    folders = [bundled_stories_dir()]
    if not isolated():
        folders.append(user_library_dir())
    return folders + list(extra)


def default_cache(name: str = "library.cache") -> LibraryCache | None:
    """The user's library cache, or None when isolated. The bundled gazetteer's checked
    places are kept the same way in "gazetteer.cache" beside it: a file of their own, as the
    library's keeps only the stories it saw."""
    from storyplayer.model.library_cache import default_cache_file

    return None if isolated() else LibraryCache(default_cache_file(name))


def load_default(extra: Sequence[Path] = ()) -> Library:
    """The library the app and `--list` show: bundled, user and `extra` folders, cached."""
    return Library.load(default_folders(extra), optional=[user_library_dir()],
                        cache=default_cache())


def user_library_dir() -> Path:
    """Where a user drops stories of their own (created on first use by the app), and where
    the editor saves and packages are installed; a temporary one when isolated."""
    if isolated():
        return isolated_dir() / "stories"
    import platformdirs

    return Path(platformdirs.user_data_dir("storyplayer", appauthor=False)) / "stories"


class Library:
    """Stories by id, with categories and text search across every language."""

    def __init__(self, entries: Iterable[Entry] = (), problems: Iterable[Problem] = ()):
        self.entries: list[Entry] = []
        self.problems: list[Problem] = list(problems)  # about folders and duplicates
        self._by_id: dict[str, Story] = {}
        for entry in entries:
            self._add(entry)

    @classmethod
    def load(
        cls,
        folders: Iterable[Path],
        *,
        optional: Iterable[Path] = (),
        cache: LibraryCache | None = None,
    ) -> Library:
        """Scan `folders` (each a library folder, or one story folder). Missing `optional`
        folders are skipped quietly; other missing folders are reported. A `cache` skips
        re-reading unchanged stories checked on an earlier run, and is saved afterwards."""
        library = cls()
        quiet = {Path(p) for p in optional}
        with _few_collections():
            for folder in folders:
                folder = Path(folder)
                if not safe_is_dir(folder):
                    if folder not in quiet:
                        missing = not safe_exists(folder)
                        message = "library folder not found" if missing else "not a folder"
                        library.problems.append(Problem(folder, 0, 0, message))
                    continue
                try:
                    boundary = resolve(folder)
                except FileRefused as error:
                    library.problems.append(Problem(folder, 0, 0, error.message))
                    continue
                for path, file, resolved, stat in _story_files(folder, boundary, library.problems):
                    try:
                        if resolved is None or stat is None:  # links, loose files: the long way
                            story, problems = check_story(path, root=folder, cache=cache)
                        else:
                            story, problems = check_found(
                                file, resolved, boundary, cache=cache, stat=stat
                            )
                    except Exception as error:  # a checker's bug: one story lost, not all
                        log.exception("story %s could not be checked", file)
                        story, problems = None, [Problem(file, 0, 0, f"cannot be checked: "
                                                         f"{type(error).__name__}")]
                    library._add(Entry(path, story, problems))
            if cache is not None:
                cache.save()
        return library

    def _add(self, entry: Entry) -> None:
        story = entry.story
        if story is not None and story.id in self._by_id:
            first = self._by_id[story.id]
            message = f"duplicate id '{story.id}' (also used by {first.folder})"
            entry.problems.append(Problem(entry.path, 0, 0, message))
            entry.story = None
        elif story is not None:
            self._by_id[story.id] = story
        self.entries.append(entry)

    @property
    def stories(self) -> list[Story]:
        return list(self._by_id.values())

    @property
    def invalid(self) -> list[Entry]:
        return [e for e in self.entries if not e.valid]

    def get(self, story_id: str) -> Story:
        """The story with this id; KeyError if there is none."""
        return self._by_id[story_id]

    def __contains__(self, story_id: object) -> bool:
        return story_id in self._by_id

    def categories(self) -> list[str]:
        return sorted({c for s in self._by_id.values() for c in s.categories})

    def search(self, query: str = "", category: str | None = None) -> list[Story]:
        """Stories whose title or summary, in any language, contains every word of `query`."""
        words = query.casefold().split()
        found = []
        for story in self._by_id.values():
            if category and category not in story.categories:
                continue
            haystack = search_text(story)
            if all(word in haystack for word in words):
                found.append(story)
        return found


def search_text(story: Story) -> str:
    """What a search looks in: titles and summaries in every language, and categories."""
    parts = [story.title.all_text(), story.summary.all_text() if story.summary else ""]
    return "\n".join([*parts, *story.categories]).casefold()


@contextmanager
def _few_collections() -> Iterator[None]:
    """Holds off the cyclic garbage collector while a library loads.

    Loading makes a great many small objects that all live as long as the library, so the
    collector would run again and again over a growing heap to find nothing: it doubled the
    load time. Afterwards they go straight to the oldest generation (freeze, then unfreeze,
    moves them there without looking at each), unless something else froze objects for good.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if gc.get_freeze_count() == 0:
            gc.freeze()
            gc.unfreeze()
        if was_enabled:
            gc.enable()


# What a library folder yields for each story: the path the library names it by, its story
# file, and for a plain story folder (no links) that file resolved and its stat.
_Found = tuple[Path, Path, "Path | None", "os.stat_result | None"]


def _story_files(folder: Path, boundary: Path, problems: list[Problem]) -> list[_Found]:
    """Story folders (and loose .yaml files) in a library folder, or the folder itself."""
    if (folder / STORY_FILE).exists():
        return [(folder, folder / STORY_FILE, None, None)]
    try:
        children = sorted(folder.iterdir())
    except OSError as error:
        problems.append(Problem(folder, 0, 0, f"cannot be read: {error.strerror or error}"))
        return []
    found: list[_Found] = []
    for child in children:
        if child.name.startswith("."):
            continue
        try:
            _found_in(child, boundary, found)
        except (OSError, ValueError, RuntimeError) as error:  # e.g. a path over PATH_MAX
            reason = getattr(error, "strerror", None) or str(error)
            problems.append(Problem(child, 0, 0, f"cannot be read: {reason}"))
    return found


def _found_in(child: Path, boundary: Path, found: list[_Found]) -> None:
    """Adds the story in the library folder's entry `child` to `found`, if it holds one."""
    file = child / STORY_FILE
    try:
        stat = os.lstat(file)  # one question answers: a folder, with a story file?
    except OSError:
        stat = None
    if stat is not None and (not S_ISLNK(stat.st_mode) or file.exists()):
        if S_ISREG(stat.st_mode) and not child.is_symlink():
            # Neither the folder nor its file is a link, so the file lies where its name
            # says and needs no resolving (which asks the file system once per folder).
            found.append((child, file, boundary / child.name / STORY_FILE, stat))
        else:
            found.append((child, file, None, None))
    elif child.suffix in (".yaml", ".yml") and (child.is_file() or child.is_symlink()):
        found.append((child, child, None, None))
