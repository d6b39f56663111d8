"""Stepping reuses what it has rendered: the event texts, the scaled pictures and the
timeline's static layer. Stepping back and forth must still show exactly the right event."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtGui import QColor, QPixmap
from PySide6.QtWidgets import QWidget

from storyplayer.model.gazetteer import day_key
from storyplayer.model.library import Library
from storyplayer.ui.playback.event_view import EventView, _Picture

THREE = ["october-1917", "world-war-1", "independence-1918"]


def _shown(view: EventView) -> tuple:
    labels = (view.date, view.title, view.caption, view.text, view.sources)
    return (
        tuple(label.text() for label in labels if not label.isHidden()),
        tuple(label.isHidden() for label in labels),
        view.picture.isHidden(),
        view.picture.accessibleName() if not view.picture.isHidden() else None,
    )


def test_stepping_back_and_forth_shows_each_events_own_texts(qtbot, make_window,
                                                            bundled_library: Library) -> None:
    window = make_window(bundled_library)
    window.set_manual(True)
    window.play(THREE)
    qtbot.waitUntil(lambda: window.playback.panes[0].width() > 100)
    for pane in window.playback.panes:
        view, driver = pane.event_view, pane.driver
        order = [*range(driver.count), *reversed(range(driver.count)), 3, 0, 3]
        for index in order:
            driver.jump(index)
            assert driver.index == index
            fresh = EventView(pane.story, pane.lang)  # nothing cached: renders from scratch
            fresh.show_event(index)
            assert _shown(view) == _shown(fresh), (pane.story.id, index)
            fresh.deleteLater()
            if not view.picture.isHidden():
                pixmap = view.picture.pixmap()
                assert not pixmap.isNull()
                assert pixmap.width() <= max(1, view.picture.width())


def test_pictures_are_scaled_once_per_size(qtbot) -> None:
    holder = QWidget()
    holder.resize(400, 1000)
    picture = _Picture(holder)
    picture.resize(300, 10)
    holder.show()
    a, b = QPixmap(600, 400), QPixmap(400, 600)
    a.fill(QColor("red"))
    b.fill(QColor("blue"))
    picture.set_picture(a)
    first = picture.pixmap().cacheKey()
    assert picture.pixmap().size() == QSize(300, 200)
    picture.set_picture(b)
    assert picture.pixmap().size() == QSize(200, 300)  # the height limit: 0.3 x 1000
    picture.set_picture(None)
    assert picture.isHidden()
    picture.set_picture(a)
    assert not picture.isHidden()
    assert picture.pixmap().cacheKey() == first  # reused, not scaled again
    picture.resize(150, picture.height())
    assert picture.pixmap().size() == QSize(150, 100)  # a new width: scaled anew
    holder.deleteLater()


def test_timeline_static_layer_is_kept_across_steps_and_rebuilt_on_resize(
        qtbot, make_window, bundled_library: Library) -> None:
    window = make_window(bundled_library)
    window.set_manual(True)
    window.play(THREE)
    strip = window.playback.timeline
    qtbot.waitUntil(lambda: strip.width() > 600)
    strip.grab()
    layer = strip._static
    assert layer is not None
    for pane in window.playback.panes:
        pane.driver.next()
    strip.grab()
    assert strip._static is layer  # a step repaints only the highlights
    window.resize(window.width() + 160, window.height())
    qtbot.waitUntil(lambda: strip._static_key is None or strip._static_key[0] == strip.width())
    strip.grab()
    assert strip._static is not layer
    assert strip._static.width() == round(strip.width() * strip.devicePixelRatioF())


def test_once_a_step_has_painted_the_next_events_text_and_picture_are_ready(
        qtbot, make_window, tmp_path) -> None:
    from PySide6.QtGui import QImage
    from story_files import story_data, write_story

    data = story_data(3)
    for number, event in enumerate(data["events"]):
        event["image"] = {"src": f"media/picture-{number}.png", "caption": f"Picture {number}"}
    folder = write_story(tmp_path / "stories", "pictures", data)
    (folder / "media").mkdir()
    for number in range(3):
        image = QImage(400, 300, QImage.Format_RGB32)
        image.fill(QColor("teal"))
        assert image.save(str(folder / "media" / f"picture-{number}.png"))
    window = make_window(Library.load([tmp_path / "stories"]))
    window.set_manual(True)
    window.play(["pictures"])
    view = window.playback.panes[0].event_view
    pictures = folder / "media"
    # After the first event has painted, its neighbour is decoded and laid out in idle time.
    qtbot.waitUntil(lambda: pictures / "picture-1.png" in view._images, timeout=10_000)
    assert view._content(1)[3] in view.text._documents
    window.playback.panes[0].driver.next()
    qtbot.waitUntil(lambda: pictures / "picture-2.png" in view._images, timeout=10_000)
    assert _shown(view)[2] is False  # the picture shows


def test_a_step_of_three_panes_sends_the_place_names_once(
        qtbot, make_window, bundled_library: Library) -> None:
    window = make_window(bundled_library)
    window.set_manual(True)
    window.play(THREE)
    playback, sent = window.playback, []
    map_view = playback.map_view
    send = map_view.set_names
    map_view.set_names = lambda message: sent.append(message) or send(message)  # type: ignore
    for pane in playback.panes:
        pane.driver.next()
    qtbot.waitUntil(lambda: bool(sent) and not playback._names_timer.isActive())
    last = playback.panes[-1]
    assert len(sent) == 1
    assert playback.map_names.day == day_key(last.story.events[last.driver.index].date)


def _laid_out(view: EventView) -> tuple:
    body = view.widget()
    blocks = (view.date, view.title, view.picture, view.caption, view.text, view.sources)
    return (body.size(), tuple(b.geometry() for b in blocks),
            view.verticalScrollBar().isVisibleTo(view))


def test_a_step_lays_its_event_out_before_the_pane_paints(qtbot, make_window,
                                                          bundled_library: Library) -> None:
    """The new texts' heights reach the scroll area within the step: left to posted
    layout requests, the pane would paint once with the old event's layout, then again."""
    window = make_window(bundled_library)
    window.set_manual(True)
    window.play(THREE)
    qtbot.waitUntil(lambda: window.playback.panes[0].width() > 100)
    changed = 0
    for pane in window.playback.panes:
        view, driver = pane.event_view, pane.driver
        before = _laid_out(view)
        for index in [*range(1, driver.count), 0]:
            driver.jump(index)
            after_step = _laid_out(view)
            changed += after_step != before
            QCoreApplication.sendPostedEvents()  # all the event loop would do before painting
            assert _laid_out(view) == after_step, (pane.story.id, index)
            before = after_step
    assert changed > 5  # the events differ in height: the check had layouts to settle
