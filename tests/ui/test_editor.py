"""The story editor, driven through its real widgets and the real map page offscreen."""

from __future__ import annotations

import json
import zipfile
from typing import Any

import pytest
from page_probe import page_state
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog

from storyplayer.model.config import MAX_TEXT_SCALE
from storyplayer.model.loader import load_story
from storyplayer.resources import bundled_stories_dir


def run_js(qtbot: Any, view: Any, script: str) -> Any:
    box: list[Any] = []
    view.page().runJavaScript(script, 0, box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=20_000)
    return box[0]


@pytest.fixture
def editing(editor_host):  # type: ignore[no-untyped-def]
    host, _translations, window = editor_host
    # The view moves at once (no 1.2 s flight after a selection), so a click lands on the
    # free spot the test found rather than on a pin that flew there meanwhile.
    window.playback.map_view.set_options(reduced_motion=True)
    return window, host


FREE_SPOT_JS = """(function (x, y) {
  // The nearest point to (x, y) where a click lands on the map itself, not on a pin,
  // a label or a control.
  for (var r = 0; r < 300; r += 20) {
    for (var a = 0; a < 8; a++) {
      var px = Math.round(x + r * Math.cos(a * Math.PI / 4));
      var py = Math.round(y + r * Math.sin(a * Math.PI / 4));
      var el = document.elementFromPoint(px, py);
      if (el && !el.closest(".leaflet-marker-icon, .leaflet-control, .story-pin"))
        return JSON.stringify([px, py]);
    }
  }
  return JSON.stringify([x, y]);
})(%d, %d)"""


def click_map(qtbot: Any, screen: Any, at: QPoint) -> None:
    """A real left click on the map page where the map itself is, as a user makes it.

    The page may still be moving its pins (a change redraws the story a moment later), so a
    click can land on one: the page then says `markerClicked`, and the click is made again
    a little further on. Either answer is waited for, generously: the machine may be busy.
    """
    target = screen.map_view.focusProxy() or screen.map_view
    qtbot.waitUntil(lambda: "editing" in run_js(
        qtbot, screen.map_view, "document.getElementById('map').className"), timeout=15_000)
    answers: list[str] = []

    def on_map(*_: object) -> None:
        answers.append("map")

    def on_pin(*_: object) -> None:
        answers.append("pin")

    screen.map_view.mapClicked.connect(on_map)
    screen.map_view.markerClicked.connect(on_pin)
    try:
        for attempt in range(4):
            qtbot.waitUntil(lambda: not screen._check_timer.isActive(), timeout=15_000)
            page_state(qtbot, screen.map_view)  # answered after every message before it
            spot = QPoint(at.x() + 37 * attempt, at.y() + 23 * attempt)
            x, y = json.loads(run_js(qtbot, screen.map_view,
                                     FREE_SPOT_JS % (spot.x(), spot.y())))
            before = screen.working.revision
            answers.clear()
            QTest.mouseClick(target, Qt.LeftButton, Qt.NoModifier, QPoint(int(x), int(y)))
            qtbot.waitUntil(lambda: bool(answers), timeout=20_000)
            if answers[0] == "map":
                qtbot.waitUntil(lambda b=before: screen.working.revision > b, timeout=20_000)
                return
        raise AssertionError("every click landed on a pin")
    finally:
        screen.map_view.mapClicked.disconnect(on_map)
        screen.map_view.markerClicked.disconnect(on_pin)


def test_make_a_story_from_nothing_save_reopen_and_play(editing, qtbot, tmp_path,
                                                          monkeypatch):
    window, host = editing
    qtbot.mouseClick(window.picker.editing.new_button, Qt.LeftButton)
    screen = host.screen
    assert window.stack.currentWidget() is screen
    qtbot.waitUntil(lambda: screen.map_view.isVisible(), timeout=15_000)

    # The story's details.
    qtbot.mouseClick(screen.events.details_button, Qt.LeftButton)
    title = screen.details.title.editors["en"]
    title.selectAll()
    qtbot.keyClicks(title, "Three towns")
    qtbot.keyClicks(screen.details.categories, "history, towns")
    known = screen.details.categories.completer().model().stringList()
    assert "history" in known  # the library's categories are offered

    # Three events, each placed by a click on the map.
    size = screen.map_view.size()
    # Apart from each other's labels (a click on a pin is not a click on the map).
    spots = [QPoint(size.width() // 4, size.height() // 4),
             QPoint(size.width() // 2, size.height() // 2),
             QPoint(size.width() // 4, 3 * size.height() // 4)]
    dates = ["1917-10-25 O.S.", "1918", "c. 1350"]
    for number, (spot, date) in enumerate(zip(spots, dates, strict=True)):
        if number:
            qtbot.mouseClick(screen.events.add_button, Qt.LeftButton)
        else:
            events = screen.events.list
            qtbot.mouseClick(events.viewport(), Qt.LeftButton,
                             pos=events.visualItemRect(events.item(0)).center())
        assert screen.events.current == number
        form = screen.event_form
        form.title.editors["en"].selectAll()
        qtbot.keyClicks(form.title.editors["en"], f"Town {number + 1}")
        qtbot.keyClicks(form.date, date)
        click_map(qtbot, screen, spot)
        place = screen.working.get(("events", number, "place"))
        assert -90 <= place["lat"] <= 90 and -180 <= place["lon"] <= 180
        assert form.lat.value() == pytest.approx(place["lat"])
    places = [tuple(screen.working.get(("events", n, "place")).values()) for n in range(3)]
    assert len(set(places)) == 3  # three clicks, three different places

    # The date reads back in each language, the Old Style twin included.
    screen.events.select(0)
    assert "25 October (7 November) 1917" in screen.event_form.date_reading.text()
    assert "ET: 25. oktoober (7. november) 1917" in screen.event_form.date_reading.text()

    # Markdown text with its live preview.
    qtbot.keyClicks(screen.event_form.text.editors["en"], "The **council** met.")
    assert "<strong>council</strong>" in screen.event_form.text_preview.text()

    # A picture from a test folder: copied into the story and scaled down.
    pictures = tmp_path / "pictures"
    pictures.mkdir()
    big = QImage(2400, 1200, QImage.Format_RGB32)
    big.fill(Qt.darkCyan)
    assert big.save(str(pictures / "Town Hall.png"))
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *a, **k: (str(pictures / "Town Hall.png"), ""))
    qtbot.mouseClick(screen.event_form.picture_button, Qt.LeftButton)
    src = screen.working.get(("events", 0, "image", "src"))
    assert src == "media/town-hall.jpg"

    # Checking while typing: a bad date is shown next to the field and in the list.
    screen.events.select(2)
    screen.event_form.date.selectAll()
    with qtbot.waitSignal(screen.checked, timeout=15_000):
        qtbot.keyClicks(screen.event_form.date, "1917-13-01")
    assert "cannot read '1917-13-01'" in screen.problems.item(0).text()
    # Next to the field: the date's own reading says what is wrong.
    reading = screen.event_form.date_reading
    assert reading.property("problem") and "cannot read" in reading.text()
    assert not screen.preview_button.isEnabled()
    # A click on the problem in the list goes to its event.
    screen.events.select(0)
    problems = screen.problems
    qtbot.mouseClick(problems.viewport(), Qt.LeftButton,
                     pos=problems.visualItemRect(problems.item(0)).center())
    assert screen.events.current == 2
    screen.event_form.date.selectAll()
    with qtbot.waitSignal(screen.checked, timeout=15_000):
        qtbot.keyClicks(screen.event_form.date, "1919-02-02")
    assert screen.problems.count() == 0 and screen.preview_button.isEnabled()

    # Save, leave, and find the story in the picker.
    qtbot.mouseClick(screen.save_button, Qt.LeftButton)
    folder = screen.working.folder
    story = load_story(folder)
    assert [e.title.get("en") for e in story.events] == ["Town 1", "Town 2", "Town 3"]
    assert story.id == "three-towns"  # named after its title at its first save
    image = QImage(str(folder / src))
    assert max(image.width(), image.height()) == 1600
    # Share it as one file.
    package = tmp_path / "three-towns.storyplayer"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(package), ""))
    qtbot.mouseClick(screen.share_button, Qt.LeftButton)
    assert zipfile.is_zipfile(package)
    assert "three-towns/story.yaml" in zipfile.ZipFile(package).namelist()

    qtbot.mouseClick(screen.back_button, Qt.LeftButton)
    assert window.stack.currentWidget() is window.picker
    assert story.id in window.library

    # Reopen it: the editor shows what was saved.
    reopened = host.edit(folder)
    assert reopened.working.get(("events", 2, "date")) == "1919-02-02"
    assert not reopened.working.dirty
    reopened.request_close()

    # Play it, and see it on the map.
    window.play([story.id])
    qtbot.waitUntil(lambda: bool(window.playback.panes and page_state(
        qtbot, window.playback.map_view)["markers"]), timeout=30_000)
    markers = page_state(qtbot, window.playback.map_view)["markers"]
    first = story.events[0].place
    assert any(m["lat"] == pytest.approx(first.lat) and m["lon"] == pytest.approx(first.lon)
               for m in markers)


def test_undo_redo_every_change_and_the_marker_follows(editing, qtbot):
    window, host = editing
    screen = host.edit(bundled_stories_dir() / "october-1917")  # a copy
    original = screen.working.text()
    assert "october-1917-copy" in str(screen.working.folder)
    # Shown from the player's reading at once; the round-trip document follows off the GUI
    # thread, without an edit asking for it.
    assert not screen.working.document_ready
    qtbot.waitUntil(lambda: screen.working.document_ready, timeout=20_000)
    form = screen.event_form
    qtbot.keyClicks(form.title.editors["en"], " (edited)")
    assert screen.undo_stack.count() == 1  # typing in one field is one step
    qtbot.mouseClick(screen.events.add_button, Qt.LeftButton)
    qtbot.mouseClick(screen.events.sort_button, Qt.LeftButton)
    screen.events.select(0)
    size = screen.map_view.size()
    click_map(qtbot, screen, QPoint(size.width() // 2, size.height() // 2))
    moved = screen.working.get(("events", 0, "place"))
    marker = run_js(qtbot, screen.map_view, "probeEditMarker()")
    assert marker and json.loads(marker)["lat"] == pytest.approx(moved["lat"], abs=1e-3)
    while screen.undo_stack.canUndo():
        qtbot.mouseClick(screen.undo_button, Qt.LeftButton)
    assert screen.working.text() == original
    while screen.undo_stack.canRedo():
        qtbot.mouseClick(screen.redo_button, Qt.LeftButton)
    assert screen.working.get(("events", 0, "place", "lat")) == moved["lat"]
    assert "(edited)" in screen.working.text()
    screen.close_editor()
    assert window.stack.currentWidget() is window.picker


def test_unsaved_changes_are_asked_about_and_recovered(editing, qtbot, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QMessageBox

    from storyplayer.model.editing.autosave import pending
    from storyplayer.ui.shared import questions

    window, host = editing
    screen = host.new_story()
    qtbot.keyClicks(screen.event_form.title.editors["en"], " typed")
    asked: list[str] = []

    def cancel(*args: Any, **kwargs: Any) -> QMessageBox.StandardButton:
        asked.append(args[2])
        return QMessageBox.Cancel

    monkeypatch.setattr(questions, "ask", cancel)
    assert not screen.request_close()
    assert asked and window.stack.currentWidget() is screen
    # The autosave has written the work to the cache folder (the timer polls every second).
    screen.autosave._every = 0
    qtbot.waitUntil(lambda: bool(pending(tmp_path / "autosave")), timeout=5000)
    recovery = pending(tmp_path / "autosave")[0]
    assert "First event typed" in recovery.text
    monkeypatch.setattr(questions, "ask", lambda *a, **k: QMessageBox.Open)
    host.offer_recovery()
    assert "First event typed" in host.screen.working.text()
    assert host.screen.working.dirty
    assert host.screen.save()
    assert pending(tmp_path / "autosave") == []
    QApplication.processEvents()
    host.screen.close_editor()


def test_kiosk_visitors_cannot_reach_the_editor(editing, qtbot):
    from storyplayer.model.config import KioskSettings
    from storyplayer.ui.kiosk.kiosk import Kiosk

    window, host = editing
    buttons = window.picker.editing
    assert buttons.new_button.isVisible()
    kiosk = Kiosk(window, KioskSettings())
    kiosk.start(attract=False, full_screen=False)
    assert not buttons.new_button.isVisible() and not buttons.edit_button.isVisible()
    assert window.picker.view.contextMenuPolicy() == Qt.NoContextMenu
    window.picker.newStoryRequested.emit()  # nothing listens any more
    assert host.screen is None
    kiosk.leave()


def test_a_line_drawn_by_clicking_points_on_the_map(editing, qtbot):
    window, host = editing
    screen = host.new_story()
    form = screen.event_form
    form.shape_kind.setCurrentIndex(1)  # a line
    assert form.drawing.isChecked()
    size = screen.map_view.size()
    for x, y in ((size.width() // 3, size.height() // 3),
                 (2 * size.width() // 3, 2 * size.height() // 3)):
        click_map(qtbot, screen, QPoint(x, y))
    geometry = screen.working.get(("events", 0, "geometry"))
    assert geometry["type"] == "LineString" and len(geometry["coordinates"]) == 2
    assert screen.working.get(("events", 0, "place")) is None  # points, not the place
    form.shape_kind.setCurrentIndex(2)  # the same points as an area
    ring = screen.working.get(("events", 0, "geometry", "coordinates"))[0]
    assert len(ring) == 3 and ring[0] == ring[-1]
    qtbot.mouseClick(form.undo_point, Qt.LeftButton)
    assert len(form.points()) == 1
    screen.check()
    assert screen.working.playable
    screen.close_editor()


def test_an_overlay_picture_with_its_edges(editing, qtbot, tmp_path, monkeypatch):
    window, host = editing
    screen = host.new_story()
    # The place the overlay starts around.
    screen.set_value(("events", 0, "place"), {"lat": 59.4, "lon": 24.7})
    plan = QImage(400, 300, QImage.Format_ARGB32)
    plan.fill(Qt.transparent)
    assert plan.save(str(tmp_path / "old plan.png"))
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *a, **k: (str(tmp_path / "old plan.png"), ""))
    qtbot.mouseClick(screen.event_form.overlay_button, Qt.LeftButton)
    overlay = screen.working.get(("events", 0, "overlay"))
    assert overlay["src"] == "media/old-plan.png"  # transparent: stays PNG
    screen.event_form.bounds[2].setValue(60.5)  # the north edge
    assert screen.working.get(("events", 0, "overlay", "bounds"))[1][0] == 60.5
    screen.save()
    story = load_story(screen.working.folder)
    assert story.events[0].overlay.bounds == ((58.9, 23.7), (60.5, 25.7))
    screen.close_editor()


def test_sources_and_credit_keep_every_language(editing, qtbot, tmp_path):
    import yaml
    from story_files import story_data, write_story

    window, host = editing
    data = story_data(1)
    data["events"][0]["sources"] = [{"en": "A history", "et": "Üks ajalugu"}, "Plain source"]
    data["events"][0]["image"] = {"src": "media/p.png", "credit": {"en": "Museum",
                                                                   "et": "Muuseum"}}
    folder = write_story(tmp_path / "library", "two-languages", data)
    (folder / "media").mkdir()
    picture = QImage(8, 8, QImage.Format_RGB32)
    picture.fill(Qt.gray)
    assert picture.save(str(folder / "media" / "p.png"))
    screen = host.edit(folder)
    form = screen.event_form
    assert [row.editors["et"].text() for row in form.sources.rows] == ["Üks ajalugu", ""]
    assert form.credit.editors["en"].text() == "Museum"

    # One language of a source and of the credit edited: the other stays, in the file.
    qtbot.keyClicks(form.sources.rows[0].editors["et"], " II")
    qtbot.keyClicks(form.credit.editors["et"], "s")
    qtbot.keyClicks(form.sources.rows[1].editors["et"], "Lihtne allikas")
    # A source added, typed in one language, and another removed.
    qtbot.mouseClick(form.sources.add_button, Qt.LeftButton)
    qtbot.keyClicks(form.sources.rows[2].editors["en"], "Added")
    qtbot.mouseClick(form.sources.remove_buttons[0], Qt.LeftButton)
    assert screen.save()
    event = yaml.safe_load((folder / "story.yaml").read_text("utf-8"))["events"][0]
    assert event["sources"] == [{"en": "Plain source", "et": "Lihtne allikas"}, "Added"]
    assert event["image"]["credit"] == {"en": "Museum", "et": "Muuseums"}
    # Undone step by step, the first source comes back with both its languages.
    while screen.undo_stack.canUndo():
        screen.undo_stack.undo()
    assert screen.working.get(("events", 0, "sources", 0)) == {"en": "A history",
                                                               "et": "Üks ajalugu"}
    screen.close_editor()


def test_languages_events_place_fields_and_preview(editing, qtbot):
    """The rest of the editor's parts, each through its widget: a language added and
    removed, events duplicated, deleted and moved, the place's fields, the colour, the
    seconds, and Preview playing the story in a pane from the selected event."""
    import yaml

    window, host = editing
    screen = host.new_story()
    details, form, events = screen.details, screen.event_form, screen.events

    # A language added: a field for it everywhere; removed: its texts go, sources too.
    qtbot.mouseClick(events.details_button, Qt.LeftButton)
    details.add_language.setCurrentText("et")
    qtbot.mouseClick(details.add_language_button, Qt.LeftButton)
    assert screen.languages == ["en", "et"] and "et" in details.title.editors
    events.select(0)
    qtbot.keyClicks(form.title.editors["et"], "Esimene")
    qtbot.mouseClick(form.sources.add_button, Qt.LeftButton)
    qtbot.keyClicks(form.sources.rows[0].editors["et"], "Raamat")
    assert screen.working.get(("events", 0, "sources")) == [{"et": "Raamat"}]
    qtbot.mouseClick(events.details_button, Qt.LeftButton)
    details.remove_language.setCurrentText("et")
    qtbot.mouseClick(details.remove_language_button, Qt.LeftButton)
    assert screen.languages == ["en"]
    assert "Esimene" not in screen.working.text() and "Raamat" not in screen.working.text()
    details.color.setText("")
    qtbot.keyClicks(details.color, "#225588")
    assert screen.working.get(("color",)) == "#225588"

    # Events: duplicated, deleted, moved (the list's own rows, as a drag leaves them).
    events.select(0)
    qtbot.mouseClick(events.duplicate_button, Qt.LeftButton)
    qtbot.mouseClick(events.add_button, Qt.LeftButton)
    form.title.editors["en"].selectAll()
    qtbot.keyClicks(form.title.editors["en"], "Last")
    assert screen._event_count() == 3 and events.current == 2
    row = events.list.takeItem(2)
    events.list.insertItem(0, row)
    events.list.model().rowsMoved.emit(events.list.rootIndex(), 2, 2,
                                       events.list.rootIndex(), 0)
    assert screen.working.get(("events", 0, "title", "en")) == "Last"
    assert events.list.item(0).text().startswith("1. Last")
    events.select(1)
    qtbot.mouseClick(events.delete_button, Qt.LeftButton)
    assert screen._event_count() == 2

    # The place: numbers, zoom and "no place"; the seconds on screen.
    events.select(0)
    form.lat.setValue(59.437)
    form.lon.setValue(24.745)
    form.zoom.setValue(11)
    assert screen.working.get(("events", 0, "place")) == {"lat": 59.437, "lon": 24.745,
                                                          "zoom": 11}
    form.seconds.setValue(20)
    assert screen.working.get(("events", 0, "seconds")) == 20
    form.no_place.setChecked(True)
    assert screen.working.get(("events", 0, "place")) is None
    form.no_place.setChecked(False)
    assert screen.working.get(("events", 0, "place", "lat")) == 59.437

    # Preview plays the story in a pane from the selected event, then back to editing.
    with qtbot.waitSignal(screen.checked, timeout=15_000):
        screen._check_timer.start()
    events.select(1)
    window.set_text_scale(2.0)  # the projector's: the preview shows what the class will see
    qtbot.mouseClick(screen.preview_button, Qt.LeftButton)
    pane = screen.preview_area.pane
    assert pane is not None and pane.driver.index == 1
    assert pane.theme is not None and pane.theme.text_scale == 2.0
    assert screen.middle.currentWidget() is screen.preview_area
    window.set_text_scale(1.5)  # changed while it plays
    assert pane.theme.text_scale == 1.5
    qtbot.mouseClick(screen.preview_button, Qt.LeftButton)
    assert screen.preview_area.pane is None and screen.middle.currentWidget() is form
    assert screen.save()
    saved = yaml.safe_load(screen.working.file.read_text("utf-8"))
    assert [e["title"]["en"] for e in saved["events"]] == ["Last", "First event"]
    screen.close_editor()


def test_the_event_form_fits_the_default_window_whatever_the_file_names(
    editing, qtbot, tmp_path, monkeypatch
):
    window, host = editing
    window.resize(1280, 720)
    screen = host.new_story()
    screen.set_value(("events", 0, "place"), {"lat": 59.4, "lon": 24.7})
    picture = QImage(400, 300, QImage.Format_RGB32)
    picture.fill(Qt.darkRed)
    long_name = "a-very-long-file-name-of-a-scanned-picture-from-the-archive" * 2 + ".png"
    assert picture.save(str(tmp_path / long_name))
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *a, **k: (str(tmp_path / long_name), ""))
    form = screen.event_form
    qtbot.mouseClick(form.picture_button, Qt.LeftButton)
    qtbot.mouseClick(form.overlay_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: form.widget().width() == form.viewport().width())
    assert form.horizontalScrollBar().maximum() == 0  # nothing to scroll sideways to
    assert long_name[:20] in form.picture_path.toolTip()  # the whole name, on demand
    screen.close_editor()


def test_clearing_a_new_events_title_before_typing_keeps_the_event(editing, qtbot):
    """A new event has only its title: cleared with Backspace before the new one is typed,
    the event stays in its place and the typing goes to it, not to the event after it."""
    _window, host = editing
    screen = host.new_story()
    screen.events.select(0)
    qtbot.mouseClick(screen.events.add_button, Qt.LeftButton)  # event 2
    screen.events.select(0)
    qtbot.mouseClick(screen.events.add_button, Qt.LeftButton)  # a new event 2, before it
    assert screen._event_count() == 3 and screen.events.current == 1
    after = screen.working.get(("events", 2))
    editor = screen.event_form.title.editors["en"]
    editor.selectAll()
    QTest.keyClick(editor, Qt.Key_Backspace)
    assert screen._event_count() == 3 and screen.events.current == 1
    qtbot.keyClicks(editor, "Harbour")
    assert screen.working.get(("events", 1, "title")) == "Harbour"
    assert screen.working.get(("events", 2)) == after
    while screen.undo_stack.canUndo():
        qtbot.mouseClick(screen.undo_button, Qt.LeftButton)
    assert screen._event_count() == 1


@pytest.mark.parametrize("lang", ["en", "et"])
def test_the_editor_fits_the_default_window_at_the_largest_text(editing, qtbot, translations,
                                                                 lang):
    """At the largest text scale (a projector's) the editor grows only as far as the
    controls do: the lists, the forms and a share of the map fit 1280×720, in Estonian
    too, with nothing to scroll sideways to and no button cut short."""
    window, host = editing
    window.resize(1280, 720)
    window.translations = translations
    window.set_language(lang)
    window.set_text_scale(MAX_TEXT_SCALE)
    screen = host.new_story()
    screen.set_value(("events", 0, "place"), {"lat": 59.4, "lon": 24.7})
    for form in (screen.details, screen.event_form):
        if form is screen.details:
            qtbot.mouseClick(screen.events.details_button, Qt.LeftButton)
        else:
            screen.events.select(0)

        def fits(f=form) -> None:  # nothing to scroll sideways to, once laid out
            assert f.isVisible() and f.horizontalScrollBar().maximum() == 0, (
                f.widget().width(), f.viewport().width())

        qtbot.waitUntil(fits)
    panel = screen.events
    for button in (panel.add_button, panel.duplicate_button, panel.delete_button,
                   panel.sort_button, panel.details_button):
        assert button.width() >= button.minimumSizeHint().width(), button.text()
    assert screen.map_view.width() >= 0.2 * window.width()
    window.set_text_scale(1.0)
    screen.close_editor()


def test_leaving_unsaved_work_is_asked_in_the_interfaces_language(editing, qtbot, translations):
    """Qt has no Estonian for its own Save and Discard buttons: the question names its
    buttons itself, and leaving without saving drops the changes only when chosen."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    window, host = editing
    translations.set_language("et")
    window.set_language("et")
    screen = host.new_story()
    qtbot.keyClicks(screen.event_form.title.editors["et"], " muudetud")
    seen: list[list[str]] = []

    def answer(words: str) -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):  # not shown yet: look again once it is
            QTimer.singleShot(10, lambda: answer(words))
            return
        seen.append([b.text() for b in box.buttons()])
        chosen = [b for b in box.buttons() if b.text() == words]
        (chosen or [box.button(QMessageBox.Cancel)] or box.buttons())[0].click()

    QTimer.singleShot(0, lambda: answer("Jätka muutmist"))
    assert not screen.request_close()
    assert sorted(seen[0]) == ["Jätka muutmist", "Lahku salvestamata", "Salvesta"]
    assert window.stack.currentWidget() is screen and screen.working.dirty
    QTimer.singleShot(0, lambda: answer("Lahku salvestamata"))
    assert screen.request_close()
    assert window.stack.currentWidget() is window.picker


def test_the_editors_map_names_places_in_the_interfaces_language_and_the_events_time(
        editing, qtbot, translations):
    """An Estonian teacher's new story shows "Riia", not "Riga", before anything has played;
    a date given to the event names the places as they were then."""
    from map_gestures import map_state

    window, host = editing
    translations.set_language("et")
    window.set_language("et")
    screen = host.new_story()
    view = window.playback.map_view

    def names() -> dict:
        state = map_state(qtbot, view)
        return {"lang": state["names"]["lang"], "date": state["names"]["date"],
                "shown": {label["name"] for label in state["labels"]}}

    # the place's name field says what it is for
    assert screen.event_form.place_name_label.text() == "Nimi kaardil"
    assert screen.event_form.place_name_label.buddy() is screen.event_form.place_name
    qtbot.waitUntil(lambda: names()["lang"] == "et", timeout=15_000)
    # The labels are placed on the page's next frame after its names change.
    qtbot.waitUntil(lambda: "Riia" in names()["shown"], timeout=15_000)
    assert "Riga" not in names()["shown"]
    screen.event_form.date.setFocus()  # the author clicks into the field and types the
    with qtbot.waitSignal(screen.checked, timeout=15_000):  # date as the app shows dates
        qtbot.keyClicks(screen.event_form.date, "1. mai 1912")
    assert screen.working.get(("events", 0, "date")) == "1912-05-01"
    assert screen.problems.count() == 0
    qtbot.waitUntil(lambda: names()["date"] == "1912-05-01", timeout=15_000)
    screen.close_editor()
