"""*Add story…* and dropping files on the picker, on real widgets: a package is installed and
shows at once, a second copy asks before replacing, a hostile one is refused in the banner,
a TimelineJS file is imported with its summary, and a kiosk's visitors get none of it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from story_files import story_data, write_story

from storyplayer.model.config import KioskSettings
from storyplayer.model.library import Library
from storyplayer.sharing import pack_story
from storyplayer.ui.kiosk.kiosk import Kiosk
from storyplayer.ui.main_window import MainWindow
from storyplayer.ui.picker.add_story import AddStory
from storyplayer.ui.picker.story_list_model import Role

FIXTURES = Path(__file__).resolve().parents[1] / "interop" / "fixtures"


def mime_for(*paths: Path) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def _over_cards(window: MainWindow):  # noqa: ANN202
    """The window's QWindow and a point over the cards: Qt finds the drop target from there,
    as it does for a real drag (the grid takes no drops, so the picker gets them)."""
    view = window.picker.view
    return window.windowHandle(), view.mapTo(window, view.rect().center())


def drag_enter(window: MainWindow, *paths: Path) -> bool:
    handle, point = _over_cards(window)
    mime = mime_for(*paths)  # the event does not own it: keep it alive while it is sent
    event = QDragEnterEvent(point, Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    event.setAccepted(False)
    QApplication.sendEvent(handle, event)
    return event.isAccepted()


def drop(window: MainWindow, *paths: Path) -> None:
    """A drag that enters the window over the cards (as a real one does first), then the drop."""
    assert drag_enter(window, *paths)
    handle, point = _over_cards(window)
    mime = mime_for(*paths)
    event = QDropEvent(QPointF(point), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(handle, event)


def ids_shown(window: MainWindow) -> list[str]:
    proxy = window.picker.proxy
    return [proxy.data(proxy.index(row), Role.ID) for row in range(proxy.rowCount())]


@pytest.fixture
def setup(tmp_path: Path, make_window):  # type: ignore[no-untyped-def]
    user = tmp_path / "library"
    write_story(user, "already-here")
    data = story_data(2)
    data["title"] = {"en": "A shared story", "et": "Jagatud lugu"}
    shared = write_story(tmp_path / "src", "shared-story", data)
    package = tmp_path / "shared-story.storyplayer"
    pack_story(shared, package)

    def load() -> Library:
        return Library.load([user])

    window = make_window(load())
    adder = AddStory(window, user, load)
    return window, adder, package, user


def open_box(window: MainWindow) -> QMessageBox:
    boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert len(boxes) == 1
    return boxes[0]


def test_dropping_a_package_installs_it_and_a_second_asks_first(qtbot, setup) -> None:
    window, adder, package, user = setup
    picker = window.picker
    assert picker.add_button.isVisible() and picker.acceptDrops()
    assert ids_shown(window) == ["already-here"]
    assert drag_enter(window, package)
    with qtbot.waitSignal(adder.storyAdded, timeout=5000) as added:
        drop(window, package)
    assert added.args == ["shared-story"]
    assert sorted(ids_shown(window)) == ["already-here", "shared-story"]
    assert (user / "shared-story" / "story.yaml").is_file()
    assert "A shared story" in picker.notice_label.text() and picker.notice.isVisible()
    current = picker.view.currentIndex()
    assert picker.proxy.data(current, Role.ID) == "shared-story"

    # The same id again: asked first; "Keep" keeps the one there.
    drop(window, package)
    box = open_box(window)
    assert "shared-story" in box.text()
    assert box.defaultButton().text() == "Keep the one I have"
    qtbot.mouseClick(box.defaultButton(), Qt.LeftButton)
    qtbot.waitUntil(lambda: "kept" in picker.notice_label.text())
    # "Replace" replaces it.
    drop(window, package)
    box = open_box(window)
    with qtbot.waitSignal(adder.storyAdded, timeout=5000):
        qtbot.mouseClick(next(b for b in box.buttons() if b.text() == "Replace"),
                         Qt.LeftButton)
    assert sorted(ids_shown(window)) == ["already-here", "shared-story"]
    # "Keep both" adds it beside the one there, under an id of its own.
    drop(window, package)
    box = open_box(window)
    both = next(b for b in box.buttons() if b.text() == "Keep both")
    with qtbot.waitSignal(adder.storyAdded, timeout=5000) as added:
        qtbot.mouseClick(both, Qt.LeftButton)
    assert added.args == ["shared-story-2"]
    assert sorted(ids_shown(window)) == ["already-here", "shared-story", "shared-story-2"]
    assert (user / "shared-story-2" / "story.yaml").is_file()


def test_a_hostile_package_is_refused_in_the_banner(qtbot, setup, tmp_path: Path) -> None:
    window, adder, _, user = setup
    bad = tmp_path / "bad.storyplayer"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    before = sorted(p.name for p in user.iterdir())
    with qtbot.waitSignal(adder.addRefused, timeout=5000) as refused:
        adder.add_files([bad])
    assert str(bad) in refused.args[0] and "\n" not in refused.args[0]
    assert window.picker.notice_label.text().startswith("This story could not be added: ")
    assert sorted(p.name for p in user.iterdir()) == before
    assert ids_shown(window) == ["already-here"]


def test_other_files_are_not_taken(setup, tmp_path: Path) -> None:
    window, _, _, _ = setup
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    assert not drag_enter(window, text)


def test_importing_a_timeline_shows_its_summary(qtbot, setup) -> None:
    source = FIXTURES / "timeline2.json"
    window, adder, _, user = setup
    with qtbot.waitSignal(adder.storyAdded, timeout=10_000) as added:
        adder.add_files([source])
    assert added.args[0] in ids_shown(window)
    box = open_box(window)
    assert box.text().startswith("Imported ")
    assert any(p.is_dir() and p.name != "already-here" for p in user.iterdir())
    box.close()


def test_add_story_opens_a_file_dialog(qtbot, setup) -> None:
    window, adder, _, _ = setup
    qtbot.mouseClick(window.picker.add_button, Qt.LeftButton)
    dialog = adder.dialog
    assert isinstance(dialog, QFileDialog)
    assert dialog.fileMode() == QFileDialog.ExistingFiles
    assert any("*.storyplayer" in f and "*.json" in f and "*.csv" in f
               for f in dialog.nameFilters())
    qtbot.waitUntil(dialog.isVisible)
    # What the dialog hands back is added like a dropped file.
    _, _, package, _ = setup
    with qtbot.waitSignal(adder.storyAdded, timeout=5000) as added:
        dialog.filesSelected.emit([str(package)])
    assert added.args == ["shared-story"] and "shared-story" in ids_shown(window)
    dialog.reject()


def test_kiosk_visitors_cannot_add_stories(qtbot, make_window, tmp_path: Path) -> None:
    user = tmp_path / "library"
    write_story(user, "already-here")
    window = make_window(Library.load([user]), show=False)
    AddStory(window, user, lambda: Library.load([user]))
    kiosk = Kiosk(window, KioskSettings(enabled=True))
    make_window.before_close(kiosk.leave)
    with qtbot.waitExposed(window):
        kiosk.start(attract=False, full_screen=False)
    assert not window.picker.add_button.isVisible()
    assert not window.picker.acceptDrops()
    assert not drag_enter(window, tmp_path / "x.storyplayer")


def test_an_imported_title_with_markup_is_shown_as_written(qtbot, setup, tmp_path) -> None:
    import json

    from PySide6.QtWidgets import QLabel

    data = json.loads((FIXTURES / "timeline2.json").read_text(encoding="utf-8"))
    data["timeline"]["headline"] = "&lt;img src=/dev/zero&gt;"  # text that reads as markup
    source = tmp_path / "markup.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    window, adder, _, _ = setup
    with qtbot.waitSignal(adder.storyAdded, timeout=10_000):
        adder.add_files([source])
    box = open_box(window)
    assert "<img src=/dev/zero>" in box.text()
    assert all(label.textFormat() == Qt.PlainText for label in box.findChildren(QLabel))
    box.close()
