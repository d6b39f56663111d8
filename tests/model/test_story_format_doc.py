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
