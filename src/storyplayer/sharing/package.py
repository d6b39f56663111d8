"""Story packages: `pack_story` writes a story folder and its manifest into one zip file
(.storyplayer); `install_package` checks such a file and installs its story into a library.

A package holds `manifest.json` (format version, story id, each file's size and SHA-256)
and the story folder under the story's id. Installing refuses anything it does not expect,
unpacks into a hidden temporary folder inside the library, checks the story with the app's
own loader, and only then renames it into place: a refused package leaves nothing behind,
and a story is never half installed.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
import time
import zipfile
import zlib
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from storyplayer import __version__
from storyplayer.model.editing.atomic import temporary_beside
from storyplayer.model.editing.new_story import free_id, set_story_id
from storyplayer.model.loader import STORY_FILE, check_story
from storyplayer.model.text import LocalText
from storyplayer.sharing.zip_entries import (
    MIB,
    EntryProblem,
    Limits,
    check_directory,
    check_entries,
    check_names,
)

SUFFIX = ".storyplayer"
MANIFEST = "manifest.json"
FORMAT_NAME = "storyplayer-package"
FORMAT_VERSION = 1
LIMITS = Limits()
STALE_SECONDS = 24 * 3600  # an install's temporary folder older than this was interrupted

_CHUNK = 256 * 1024
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
# Already compressed: stored as they are, which makes packing a picture-heavy story fast.
_DEFLATED = {".yaml", ".yml", ".json", ".geojson", ".md", ".txt", ".csv", ".svg", ".html"}


class PackageError(Exception):
    """A package cannot be written or installed; the message is one line that names the file."""


class PackageExists(PackageError):
    """The library already has a story with the package's id (install with replace=True)."""

    def __init__(self, message: str, story_id: str, existing: Path, title: LocalText):
        super().__init__(message)
        self.story_id, self.existing, self.title = story_id, existing, title


@dataclass(frozen=True)
class InstalledStory:
    story_id: str
    path: Path  # the story's folder in the library
    title: LocalText
    replaced: bool  # an earlier story with this id was replaced


# --- packing ---------------------------------------------------------------------------------


def pack_story(story_folder: Path, out_file: Path) -> None:
    """Writes the valid story in `story_folder` into the package `out_file` (replaced whole,
    never left half written). Raises PackageError."""
    story_folder = Path(story_folder)
    if not (story_folder / STORY_FILE).is_file():
        raise PackageError(f"{story_folder}: not a story folder (it has no {STORY_FILE})")
    story, problems = check_story(story_folder)
    if story is None:
        first = next((p for p in problems if p.is_error), None)
        raise PackageError(f"{story_folder}: cannot be shared while it has problems: {first}")
    root = story_folder.resolve()
    out_file = Path(out_file)
    if root in out_file.resolve().parents:
        raise PackageError(f"{out_file}: would be written inside the story folder it packs")
    files = _story_files(story_folder, root)
    names = [f"{story.id}/{relative}" for relative, _ in files]
    try:
        check_names([MANIFEST, *names], LIMITS)
    except EntryProblem as problem:
        raise PackageError(f"{story_folder}: cannot be shared: it {problem}") from None
    if len(names) + 1 > LIMITS.entries:
        raise PackageError(f"{story_folder}: has {len(names)} files; a package holds at most "
                           f"{LIMITS.entries - 1}")
    total = sum(path.stat().st_size for _, path in files)
    if total > LIMITS.total_bytes:
        raise PackageError(f"{story_folder}: holds {total // MIB} MB; a package holds at most "
                           f"{LIMITS.total_bytes // MIB} MB")
    if not out_file.parent.is_dir():  # a mistyped folder is told, not made
        raise PackageError(f"{out_file}: cannot be written: no folder {out_file.parent}")
    try:
        handle, partial = temporary_beside(out_file, ".part")
    except OSError as error:
        raise PackageError(f"{out_file}: cannot be written: {error.strerror or error}") from None
    try:
        with os.fdopen(handle, "wb") as raw:
            _write_zip(raw, story.id, files, names)
            raw.flush()
            os.fsync(raw.fileno())
        os.replace(partial, out_file)
    except OSError as error:
        Path(partial).unlink(missing_ok=True)
        raise PackageError(f"{out_file}: cannot be written: {error.strerror or error}") from None
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise


def _story_files(folder: Path, root: Path) -> list[tuple[str, Path]]:
    """(path inside the story, file) for every file of the story folder, hidden ones left
    out; a link is packed as the file it points to, if that lies inside the folder."""
    found: list[tuple[str, Path]] = []
    for here, dirs, names in os.walk(folder):
        base = Path(here)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in [*dirs]:
            if (base / name).is_symlink():
                raise PackageError(f"{base / name}: is a link to a folder; a package holds "
                                   "plain files only")
        for name in sorted(names):
            if name.startswith("."):
                continue
            path = base / name
            if path.is_symlink():
                target = path.resolve()
                if root not in target.parents or not target.is_file():
                    raise PackageError(f"{path}: is a link that leads outside the story folder")
            elif not path.is_file():
                continue  # sockets, pipes: nothing a story uses
            found.append((path.relative_to(folder).as_posix(), path))
    return found


def _write_zip(raw: Any, story_id: str, files: list[tuple[str, Path]], names: list[str]) -> None:
    entries: dict[str, dict[str, Any]] = {}
    with zipfile.ZipFile(raw, "w", allowZip64=False) as archive:
        for name, (_, path) in zip(names, files, strict=True):
            info = zipfile.ZipInfo(name, _zip_time(path.stat().st_mtime))
            deflate = path.suffix.lower() in _DEFLATED
            info.compress_type = zipfile.ZIP_DEFLATED if deflate else zipfile.ZIP_STORED
            info.external_attr = 0o100644 << 16  # a plain file, readable by all
            digest, size = hashlib.sha256(), 0
            with path.open("rb") as source, archive.open(info, "w") as target:
                while chunk := source.read(_CHUNK):
                    digest.update(chunk)
                    size += len(chunk)
                    target.write(chunk)
            entries[name] = {"size": size, "sha256": digest.hexdigest()}
        manifest = {
            "format": FORMAT_NAME,
            "version": FORMAT_VERSION,
            "id": story_id,
            "app": f"storyplayer {__version__}",
            "files": entries,
        }
        info = zipfile.ZipInfo(MANIFEST, _zip_time(time.time()))
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o100644 << 16
        archive.writestr(info, json.dumps(manifest, indent=1, ensure_ascii=False))


def _zip_time(seconds: float) -> tuple[int, int, int, int, int, int]:
    stamp = time.localtime(max(seconds, 315532800 + 86400))  # zip dates start in 1980
    return (max(stamp.tm_year, 1980), stamp.tm_mon, stamp.tm_mday,
            stamp.tm_hour, stamp.tm_min, stamp.tm_sec)


# --- installing ------------------------------------------------------------------------------


def install_package(
    package_file: Path,
    library_dir: Path,
    *,
    replace: bool = False,
    reserved: Collection[str] = (),
    as_copy: bool = False,
) -> InstalledStory:
    """Checks the package `package_file` and installs its story as `library_dir/<id>`.

    Raises PackageExists when the library already has that id and neither `replace` nor
    `as_copy` is set, and PackageError for anything else wrong. `as_copy` keeps both: the
    story is installed under a free id made from its own (`lesson-2`). `reserved` are ids
    taken elsewhere (the bundled stories), which a package may not use.
    """
    package_file, library_dir = Path(package_file), Path(library_dir)
    try:
        return _install(package_file, library_dir, replace, reserved, as_copy)
    except EntryProblem as problem:
        raise PackageError(f"{package_file}: {problem}") from None
    except (zipfile.BadZipFile, zlib.error) as error:
        raise PackageError(f"{package_file}: is damaged ({error})") from None
    except (EOFError, zipfile.LargeZipFile, NotImplementedError, RuntimeError,
            ValueError) as error:
        raise PackageError(f"{package_file}: cannot be read ({error})") from None
    except OSError as error:
        if error.filename and Path(error.filename) == package_file:
            raise PackageError(f"{package_file}: {error.strerror or error}") from None
        raise PackageError(f"{package_file}: cannot be installed into {library_dir}: "
                           f"{error.strerror or error}") from None


def _install(package_file: Path, library_dir: Path, replace: bool,
             reserved: Collection[str], as_copy: bool) -> InstalledStory:
    if not package_file.exists():
        raise PackageError(f"{package_file}: no such file")
    if not package_file.is_file():
        raise PackageError(f"{package_file}: is not a file")
    size = package_file.stat().st_size
    if size > LIMITS.package_bytes:
        raise PackageError(f"{package_file}: is {size // MIB} MB; a story package is at most "
                           f"{LIMITS.package_bytes // MIB} MB")
    with package_file.open("rb") as fp:
        check_directory(fp, size, LIMITS)
        fp.seek(0)
        with zipfile.ZipFile(fp) as archive:
            files = check_entries(archive.infolist(), LIMITS)
            manifest = _read_manifest(archive, package_file)
            story_id = manifest["id"]
            expected = _expected_files(manifest, files, package_file)
            if story_id in reserved and not as_copy:
                raise PackageError(f"{package_file}: its story id '{story_id}' belongs to a story "
                                   "that comes with the app, which cannot be replaced")
            return _unpack_and_place(archive, expected, story_id, package_file, library_dir,
                                     replace, reserved if as_copy else None)


def _read_manifest(archive: zipfile.ZipFile, package_file: Path) -> dict[str, Any]:
    try:
        info = archive.getinfo(MANIFEST)
    except KeyError:
        raise PackageError(f"{package_file}: is not a story package (it has no {MANIFEST})"
                           ) from None
    if info.file_size > MIB:
        raise PackageError(f"{package_file}: its {MANIFEST} is too large")
    try:
        manifest = json.loads(archive.read(info).decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        raise PackageError(f"{package_file}: its {MANIFEST} is not valid JSON") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT_NAME:
        raise PackageError(f"{package_file}: is not a story package (its {MANIFEST} is "
                           "not a story package manifest)")
    version = manifest.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise PackageError(f"{package_file}: its {MANIFEST} has no format version")
    if version > FORMAT_VERSION:
        raise PackageError(f"{package_file}: was made by a newer Story Player (package format "
                           f"{version}; this one reads format {FORMAT_VERSION})")
    if version < 1:
        raise PackageError(f"{package_file}: has an unknown package format {version}")
    story_id = manifest.get("id")
    if not isinstance(story_id, str) or not _ID.match(story_id) or len(story_id) > 100:
        raise PackageError(f"{package_file}: its {MANIFEST} has no valid story id")
    if not isinstance(manifest.get("files"), dict):
        raise PackageError(f"{package_file}: its {MANIFEST} does not list the files")
    return manifest


def _expected_files(manifest: dict[str, Any], files: list[zipfile.ZipInfo],
                    package_file: Path) -> list[tuple[zipfile.ZipInfo, str]]:
    """Each file of the zip with the checksum its manifest gives it; every file listed, and
    every one inside the story's folder."""
    story_id, listed = manifest["id"], manifest["files"]
    held = {info.filename: info for info in files if info.filename != MANIFEST}
    for name in held:
        if not name.startswith(f"{story_id}/"):
            raise PackageError(f"{package_file}: holds '{name}', outside the story's folder "
                               f"'{story_id}/'")
        if name not in listed:
            raise PackageError(f"{package_file}: holds '{name}', which its manifest "
                               "does not list")
    for name in listed:
        if name not in held:
            raise PackageError(f"{package_file}: lacks '{name}', which its manifest lists")
    if f"{story_id}/{STORY_FILE}" not in held:
        raise PackageError(f"{package_file}: has no {story_id}/{STORY_FILE}")
    expected = []
    for name, info in held.items():
        entry = listed[name]
        digest = entry.get("sha256") if isinstance(entry, dict) else None
        if not isinstance(digest, str) or not _SHA256.match(digest):
            raise PackageError(f"{package_file}: its manifest has no valid checksum for '{name}'")
        if entry.get("size") != info.file_size:
            raise PackageError(f"{package_file}: '{name}' is not the size its manifest says")
        expected.append((info, digest))
    return expected


def _unpack_and_place(archive: zipfile.ZipFile, expected: list[tuple[zipfile.ZipInfo, str]],
                      story_id: str, package_file: Path, library_dir: Path,
                      replace: bool, copy_beside: Collection[str] | None) -> InstalledStory:
    """Unpacks and checks the story, then moves it into the library; with `copy_beside`
    (the ids it must not take), under a free id when its own is taken."""
    made_library = not library_dir.exists()
    library_dir.mkdir(parents=True, exist_ok=True)
    _remove_stale(library_dir)
    # Hidden (the library skips names starting with "."), and on the library's own file
    # system, so that the final rename is atomic.
    work = Path(tempfile.mkdtemp(prefix=".installing-", dir=library_dir))
    placed = False
    try:
        budget = [LIMITS.total_bytes]
        for info, digest in expected:
            _extract(archive, info, digest, work, package_file, budget)
        unpacked = work / story_id
        story, problems = check_story(unpacked, root=unpacked)
        if story is None:
            first = next(p for p in problems if p.is_error)
            where = Path(first.path)
            shown = where.relative_to(work) if work in where.parents else where.name
            place = f"{shown}:{first.line}:{first.column}" if first.line else str(shown)
            raise PackageError(f"{package_file}: its story is not valid: {place}: "
                               f"{first.message}")
        if story.id != story_id:
            raise PackageError(f"{package_file}: its story says id '{story.id}' but its "
                               f"manifest says '{story_id}'")
        target = library_dir / story_id
        existing = [p for p in (target, library_dir / f"{story_id}.yaml",
                                library_dir / f"{story_id}.yml")
                    if p.exists() or p.is_symlink()]
        if copy_beside is not None and (existing or story_id in copy_beside):  # keep both
            story_id = free_id(library_dir, story_id, set(copy_beside))
            set_story_id(unpacked, story_id)
            target, existing = library_dir / story_id, []
        if existing and not replace:
            raise PackageExists(f"{package_file}: a story with id '{story_id}' is already "
                                f"installed ({existing[0]})", story_id, existing[0], story.title)
        _move_into_place(unpacked, target, existing, work)
        placed = True
        return InstalledStory(story_id, target, story.title, replaced=bool(existing))
    finally:
        shutil.rmtree(work, ignore_errors=True)
        if made_library and not placed:
            try:
                library_dir.rmdir()
            except OSError:
                pass


def _remove_stale(library_dir: Path) -> None:
    """Temporary folders of installs that a power cut or a killed process interrupted."""
    day_ago = time.time() - STALE_SECONDS
    for stale in library_dir.glob(".installing-*"):
        try:
            if stale.is_dir() and not stale.is_symlink() and stale.stat().st_mtime < day_ago:
                shutil.rmtree(stale, ignore_errors=True)
        except OSError:
            pass


def _extract(archive: zipfile.ZipFile, info: zipfile.ZipInfo, digest: str, work: Path,
             package_file: Path, budget: list[int]) -> None:
    """Streams one file out of the zip, never more bytes than it declared or than the whole
    package may hold, and checks its SHA-256."""
    target = work.joinpath(*info.filename.split("/"))
    target.parent.mkdir(parents=True, exist_ok=True)
    written, hashed = 0, hashlib.sha256()
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    with archive.open(info) as source, os.fdopen(os.open(target, flags, 0o644), "wb") as out:
        while chunk := source.read(_CHUNK):
            written += len(chunk)
            budget[0] -= len(chunk)
            if written > info.file_size or budget[0] < 0:
                raise PackageError(f"{package_file}: '{info.filename}' unpacks to more than "
                                   "it declares (a zip bomb?)")
            hashed.update(chunk)
            out.write(chunk)
    if hashed.hexdigest() != digest:
        raise PackageError(f"{package_file}: '{info.filename}' does not match its checksum "
                           "(the package was changed or damaged)")


def _move_into_place(unpacked: Path, target: Path, existing: list[Path], work: Path) -> None:
    """Renames the checked story to `target`. Earlier copies move into the temporary folder
    first (and are deleted with it); if the last rename fails they are put back."""
    moved: list[tuple[Path, Path]] = []
    try:
        for number, path in enumerate(existing):
            aside = work / f".replaced-{number}"
            os.rename(path, aside)
            moved.append((aside, path))
        os.rename(unpacked, target)
    except OSError:
        for aside, path in reversed(moved):
            os.rename(aside, path)
        raise
