"""The editor's Qt-free logic: round-trip documents, undoable changes, checking, saving."""

from __future__ import annotations

import difflib
import shutil
import threading
from pathlib import Path

import pytest

from storyplayer.model.editing.changes import InsertItem, RemoveItem, Reorder, SetValue
from storyplayer.model.editing.document import DocumentError, StoryDocument
from storyplayer.model.editing.new_story import copy_story, free_id, new_story_text, slug
from storyplayer.model.editing.working_copy import WorkingCopy
from storyplayer.model.yaml_source import parse_document
from storyplayer.resources import bundled_stories_dir

BUNDLED = sorted(bundled_stories_dir().glob("*/story.yaml"))

HAND_WRITTEN = """\
# A story written by hand: comments, anchors, odd quoting and four-space indents.
format: 1
title: {en: 'Quoted title', et: "Pealkiri"}   # flow style, two quote kinds
map:
    center: [59.4, 24.7]
    zoom: 6
events:
    -   title: First   # a comment on the first event
        date: 1917-11-07
        place: &tallinn
            name: Tallinn
            lat: 59.4
            lon: 24.7
    -   title: 'Second'
        place: *tallinn
        text: |
            Two paragraphs.

            The second one.
"""


def _changed_lines(before: str, after: str) -> list[str]:
    return [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(), n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]


@pytest.mark.parametrize("file", BUNDLED, ids=lambda f: f.parent.name)
def test_every_bundled_story_saves_back_byte_identical(file: Path, tmp_path: Path) -> None:
    copy = tmp_path / "story.yaml"
    copy.write_bytes(file.read_bytes())
    assert StoryDocument(file.read_text("utf-8")).text() == file.read_text("utf-8")
    working = WorkingCopy.open(tmp_path)
    assert not working.dirty
    working.save()
    assert copy.read_bytes() == file.read_bytes()


def test_hand_written_yaml_keeps_comments_anchors_and_quotes() -> None:
    doc = StoryDocument(HAND_WRITTEN)
    assert doc.text() == HAND_WRITTEN
    doc.set(("events", 1, "title"), "Second, renamed")
    assert _changed_lines(HAND_WRITTEN, doc.text()) == [
        "-    -   title: 'Second'", "+    -   title: 'Second, renamed'"]
    doc.set(("title", "en"), "New title")
    assert "title: {en: 'New title', et: \"Pealkiri\"}" in doc.text()
    assert "# flow style, two quote kinds" in doc.text()
    assert "place: &tallinn" in doc.text() and "place: *tallinn" in doc.text()
    # The second event shares the first one's place: changing it leaves the first alone.
    doc.set(("events", 1, "place", "name"), "Reval")
    assert doc.get(("events", 0, "place", "name")) == "Tallinn"
    assert "# a comment on the first event" in doc.text()


@pytest.mark.parametrize("file", BUNDLED[:1], ids=lambda f: f.parent.name)
def test_one_field_changes_only_its_lines(file: Path) -> None:
    text = file.read_text("utf-8")
    doc = StoryDocument(text)
    doc.set(("events", 0, "title", "en"), "A different title")
    doc.set(("events", 0, "date"), "1917")
    changed = _changed_lines(text, doc.text())
    assert len(changed) == 4
    assert any("A different title" in line for line in changed)
    # A long paragraph written folded stays folded, wrapped like the rest of the file.
    doc.set(("events", 1, "text", "en"), "word " * 60 + "end")
    added = [line for line in _changed_lines(text, doc.text()) if line.startswith("+")]
    assert len(added) > 3 and all(len(line) <= 100 for line in added)


def test_not_a_story_document_is_one_clear_line() -> None:
    with pytest.raises(DocumentError, match="not valid YAML"):
        StoryDocument("title: [unclosed")
    with pytest.raises(DocumentError, match="mapping of story fields"):
        StoryDocument("- a list\n")


def test_changes_undo_exactly_and_merge_typing(tmp_path: Path) -> None:
    text = BUNDLED[0].read_text("utf-8")
    working = WorkingCopy(text, tmp_path / "story.yaml")
    first = SetValue(("events", 0, "title", "en"), "T")
    working.apply(first)
    assert first.merge(SetValue(("events", 0, "title", "en"), "Typed"))
    working.apply(first)  # applying again sets the merged value
    assert working.get(("events", 0, "title", "en")) == "Typed"
    count = len(working.get(("events",)))
    steps = [
        InsertItem(("events",), 1, {"title": {"en": "Inserted"}}),
        RemoveItem(("events",), 0),
        Reorder(("events",), [1, 0] + list(range(2, count))),
        SetValue(("events", 0, "place"), None),
        SetValue(("color",), "#123456"),
    ]
    for step in steps:
        working.apply(step)
    assert working.dirty
    for step in reversed(steps):
        working.revert(step)
    working.revert(first)
    assert working.text() == text
    assert not working.dirty


def test_checking_while_typing_finds_the_field(tmp_path: Path) -> None:
    working = WorkingCopy(new_story_text("new", "New", "en"), tmp_path / "story.yaml")
    assert working.playable and not working.errors
    working.apply(SetValue(("events", 0, "date"), "1917-13-45"))
    errors = working.errors
    assert errors and (errors[0].event, errors[0].key) == (0, "date")
    assert not working.playable
    working.apply(SetValue(("color",), "red"))
    keys = {(e.event, e.key) for e in working.errors}
    assert (None, "color") in keys
    # A draft with problems is saved all the same.
    working.save()
    assert (tmp_path / "story.yaml").read_text("utf-8") == working.text()


def test_new_ids_and_copies(tmp_path: Path) -> None:
    assert slug("Eesti Vabariik 1918!") == "eesti-vabariik-1918"
    assert slug("Õun ja äädikas") == "oun-ja-aadikas"
    (tmp_path / "my-story").mkdir()
    assert free_id(tmp_path, "My story") == "my-story-2"
    source = BUNDLED[0].parent
    target = copy_story(source, tmp_path, "copy-of-it")
    copied = (target / "story.yaml").read_text("utf-8")
    assert "id: copy-of-it" in copied
    assert len(_changed_lines(BUNDLED[0].read_text("utf-8"), copied)) in (0, 2)
    assert WorkingCopy.open(target).playable


def test_the_round_trip_document_is_read_only_when_needed(tmp_path: Path) -> None:
    folder = shutil.copytree(BUNDLED[0].parent, tmp_path / "story")
    working = WorkingCopy.open(folder)
    # Opening shows the player's reading of the file; the slow round-trip one waits.
    assert not working.document_ready
    assert working.playable
    title = working.get(("events", 0, "title"))
    assert title == parse_document(BUNDLED[0].read_text("utf-8")).data["events"][0]["title"]
    assert working.text() == BUNDLED[0].read_text("utf-8") and not working.dirty
    # Read on another thread meanwhile; the first change finds it there (or reads it).
    reader = threading.Thread(target=working.prepare)
    reader.start()
    working.apply(SetValue(("events", 0, "title", "en"), "Changed"))
    reader.join()
    assert working.document_ready
    assert _changed_lines(BUNDLED[0].read_text("utf-8"), working.text())[1].endswith("Changed")


def test_a_text_that_is_not_a_story_mapping_still_says_why_at_once(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="mapping of story fields"):
        WorkingCopy("- a list\n", tmp_path / "story.yaml")
    # A merge key: the player refuses it, the editor opens the file to fix it.
    merged = HAND_WRITTEN + "defaults: &d {zoom: 6}\nextra:\n    <<: *d\n"
    working = WorkingCopy(merged, tmp_path / "story.yaml")
    assert working.document_ready and not working.playable


def test_plain_data_follows_every_change_where_it_was_made(tmp_path: Path) -> None:
    working = WorkingCopy(HAND_WRITTEN, tmp_path / "story.yaml")
    steps = [
        SetValue(("events", 1, "place", "name"), "Reval"),  # a shared (anchored) place
        SetValue(("events", 0, "sources"), ["One", {"en": "Two", "et": "Kaks"}]),
        SetValue(("title", "et"), None),
        SetValue(("color",), "#123456"),
        InsertItem(("events", 0, "sources"), 0, "Zero"),
        InsertItem(("events",), 1, {"title": "Between"}),
        Reorder(("events",), [2, 0, 1]),
        RemoveItem(("events",), 0),
        SetValue(("events", 1, "text"), None),
        SetValue(("events", 1, "place", "name"), None),  # the emptied place goes too
    ]
    for step in steps:
        working.apply(step)
        assert working.plain() == working.doc.plain(), step
    for step in reversed(steps):
        working.revert(step)
        assert working.plain() == working.doc.plain(), step
    assert working.text() == HAND_WRITTEN


def test_a_save_that_fails_leaves_the_old_file_whole(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import os

    from storyplayer.model.editing.atomic import write_atomic

    target = tmp_path / "story.yaml"
    write_atomic(target, "old: text\n")
    synced: list[int] = []
    real_fsync = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: (synced.append(fd), real_fsync(fd))[1])

    def power_cut(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", power_cut)
    with pytest.raises(OSError):
        write_atomic(target, "new: text\n")
    assert synced  # the new text reached the disk before the rename would have
    assert target.read_text("utf-8") == "old: text\n"
    assert [p.name for p in tmp_path.iterdir()] == ["story.yaml"]  # no temporary left


def test_a_saved_file_has_the_permissions_of_any_new_file(tmp_path: Path) -> None:
    """A story saved and copied to a shared folder is readable there: the user's umask, not
    the owner-only mode of a temporary file."""
    import os

    from storyplayer.model.editing.atomic import write_atomic

    old_mask = os.umask(0o022)
    try:
        write_atomic(tmp_path / "story.yaml", "title: x\n")
    finally:
        os.umask(old_mask)
    assert (tmp_path / "story.yaml").stat().st_mode & 0o777 == 0o644


def test_clearing_an_events_only_field_keeps_the_event_and_its_neighbours() -> None:
    """The emptied event stays in its place (it was removed, and undo then wrote its title
    over the next event's)."""
    doc = StoryDocument("format: 1\ntitle: T\nevents:\n  - title: A\n  - title: B\n"
                        "    date: 1900-01-01\n")
    before = doc.text()
    change = SetValue(("events", 0, "title"), None)
    change.apply(doc)
    assert doc.plain()["events"] == [{}, {"title": "B", "date": "1900-01-01"}]
    change.revert(doc)
    assert doc.text() == before
    place = SetValue(("events", 1, "place", "name"), "Tartu")
    place.apply(doc)
    cleared = SetValue(("events", 1, "place", "name"), None)
    cleared.apply(doc)
    assert "place" not in doc.plain()["events"][1]  # an emptied mapping in a mapping goes
    cleared.revert(doc)
    place.revert(doc)
    assert doc.text() == before


def test_a_new_story_takes_its_id_from_its_title_at_its_first_save(tmp_path: Path) -> None:
    """Two teachers' lessons made with "New story" would otherwise both be "new-story" and
    clash when shared; once saved, the id stays whatever the title becomes."""
    from storyplayer.model.editing.new_story import id_for_title, new_story_text
    from storyplayer.model.editing.working_copy import WorkingCopy

    library = tmp_path / "library"
    (library / "war-of-independence").mkdir(parents=True)  # another story's folder
    file = library / "new-story" / "story.yaml"
    working = WorkingCopy(new_story_text("new-story", "New story", "en"), file, saved_text="")
    working.id_from_title = lambda title, current: id_for_title(library, title, current, {"a"})
    working.apply(SetValue(("title", "en"), "War of Independence"))
    working.save()
    assert working.get(("id",)) == "war-of-independence-2"
    assert "id: war-of-independence-2" in file.read_text("utf-8") and not working.dirty
    working.apply(SetValue(("title", "en"), "The war"))
    working.save()
    assert working.get(("id",)) == "war-of-independence-2"


def test_an_untitled_id_is_kept_when_the_title_already_gives_it(tmp_path: Path) -> None:
    from storyplayer.model.editing.new_story import id_for_title

    (tmp_path / "new-story").mkdir()  # its own folder, made when a picture was chosen
    assert id_for_title(tmp_path, "New story", "new-story-2") == "new-story-2"
    assert id_for_title(tmp_path, "New story", "new-story") == "new-story"
    assert id_for_title(tmp_path, "Õpetaja tund", "new-story") == "opetaja-tund"
