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
