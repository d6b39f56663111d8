"""Writes small story folders for tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml


def story_data(n_events: int = 3, **extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "format": 1,
        "title": {"en": "A test story", "et": "Katselugu"},
        "summary": {"en": "Things happen in Tallinn.", "et": "Tallinnas juhtub asju."},
        "categories": ["history"],
        "events": [
            {
                "title": {"en": f"Event {i + 1}", "et": f"Sündmus {i + 1}"},
                "date": f"1917-10-{20 + i} O.S.",
                "place": {"name": "Tallinn", "lat": 59.437, "lon": 24.745, "zoom": 12},
                "text": {"en": "Some *text*.", "et": "Mingi *tekst*."},
                "sources": ["Eesti ajalugu VI"],
            }
            for i in range(n_events)
        ],
    }
    data.update(extra)
    return data


def write_story(
    folder: Path,
    name: str = "test-story",
    data: dict[str, Any] | None = None,
    text: str | None = None,
) -> Path:
    story = folder / name
    story.mkdir(parents=True, exist_ok=True)
    body = text if text is not None else yaml.safe_dump(data or story_data(), allow_unicode=True)
    (story / "story.yaml").write_text(body, encoding="utf-8")
    return story
