"""The fields an imported story keeps: the path's style, closing words, the cover's caption
and credit, and an event's own colour; each optional, each checked like the rest."""

from __future__ import annotations

from pathlib import Path

import pytest
from story_files import story_data, write_story

from storyplayer.model.loader import check_story, load_story
from storyplayer.model.story import PathStyle


def test_path_ending_cover_credit_and_background_load(tmp_path: Path) -> None:
    folder = write_story(tmp_path)
    (folder / "cover.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    data = story_data(
        path={"color": "#224466", "width": 4, "dash": "1 9"},
        ending={"en": "Visit the museum.", "et": "Tule muuseumi."},
        cover={"src": "cover.png", "caption": "The bridge", "credit": "Photo: A. Author"},
    )
    data["events"][0]["background"] = "#1a2b3c"
    story = load_story(write_story(tmp_path, data=data))
    assert story.path == PathStyle(True, "#224466", 4, "1 9")
    assert story.ending is not None and story.ending.get("et") == "Tule muuseumi."
    assert story.cover == (folder / "cover.png").resolve()
    assert story.cover_caption is not None and story.cover_caption.get("en") == "The bridge"
    assert story.cover_credit is not None and story.cover_credit.get("en") == "Photo: A. Author"
    assert story.events[0].background == "#1a2b3c"
    assert story.events[1].background is None


def test_the_plain_forms_stay_valid_and_a_hidden_path(tmp_path: Path) -> None:
    folder = write_story(tmp_path)
    (folder / "cover.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    story = load_story(write_story(tmp_path, data=story_data(cover="cover.png",
                                                             path={"show": False})))
    assert story.cover == (folder / "cover.png").resolve() and story.cover_credit is None
    assert story.path == PathStyle(show=False) and story.ending is None


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ({"path": {"width": 40}}, "path.width is 40, out of range (0.5 to 12)"),
        ({"path": {"dash": "dotted"}}, 'path.dash must be "solid" or dash and gap lengths'),
        ({"path": {"colour": "#123456"}}, "did you mean 'color'?"),
        ({"cover": {"credit": "x"}}, "cover must be a picture file, or {src, caption"),
        ({"cover": {"src": "missing.png"}}, "media file 'missing.png' does not exist"),
        ({"ending": ""}, "ending must be text"),
    ],
)
def test_bad_values_get_one_clear_problem(tmp_path: Path, extra: dict, expected: str) -> None:
    story, problems = check_story(write_story(tmp_path, data=story_data(**extra)))
    assert story is None
    assert any(expected in str(p) for p in problems), [str(p) for p in problems]


def test_a_background_that_is_not_a_colour(tmp_path: Path) -> None:
    data = story_data()
    data["events"][0]["background"] = "blue"
    story, problems = check_story(write_story(tmp_path, data=data))
    assert story is None
    assert any('event 1 "Event 1": background must be a colour' in str(p) for p in problems)
