"""Loading a story: the happy path, and every kind of bad input ending in one clear problem."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from story_files import story_data, write_story

from storyplayer.model.loader import check_story, load_story
from storyplayer.model.problems import StoryError
from storyplayer.model.yaml_source import MAX_FILE_BYTES


def errors_of(path: Path, root: Path | None = None) -> list[str]:
    story, problems = check_story(path, root=root)
    assert story is None, "expected the story to be refused"
    errors = [str(p) for p in problems if p.is_error]
    assert errors
    return errors


def test_a_valid_story_loads_with_every_field(tmp_path: Path) -> None:
    folder = write_story(tmp_path)
    (folder / "media").mkdir()
    (folder / "media" / "pic.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    data = story_data(
        color="#123456",
        map={"center": [58.9, 26.5], "zoom": 6},
        event_seconds=12,
        cover="media/pic.png",
    )
    data["events"][0].update(
        image={"src": "media/pic.png", "caption": {"en": "A picture"}, "credit": "Drawn"},
        geometry={"type": "LineString", "coordinates": [[24.7, 59.4], [30.3, 59.9]]},
        overlay={"src": "media/pic.png", "bounds": [[57.5, 21.5], [59.8, 28.3]], "opacity": 0.5},
        seconds=20,
    )
    data["events"][1]["date"] = {"start": "1918-11-28", "end": "1920-02-02"}
    folder = write_story(tmp_path, data=data)
    story = load_story(folder)
    assert story.id == "test-story"
    assert story.title.get("et") == "Katselugu"
    assert story.languages == ("en", "et")
    assert story.map_center == (58.9, 26.5)
    first = story.events[0]
    assert first.date is not None and first.date.start.julian
    assert first.image is not None and first.image.src == (folder / "media/pic.png").resolve()
    assert first.overlay is not None and first.overlay.opacity == 0.5
    assert story.events[1].date is not None and story.events[1].date.is_range
    assert story.durations()[0] == 20 and story.durations()[1] == 12


def test_dates_stay_text_and_years_may_be_numbers(tmp_path: Path) -> None:
    text = (
        "format: 1\ntitle: T\nevents:\n"
        "  - {title: A, date: 1917-11-07}\n  - {title: B, date: -500}\n"
    )
    story = load_story(write_story(tmp_path, text=text))
    assert [e.date.start.year for e in story.events if e.date] == [1917, -500]


def test_an_event_without_date_is_a_warning_only(tmp_path: Path) -> None:
    text = "format: 1\ntitle: T\nevents:\n  - {title: A}\n"
    story, problems = check_story(write_story(tmp_path, text=text))
    assert story is not None
    assert [p.severity for p in problems] == ["warning"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("format: 1\ntitle: [unclosed\n", "3:1: is not valid YAML: did not find expected"),
        ("format: 1\ntitle: 5\nevents: [{title: A}]\n", "2:8: title must be text"),
        (
            "format: 1\ntitle: T\nevents:\n  - {title: A, image: a.jpg}\n",
            '4:23: event 1 "A": image must be a mapping of keys, e.g. {src: pictures/',
        ),
        ("format: 1\nevents: [{title: A}]\n", "the story needs 'title'"),
        ("format: 1\ntitle: T\nevents: []\n", "has no events"),
        (
            "format: 1\ntitle: T\nevents:\n  - {title: A, place: {lat: 91, lon: 0}}\n",
            "4:29: event 1 \"A\": place.lat is 91, out of range (-90 to 90)",
        ),
        (
            "format: 1\ntitle: T\nevents:\n  - {title: A, place: {lat: 0, lon: -181}}\n",
            "out of range (-180 to 180)",
        ),
        ("format: 1\ntitle: T\nevents:\n  - {title: A, date: 1917-02-30}\n", "4:22: event 1 \"A\""),
        ("format: 1\ntitle: T\nevents:\n  - {title: A, date: '0'}\n", "event 1 \"A\": year 0"),
        (
            "format: 1\ntitle: T\nevnts:\n  - {title: A}\n",
            "3:1: unknown key 'evnts' in the story (did you mean 'events'?)",
        ),
        ("format: 1\ntitle: T\nevents:\n  - {titel: A}\n", "did you mean 'title'?"),
        ("- just\n- a list\n", "must be a mapping of story fields"),
        ("format: 2\ntitle: T\nevents: [{title: A}]\n", "format must be 1"),
        ("format: 1\ntitle: T\ncolor: red\nevents: [{title: A}]\n", "color must be a colour"),
        ("format: 1\ntitle: T\nevents: [{title: A}]\n---\nformat: 1\n", "not valid YAML"),
        (
            "format: 1\ntitle: !!python/object/apply:os.system ['true']\nevents: [{title: A}]\n",
            "not allowed: a story is plain data",
        ),
        ("format: 1\ntitle: !custom T\nevents: [{title: A}]\n", "not allowed"),
        ("format: 1\ntitle: T\n1917: x\nevents: [{title: A}]\n", "not plain text"),
    ],
)
def test_bad_stories_get_one_clear_problem(tmp_path: Path, text: str, expected: str) -> None:
    errors = errors_of(write_story(tmp_path, text=text))
    assert any(expected in e for e in errors), errors
    assert all(e.startswith(str(tmp_path)) for e in errors)


def test_an_empty_file(tmp_path: Path) -> None:
    assert "is empty" in errors_of(write_story(tmp_path, text="  \n"))[0]


def test_text_that_is_not_utf8(tmp_path: Path) -> None:
    folder = write_story(tmp_path, text="")
    (folder / "story.yaml").write_bytes(b"format: 1\ntitle: caf\xe9\n")
    assert errors_of(folder)[0].endswith(":2:11: is not UTF-8 text (save it as UTF-8)")


def test_a_file_far_too_large(tmp_path: Path) -> None:
    folder = write_story(tmp_path, text="# " + "x" * MAX_FILE_BYTES)
    assert "larger than the 1024 KiB" in errors_of(folder)[0]


def test_an_alias_bomb_is_refused_quickly(tmp_path: Path) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    text = "format: 1\ntitle: T\nevents: [{title: A}]\n" + "\n".join(lines) + "\n"
    assert "expands to too many values" in errors_of(write_story(tmp_path, text=text))[0]


def test_a_recursive_alias_is_refused(tmp_path: Path) -> None:
    text = "format: 1\ntitle: T\nevents: &e [{title: A, x: *e}]\n"
    assert "nests deeper" in errors_of(write_story(tmp_path, text=text))[0]


@pytest.mark.parametrize(
    ("src", "expected"),
    [
        ("/etc/passwd", "is absolute"),
        ("../outside.png", "leads outside the story folder"),
        ("media/missing.png", "does not exist"),
        ("https://example.org/x.png", "is not a file in the story folder"),
    ],
)
def test_media_paths_stay_inside_the_story(tmp_path: Path, src: str, expected: str) -> None:
    (tmp_path / "outside.png").write_bytes(b"x")
    data = story_data(cover=src)
    assert expected in errors_of(write_story(tmp_path, data=data))[0]


def test_media_link_leading_outside_is_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.png"
    secret.write_bytes(b"x")
    folder = write_story(tmp_path / "lib", data=story_data(cover="cover.png"))
    os.symlink(secret, folder / "cover.png")
    assert "leads outside the story folder" in errors_of(folder)[0]


def test_story_file_linking_outside_the_library_is_refused(tmp_path: Path) -> None:
    outside = write_story(tmp_path / "elsewhere")
    library = tmp_path / "library"
    (library / "sneaky").mkdir(parents=True)
    os.symlink(outside / "story.yaml", library / "sneaky" / "story.yaml")
    errors = errors_of(library / "sneaky", root=library)
    assert "link that leads outside the library" in errors[0]


def test_load_story_raises_with_every_error(tmp_path: Path) -> None:
    text = "format: 1\ntitel: T\nevnts: []\n"
    with pytest.raises(StoryError) as caught:
        load_story(write_story(tmp_path, text=text))
    assert len(caught.value.problems) >= 2


def test_estonian_dotted_dates_load_unquoted(tmp_path: Path) -> None:
    text = (
        "format: 1\ntitle: T\nevents:\n"
        "  - {title: A, date: 24.02.1918}\n  - {title: B, date: 25.10.1917 O.S.}\n"
        "  - {title: C, date: {start: 28.11.1918, end: 2.2.1920}}\n"
    )
    story = load_story(write_story(tmp_path, text=text))
    starts = [e.date.start for e in story.events if e.date]
    assert [(d.year, d.month, d.day, d.julian) for d in starts] == [
        (1918, 2, 24, False), (1917, 10, 25, True), (1918, 11, 28, False)]


EVERY_PROBLEM = """\
format: 1
title: A story with many faults
color: red
cover: media/cover.png
events:
  - title: Start
    date: 1917-02-30
  - title: {en: Bolshevik coup, et: Enamlaste riigipööre}
    image: {src: ../secret.png}
    place: {lat: 95, lon: 0}
    dat: 1917
  - title: Third
    date: 1918
    overlay: {src: "https://example.org/x.png", bounds: [[59, 24], [58, 25]]}
"""


def test_every_problem_of_a_file_comes_in_one_run(tmp_path: Path) -> None:
    """Schema problems and what only code checks (media, dates, bounds) together, in file
    order, each event named one way: 1-based, with its title."""
    errors = [e.split("story.yaml:")[1] for e in errors_of(write_story(tmp_path,
                                                                       text=EVERY_PROBLEM))]
    assert errors == [
        '3:8: color must be a colour like "#b03a2e"',
        "4:8: media file 'media/cover.png' does not exist",
        '7:11: event 1 "Start": 30 February is not a date',
        "9:18: event 2 \"Bolshevik coup\": media path '../secret.png' leads outside the "
        "story folder",
        '10:18: event 2 "Bolshevik coup": place.lat is 95, out of range (-90 to 90)',
        "11:5: event 2 \"Bolshevik coup\": unknown key 'dat' in the event (did you mean "
        "'date'?)",
        "14:20: event 3 \"Third\": media 'https://example.org/x.png' is not a file in the "
        "story folder",
        '14:57: event 3 "Third": overlay bounds must be [[south, west], [north, east]]',
    ]


def test_a_value_the_schema_refuses_is_not_reported_twice(tmp_path: Path) -> None:
    text = ("format: 1\ntitle: T\ncover: 5\nevents:\n"
            "  - {title: A, date: [1917], image: {src: 7}}\n")
    errors = errors_of(write_story(tmp_path, text=text))
    assert len(errors) == 3, errors
    assert all("events[" not in e for e in errors)


@pytest.mark.parametrize("text", ["'{words}'", "{{en: '{words}'}}"])
def test_text_too_long_is_told_as_too_long(tmp_path: Path, text: str) -> None:
    """Not as "must be text, or a map ..." when it is text, and only too long."""
    long_text = text.format(words="word " * 4001)
    story = f"format: 1\ntitle: T\nevents:\n  - {{title: A, text: {long_text}}}\n"
    (error,) = errors_of(write_story(tmp_path, text=story))
    assert 'event 1 "A": text is longer than 20000 characters (shorten or split it)' in error


def test_long_event_titles_are_shortened_in_messages(tmp_path: Path) -> None:
    title = "A very long title that goes on and on about the many things that happened"
    text = f"format: 1\ntitle: T\nevents:\n  - {{title: {title}, date: 1917-02-30}}\n"
    (error,) = errors_of(write_story(tmp_path, text=text))
    assert 'event 1 "A very long title that goes on and on a…": 30 February' in error


def test_a_storys_period_runs_from_its_earliest_to_its_latest_date(tmp_path: Path) -> None:
    """In history's order, not the file's: a flashback or an epilogue does not move it."""
    data = story_data(4)
    for event, date in zip(data["events"], ["1920", "1900-05-01", "1950", "1910"],
                           strict=True):
        event["date"] = date
    data["events"].append({**data["events"][0], "date": None})
    del data["events"][-1]["date"]
    story = load_story(write_story(tmp_path, data=data))
    first, last = story.period()
    assert (first.start.year, (last.end or last.start).year) == (1900, 1950)
    undated = story_data(1)
    del undated["events"][0]["date"]
    assert load_story(write_story(tmp_path, "undated", data=undated)).period() is None
