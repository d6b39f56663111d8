"""Going straight to playback (`--play`), the picker is built after the stories are on
screen: the window opens on playback without it, and builds it, in the window's current
theme and language, the first time it is needed. A pane, likewise, builds its end card,
waiting card and list of events when it first shows them."""

from __future__ import annotations

from storyplayer.model.library import Library
from storyplayer.ui.picker.picker import Picker

THREE = ["october-1917", "independence-1918", "world-war-1"]


def test_playback_opens_without_the_picker_and_builds_it_when_going_back(
    qtbot, make_window, bundled_library: Library
) -> None:
    window = make_window(bundled_library, picker_later=True)
    assert window.findChildren(Picker) == []
    assert not window.playing  # before anything plays, the picker's place is shown
    window.play(THREE)
    assert window.playing
    assert window.findChildren(Picker) == []
    # Changes meanwhile reach the picker when it is built.
    window.set_text_scale(1.4)
    window.set_theme("high-contrast")
    window.set_language("et")
    with qtbot.waitSignal(window.pickerShown):
        window.playback.back_button.click()
    picker = window.picker
    assert window.findChildren(Picker) == [picker]
    assert window.stack.currentWidget() is picker
    assert picker.theme == window.theme
    assert picker.theme.text_scale == 1.4 and picker.theme.high_contrast
    assert picker.language_buttons["et"].isChecked()
    # The settings button sits in the picker's header, as when the picker comes first.
    assert window.settings_buttons[0].parent() is not None
    assert picker.isAncestorOf(window.settings_buttons[0])
    qtbot.waitUntil(lambda: picker.view.viewport().isVisible())
    # Picking plays as ever.
    picker.playRequested.emit(THREE[:1])
    assert window.playing and len(window.playback.panes) == 1


def test_a_window_built_for_the_picker_opens_on_it(make_window, bundled_library) -> None:
    window = make_window(bundled_library)
    assert window.stack.currentWidget() is window.picker
    assert window.stack.count() == 2  # the picker and playback, nothing in between


def test_after_first_paint_waits_for_the_widget_to_be_on_screen(qtbot) -> None:
    from PySide6.QtWidgets import QLabel

    from storyplayer.ui.shared.first_paint import after_first_paint

    label = QLabel("on screen")
    qtbot.addWidget(label)
    called: list[bool] = []
    after_first_paint(label, lambda: called.append(label.isVisible()))
    qtbot.wait(0)  # the event loop turns, and nothing has painted: nothing is called
    assert called == []
    label.show()
    qtbot.waitUntil(lambda: called == [True])
    label.update()
    label.repaint()  # later paints call nothing more
    qtbot.wait(0)
    assert called == [True]


def test_the_parts_a_pane_builds_later_follow_a_language_switch_once_built(
    make_window, bundled_library: Library
) -> None:
    window = make_window(bundled_library)
    window.play(THREE[:1])
    pane = window.playback.panes[0]
    story = bundled_library.get(THREE[0])
    end_card, waiting_card = pane.end_card, pane.waiting_card  # built now, in English
    assert story.title.get("en") in end_card.story_title.text().replace("\u00ad", "")
    window.set_language("et")
    assert story.title.get("et") in end_card.story_title.text().replace("\u00ad", "")
    assert story.title.get("et") in waiting_card.story_title.text().replace("\u00ad", "")
    assert end_card.lang == "et"
