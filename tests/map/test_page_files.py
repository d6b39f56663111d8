"""The map page holds only the product: no read-back hooks for tests (they inject their own,
tests/page_probe.js), the pin layout in a file of its own, box overlap written once."""

from __future__ import annotations

import re

from storyplayer.resources import resources_dir

MAP = resources_dir() / "map"


def test_the_page_exposes_nothing_for_tests() -> None:
    for path in sorted(MAP.glob("*.js")):
        text = path.read_text(encoding="utf-8")
        exposed = set(re.findall(r"window\.(\w+)\s*=(?!=)", text))
        # Only the page's own modules and the preloads it hands itself.
        assert exposed <= {"StoryBoxes", "StoryPins", "StoryLabels", "onerror",
                           "basemapRequests", "labelsRequest", "bridgeRequest",
                           "startupDownloads"}, (path, exposed)


def test_pin_layout_and_box_overlap_live_once() -> None:
    sources = {p.name: p.read_text(encoding="utf-8") for p in MAP.glob("*.js")}
    for name in ("arrange", "placeCluster", "ringShifts", "clusters"):
        assert [f for f, t in sources.items() if f"function {name}(" in t] == ["pins.js"], name
    for name in ("overlapArea", "hits", "relative"):
        assert [f for f, t in sources.items() if f"function {name}(" in t] == ["boxes.js"], name
    page = (MAP / "index.html").read_text(encoding="utf-8")
    order = [page.index(f'src="{f}"') for f in ("boxes.js", "pins.js", "labels.js", "map.js")]
    assert order == sorted(order)
