"""A picture chosen from disk, copied into the story's folder: read within the app's image
limits, scaled down to a sensible size and encoded again (JPEG, or PNG where transparent).
A drawing (SVG) is checked and copied as it is, so a cover stays sharp at any size."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QImage, QImageReader

from storyplayer.images import ImageRefused, image_bytes

MAX_SIDE = 1600  # px: sharp on a 1080p pane, small enough to share
MEDIA_FOLDER = "media"
_NAME = re.compile(r"[^a-z0-9]+")


class PictureError(Exception):
    """The picture cannot be used (the message is one line)."""


def import_picture(source: Path, story_folder: Path) -> str:
    """Copies `source` into the story's media folder; returns its path relative to the story
    folder, as story.yaml writes it."""
    reader = QImageReader(str(source))
    reader.setAutoTransform(True)
    if not reader.canRead():
        raise PictureError(f"{source.name}: not a picture this app can read")
    if reader.format() == b"svg":
        return _copy_drawing(source, story_folder)
    size = reader.size()
    if size.isValid() and max(size.width(), size.height()) > MAX_SIDE:
        reader.setScaledSize(size.scaled(QSize(MAX_SIDE, MAX_SIDE), Qt.KeepAspectRatio))
    image = reader.read()
    if image.isNull():
        raise PictureError(f"{source.name}: {reader.errorString()}")
    if max(image.width(), image.height()) > MAX_SIDE:
        image = image.scaled(MAX_SIDE, MAX_SIDE, Qt.KeepAspectRatio, Qt.SmoothTransformation)
    transparent = image.hasAlphaChannel()
    if not transparent:
        image = image.convertToFormat(QImage.Format_RGB888)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG" if transparent else "JPEG", -1 if transparent else 85):
        raise PictureError(f"{source.name}: cannot be encoded")
    return _store(source, story_folder, ".png" if transparent else ".jpg", bytes(data))


def _copy_drawing(source: Path, story_folder: Path) -> str:
    """An SVG, read and checked as the player will read it, then copied byte for byte."""
    try:
        data = image_bytes(source)
    except ImageRefused as error:
        raise PictureError(f"{source.name}: {error}") from None
    return _store(source, story_folder, ".svg", data)


def _store(source: Path, story_folder: Path, suffix: str, data: bytes) -> str:
    """Writes `data` under a free name from the source's, or returns the file already in
    the media folder with exactly these bytes: a picture chosen twice (a portrait for two
    events) is stored once."""
    target = _free_name(source, story_folder, suffix)
    for taken in sorted(target.parent.glob(f"*{suffix}")):
        if (taken.is_file() and not taken.is_symlink() and taken.stat().st_size == len(data)
                and taken.read_bytes() == data):
            return taken.relative_to(story_folder).as_posix()
    try:
        target.write_bytes(data)
    except OSError as error:
        raise PictureError(f"{target}: cannot be written ({error.strerror})") from None
    return target.relative_to(story_folder).as_posix()


def _free_name(source: Path, story_folder: Path, suffix: str) -> Path:
    """A file name in the story's media folder, from the source's name, not yet taken."""
    stem = _NAME.sub("-", source.stem.lower()).strip("-")[:40] or "picture"
    folder = story_folder / MEDIA_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    target, number = folder / f"{stem}{suffix}", 1
    while target.exists():
        number += 1
        target = folder / f"{stem}-{number}{suffix}"
    return target
