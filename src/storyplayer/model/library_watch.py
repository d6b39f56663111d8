"""Noticing changes to library folders and the config file on a share, by polling.

Network shares and synced folders often deliver no change notifications, so the kiosk looks
every so often: a :class:`Snapshot` is the size and modification time of every file in each
story (keyed by folder and story name) and of the config file. Comparing two gives
:class:`Changes`: stories added, changed and removed, the config changed, folders that could
not be reached. A folder that cannot be reached changes nothing: its stories stay as they
were last seen, until it is back. No Qt here.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

MAX_FILES_PER_STORY = 2_000  # a runaway folder costs one look, not the kiosk's time
Fingerprint = tuple[tuple[str, int, int], ...]


@dataclass(frozen=True)
class Snapshot:
    stories: dict[str, Fingerprint] = field(default_factory=dict)  # "folder/story" -> files
    config: tuple[int, int] | None = None  # (size, mtime_ns); None: no file
    unreachable: frozenset[str] = frozenset()  # folders that could not be read


@dataclass(frozen=True)
class Changes:
    added: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    config: bool = False
    lost: tuple[str, ...] = ()  # folders that went away since the last look
    back: tuple[str, ...] = ()  # folders that came back

    @property
    def library(self) -> bool:
        return bool(self.added or self.changed or self.removed)

    def __bool__(self) -> bool:
        return self.library or self.config or bool(self.lost or self.back)

    def describe(self) -> str:
        """One line for the log and the heartbeat."""
        parts = []
        for label, names in (("added", self.added), ("changed", self.changed),
                             ("removed", self.removed)):
            if names:
                parts.append(f"{label}: {', '.join(_story_name(n) for n in names)}")
        if self.config:
            parts.append("config changed")
        if self.lost:
            parts.append(f"cannot reach: {', '.join(self.lost)}")
        if self.back:
            parts.append(f"reachable again: {', '.join(self.back)}")
        return "; ".join(parts) or "no changes"


def _story_name(key: str) -> str:
    return key.rsplit("/", 1)[-1]


def _fingerprint(path: Path) -> Fingerprint:
    if path.is_file():
        stat = path.stat()
        return ((path.name, stat.st_size, stat.st_mtime_ns),)
    files: list[tuple[str, int, int]] = []
    for root, folders, names in os.walk(path):
        folders[:] = sorted(f for f in folders if not f.startswith("."))
        for name in sorted(names):
            if name.startswith("."):
                continue
            file = os.path.join(root, name)
            stat = os.stat(file)
            files.append((os.path.relpath(file, path), stat.st_size, stat.st_mtime_ns))
            if len(files) >= MAX_FILES_PER_STORY:
                return tuple(files)
    return tuple(files)


def take_snapshot(folders: Iterable[Path], config: Path | None = None,
                  previous: Snapshot | None = None) -> Snapshot:
    """What the folders and the config file hold now. An unreadable folder keeps its
    stories from `previous` and is listed as unreachable."""
    stories: dict[str, Fingerprint] = {}
    unreachable: set[str] = set()
    for folder in folders:
        folder = Path(folder)
        key = str(folder)
        try:
            if (folder / "story.yaml").is_file():  # the folder is itself one story
                children = [folder]
            else:
                children = [c for c in folder.iterdir() if not c.name.startswith(".")]
                children = [c for c in children
                            if c.is_dir() or c.suffix in (".yaml", ".yml")]
            found = {f"{key}/{child.name}": _fingerprint(child) for child in children}
        except OSError:
            unreachable.add(key)
            if previous is not None:
                stories.update({k: v for k, v in previous.stories.items()
                                if k.startswith(key + "/")})
            continue
        stories.update(found)
    stamp = None
    if config is not None:
        try:
            stat = Path(config).stat()
            stamp = (stat.st_size, stat.st_mtime_ns)
        except FileNotFoundError:
            stamp = None
        except OSError:  # on a share that is down: as it was
            stamp = previous.config if previous is not None else None
    return Snapshot(stories, stamp, frozenset(unreachable))


def compare(old: Snapshot, new: Snapshot) -> Changes:
    added = tuple(sorted(k for k in new.stories if k not in old.stories))
    removed = tuple(sorted(k for k in old.stories if k not in new.stories))
    changed = tuple(sorted(k for k in new.stories
                           if k in old.stories and new.stories[k] != old.stories[k]))
    return Changes(added, changed, removed, config=old.config != new.config,
                   lost=tuple(sorted(new.unreachable - old.unreachable)),
                   back=tuple(sorted(old.unreachable - new.unreachable)))


def merge(first: Changes, second: Changes) -> Changes:
    """Changes seen in two looks, told as one (pending until they are applied)."""
    def union(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(sorted(set(a) | set(b)))

    return Changes(union(first.added, second.added), union(first.changed, second.changed),
                   union(first.removed, second.removed), first.config or second.config,
                   union(first.lost, second.lost), union(first.back, second.back))
