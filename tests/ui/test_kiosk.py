"""Kiosk mode on the real window, offscreen: the attract screen after an (shortened) idle
time, a touch back to the picker, no way out for a visitor, and the staff chord with a PIN."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QKeySequence, QMouseEvent, QShortcut
from PySide6.QtWidgets import QApplication

from storyplayer.model.config import KioskSettings
from storyplayer.model.library import Library
from storyplayer.model.playback import State
from storyplayer.resources import bundled_stories_dir
from storyplayer.ui.kiosk.kiosk import Kiosk
from storyplayer.ui.main_window import MainWindow

IDLE_MS = 300


@pytest.fixture(scope="module")
def library() -> Library:
    return Library.load([bundled_stories_dir()])


@pytest.fixture
def make_kiosk(qtbot, make_window) -> Callable[..., tuple[MainWindow, Kiosk]]:
    def make(pin: str = "", featured: tuple[str, ...] = (), idle_ms: int = IDLE_MS,
             speed: float = 1.0, countdown_ms: int = 0) -> tuple[MainWindow, Kiosk]:
        window = make_window(speed=speed, show=False)
        kiosk = Kiosk(window, KioskSettings(enabled=True, pin=pin), featured=featured,
                      idle_ms=idle_ms, cursor_ms=idle_ms // 2, countdown_ms=countdown_ms)
        make_window.before_close(lambda: kiosk._leaving or kiosk.leave())
        with qtbot.waitExposed(window):
            kiosk.start()
        make_window.activate(window)  # shortcuts need it
        return window, kiosk

    return make


def touch(widget) -> None:  # noqa: ANN001
    """A finger on the screen: a press goes to the window's QWindow, as a real one does."""
    handle = widget.window().windowHandle()
    point = QPointF(widget.mapTo(widget.window(), widget.rect().center()))
    for kind in (QEvent.MouseButtonPress, QEvent.MouseButtonRelease):
        event = QMouseEvent(kind, point, point, Qt.LeftButton,
                            Qt.LeftButton if kind == QEvent.MouseButtonPress else Qt.NoButton,
                            Qt.NoModifier)
        QApplication.sendEvent(handle, event)


def test_starts_full_screen_frameless_on_the_attract_screen(make_kiosk, library):
    window, kiosk = make_kiosk(featured=("world-war-1", "october-1917", "no-such-story"))
    assert window.isFullScreen()
    assert window.windowFlags() & Qt.FramelessWindowHint
    assert kiosk.attracting
    assert [s.id for s in kiosk.attract.stories] == ["world-war-1", "october-1917"]
    title = library.get("world-war-1").title.get("en")
    assert kiosk.attract.title.text() == title
    assert kiosk.attract.touch.text() == "Touch to begin"
    assert kiosk.attract.summary.text() and kiosk.attract.period.text()
    # The map shows the story's places beside it.
    assert window.playback.map_view.parent() is not None
    assert kiosk.attract.isAncestorOf(window.playback.map_view)
    assert not window.playback.manual_button.isVisible()


def test_the_attract_screen_cycles_through_featured_stories(qtbot, make_kiosk):
    window, kiosk = make_kiosk(featured=("world-war-1", "october-1917"))
    with qtbot.waitSignal(kiosk.attract.storyShown, timeout=2000) as shown:
        kiosk.attract.next_story()
    assert shown.args == ["october-1917"]


def test_a_touch_leaves_the_attract_screen_for_the_picker(qtbot, make_kiosk):
    window, kiosk = make_kiosk()
    with qtbot.waitSignal(window.pickerShown, timeout=2000):
        qtbot.mouseClick(kiosk.attract.catcher, Qt.LeftButton)
    assert window.stack.currentWidget() is window.picker
    # The map went back to the playback screen, beside the panes.
    assert window.playback.splitter.indexOf(window.playback.map_view) == 1


def test_idle_returns_to_the_attract_screen(qtbot, make_kiosk):
    window, kiosk = make_kiosk()
    kiosk.begin()
    window.picker.search_box.setText("war")
    assert not kiosk.attracting
    with qtbot.waitSignal(kiosk.attractShown, timeout=5000):
        pass
    assert kiosk.attracting
    assert window.picker.search_box.text() == ""  # the next visitor starts afresh
    # A story a visitor paused and walked away from is closed as well.
    qtbot.waitUntil(lambda: window.playback.map_view.is_ready, timeout=30_000)
    kiosk.begin()
    window.play(["october-1917"])
    window.playback.panes[0].driver.pause()
    with qtbot.waitSignal(kiosk.attractShown, timeout=5000):
        pass
    assert window.playback.panes == []


def test_touches_keep_the_visitor_on_their_screen(qtbot, make_kiosk):
    # The question before a reset gives a busy machine room between touches too.
    window, kiosk = make_kiosk(idle_ms=1200, countdown_ms=60_000)
    kiosk.begin()
    fired: list[int] = []
    kiosk.attractShown.connect(lambda: fired.append(1))
    for _ in range(4):  # a touch every half of the idle time keeps it away
        with qtbot.waitSignal(kiosk.cursor.idle, timeout=5000):
            pass
        touch(window.picker.view)
    assert fired == [] and not kiosk.attracting


def test_a_playing_story_is_not_cut_short(qtbot, make_kiosk):
    window, kiosk = make_kiosk()
    kiosk.begin()
    window.play(["october-1917"])
    pane = window.playback.panes[0]
    pane.driver.resume()
    with qtbot.waitSignal(kiosk.idle.idle, timeout=5000):
        pass
    assert window.playing and pane.driver.state is State.PLAYING


def test_the_cursor_hides_after_a_while_and_returns_on_a_move(qtbot, make_kiosk):
    window, kiosk = make_kiosk()
    with qtbot.waitSignal(kiosk.cursor.idle, timeout=5000):
        pass
    assert QApplication.overrideCursor() is not None
    assert QApplication.overrideCursor().shape() == Qt.BlankCursor
    touch(window.picker)
    assert QApplication.overrideCursor() is None


def test_close_escape_and_alt_f4_do_nothing(qtbot, make_kiosk):
    window, kiosk = make_kiosk()
    kiosk.begin()
    window.play(["october-1917"])
    assert window.close() is False
    assert window.isVisible()
    window.playback.setFocus()
    qtbot.keyClick(window.playback, Qt.Key_Escape)
    qtbot.keyClick(window, Qt.Key_F4, Qt.AltModifier)
    qtbot.keyClick(window, Qt.Key_F11)
    assert window.playing and window.playback.panes and window.isFullScreen()
    escape = [s for s in window.findChildren(QShortcut) if s.key() == QKeySequence("Esc")]
    assert escape and not any(s.isEnabled() for s in escape)
    # The on-screen button is the way back.
    with qtbot.waitSignal(window.pickerShown, timeout=2000):
        qtbot.mouseClick(window.playback.back_button, Qt.LeftButton)


def test_the_staff_chord_without_a_pin_leaves(qtbot, make_kiosk):
    window, kiosk = make_kiosk()
    with qtbot.waitSignal(kiosk.exited, timeout=2000):
        qtbot.keyClick(window, Qt.Key_Q, Qt.ControlModifier | Qt.AltModifier | Qt.ShiftModifier)
    assert not window.isVisible()


def test_the_staff_chord_asks_for_the_pin(qtbot, make_kiosk):
    window, kiosk = make_kiosk(pin="2468")
    chord = Qt.ControlModifier | Qt.AltModifier | Qt.ShiftModifier
    qtbot.keyClick(window, Qt.Key_Q, chord)
    pad = kiosk.pin_pad
    assert pad.isVisible() and pad.geometry() == window.rect()
    # A wrong PIN says so and stays; Cancel returns to the visitor's screen.
    for digit in "1111":
        qtbot.mouseClick(pad.keys[digit], Qt.LeftButton)
    qtbot.mouseClick(pad.ok_button, Qt.LeftButton)
    assert pad.isVisible() and pad.display.text() == "Wrong PIN"
    qtbot.mouseClick(pad.cancel_button, Qt.LeftButton)
    assert not pad.isVisible() and window.isVisible()
    # The right PIN, tapped on the pad, leaves kiosk mode.
    qtbot.keyClick(window, Qt.Key_Q, chord)
    for digit in "2468":
        qtbot.mouseClick(pad.keys[digit], Qt.LeftButton)
    with qtbot.waitSignal(kiosk.exited, timeout=2000):
        qtbot.mouseClick(pad.ok_button, Qt.LeftButton)
    assert not window.isVisible()


def test_every_control_is_big_enough_for_a_finger(qtbot, make_kiosk):
    window, kiosk = make_kiosk(pin="1")
    kiosk.begin()
    controls = [window.picker.play_button, *window.picker.language_buttons.values()]
    window.play(["october-1917"])
    pane = window.playback.panes[0]
    controls += [window.playback.back_button, window.playback.pause_all_button,
                 pane.previous_button, pane.play_button, pane.next_button, pane.events_button]
    kiosk.request_exit()
    controls += list(kiosk.pin_pad.keys.values()) + [kiosk.pin_pad.cancel_button]
    for control in controls:
        hint = control.sizeHint().expandedTo(control.minimumSize())
        assert hint.height() >= 48 and hint.width() >= 48, control.accessibleName()


def test_a_link_in_story_text_opens_nothing(qtbot, tmp_path, make_window):
    """A visitor's click or tap on a link in an event's text neither opens a browser nor a
    file (a browser would be a way out of the kiosk): links are shown, never followed."""
    from PySide6.QtCore import QObject, QPoint, Slot
    from PySide6.QtGui import QDesktopServices
    from story_files import story_data, write_story

    links = " ".join(["[web](https://example.org/) [file](file:///etc/passwd) "
                      "[mail](mailto:a@example.org) <https://example.org/auto>"] * 8)
    data = story_data(1)
    data["events"][0]["text"] = {"en": links}
    write_story(tmp_path, "links", data)

    class Opened(QObject):
        urls: list[str] = []

        @Slot("QUrl")
        def open(self, url) -> None:  # noqa: ANN001
            self.urls.append(url.toString())

    opened = Opened()
    schemes = ("http", "https", "file", "mailto")
    for scheme in schemes:
        QDesktopServices.setUrlHandler(scheme, opened, "open")
    window = make_window(Library.load([tmp_path]), speed=0.01, show=False)
    kiosk = Kiosk(window, KioskSettings(enabled=True), idle_ms=60_000)
    make_window.before_close(lambda: kiosk._leaving or kiosk.leave())
    try:
        with qtbot.waitExposed(window):
            kiosk.start(attract=False)
        window.play(["links"])
        text = window.playback.panes[0].event_view.text
        qtbot.waitUntil(lambda: "example.org" in text.text() and text.height() > 40)
        for y in range(5, text.height(), 12):
            for x in range(5, text.width(), 25):
                qtbot.mouseClick(text, Qt.LeftButton, pos=QPoint(x, y))
        QApplication.processEvents()
        assert opened.urls == []
        QDesktopServices.openUrl("https://example.org/")  # the handler does catch an open
        assert opened.urls == ["https://example.org/"]
    finally:
        for scheme in schemes:
            QDesktopServices.unsetUrlHandler(scheme)


# -- the two idle stages ---------------------------------------------------------------------


def test_idle_asks_first_and_a_touch_dismisses_the_question(qtbot, make_kiosk):
    window, kiosk = make_kiosk(countdown_ms=60_000)
    kiosk.begin()
    qtbot.waitUntil(lambda: kiosk.still_there.isVisible(), timeout=5000)
    assert kiosk.asking and not kiosk.attracting
    assert kiosk.still_there.heading.text() == "Are you still there?"
    assert kiosk.still_there.countdown.text() == "Continuing to the start in 60…"
    assert kiosk.still_there.geometry() == window.rect()
    touch(kiosk.still_there)
    assert not kiosk.still_there.isVisible() and not kiosk.asking
    assert window.stack.currentWidget() is window.picker  # the visitor stays where they were


def test_nobody_answers_and_the_countdown_resets_the_kiosk(qtbot, make_kiosk):
    window, kiosk = make_kiosk(countdown_ms=1200)
    kiosk.begin()
    qtbot.waitUntil(lambda: kiosk.still_there.isVisible(), timeout=5000)
    seen = {kiosk.still_there.countdown.text()}
    kiosk._countdown.timeout.connect(lambda: seen.add(kiosk.still_there.countdown.text()))
    with qtbot.waitSignal(kiosk.visitEnded, timeout=5000) as ended:
        pass
    assert ended.args == ["idle"] and kiosk.attracting and not kiosk.still_there.isVisible()
    assert "Continuing to the start in 2…" in seen and "Continuing to the start in 1…" in seen


def test_no_question_while_a_story_plays_to_its_end(qtbot, make_kiosk):
    window, kiosk = make_kiosk(countdown_ms=600)
    qtbot.waitUntil(lambda: window.playback.map_view.is_ready, timeout=30_000)
    kiosk.begin()
    window.play(["october-1917"])
    pane = window.playback.panes[0]
    pane.driver.resume()
    for _ in range(2):
        with qtbot.waitSignal(kiosk.idle.idle, timeout=5000):
            pass
        assert not kiosk.still_there.isVisible() and not kiosk.asking
    pane.driver.pause()  # paused and left alone: now it asks
    qtbot.waitUntil(lambda: kiosk.still_there.isVisible(), timeout=5000)


def test_no_question_while_stories_play_in_date_order(qtbot, make_kiosk):
    window, kiosk = make_kiosk(countdown_ms=600)
    qtbot.waitUntil(lambda: window.playback.map_view.is_ready, timeout=30_000)
    kiosk.begin()
    window.playback.set_sync(True)
    window.play(["october-1917", "world-war-1"])
    session = window.playback.session
    assert session is not None and session.date_order
    if not session.running():
        qtbot.mouseClick(window.playback.pause_all_button, Qt.LeftButton)  # "Play all"
    assert session.shared is not None and session.shared.state is State.PLAYING
    for _ in range(2):
        with qtbot.waitSignal(kiosk.idle.idle, timeout=5000):
            pass
        assert not kiosk.asking and window.playing


def test_wrong_pins_make_the_pad_wait_longer_and_longer(qtbot, make_kiosk):
    from fake_clock import FakeClock

    from storyplayer.model.pin_guard import PinGuard

    window, kiosk = make_kiosk(pin="2468")
    clock = FakeClock()
    pad = kiosk.pin_pad
    pad.guard = PinGuard(clock)
    kiosk.request_exit()
    for _ in range(4):
        pad.enter("1111")
    assert pad.display.text() == "Wrong PIN"
    assert pad.wait_note.isVisible() and pad.wait_note.text() == "Try again in 1 s"
    pad.enter("2468")  # right, but too early: not even checked
    assert pad.isVisible() and window.isVisible()
    clock.advance(1.0)
    qtbot.waitUntil(lambda: not pad.wait_note.isVisible())  # the countdown ends by itself
    with qtbot.waitSignal(kiosk.exited, timeout=2000):
        pad.enter("2468")


def _right_click(widget) -> None:  # noqa: ANN001
    """A real right click through the platform's path (the QWindow, then the widget)."""
    from PySide6.QtTest import QTest

    point = widget.mapTo(widget.window(), widget.rect().center())
    QTest.mouseClick(widget.window().windowHandle(), Qt.RightButton, Qt.NoModifier, point)


def test_no_context_menu_opens_in_kiosk_mode(qtbot, make_kiosk):
    window, kiosk = make_kiosk()
    kiosk.begin()
    search = window.picker.search_box
    qtbot.waitUntil(search.isVisible)
    _right_click(search)
    from PySide6.QtTest import QTest

    for key, modifiers in ((Qt.Key_Menu, Qt.NoModifier), (Qt.Key_F10, Qt.ShiftModifier)):
        search.setFocus()
        QTest.keyClick(window.windowHandle(), key, modifiers)
    assert QApplication.activePopupWidget() is None


def test_a_visitors_text_size_is_reset_by_the_attract_screen_and_never_saved(
    qtbot, make_kiosk, tmp_path
):
    from storyplayer.app import _persist_text_scale
    from storyplayer.model.config import load_config

    config = tmp_path / "config.toml"
    config.write_text("reduced_motion = false\n")
    window, kiosk = make_kiosk()
    start = window.text_scale
    _persist_text_scale(window, load_config(config), kiosk=True)
    kiosk.begin()
    window.set_text_scale(2.0)  # a visitor's Ctrl+plus
    assert window.text_scale == pytest.approx(2.0)
    with qtbot.waitSignal(kiosk.attractShown, timeout=5000):
        pass  # idle: back to the attract screen
    assert window.text_scale == pytest.approx(start)
    assert config.read_text() == "reduced_motion = false\n"
