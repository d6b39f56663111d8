"""A picture chosen from disk, copied into the story's folder: read within the app's image
limits, scaled down to a sensible size and encoded again (JPEG, or PNG where transparent)."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QImageReader

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
    size = reader.size()
    if size.isValid() and max(size.width(), size.height()) > MAX_SIDE:
        reader.setScaledSize(size.scaled(QSize(MAX_SIDE, MAX_SIDE), Qt.KeepAspectRatio))
    image = reader.read()
    if image.isNull():
        raise PictureError(f"{source.name}: {reader.errorString()}")
    if max(image.width(), image.height()) > MAX_SIDE:
        image = image.scaled(MAX_SIDE, MAX_SIDE, Qt.KeepAspectRatio, Qt.SmoothTransformation)
    transparent = image.hasAlphaChannel()
    suffix = ".png" if transparent else ".jpg"
    stem = _NAME.sub("-", source.stem.lower()).strip("-")[:40] or "picture"
    folder = story_folder / MEDIA_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    target, number = folder / f"{stem}{suffix}", 1
    while target.exists():
        number += 1
        target = folder / f"{stem}-{number}{suffix}"
    if not transparent:
        image = image.convertToFormat(QImage.Format_RGB888)
    if not image.save(str(target), "PNG" if transparent else "JPEG", -1 if transparent else 85):
        raise PictureError(f"{target}: cannot be written")
    return target.relative_to(story_folder).as_posix()
