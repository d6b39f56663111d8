"""The story's languages in the editor stay what its texts are written in, whatever field the
author empties and types again."""

from __future__ import annotations

from PySide6.QtCore import Qt

from storyplayer.model.editing.working_copy import WorkingCopy
from storyplayer.model.loader import load_story
from storyplayer.model.text import story_languages
from storyplayer.ui.editor.local_text import with_text


def test_a_title_typed_again_keeps_an_estonian_story_estonian(editor_host, qtbot) -> None:
    host, translations, window = editor_host
    translations.set_language("et")
    window.set_language("et")
    screen = host.new_story()
    qtbot.mouseClick(screen.events.details_button, Qt.LeftButton)
    title = screen.details.title.editors["et"]
    title.selectAll()
    qtbot.keyClick(title, Qt.Key_Delete)  # emptied: the story has no title for a moment
    assert screen.languages == ["et"]
    assert list(screen.details.title.editors) == ["et"]
    assert "Esimene sündmus" in screen.events.list.item(0).text()  # its event still shows
    qtbot.keyClicks(screen.details.title.editors["et"], "Minu tund")
    assert screen.languages == ["et"]
    qtbot.mouseClick(screen.save_button, Qt.LeftButton)
    story = load_story(screen.working.folder)
    assert story.text(story.title, "et") == "Minu tund" and story.languages == ("et",)
    saved = WorkingCopy.open(screen.working.folder).plain()  # opened again: Estonian
    assert story_languages(saved, saved["events"]) == ("et",)


def test_languages_come_from_the_first_text_written_per_language() -> None:
    events = [{"date": 1900}, {"title": {"et": "Sündmus"}}]
    assert story_languages({"title": None}, events) == ("et",)
    assert story_languages({"title": "Lugu"}, events) == ("et",)  # a plain title: any language
    assert story_languages({"title": {"en": "A", "et": "B"}}, events) == ("en", "et")
    assert story_languages({"languages": ["fi"], "title": {"et": "B"}}) == ("fi",)
    assert story_languages({}, [{"text": "plain"}]) == ("en",)
    assert with_text({"et": "Lugu"}, "et", "", ["et"]) is None  # emptied, then typed again:
    assert with_text(None, "et", "Lugu", ["et"]) == "Lugu"  # the first language's, plain


def test_dates_are_typed_as_the_app_shows_them_in_either_language() -> None:
    """A range as the cards show one, "u" and "vkj" as Estonian writes them."""
    from storyplayer.ui.editor.event_form import date_value, reading

    assert date_value("1558–1583") == {"start": "1558", "end": "1583"}
    assert date_value("1914 — 1918") == {"start": "1914", "end": "1918"}
    assert date_value("28. november 1918 – 2. veebruar 1920") == {
        "start": "1918-11-28", "end": "1920-02-02"}
    assert date_value("-500") == "-500"  # a year BC is not a range
    assert date_value("u 1350") == "c. 1350"
    assert reading("24.02.1918 vkj", ["et"]) == (
        True, "ET: 24. veebruar (9. märts) 1918\nEN: 24 February (9 March) 1918")
    assert reading("1558–1583", ["et"]) == (True, "ET: 1558–1583\nEN: 1558–1583")


def test_a_missing_title_is_said_beside_its_field(editor_host, qtbot) -> None:
    host, translations, window = editor_host
    translations.set_language("et")
    window.set_language("et")
    screen = host.new_story()
    title = screen.event_form.title.editors["et"]
    title.selectAll()
    with qtbot.waitSignal(screen.checked, timeout=15_000):
        qtbot.keyClick(title, Qt.Key_Delete)
    beside = screen.event_form.problem_labels["title"]
    assert beside.isVisibleTo(screen) and beside.text() == "pealkiri puudub"
    assert screen.problems.item(0).text() == "⚠ Sündmus 1: pealkiri puudub"


def test_why_preview_is_greyed_out_stays_readable_at_the_largest_text(editor_host, qtbot):
    """The status gives the unsaved changes and the problems a line each: side by side, at
    the largest text, the problems were cut off while Preview and Share stood greyed out."""
    from storyplayer.model.config import MAX_TEXT_SCALE

    host, translations, window = editor_host
    translations.set_language("et")
    window.set_language("et")
    window.set_text_scale(MAX_TEXT_SCALE)
    screen = host.new_story()
    title = screen.event_form.title.editors["et"]
    title.selectAll()
    with qtbot.waitSignal(screen.checked, timeout=15_000):
        qtbot.keyClick(title, Qt.Key_Delete)
    assert screen.status.text() == "Salvestamata muudatused\nMustand, probleeme: 1"
    assert not screen.preview_button.isEnabled()
    screen.layout().activate()
    metrics = screen.status.fontMetrics()
    widest = max(metrics.horizontalAdvance(line) for line in screen.status.text().split("\n"))
    assert screen.status.width() >= widest  # neither line cut off
