"""The complete example in docs/story-format.md is a valid story."""

from __future__ import annotations

import re
from pathlib import Path

from storyplayer.model.loader import check_story

DOC = Path(__file__).resolve().parents[2] / "docs" / "story-format.md"


def test_the_documented_example_is_valid(tmp_path: Path) -> None:
    example = re.search(r"## A complete example\s+```yaml\n(.*?)```", DOC.read_text(), re.S)
    assert example, "the example is missing from the document"
    folder = tmp_path / "october-1917"
    (folder / "media").mkdir(parents=True)
    for name in ("cover.svg", "media/winter-palace.png", "media/petrograd-1917.png"):
        (folder / name).write_bytes(b"picture")
    (folder / "story.yaml").write_text(example.group(1), encoding="utf-8")
    story, problems = check_story(folder)
    assert problems == []
    assert story is not None and story.events[0].overlay is not None


def test_the_documented_dotted_dates_read_as_the_table_says() -> None:
    from storyplayer.model.dates import format_date, parse_date

    text = DOC.read_text()
    row = re.search(r'^\| `"24\.02\.1918"` or `"24\.2\.1918"` \| (.*?) / (.*?) \|$', text, re.M)
    assert row, "the dotted date is missing from the table"
    for written in ("24.02.1918", "24.2.1918"):
        span = parse_date(written)
        assert (format_date(span, "en"), format_date(span, "et")) == row.groups()


def test_the_documented_validate_message_is_what_validate_says(tmp_path: Path) -> None:
    sample = re.search(r'^my-story/story\.yaml:\d+:\d+: (event 3 "(.*?)": .*)$', DOC.read_text(),
                       re.M)
    assert sample, "the sample message is missing"
    folder = tmp_path / "my-story"
    folder.mkdir()
    (folder / "story.yaml").write_text(
        "format: 1\ntitle: T\nevents:\n  - {title: A}\n  - {title: B}\n"
        f"  - {{title: {sample.group(2)}, date: 1917-02-30}}\n", encoding="utf-8")
    _, problems = check_story(folder)
    assert sample.group(1) in [p.message for p in problems]
