"""A text edited in the editor keeps the file's look: the editor writes a changed text (all
its languages at once) into the mapping it replaces, so a folded, wrapped paragraph stays
folded and wrapped and a one-line `{en: ..., et: ...}` stays on one line. No Qt."""

from __future__ import annotations

import difflib

from storyplayer.model.editing.document import StoryDocument
from storyplayer.resources import bundled_stories_dir

TEXT = """format: 1
id: shared
title: {en: "Title", et: "Pealkiri"}
events:
  - title: &same {en: One, et: Üks}
    text:
      en: >-
        A first paragraph that is long enough to be folded over two lines in the file,
        as a person wrote it by hand.
      et: Lühike.
  - title: *same
"""


def _changed(before: str, after: str) -> list[str]:
    return [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(), n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def test_a_changed_text_stays_folded_and_wrapped() -> None:
    file = bundled_stories_dir() / "national-awakening" / "story.yaml"
    before = file.read_text("utf-8")
    doc = StoryDocument(before)
    text = dict(doc.plain()["events"][8]["text"])
    text["en"] = text["en"].replace("its flag", "its blue, black and white flag")
    doc.set(("events", 8, "text"), text)  # as the editor sets it: every language at once
    after = doc.text()
    changed = _changed(before, after)
    assert changed and all(len(line) <= 101 for line in changed)  # 100 columns, and +/-
    assert all("et:" not in line and "Selts" not in line for line in changed)  # et as it was
    assert after.count("en: >-") == before.count("en: >-")  # still a folded block
    assert max(len(line) for line in after.splitlines()) <= 100
    assert StoryDocument(after).plain()["events"][8]["text"]["en"] == text["en"]


def test_flow_maps_stay_on_one_line_and_shared_ones_are_not_changed_in_place() -> None:
    doc = StoryDocument(TEXT)
    doc.set(("title",), {"en": "Title", "et": "Uus pealkiri"})
    assert 'title: {en: "Title", et: "Uus pealkiri"}' in doc.text()
    doc.set(("events", 0, "text"), {"en": "Short now.", "et": "Lühike."})
    assert "et: Lühike." in doc.text() and "Short now." in doc.text()
    # The second event's title refers to the first one's: changing it leaves the first alone.
    doc.set(("events", 1, "title"), {"en": "Two", "et": "Kaks"})
    assert doc.plain()["events"][0]["title"] == {"en": "One", "et": "Üks"}
    assert doc.plain()["events"][1]["title"] == {"en": "Two", "et": "Kaks"}
    # A language left out goes.
    doc.set(("events", 0, "text"), {"en": "Short now."})
    assert doc.plain()["events"][0]["text"] == {"en": "Short now."}


def test_undo_puts_the_text_back_as_it_was_written() -> None:
    from storyplayer.model.editing.changes import SetValue

    doc = StoryDocument(TEXT)
    change = SetValue(("events", 0, "text"), {"en": "Changed.", "et": "Muudetud."})
    change.apply(doc)
    assert doc.plain()["events"][0]["text"] == {"en": "Changed.", "et": "Muudetud."}
    change.revert(doc)
    assert doc.text() == TEXT
