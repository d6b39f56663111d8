"""Hostile story files: each one is a problem with its file and line, never a crash, a hang
or a flood, and never hides the other stories. The text of a broken story reaches the screen
only as plain text.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from story_files import story_data, write_story

from storyplayer.model.library import Library
from storyplayer.model.loader import check_story
from storyplayer.ui.picker.story_list_model import Role

RICH_KEY = '"<img src=/dev/zero>": 1\n'


def _problems(folder: Path) -> list[str]:
    story, problems = check_story(folder)
    assert story is None
    return [str(p) for p in problems if p.is_error]


def _with(**fields: object) -> dict:
    data = story_data(1)
    data.update(fields)
    return data


def _event(**fields: object) -> dict:
    data = story_data(1)
    data["events"][0].update(fields)
    return data


HUGE = "1" * 5000

# name: (story data, words the problem must contain)
CASES: dict[str, tuple[dict, str]] = {
    "huge year": (_event(date=HUGE), "too long to be a date"),
    "huge year after c.": (_event(date="c. " + HUGE[:50]), "too many digits"),
    "huge range end": (_event(date={"start": 1917, "end": HUGE}), "too long to be a date"),
    "media with NUL": (_with(cover="a\0b.png"), "NUL character"),
    "media name over 255 bytes": (_with(cover="x" * 256 + ".png"), "longer than 255 bytes"),
    "nan seconds": (_event(seconds=float("nan")), "not finite"),
    "nan lat": (_event(place={"lat": float("nan"), "lon": 24.0}), "not finite"),
    "nan zoom": (_event(place={"lat": 59.0, "lon": 24.0, "zoom": float("nan")}), "not finite"),
    "inf lon": (_event(place={"lat": 59.0, "lon": float("inf")}), "not finite"),
    "nan centre": (_with(map={"center": [float("nan"), 24.0]}), "not finite"),
    "nan opacity": (
        _event(overlay={"src": "a.png", "bounds": [[1, 2], [3, 4]], "opacity": float("nan")}),
        "not finite",
    ),
    "nan bounds": (
        _event(overlay={"src": "a.png", "bounds": [[float("nan"), 2], [3, 4]]}),
        "not finite",
    ),
    "nan event seconds": (_with(event_seconds=float("-inf")), "not finite"),
}


@pytest.mark.parametrize("name", list(CASES))
def test_each_hostile_field_is_one_problem_with_a_line(tmp_path: Path, name: str) -> None:
    data, words = CASES[name]
    folder = write_story(tmp_path, data=data)
    problems = _problems(folder)
    assert any(words in p for p in problems), problems
    assert all(p.startswith(f"{folder / 'story.yaml'}:") for p in problems)
    assert all(len(p) < 400 and "\0" not in p for p in problems)


def test_a_huge_integer_is_a_problem_not_a_traceback(tmp_path: Path) -> None:
    folder = write_story(tmp_path, text=yaml.safe_dump(story_data(1)) + f"id: {HUGE}\n")
    assert any("more than 40 digits" in p for p in _problems(folder))


def test_symlink_loops_are_problems(tmp_path: Path) -> None:
    folder = write_story(tmp_path, data=_with(cover="loop.png"))
    (folder / "loop.png").symlink_to("loop.png")
    assert any("link that loops" in p for p in _problems(folder))
    looped = write_story(tmp_path, "looped-folder", data=_with(cover="here/a.png"))
    (looped / "here").symlink_to("there")
    (looped / "there").symlink_to("here")
    assert any("link that loops" in p for p in _problems(looped))


def test_a_fifo_story_file_is_refused_without_blocking(tmp_path: Path) -> None:
    folder = tmp_path / "stories" / "fifo"
    folder.mkdir(parents=True)
    os.mkfifo(folder / "story.yaml")
    write_story(tmp_path / "stories", "fine")
    library = Library.load([tmp_path / "stories"])  # would block forever on open()
    assert [s.id for s in library.stories] == ["fine"]
    assert "pipe (FIFO)" in library.invalid[0].reason


def test_a_fifo_or_device_as_media_is_refused(tmp_path: Path) -> None:
    folder = write_story(tmp_path, data=_with(cover="pipe.png"))
    os.mkfifo(folder / "pipe.png")
    assert any("pipe (FIFO)" in p for p in _problems(folder))
    other = write_story(tmp_path, "device", data=_with(cover="zero.png"))
    (other / "zero.png").symlink_to("/dev/zero")
    assert any("leads outside" in p or "device" in p for p in _problems(other))


def test_one_library_keeps_every_good_story_beside_every_hostile_one(tmp_path: Path) -> None:
    root = tmp_path / "stories"
    for n, name in enumerate(CASES):
        write_story(root, f"bad-{n}", data=CASES[name][0])
    write_story(root, "good", data=_with(id="good"))
    library = Library.load([root])
    assert [s.id for s in library.stories] == ["good"]
    assert len(library.invalid) == len(CASES)


@pytest.fixture
def hostile_library(tmp_path: Path) -> Library:
    root = tmp_path / "stories"
    write_story(root, "good", data=_with(id="good"))
    write_story(root, "rich", text=RICH_KEY + yaml.safe_dump(story_data(1)))
    library = Library.load([root])
    assert "<img src=/dev/zero>" in library.invalid[0].reason
    return library


def test_a_broken_story_is_quoted_as_plain_text_in_every_label(
    qtbot, make_window, hostile_library: Library
) -> None:
    window = make_window(hostile_library)
    picker = window.picker
    proxy = picker.proxy
    broken = next(
        proxy.index(r, 0) for r in range(proxy.rowCount()) if not proxy.index(r, 0).data(Role.VALID)
    )
    picker.view.scrollTo(broken)
    rect = picker.view.visualRect(broken)
    qtbot.mouseClick(picker.view.viewport(), Qt.LeftButton, pos=rect.center())
    qtbot.waitUntil(picker.notice.isVisible)
    assert "<img src=/dev/zero>" in picker.notice_label.text()
    window.show_message(hostile_library.invalid[0].reason)
    window.notices.show_notice(hostile_library.invalid[0].reason)
    window.play(["good"])
    for pane in window.playback.panes:  # the parts a pane builds when first shown, too
        pane.end_card, pane.waiting_card, pane.event_list.open_list(0)  # noqa: B018
    labels = window.findChildren(QLabel)
    assert len(labels) > 10
    rich = [label.objectName() or type(label).__name__ for label in labels
            if label.textFormat() != Qt.PlainText]
    assert rich == []


RING = [[24.0, 59.0], [25.0, 59.0], [25.0, 60.0], [24.0, 59.0]]
GEOMETRIES = {
    "text and nulls": (
        {"type": "LineString", "coordinates": ["x", {"a": 1}, None]}, "[longitude, latitude]"),
    "no coordinates": ({"type": "Point"}, "needs 'coordinates'"),
    "empty line": ({"type": "LineString", "coordinates": []}, "at least one position"),
    "open ring": ({"type": "Polygon", "coordinates": [RING[:3] + [[24.5, 59.5]]]}, "closed"),
    "off the map": ({"type": "Point", "coordinates": [59.0, 240.0]}, "off the map"),
    "booleans": ({"type": "Point", "coordinates": [True, False]}, "numbers"),
    "too many vertices": (
        {"type": "LineString", "coordinates": [[24.0, 59.0]] * 5001}, "more than 5000"),
    "nested wrongly": ({"type": "MultiPolygon", "coordinates": [RING]}, "[longitude, latitude]"),
}


@pytest.mark.parametrize("name", list(GEOMETRIES))
def test_invalid_geojson_is_a_problem_at_its_line(tmp_path: Path, name: str) -> None:
    geometry, words = GEOMETRIES[name]
    folder = write_story(tmp_path, data=_event(geometry=geometry))
    problems = _problems(folder)
    assert len(problems) == 1 and "event 1 \"Event 1\": " in problems[0], problems
    assert words in problems[0]
    assert problems[0].startswith(f"{folder / 'story.yaml'}:")


def test_valid_geojson_of_every_type_is_accepted(tmp_path: Path) -> None:
    for n, geometry in enumerate([
        {"type": "Point", "coordinates": [24.0, 59.0]},
        {"type": "MultiPoint", "coordinates": [[24.0, 59.0], [25.0, 59.0, 12.5]]},
        {"type": "LineString", "coordinates": RING[:2]},
        {"type": "MultiLineString", "coordinates": [RING[:2], RING[1:]]},
        {"type": "Polygon", "coordinates": [RING]},
        {"type": "MultiPolygon", "coordinates": [[RING], [RING]]},
    ]):
        story, problems = check_story(write_story(tmp_path, f"s{n}", _event(geometry=geometry)))
        assert story is not None, problems


PATHOLOGICAL = {
    "image openers": "![" * 10_000,
    "link openers": "[" * 20_000,
    "emphasis": "*a" * 10_000,
    "lines": "a\n" * 10_000,
}


@pytest.mark.parametrize("name", list(PATHOLOGICAL))
def test_pathological_markdown_is_a_clear_problem(tmp_path: Path, name: str) -> None:
    folder = write_story(tmp_path, data=_event(text={"en": "Fine.", "et": PATHOLOGICAL[name]}))
    problems = _problems(folder)
    assert len(problems) == 1 and "event 1 \"Event 1\": the text has" in problems[0], problems
    assert "(shorten or split it)" in problems[0]


def test_any_text_within_the_caps_renders_within_the_step_budget() -> None:
    import time

    from storyplayer.model.rich_text import markdown_cost_problem, markdown_to_html

    pieces = ["![", "*a", "_b", "a\n", "&amp;", "`", "[a] ", "](x)", "<a", "**", "word "]
    worst = 0.0
    for n, first in enumerate(pieces):
        for second in pieces[n:]:
            text = (first + second) * 400
            while markdown_cost_problem(text):
                text = text[: len(text) * 9 // 10]
            assert len(text) > 50
            best = float("inf")
            for _ in range(3):
                start = time.perf_counter()
                markdown_to_html(text)
                best = min(best, time.perf_counter() - start)
            worst = max(worst, best)
    assert worst < 0.05, f"{worst * 1000:.0f} ms"


def test_a_problem_quoting_the_file_stays_one_short_printable_line(tmp_path: Path) -> None:
    key = "\x1b[2J\nforged: line\u2028" + "k" * 5000
    text = yaml.safe_dump({key: 1, **story_data(1)}, allow_unicode=True)
    problems = _problems(write_story(tmp_path, text=text))
    assert len(problems) == 1
    assert "\x1b" not in problems[0] and "\n" not in problems[0] and "\u2028" not in problems[0]
    assert len(problems[0]) < 700 and "unknown key" in problems[0]


def test_a_story_the_checker_fails_on_is_lost_alone(tmp_path: Path, monkeypatch) -> None:
    import storyplayer.model.library as library_module

    real = library_module.check_found

    def failing(file, *args, **kwargs):  # type: ignore[no-untyped-def]
        if file.parent.name == "bad":
            raise KeyError("a checker bug")
        return real(file, *args, **kwargs)

    monkeypatch.setattr(library_module, "check_found", failing)
    root = tmp_path / "stories"
    write_story(root, "bad", data=_with(id="bad"))
    write_story(root, "good", data=_with(id="good"))
    library = Library.load([root])
    assert [s.id for s in library.stories] == ["good"]
    assert library.invalid[0].reason == "cannot be checked: KeyError"


def test_import_input_goes_through_the_same_reader(tmp_path: Path) -> None:
    from storyplayer.interop.detect import read_source
    from storyplayer.interop.draft import ImportFailure

    os.mkfifo(tmp_path / "pipe.json")
    with pytest.raises(ImportFailure, match="not a regular file"):
        read_source(tmp_path / "pipe.json")  # no writer: a plain read would wait for ever
    if os.path.exists("/dev/zero"):
        with pytest.raises(ImportFailure, match="not a regular file"):
            read_source(Path("/dev/zero"))  # a plain read would fill the memory


def test_a_pathological_summary_is_a_problem_too(tmp_path: Path) -> None:
    folder = write_story(tmp_path, data=_with(summary={"en": "![" * 5000}))
    assert [p.split(": ", 1)[1] for p in _problems(folder)] == [
        "the summary has 5000 opening brackets, more than the 100 it may have (shorten or split it)"
    ]


def test_validate_names_bad_paths_instead_of_raising(tmp_path: Path, capsys) -> None:
    from storyplayer.cli import main

    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    fifo_story = tmp_path / "fifo"
    fifo_story.mkdir()
    os.mkfifo(fifo_story / "story.yaml")
    long_name = tmp_path / ("x" * 300)
    assert main(["validate", str(tmp_path / "loop"), str(fifo_story), str(long_name)]) == 1
    out = capsys.readouterr().out
    assert "link that loops" in out and "pipe (FIFO)" in out and "longer than 255 bytes" in out
