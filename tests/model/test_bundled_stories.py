"""The stories that ship in `stories/`: every one valid, in both languages, in date order
(or deliberately not), in a colour of its own, and playable to its end with a fake clock.

Counts come from the folder, so adding a story needs no change here; no Qt, no display.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterator

import pytest
from fake_clock import FakeClock

from storyplayer.model.library import Library
from storyplayer.model.loader import check_story
from storyplayer.model.playback import Playback, State
from storyplayer.model.story import Story
from storyplayer.model.text import LocalText
from storyplayer.model.timeline import merged_order
from storyplayer.resources import bundled_stories_dir

LANGUAGES = {"en", "et"}

# Events that stand out of date order on purpose, by story and event index (from 0). In date
# order the player sorts them by their dates, so each one here is a choice, not a slip.
DELIBERATELY_OUT_OF_ORDER: dict[str, set[int]] = {
    # "Estonians in the Russian army, 1914-1918" follows the declaration of war of July 1914.
    "world-war-1": {2},
}

# Colours as far apart as this (CIE76 delta E) read as different stories side by side.
MIN_COLOUR_DISTANCE = 20.0
# White text on the colour (pane headers) and the colour on white (dates): WCAG AA.
MIN_CONTRAST = 4.5

FOLDERS = sorted(p for p in bundled_stories_dir().iterdir() if (p / "story.yaml").is_file())
LIBRARY = Library.load([bundled_stories_dir()])
STORIES = {story.id: story for story in LIBRARY.stories}


def test_every_story_folder_is_a_valid_story_without_warnings() -> None:
    assert len(FOLDERS) >= 10
    for folder in FOLDERS:
        story, problems = check_story(folder)
        assert story is not None and problems == [], (folder.name, problems)
        assert story.id == folder.name
    assert sorted(STORIES) == [folder.name for folder in FOLDERS]
    assert LIBRARY.invalid == []


def texts(story: Story) -> Iterator[tuple[str, LocalText | None]]:
    """Every text a visitor reads, named for the failure message. Sources are citations of
    books, the same in every language, so they are not among them."""
    yield "title", story.title
    yield "summary", story.summary
    if story.ending is not None:
        yield "ending", story.ending
    if story.cover_caption is not None:
        yield "cover caption", story.cover_caption
    for n, event in enumerate(story.events, 1):
        yield f"event {n} title", event.title
        yield f"event {n} text", event.text
        if event.date_label is not None:
            yield f"event {n} date label", event.date_label
        if event.place is not None:
            yield f"event {n} place name", event.place.name
        if event.image is not None:
            yield f"event {n} caption", event.image.caption
            yield f"event {n} alt", event.image.alt


@pytest.mark.parametrize("story_id", sorted(STORIES))
def test_every_text_is_in_english_and_estonian(story_id: str) -> None:
    story = STORIES[story_id]
    assert LANGUAGES <= set(story.languages) | set(story.title.languages)
    for name, text in texts(story):
        assert text is not None, f"{story_id}: {name} is missing"
        versions = dict(text.versions)
        for lang in LANGUAGES:
            assert versions.get(lang, "").strip(), f"{story_id}: {name} has no '{lang}' text"
        if name.endswith(" text"):
            # A translation, not the same paragraph twice.
            assert versions["en"] != versions["et"], f"{story_id}: {name} is not translated"


def _linear(channel: int) -> float:
    c = channel / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _rgb(colour: str) -> tuple[float, float, float]:
    r, g, b = (_linear(int(colour[i:i + 2], 16)) for i in (1, 3, 5))
    return r, g, b


def contrast_with_white(colour: str) -> float:
    r, g, b = _rgb(colour)
    return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05)


def lab(colour: str) -> tuple[float, float, float]:
    """CIE L*a*b* (D65) of an sRGB colour."""
    r, g, b = _rgb(colour)
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def test_the_measures_are_right_on_known_colours() -> None:
    assert contrast_with_white("#000000") == pytest.approx(21.0)
    assert contrast_with_white("#ffffff") == pytest.approx(1.0)
    assert lab("#ffffff") == pytest.approx((100, 0, 0), abs=0.1)
    assert math.dist(lab("#000000"), lab("#ffffff")) == pytest.approx(100, abs=0.1)


def test_no_two_stories_share_a_colour() -> None:
    colours = {story_id: story.color for story_id, story in STORIES.items()}
    assert all(colours.values()), "every bundled story has its own colour"
    for story_id, colour in colours.items():
        assert contrast_with_white(colour) >= MIN_CONTRAST, (story_id, colour)
    for (a, ca), (b, cb) in itertools.combinations(colours.items(), 2):
        distance = math.dist(lab(ca), lab(cb))
        assert distance >= MIN_COLOUR_DISTANCE, f"{a} {ca} and {b} {cb}: {distance:.1f}"


def out_of_order(story: Story) -> set[int]:
    """Events whose date sorts before the previous dated event's (as date order plays them)."""
    found, previous = set(), None
    for index, event in enumerate(story.events):
        if event.date is None:
            continue
        key = event.date.sort_key()
        if previous is not None and key < previous:
            found.add(index)
        previous = key
    return found


@pytest.mark.parametrize("story_id", sorted(STORIES))
def test_dates_are_in_order_or_deliberately_not(story_id: str) -> None:
    story = STORIES[story_id]
    assert all(event.date is not None for event in story.events), "every event has a date"
    assert out_of_order(story) == DELIBERATELY_OUT_OF_ORDER.get(story_id, set())


def test_date_order_across_centuries_plays_each_story_whole_and_in_turn() -> None:
    trio = ["livonian-war", "october-1917", "singing-revolution"]
    order = merged_order([STORIES[story_id] for story_id in trio])
    assert order == [(pane, index) for pane, story_id in enumerate(trio)
                     for index in range(len(STORIES[story_id].events))]


def test_the_list_of_deliberate_exceptions_names_bundled_stories() -> None:
    assert set(DELIBERATELY_OUT_OF_ORDER) <= set(STORIES)


@pytest.mark.parametrize("story_id", sorted(STORIES))
def test_every_story_plays_to_its_end(story_id: str) -> None:
    story = STORIES[story_id]
    clock = FakeClock(1000.0)
    playback = Playback(story.durations(), clock)
    shown = [playback.index]
    # Half-second ticks, as a timer would wake it; the end comes within the running time.
    for _ in range(math.ceil(story.running_time() * 2) + 2):
        clock.advance(0.5)
        if playback.update():
            shown.append(playback.index)
        if playback.state is State.FINISHED:
            break
    assert playback.state is State.FINISHED
    assert playback.index == len(story.events) - 1
    assert list(dict.fromkeys(shown)) == list(range(len(story.events)))
    assert clock.now - 1000.0 == pytest.approx(story.running_time(), abs=0.5)

