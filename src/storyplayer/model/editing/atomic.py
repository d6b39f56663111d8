"""Writing a file so that a crash or power cut leaves either the old file or the new one,
never half of each: a temporary file beside it, flushed to disk, then renamed over it."""

from __future__ import annotations

import os
import secrets
from pathlib import Path


def write_atomic(path: Path, data: str | bytes) -> None:
    """Replaces `path` with `data` (text is written as UTF-8) in one rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    handle, temporary = temporary_beside(path, ".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(raw)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    _sync_folder(path.parent)


def temporary_beside(path: Path, suffix: str) -> tuple[int, Path]:
    """A new hidden file beside `path`, open for writing: (descriptor, its path). Made with
    the permissions of any new file (the user's umask), not tempfile's owner-only ones, so a
    story or package put on a shared folder can be read by the colleagues it is for."""
    for _ in range(100):
        temporary = path.parent / f".{path.name}.{secrets.token_hex(6)}{suffix}"
        try:
            return os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666), temporary
        except FileExistsError:
            continue
    raise FileExistsError(f"{path.parent}: no free temporary name")


def _sync_folder(folder: Path) -> None:
    """Makes the rename itself durable (where the platform can open a folder)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
