"""Remembers the checked data of unchanged story files between runs.

Reading and checking YAML is the slow part of opening a large library. A story file whose
size and modification time are unchanged since it last passed every check is taken from
this cache instead (like Python's .pyc files); anything else is read and checked afresh.
The cache is a JSON file in the user's cache folder; if it is missing, corrupt or cannot be
written, the library simply loads without it.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


def _fingerprint() -> str:
    """Changes whenever the app or the story format changes, so old entries are dropped."""
    from storyplayer import __version__
    from storyplayer.resources import resource

    schema = resource("schema/story.schema.json").read_bytes()
    return f"{__version__}:{hashlib.sha256(schema).hexdigest()[:16]}"


def default_cache_file() -> Path:
    import platformdirs

    return Path(platformdirs.user_cache_dir("storyplayer", appauthor=False)) / "library.json"


class LibraryCache:
    def __init__(self, file: Path):
        self.file = file
        self._fingerprint = _fingerprint()
        self._entries: dict[str, list[Any]] = {}
        self._seen: set[str] = set()
        self._dirty = False
        try:
            stored = json.loads(file.read_text(encoding="utf-8"))
            if stored.get("fingerprint") == self._fingerprint:
                self._entries = dict(stored.get("entries", {}))
        except FileNotFoundError:
            pass
        except (OSError, ValueError, AttributeError) as error:
            log.info("library cache %s not used: %s", file, error)

    @staticmethod
    def _key(file: Path, stat: os.stat_result) -> tuple[str, list[int]]:
        return str(file.resolve()), [stat.st_size, stat.st_mtime_ns]

    def get(self, file: Path, stat: os.stat_result) -> Any | None:
        """The checked data of `file` if it is unchanged since it was stored."""
        key, identity = self._key(file, stat)
        self._seen.add(key)
        entry = self._entries.get(key)
        if entry is not None and entry[0] == identity:
            return entry[1]
        return None

    def put(self, file: Path, stat: os.stat_result, data: Any) -> None:
        key, identity = self._key(file, stat)
        self._seen.add(key)
        self._entries[key] = [identity, data]
        self._dirty = True

    def save(self) -> None:
        """Write the cache (only what was seen this run) atomically; never raises."""
        if not self._dirty and self._seen >= set(self._entries):
            return
        entries = {k: v for k, v in self._entries.items() if k in self._seen}
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(
                "w", encoding="utf-8", dir=self.file.parent, delete=False, suffix=".tmp"
            ) as out:
                json.dump(
                    {"fingerprint": self._fingerprint, "entries": entries},
                    out,
                    ensure_ascii=False,
                    separators=(",", ":"),
                )
            os.replace(out.name, self.file)
            self._dirty = False
        except OSError as error:
            log.info("library cache %s not written: %s", self.file, error)
            try:
                os.unlink(out.name)
            except (OSError, UnboundLocalError):
                pass
