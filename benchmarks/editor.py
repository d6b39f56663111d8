"""The story editor's speed, in one offscreen app process, printed as one JSON line:

    python benchmarks/editor.py [--rounds 40]

open:      a 100-event story: from asking to edit it to its first event's form filled and
           painted (median of a few opens).
keystroke: a key typed in the event text, to the Markdown preview beside it repainted (p95).
map click: a real click on the map page, to the place fields showing where it landed (p95).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from in_process import _app, _wait, p95  # noqa: E402

EVENTS = 100
SEA = (52.0, -28.0, 5)  # the North Atlantic: lat, lon, zoom


def long_story(folder: Path) -> Path:
    """A 100-event story made of the bundled stories' events, in a temporary folder."""
    import yaml

    from storyplayer.resources import bundled_stories_dir

    events = []
    for file in sorted(bundled_stories_dir().glob("*/story.yaml")):
        data = yaml.safe_load(file.read_text("utf-8"))
        events += [{k: v for k, v in e.items() if k not in ("image", "overlay")}
                   for e in data["events"]]
    story = {"format": 1, "id": "long-story", "title": {"en": "A long story", "et": "Pikk lugu"},
             "events": [events[i % len(events)] for i in range(EVENTS)]}
    target = folder / "long-story"
    target.mkdir(parents=True)
    (target / "story.yaml").write_text(
        yaml.safe_dump(story, allow_unicode=True, sort_keys=False, width=88), "utf-8")
    return target


def _looks_at(map_view, lat: float, lon: float) -> bool:  # type: ignore[no-untyped-def]
    """Whether the map page looks at (lat, lon) now: asks the page (its `query` answer) and
    waits for the answer in a plain event loop, so a waiting loop's condition may call it."""
    from PySide6.QtWidgets import QApplication

    answers: list[dict] = []
    seq = map_view.query_state()

    def answered(number: int, state: dict) -> None:
        if number == seq:
            answers.append(state)

    map_view.stateReceived.connect(answered)
    deadline = time.monotonic() + 10
    while not answers and time.monotonic() < deadline:
        QApplication.processEvents()
    map_view.stateReceived.disconnect(answered)
    if not answers:
        return False
    centre = answers[0]["center"]
    return abs(centre["lat"] - lat) < 0.5 and abs(centre["lng"] - lon) < 0.5


def _within(condition, seconds: float) -> bool:  # type: ignore[no-untyped-def]
    """Runs the event loop until `condition` holds (True) or `seconds` pass (False)."""
    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        QApplication.processEvents()
    return True


class Painted:
    """Counts paint events of one widget."""

    def __init__(self, widget) -> None:  # type: ignore[no-untyped-def]
        from PySide6.QtCore import QEvent, QObject

        counter = self

        class Filter(QObject):
            def eventFilter(self, obj, event):  # type: ignore[no-untyped-def]  # noqa: N802
                if event.type() == QEvent.Paint:
                    counter.count += 1
                return False

        self.count = 0
        self._filter = Filter()
        widget.installEventFilter(self._filter)


def measure(rounds: int) -> dict:
    app = _app()
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    from storyplayer.map.map_view import MapView
    from storyplayer.model.library import Library
    from storyplayer.resources import bundled_stories_dir
    from storyplayer.ui.editor.editor_host import EditorHost
    from storyplayer.ui.main_window import MainWindow

    work = Path(tempfile.mkdtemp(prefix="storyplayer-bench-editor-"))
    folder = long_story(work / "library")
    map_view = MapView()
    window = MainWindow(Library.load([bundled_stories_dir()]), map_view, "en")
    window.resize(1280, 720)
    window.show()
    _wait(lambda: map_view.is_ready)
    host = EditorHost(window, work / "library", work / "autosave", bundled_stories_dir())

    opens = []
    for _ in range(5):
        start = time.perf_counter()
        screen = host.edit(folder)
        painted = Painted(screen.event_form.title.editors["en"])
        _wait(lambda p=painted: p.count > 0)
        opens.append((time.perf_counter() - start) * 1000)
        # The round-trip document is read off the GUI thread after the form shows; an
        # author reads the form before the first edit, so the next open waits for it too.
        _wait(lambda s=screen: s.working.document_ready)
        screen.close_editor()
    screen = host.edit(folder)
    _wait(lambda: screen.event_form.isVisible() and screen.working.document_ready)

    editor = screen.event_form.text.editors["en"]
    editor.setFocus()
    screen.event_form.ensureWidgetVisible(screen.event_form.text_preview)
    preview = Painted(screen.event_form.text_preview)
    keys = []
    for number in range(rounds):
        before = preview.count
        start = time.perf_counter()
        QTest.keyClick(editor, "abcdefghij"[number % 10])
        _wait(lambda b=before: preview.count > b)
        keys.append((time.perf_counter() - start) * 1000)
        app.processEvents()

    clicks = []
    target = map_view.focusProxy() or map_view
    size = map_view.size()
    # Clicks on open sea, where no pin or dot of the story's 100 events can take them. A late
    # resize of the map (the form settling) fits it to the event again: then it flies again.
    for _attempt in range(3):
        map_view.fly_to(SEA[0], SEA[1], SEA[2])
        if _within(lambda: _looks_at(map_view, SEA[0], SEA[1]), 10):
            break
    on_pin: list[int] = []
    map_view.markerClicked.connect(lambda *_: on_pin.append(1))
    for number in range(rounds):
        # Four spots around the centre, each in a row of its own: the event's pin (and its
        # label, beside it in the same row) follows the clicks when the map is redrawn in a
        # pause, and a click on it is not a click on the map.
        x = size.width() // 2 + (150 if number % 2 else -150)
        y = size.height() // 2 + (-120, 40, -40, 120)[number % 4]
        before = (screen.event_form.lat.value(), screen.event_form.lon.value())
        start = time.perf_counter()
        QTest.mouseClick(target, Qt.LeftButton, Qt.NoModifier, QPoint(x, y))
        if not _within(lambda b=before: (screen.event_form.lat.value(),
                                         screen.event_form.lon.value()) != b, 5):
            continue  # the click landed on a pin, not on the map
        clicks.append((time.perf_counter() - start) * 1000)
    screen.close_editor()
    return {
        "editor_open_100_events_ms": round(statistics.median(opens), 1),
        "editor_keystroke_preview_p95_ms": round(p95(keys), 1),
        "editor_map_click_place_p95_ms": round(p95(clicks), 1) if clicks else None,
        "editor_map_clicks_measured": len(clicks),
        "editor_map_clicks_on_a_pin": len(on_pin),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=40)
    args = parser.parse_args()
    print(json.dumps(measure(args.rounds)), flush=True)


if __name__ == "__main__":
    main()
