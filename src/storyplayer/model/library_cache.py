"""Remembers the checked stories of unchanged story files between runs.

Reading and checking YAML is the slow part of opening a large library. A story file whose
size and modification time are unchanged since it was last checked is taken from this
cache instead (like Python's .pyc files); anything else is read and checked afresh.
The cache is one file in the user's cache folder, read once as the library opens; if it is
missing, corrupt, written by another version of the app, or cannot be written, the library
simply loads without it. The bundled gazetteer's checked places are kept the same way, in a
file of their own (model/gazetteer.py).
"""

from __future__ import annotations

import copyreg
import hashlib
import io
import logging
import os
import pickle
import tempfile
from pathlib import Path
from typing import Any

from storyplayer.model.text import LocalText

log = logging.getLogger(__name__)

# Source files whose change alters what a checked story is: a cached story is only reused
# while all of them are byte for byte the ones that checked it.
_CHECKING_MODULES = (
    "dates.py", "library_cache.py", "loader.py", "problems.py", "story.py", "text.py",
    "yaml_source.py", "gazetteer.py", "safe_files.py", "geojson.py", "rich_text.py",
)  # fmt: skip

# The only classes a cache file may build: the checked story's own (and the gazetteer's).
# Anything else in the file (tampering, or a future format) makes that entry, or the whole
# file, unused.
_ALLOWED_CLASSES = {
    ("storyplayer.model.story", name) for name in (
        "Story", "Event", "Place", "Image", "Overlay", "PathStyle"
    )
} | {
    ("storyplayer.model.gazetteer", name) for name in ("Gazetteer", "PlaceEntry", "Period")
} | {
    ("storyplayer.model.dates", "DateSpan"),
    ("storyplayer.model.dates", "HistDate"),
    ("storyplayer.model.problems", "Problem"),
    ("storyplayer.model.text", "LocalText"),
    ("pathlib", "Path"),
    ("pathlib", "PosixPath"),
    ("pathlib", "WindowsPath"),
}


def _fingerprint() -> str:
    """Changes whenever the app, the story format or the checking code changes, so stories
    checked by other code are never reused."""
    from storyplayer import __version__
    from storyplayer.resources import resource

    digest = hashlib.sha256(resource("schema/story.schema.json").read_bytes())
    here = Path(__file__).parent
    for name in _CHECKING_MODULES:
        try:
            digest.update((here / name).read_bytes())
        except OSError:  # a frozen app ships no sources; its version then says it all
            pass
    return f"{__version__}:{digest.hexdigest()[:24]}"


def default_cache_file(name: str = "library.cache") -> Path:
    """`name` in the user's cache folder: the library's cache, or the gazetteer's beside it."""
    import platformdirs

    return Path(platformdirs.user_cache_dir("storyplayer", appauthor=False)) / name


class _Unpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if (module, name) not in _ALLOWED_CLASSES:
            raise pickle.UnpicklingError(f"{module}.{name} is not part of a story")
        return super().find_class(module, name)


def _local_text(text: LocalText) -> tuple[type[LocalText], tuple[Any, ...]]:
    # A frozen slotted dataclass otherwise pickles through Python-level __setstate__ calls,
    # which makes reading the cache twice as slow.
    return LocalText, (text.versions,)


_DISPATCH = copyreg.dispatch_table.copy()
_DISPATCH[LocalText] = _local_text


def _dumps(value: Any) -> bytes:
    out = io.BytesIO()
    pickler = pickle.Pickler(out, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = _DISPATCH
    pickler.dump(value)
    return out.getvalue()


def _loads(data: bytes) -> Any:
    return _Unpickler(io.BytesIO(data)).load()


# An entry: the file's size, modification time and path as the library named it (a story's
# folder and default id come from that name), then its pickled checked data.
_Entry = tuple[int, int, str, bytes]


class LibraryCache:
    def __init__(self, file: Path):
        self.file = file
        self._fingerprint = _fingerprint()
        self._entries: dict[str, _Entry] = {}
        self._seen: set[str] = set()
        self._dirty = False
        try:
            with file.open("rb") as stream:
                stored = _Unpickler(stream).load()
            if stored["fingerprint"] == self._fingerprint:
                entries = stored["entries"]
                if not isinstance(entries, dict):
                    raise ValueError("entries are not a mapping")
                self._entries = entries
        except FileNotFoundError:
            pass
        except Exception as error:  # noqa: BLE001 - any damage to the file only costs speed
            log.info("library cache %s not used: %s", file, error)

    def get(self, resolved: Path, stat: os.stat_result, name: str) -> Any | None:
        """The data stored for the story file `resolved` (found as `name`) if the file is
        unchanged since, else None."""
        key = str(resolved)
        self._seen.add(key)
        entry = self._entries.get(key)
        try:
            if entry is None or entry[:3] != (stat.st_size, stat.st_mtime_ns, name):
                return None
            return _loads(entry[3])
        except Exception as error:  # noqa: BLE001 - a damaged entry is read afresh
            log.info("library cache entry for %s not used: %s", key, error)
            return None

    def put(self, resolved: Path, stat: os.stat_result, name: str, data: Any) -> None:
        key = str(resolved)
        self._seen.add(key)
        self._entries[key] = (stat.st_size, stat.st_mtime_ns, name, _dumps(data))
        self._dirty = True

    def _remove_old_format(self) -> None:
        """Earlier versions kept the cache as library.json beside this one; it is never read
        again, so it should not stay behind taking room."""
        old = self.file.with_name("library.json")
        if old != self.file:
            try:
                old.unlink(missing_ok=True)
            except OSError:
                pass

    def save(self) -> None:
        """Write the cache (only what was seen this run) atomically; never raises."""
        if not self._dirty and self._seen >= set(self._entries):
            return
        entries = {k: v for k, v in self._entries.items() if k in self._seen}
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(
                "wb", dir=self.file.parent, delete=False, suffix=".tmp"
            ) as out:
                pickle.dump(
                    {"fingerprint": self._fingerprint, "entries": entries},
                    out,
                    protocol=pickle.HIGHEST_PROTOCOL,
                )
            os.replace(out.name, self.file)
            self._dirty = False
            self._remove_old_format()
        except OSError as error:
            log.info("library cache %s not written: %s", self.file, error)
            try:
                os.unlink(out.name)
            except (OSError, UnboundLocalError):
                pass
