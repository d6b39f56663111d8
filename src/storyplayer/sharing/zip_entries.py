"""What a story package's zip may hold, checked before a byte of it is extracted: how many
entries, their names (no way out of the folder, no two that one file system would confuse),
their kinds (plain files and folders only), their sizes and compression ratios.

Packages come from strangers, so each check answers one sentence that says what is wrong.
"""

from __future__ import annotations

import re
import stat
import struct
import unicodedata
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from typing import BinaryIO

MIB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """How big a package may be. A story with a hundred large pictures fits well inside."""

    package_bytes: int = 512 * MIB  # the .storyplayer file itself
    entries: int = 1000  # files and folders in the zip
    total_bytes: int = 512 * MIB  # everything it holds, uncompressed
    ratio: float = 100.0  # uncompressed / compressed, for anything over ratio_from bytes
    ratio_from: int = MIB
    name_chars: int = 1024  # one entry's whole path
    part_chars: int = 255  # one folder or file name


class EntryProblem(Exception):
    """What is wrong with the zip's entries, in one sentence (without the package's name)."""


_DRIVE = re.compile(r"^[A-Za-z]:")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
# Names that Windows cannot hold (a colon there even names a hidden data stream).
_NOT_ON_WINDOWS = re.compile(r'[<>:"|?*]|[. ]$|^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\.|$)',
                             re.IGNORECASE)
_EOCD = b"PK\x05\x06"
_EOCD_SIZE = 22
_MAX_COMMENT = 0xFFFF


def check_directory(fp: BinaryIO, size: int, limits: Limits) -> None:
    """Reads the zip's end record before zipfile does, so a zip that claims a million entries
    is refused without reading its directory into memory."""
    tail = min(size, _EOCD_SIZE + _MAX_COMMENT)
    fp.seek(size - tail)
    data = fp.read(tail)
    at = data.rfind(_EOCD)
    if at < 0 or len(data) - at < _EOCD_SIZE:
        raise EntryProblem("is not a story package (not a zip file, or cut short)")
    _sig, _disk, _cd_disk, _here, total, cd_size, _cd_offset, _comment = struct.unpack(
        "<4s4H2LH", data[at:at + _EOCD_SIZE]
    )
    if total == 0xFFFF or cd_size == 0xFFFFFFFF:
        raise EntryProblem("is a ZIP64 archive, which no story package needs")
    if total > limits.entries:
        raise EntryProblem(f"holds {total} entries; a story package holds at most {limits.entries}")


def check_names(names: Iterable[str], limits: Limits) -> None:
    """Every name is a plain relative path, and no two name the same file on any system
    (a case-insensitive or Unicode-normalising one included)."""
    seen: dict[str, str] = {}
    folders: set[str] = set()
    files: set[str] = set()
    for name in names:
        _check_name(name, limits)
        is_folder = name.endswith("/")
        path = name.rstrip("/")
        key = unicodedata.normalize("NFC", path).casefold()
        if key in seen:
            other = seen[key]
            if other == path:
                raise EntryProblem(f"holds '{path}' twice")
            raise EntryProblem(f"holds both '{other}' and '{path}', which name the same file "
                               "on many systems")
        seen[key] = path
        (folders if is_folder else files).add(key)
        parts = key.split("/")
        for depth in range(1, len(parts)):
            folders.add("/".join(parts[:depth]))
    clash = sorted(files & folders)
    if clash:
        raise EntryProblem(f"holds '{seen[clash[0]]}' both as a file and as a folder")


def _check_name(name: str, limits: Limits) -> None:
    shown = _CONTROL.sub("?", name)[:80]
    if not name or name == "/":
        raise EntryProblem("holds an entry with an empty name")
    if "\\" in name:
        raise EntryProblem(f"holds '{shown}', a name with a backslash")
    if name.startswith("/"):
        raise EntryProblem(f"holds '{shown}', an absolute path")
    if _DRIVE.match(name):
        raise EntryProblem(f"holds '{shown}', a path with a drive letter")
    if _CONTROL.search(name):
        raise EntryProblem(f"holds '{shown}', a name with control characters")
    if len(name) > limits.name_chars:
        raise EntryProblem(f"holds a name longer than {limits.name_chars} characters")
    for part in name.rstrip("/").split("/"):
        if part == "..":
            raise EntryProblem(f"holds '{shown}', which leads outside its folder")
        if part in ("", "."):
            raise EntryProblem(f"holds '{shown}', a name with an empty or '.' part")
        if len(part) > limits.part_chars:
            raise EntryProblem(f"holds a name longer than {limits.part_chars} characters")
        if _NOT_ON_WINDOWS.search(part):
            raise EntryProblem(f"holds '{shown}', a name that Windows cannot hold")


def check_entries(infos: list[zipfile.ZipInfo], limits: Limits) -> list[zipfile.ZipInfo]:
    """The zip's files (folders left out), after checking every entry; EntryProblem if any
    entry is not a plain, unencrypted, modestly compressed file or folder."""
    if len(infos) > limits.entries:
        raise EntryProblem(
            f"holds {len(infos)} entries; a story package holds at most {limits.entries}")
    check_names((info.filename for info in infos), limits)
    files = []
    total = packed = 0
    for info in infos:
        name = info.filename
        mode = info.external_attr >> 16
        kind = stat.S_IFMT(mode)
        if kind == stat.S_IFLNK:
            raise EntryProblem(f"holds '{name}', a symbolic link")
        if kind not in (0, stat.S_IFREG, stat.S_IFDIR):
            raise EntryProblem(f"holds '{name}', which is not a plain file or folder")
        if info.flag_bits & 0x1:
            raise EntryProblem(f"holds '{name}', which is encrypted")
        if info.is_dir():
            continue
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise EntryProblem(f"holds '{name}', compressed in a way story packages do not use "
                               f"(method {info.compress_type})")
        if info.file_size > limits.ratio_from and (
            info.file_size > limits.ratio * max(info.compress_size, 1)
        ):
            raise EntryProblem(
                f"holds '{name}', which would grow {info.file_size // max(info.compress_size, 1)}"
                " times when unpacked (a zip bomb?)")
        total += info.file_size
        packed += info.compress_size
        files.append(info)
    if total > limits.total_bytes:
        raise EntryProblem(f"would unpack to {total // MIB} MB; a story package holds at most "
                           f"{limits.total_bytes // MIB} MB")
    if total > limits.ratio_from and total > limits.ratio * max(packed, 1):
        raise EntryProblem(f"would grow {total // max(packed, 1)} times when unpacked "
                           "(a zip bomb?)")
    return files
