"""The one image loader: every picture from a story (covers in the picker, pictures in a
pane, overlays on the map, pictures in a handout) is read here.

The file is read through the safe reader (a regular file, at most MAX_IMAGE_BYTES), SVG
"bombs" are refused before Qt draws them (`faults.image_data_problem`), and decoding is
bounded by Qt's allocation limit and by the size asked for.
"""

from __future__ import annotations

import logging
import math
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QImage, QImageReader

from storyplayer.faults import image_data_problem
from storyplayer.model.safe_files import FileRefused, read_bytes

log = logging.getLogger(__name__)

MAX_IMAGE_BYTES = 32 * 1024 * 1024  # a large camera JPEG is under 20 MB


class ImageRefused(Exception):
    """A picture the app will not decode; str(e) is one sentence without the file name."""


def image_bytes(path: Path) -> bytes:
    """The bytes of the picture at `path`, checked: ImageRefused if it is not a regular file,
    is too large, or is an SVG that would take without bound to draw."""
    try:
        data = read_bytes(Path(path), MAX_IMAGE_BYTES, what="picture")
    except FileRefused as error:
        raise ImageRefused(error.message) from None
    problem = image_data_problem(data)
    if problem:
        raise ImageRefused(problem)
    return data


def read_image(
    path: Path,
    *,
    max_side: int | None = None,
    cover: QSize | None = None,
    grow_vector: bool = False,
    what: str = "picture",
) -> QImage | None:
    """The picture at `path` as a QImage, or None (logged) if it cannot or must not be shown.

    `max_side`: scaled down on read so neither side is longer (an SVG is also scaled up to
    it when `grow_vector`, as it has no pixel size of its own). `cover`: decoded at the
    smallest size that covers it, keeping the aspect ratio.
    """
    try:
        data = image_bytes(path)
    except ImageRefused as error:
        log.warning("%s %s cannot be shown: it %s", what, path, error)
        return None
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)  # photos from phones carry their rotation in EXIF
    natural = reader.size()
    if natural.isValid() and not natural.isEmpty():
        target = _target(natural, max_side, cover, grow_vector and reader.format() == b"svg")
        if target is not None:
            reader.setScaledSize(target)
    image = reader.read()
    if image.isNull():
        log.warning("%s %s cannot be shown: %s", what, path, reader.errorString())
        return None
    return image


def _target(
    natural: QSize, max_side: int | None, cover: QSize | None, grow: bool
) -> QSize | None:
    if cover is not None:
        factor = max(cover.width() / natural.width(), cover.height() / natural.height())
        return QSize(
            max(1, math.ceil(natural.width() * factor)),
            max(1, math.ceil(natural.height() * factor)),
        )
    if max_side is not None and (grow or max(natural.width(), natural.height()) > max_side):
        return natural.scaled(QSize(max_side, max_side), Qt.AspectRatioMode.KeepAspectRatio)
    return None
