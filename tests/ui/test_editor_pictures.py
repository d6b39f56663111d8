"""Pictures chosen in the editor are copied into the story's media folder once each."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor, QImage

from storyplayer.resources import bundled_stories_dir
from storyplayer.ui.editor.picture import import_picture


def _photo(path: Path, color: str) -> Path:
    image = QImage(320, 200, QImage.Format_RGB32)
    image.fill(QColor(color))
    assert image.save(str(path))
    return path


def test_a_picture_chosen_twice_is_stored_once(qtbot, tmp_path: Path) -> None:
    story = tmp_path / "story"
    story.mkdir()
    red = _photo(tmp_path / "Portrait.png", "darkred")
    first = import_picture(red, story)
    assert first == "media/portrait.jpg"
    assert import_picture(red, story) == first  # the same picture: the same file
    (tmp_path / "other").mkdir()
    blue = _photo(tmp_path / "other" / "Portrait.png", "navy")  # same name, other picture
    assert import_picture(blue, story) == "media/portrait-2.jpg"
    navy = _photo(tmp_path / "navy.png", "navy")  # another name, the same picture
    assert import_picture(navy, story) == "media/portrait-2.jpg"
    drawing = bundled_stories_dir() / "livonian-war" / "cover.svg"
    assert import_picture(drawing, story) == "media/cover.svg"
    assert import_picture(drawing, story) == "media/cover.svg"
    assert sorted(p.name for p in (story / "media").iterdir()) == [
        "cover.svg", "portrait-2.jpg", "portrait.jpg"]
