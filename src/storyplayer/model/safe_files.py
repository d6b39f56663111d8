"""The one way the app opens a file it did not write: stories, media, config, tile sets,
images and import input.

Files arrive from many hands, so every open goes through here: names are checked (no NUL,
no component over 255 bytes, no path over 4096), links are resolved without following a
loop, and only regular files are read. The check is made on the open descriptor, opened
without blocking, so a FIFO, device or socket is refused rather than waited on or read
forever; reads stop at a size limit. Every refusal is a `FileRefused` with one sentence.
"""

from __future__ import annotations

import errno
import os
import stat as stat_module
from pathlib import Path

MAX_NAME_BYTES = 255  # one path component (the limit of ext4, NTFS, APFS)
MAX_PATH_BYTES = 4096

_KINDS = (
    (stat_module.S_ISDIR, "is a folder, not a file"),
    (stat_module.S_ISFIFO, "is a pipe (FIFO), not a regular file"),
    (stat_module.S_ISCHR, "is a device, not a regular file"),
    (stat_module.S_ISBLK, "is a device, not a regular file"),
    (stat_module.S_ISSOCK, "is a socket, not a regular file"),
)


class FileRefused(Exception):
    """A file the app will not read; str(e) is one clear sentence (without the file name)."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def name_problem(name: str) -> str | None:
    """Why the path `name` cannot name a file at all, or None if it can."""
    if "\0" in name:
        return "has a NUL character in its name"
    try:
        encoded = os.fsencode(name)
    except UnicodeError:
        return "has a name that cannot be written on this system"
    if len(encoded) > MAX_PATH_BYTES:
        return f"has a path longer than {MAX_PATH_BYTES} bytes"
    if any(len(part) > MAX_NAME_BYTES for part in encoded.split(b"/")):
        return f"has a name longer than {MAX_NAME_BYTES} bytes"
    return None


def _os_problem(error: OSError) -> str:
    if error.errno == errno.ELOOP:
        return "is a symbolic link that loops"
    if error.errno == errno.ENAMETOOLONG:
        return "has a name that is too long"
    if error.errno in (errno.ENOENT, errno.ENOTDIR):
        return "does not exist"
    if error.errno == errno.ENXIO:
        return "is a socket or device, not a regular file"
    if error.errno in (errno.EACCES, errno.EPERM):
        return "cannot be read: permission denied"
    return f"cannot be read: {error.strerror or error}"


def resolve(path: Path) -> Path:
    """`path` made absolute with every link followed; FileRefused for a loop or bad name."""
    problem = name_problem(str(path))
    if problem:
        raise FileRefused(problem)
    try:
        return path.resolve()
    except RuntimeError:  # Python 3.11 reports a loop this way
        raise FileRefused("is a symbolic link that loops") from None
    except (OSError, ValueError) as error:
        raise FileRefused(
            _os_problem(error) if isinstance(error, OSError) else "has a name that cannot be used"
        ) from None


def safe_exists(path: Path) -> bool:
    """Path.exists that never raises (a loop, a NUL or an over-long name is 'no')."""
    if name_problem(str(path)):
        return False
    try:
        return path.exists()
    except (OSError, ValueError, RuntimeError):
        return False


def safe_is_dir(path: Path) -> bool:
    """Path.is_dir that never raises."""
    if name_problem(str(path)):
        return False
    try:
        return path.is_dir()
    except (OSError, ValueError, RuntimeError):
        return False


def regular_stat(path: Path) -> os.stat_result:
    """The stat of `path` (links followed) if it is a regular file; FileRefused otherwise.

    A stat never blocks, not even on a FIFO."""
    problem = name_problem(str(path))
    if problem:
        raise FileRefused(problem)
    try:
        result = os.stat(path)
    except OSError as error:
        raise FileRefused(_os_problem(error)) from None
    _check_kind(result)
    return result


def _check_kind(result: os.stat_result) -> None:
    for test, message in _KINDS:
        if test(result.st_mode):
            raise FileRefused(message)
    if not stat_module.S_ISREG(result.st_mode):
        raise FileRefused("is not a regular file")


def open_regular(path: Path) -> int:
    """A read-only descriptor of the regular file `path`, opened without blocking.

    O_NONBLOCK keeps a FIFO from holding the open until a writer comes; the kind is then
    checked on the descriptor itself, so a file swapped in between cannot slip through."""
    problem = name_problem(str(path))
    if problem:
        raise FileRefused(problem)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    flags |= getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except IsADirectoryError:
        raise FileRefused("is a folder, not a file") from None
    except OSError as error:
        raise FileRefused(_os_problem(error)) from None
    try:
        _check_kind(os.fstat(fd))
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)  # a regular file: plain reads from here on
    except BaseException:
        os.close(fd)
        raise
    return fd


def read_bytes(path: Path, limit: int, *, what: str = "file") -> bytes:
    """At most `limit` bytes of the regular file `path`; FileRefused if it is larger."""
    fd = open_regular(path)
    chunks, size = [], 0
    try:
        while size <= limit:  # a regular file mostly comes in one read
            chunk = os.read(fd, limit + 1 - size)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as error:
        raise FileRefused(_os_problem(error)) from None
    finally:
        os.close(fd)
    data = chunks[0] if len(chunks) == 1 else b"".join(chunks)
    if len(data) > limit:
        raise FileRefused(f"is larger than the {_size(limit)} a {what} may be")
    return data


def _size(limit: int) -> str:
    if limit >= 1024 * 1024 and limit % (1024 * 1024) == 0:
        return f"{limit // (1024 * 1024)} MiB"
    if limit >= 1024 and limit % 1024 == 0:
        return f"{limit // 1024} KiB"
    return f"{limit} bytes"
