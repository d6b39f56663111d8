"""The library: many folders, broken stories kept apart, duplicates, lookup and search."""

from __future__ import annotations

from pathlib import Path

from story_files import story_data, write_story

from storyplayer.model.library import Library


def make_library(tmp_path: Path) -> Path:
    write_story(
        tmp_path,
        "petrograd",
        story_data(
            title={"en": "The coup", "et": "Riigipööre"},
            summary={"en": "Soldiers and sailors.", "et": "Sõdurid Petrogradis."},
            categories=["history", "politics"],
        ),
    )
    write_story(
        tmp_path,
        "reformation",
        story_data(
            title={"en": "Reformation"},
            summary={"en": "Luther's ideas reach Livonia."},
            categories=["religion"],
        ),
    )
    write_story(tmp_path, "broken", text="format: 1\ntitle: [oops\n")
    return tmp_path


def test_one_broken_story_never_hides_the_others(tmp_path: Path) -> None:
    library = Library.load([make_library(tmp_path)])
    assert sorted(s.id for s in library.stories) == ["petrograd", "reformation"]
    assert [e.name for e in library.invalid] == ["broken"]
    assert "not valid YAML" in library.invalid[0].reason


def test_lookup_categories_and_search_in_every_language(tmp_path: Path) -> None:
    library = Library.load([make_library(tmp_path)])
    assert library.get("petrograd").title.get("et") == "Riigipööre"
    assert "nope" not in library
    assert library.categories() == ["history", "politics", "religion"]
    assert [s.id for s in library.search(category="religion")] == ["reformation"]
    assert [s.id for s in library.search("petrogradis")] == ["petrograd"]  # Estonian summary
    assert [s.id for s in library.search("LUTHER livonia")] == ["reformation"]
    assert library.search("luther", category="politics") == []


def test_duplicate_ids_are_reported(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    write_story(first, "same")
    write_story(second, "same")
    library = Library.load([first, second])
    assert len(library.stories) == 1
    assert "duplicate id 'same'" in library.invalid[0].reason


def test_missing_folder_is_reported_and_optional_one_is_quiet(tmp_path: Path) -> None:
    library = Library.load([tmp_path / "gone", tmp_path / "quiet"], optional=[tmp_path / "quiet"])
    assert [p.message for p in library.problems] == ["library folder not found"]


def test_a_story_folder_given_as_library_is_one_story(tmp_path: Path) -> None:
    folder = write_story(tmp_path, "single")
    assert [s.id for s in Library.load([folder]).stories] == ["single"]


def test_bundled_stories_all_load() -> None:
    from storyplayer.resources import bundled_stories_dir

    library = Library.load([bundled_stories_dir()])
    folders = [p for p in bundled_stories_dir().iterdir() if (p / "story.yaml").is_file()]
    assert len(library.stories) == len(folders) >= 10
    assert library.invalid == []
    for story in library.stories:
        assert 6 <= len(story.events) <= 12
        assert {"en", "et"} <= set(story.languages) | set(story.title.languages)
