"""Broken and hostile pictures (truncated PNG, random bytes, a PNG claiming 30,000 x 30,000
pixels, SVG bombs) are refused quickly, within the image memory limit, and the pane and the
picker show a drawn placeholder instead."""

from __future__ import annotations

import gzip
import os
import struct
import time
import zlib
from pathlib import Path

import psutil
import pytest
import yaml
from PySide6.QtCore import QSize

from storyplayer.faults import IMAGE_ALLOCATION_MB, image_problem, limit_image_memory
from storyplayer.model.loader import load_story
from storyplayer.ui.playback.event_view import EventView, load_image
from storyplayer.ui.shared.cover_image import CoverCache


def _chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(kind + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


def png(width: int, height: int, rows: bytes) -> bytes:
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", zlib.compress(rows))
            + _chunk(b"IEND", b""))


def use_bomb() -> str:
    """11 levels of ten <use> each: 10^11 rectangles to draw from 3 KB."""
    lines = ['<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'
             ' width="100" height="100"><defs><rect id="a0" width="1" height="1"/>']
    for level in range(1, 12):
        uses = "".join(f'<use xlink:href="#a{level - 1}"/>' for _ in range(10))
        lines.append(f'<g id="a{level}">{uses}</g>')
    lines.append('</defs><use xlink:href="#a11"/></svg>')
    return "\n".join(lines)


ENTITY_BOMB = (
    '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa">'
    + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8))
    + ']><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text>&i;</text></svg>'
)
SELF_USE = ('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
            '<g id="a"><use href="#a"/></g></svg>')
GOOD = png(4, 4, b"".join(b"\x00" + b"\xb0\x3a\x2e\xff" * 4 for _ in range(4)))


def hostile_files(folder: Path) -> dict[str, Path]:
    files = {
        "truncated.png": GOOD[: len(GOOD) // 2],
        "random.png": os.urandom(4096),
        "empty.png": b"",
        "huge.png": png(30_000, 30_000, b"\x00" * 4096),
        "bomb.svg": use_bomb().encode(),
        "bomb-named.png": use_bomb().encode(),  # Qt sniffs SVG by content
        "bomb.svgz": gzip.compress(use_bomb().encode()),
        "entities.svg": ENTITY_BOMB.encode(),
        "self-use.svg": SELF_USE.encode(),
    }
    paths = {}
    for name, data in files.items():
        path = folder / name
        path.write_bytes(data)
        paths[name] = path
    return paths


@pytest.fixture(autouse=True)
def image_limit() -> None:
    limit_image_memory()


def test_hostile_pictures_fail_fast_with_bounded_memory(qapp, tmp_path: Path) -> None:
    process = psutil.Process()
    before = process.memory_info().rss
    for name, path in hostile_files(tmp_path).items():
        start = time.perf_counter()
        assert load_image(path) is None, name
        assert CoverCache().get(path, QSize(640, 400)) is None, name
        assert time.perf_counter() - start < 2.0, name
    grown = (process.memory_info().rss - before) / 2**20
    assert grown < IMAGE_ALLOCATION_MB, f"RSS grew {grown:.0f} MB"
    # The checks refuse only what they must: a good PNG and a plain SVG are drawn.
    (tmp_path / "good.png").write_bytes(GOOD)
    (tmp_path / "plain.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" width="8" '
                                        'height="8"><rect width="8" height="8"/></svg>')
    assert load_image(tmp_path / "good.png") is not None
    assert load_image(tmp_path / "plain.svg") is not None
    assert image_problem(tmp_path / "good.png") is None


def test_svg_checks_name_the_reason(tmp_path: Path) -> None:
    files = hostile_files(tmp_path)
    assert "too many" in image_problem(files["bomb.svg"])
    assert "too many" in image_problem(files["bomb-named.png"])
    assert "too many" in image_problem(files["bomb.svgz"])
    assert "entities" in image_problem(files["entities.svg"])
    assert "themselves" in image_problem(files["self-use.svg"])


def test_pane_and_picker_show_a_placeholder(qtbot, tmp_path: Path) -> None:
    story_dir = tmp_path / "pics"
    media = story_dir / "media"
    media.mkdir(parents=True)
    names = list(hostile_files(media))
    data = {"format": 1, "title": "Pictures", "cover": "media/huge.png",
            "events": [{"title": name, "date": 1900, "image": {"src": f"media/{name}"}}
                       for name in names]}
    (story_dir / "story.yaml").write_text(yaml.safe_dump(data), "utf-8")
    story = load_story(story_dir)
    view = EventView(story, "en")
    qtbot.addWidget(view)
    view.resize(400, 600)
    view.show()
    for index in range(len(names)):
        view.show_event(index)
        assert view.picture.isVisibleTo(view), names[index]
        assert view.picture._pixmap is not None and not view.picture._pixmap.isNull()
    view.grab()
    covers = CoverCache()
    assert covers.get(story.cover, QSize(320, 200)) is None
    placeholder = covers.placeholder("#b03a2e", "1900", QSize(320, 200), 1.0, 1.0)
    assert not placeholder.isNull() and placeholder.pixelColor(5, 5).alpha() > 0
