"""Measurements inside one offscreen app process, each printed as one JSON line:

    python benchmarks/in_process.py step   [--steps 60]
    python benchmarks/in_process.py search [--stories 1000]
    python benchmarks/in_process.py soak   [--seconds 600]

step:   3 panes step together (driver.next()); time until every pane has repainted and the
        map has acknowledged the last show (MapView.shown), p95 over the steps.
search: a 1,000-story picker; time from a keystroke in the search box to the repainted list.
soak:   3 stories loop at 50x; memory after the first loop and at the end, schedule drift,
        widgets and timers before and after.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
IDS = ["october-1917", "world-war-1", "independence-1918"]
STEP_GAP_MS = 250  # events come seconds apart; this lets the map's move finish


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _app():  # type: ignore[no-untyped-def]
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("STORYPLAYER_ISOLATED", "1")
    from storyplayer.app import prepare_environment

    prepare_environment(screenshot=True)
    from storyplayer.map.scheme import register_scheme

    register_scheme()
    from PySide6.QtWidgets import QApplication

    return QApplication([sys.argv[0]])


def _wait(condition, timeout_s: float = 60.0) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    timer = QTimer(interval=5)
    timer.timeout.connect(lambda: loop.quit() if condition() else None)
    timer.start()
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("condition not met")
        loop.exec()
    timer.stop()


def _sleep(seconds: float) -> None:
    end = time.monotonic() + seconds
    _wait(lambda: time.monotonic() >= end, seconds + 5)


def _window(speed: float = 1.0):  # type: ignore[no-untyped-def]
    from storyplayer.map.map_view import MapView
    from storyplayer.model.library import load_default
    from storyplayer.ui.main_window import MainWindow

    library = load_default()
    map_view = MapView()
    window = MainWindow(library, map_view, "en", speed=speed)
    window.resize(1280, 720)
    window.show()
    return window, map_view


class _PaintWatch:
    """Notes which of some widgets (or their descendants) have painted."""

    def __init__(self, widgets) -> None:  # type: ignore[no-untyped-def]
        from PySide6.QtCore import QEvent, QObject
        from PySide6.QtWidgets import QWidget

        self.widgets = list(widgets)
        self.painted: set[int] = set()
        self.on_paint = lambda: None
        watch = self

        class Filter(QObject):
            def __init__(self, number: int) -> None:
                super().__init__()
                self.number = number

            def eventFilter(self, obj, event):  # type: ignore[no-untyped-def]  # noqa: N802
                if event.type() == QEvent.Type.Paint:
                    watch.painted.add(self.number)
                    watch.on_paint()
                return False

        # One filter per pane, on the pane and every widget in it (a pane's tree is fixed).
        self.filters = [Filter(i) for i in range(len(self.widgets))]
        for i, widget in enumerate(self.widgets):
            for w in [widget, *widget.findChildren(QWidget)]:
                w.installEventFilter(self.filters[i])

    def all_painted(self) -> bool:
        return len(self.painted) == len(self.widgets)


def _recording(panes, folder: str):  # type: ignore[no-untyped-def]
    """Visitor statistics recorded as a kiosk records them (model/visit_stats.py): every
    event shown, and a row written (on the writer's thread) each time a story starts over."""
    from storyplayer.model.visit_stats import StatsWriter, VisitLog

    visits = VisitLog(StatsWriter(Path(folder) / "visits.sqlite"))
    visits.begin_visit("en")
    for slot, pane in enumerate(panes):
        visits.story_started(slot, pane.story.id, pane.driver.count)
        pane.driver.eventChanged.connect(
            lambda index, s=slot: visits.story_reached(s, index))
        pane.driver.finished.connect(lambda s=slot: visits.story_finished(s))
    return visits


def step(steps: int, record: bool = False) -> dict:
    _qt_app = _app()  # kept alive for the whole measurement
    window, map_view = _window()
    window.set_manual(True)  # the benchmark steps; time stands still in between
    window.play(IDS)
    _wait(lambda: map_view.is_ready)
    panes = window.playback.panes
    folder = tempfile.mkdtemp(prefix="storyplayer-step-")
    visits = _recording(panes, folder) if record else None
    acked = [0]
    map_view.shown.connect(lambda seq: acked.__setitem__(0, max(acked[0], seq)))
    _sleep(1.0)
    watch = _PaintWatch(panes)
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    target = [0]

    def check() -> None:
        if watch.all_painted() and acked[0] >= target[0]:
            loop.quit()

    watch.on_paint = lambda: QTimer.singleShot(0, check)  # once that paint has finished
    map_view.shown.connect(lambda _seq: check())
    fallback = QTimer(singleShot=True, interval=10_000)
    fallback.timeout.connect(loop.quit)
    latencies = []
    for _ in range(steps):
        watch.painted.clear()
        start = time.perf_counter()
        for slot, pane in enumerate(panes):
            if pane.driver.index < pane.driver.count - 1:
                pane.driver.next()
            else:
                if visits is not None:
                    visits.play_again(slot)  # a row for the writer
                pane.driver.jump(0)
        target[0] = map_view._seq  # the last show_event sent
        fallback.start()
        loop.exec()
        fallback.stop()
        latencies.append((time.perf_counter() - start) * 1000)
        _sleep(STEP_GAP_MS / 1000)
    shutil.rmtree(folder, ignore_errors=True)
    if record:
        return {
            "step_recording_latency_p95_ms": round(p95(latencies), 2),
            "step_recording_latency_median_ms": round(statistics.median(latencies), 2),
        }
    return {
        "step_latency_p95_ms": round(p95(latencies), 2),
        "step_latency_median_ms": round(statistics.median(latencies), 2),
        "step_count": steps,
        "step_gap_ms": STEP_GAP_MS,
    }


def search(stories: int, rounds: int = 3) -> dict:
    from library_load import write_library

    _qt_app = _app()  # kept alive for the whole measurement
    from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt, QTimer
    from PySide6.QtTest import QTest

    from storyplayer.model.library import Library
    from storyplayer.ui.picker.picker import Picker
    from storyplayer.ui.shared.theme import Theme

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "library"
        folder.mkdir()
        write_library(folder, stories, 20)
        library = Library.load([folder])
    picker = Picker(library, "en")
    picker.setStyleSheet(Theme().style_sheet() + picker.styleSheet())
    picker.resize(1280, 720)
    picker.show()
    viewport = picker.view.viewport()
    loop = QEventLoop()
    painted = [False]

    class Filter(QObject):
        def eventFilter(self, obj, event):  # type: ignore[no-untyped-def]  # noqa: N802
            if event.type() == QEvent.Type.Paint and not painted[0]:
                painted[0] = True
                QTimer.singleShot(0, loop.quit)  # once this paint has finished
            return False

    viewport.installEventFilter(Filter(viewport))
    fallback = QTimer(singleShot=True, interval=2000)
    fallback.timeout.connect(loop.quit)
    _sleep(0.5)
    typed = "story 12" + "\b" * 8 + "lugu 7" + "\b" * 6 + "group-3" + "\b" * 7
    latencies, unchanged = [], 0
    for _round in range(rounds):
        for char in typed:
            text = picker.search_box.text()
            after = text[:-1] if char == "\b" else text + char
            # Typing on within the same matches ("stor" -> "story") changes nothing on screen:
            # such keystrokes are sent, but not timed (there is no repaint to wait for).
            same = len(library.search(after)) == len(library.search(text))
            painted[0] = False
            start = time.perf_counter()
            if char == "\b":
                QTest.keyClick(picker.search_box, Qt.Key.Key_Backspace)
            else:
                QTest.keyClick(picker.search_box, char)
            if same:
                unchanged += 1
                _sleep(0.02)
                continue
            fallback.start()
            loop.exec()
            fallback.stop()
            latencies.append((time.perf_counter() - start) * 1000)
            _sleep(0.05)
    return {
        "search_p95_ms": round(p95(latencies), 2),
        "search_median_ms": round(statistics.median(latencies), 2),
        "search_keystrokes": len(latencies),
        "search_stories": stories,
        "search_keystrokes_list_unchanged": unchanged,
    }


def soak(seconds: float, speed: float = 50.0) -> dict:
    _qt_app = _app()  # kept alive for the whole measurement
    from cold_start import tree_pss_mb
    from PySide6.QtCore import QObject, QTimer
    from PySide6.QtWidgets import QApplication

    window, map_view = _window(speed)
    window.play(IDS)
    _wait(lambda: map_view.is_ready)
    drivers = [pane.driver for pane in window.playback.panes]
    # The schedule: story time runs at `speed` from the start, modulo the story's length.
    starts = {id(d): time.monotonic() - d.playback.elapsed() / speed for d in drivers}
    loops = [0]

    def looped(index: int) -> None:
        loops[0] += index == 0

    # Endless play, as a display running all day: after the last event comes the first,
    # on the same schedule.
    for driver in drivers:
        driver.loop = True
        driver.eventChanged.connect(looped)
    loop_s = max(sum(d.playback.durations) for d in drivers) / speed

    def counts() -> tuple[int, int, int]:
        return (len(QApplication.allWidgets()), len(window.findChildren(QTimer)),
                len(window.findChildren(QObject)))

    def shown(driver) -> float:  # type: ignore[no-untyped-def]
        """Where the pane is as displayed: a late timer leaves it on the previous event."""
        p = driver.playback
        return sum(p.durations[: p.index]) + p.elapsed()

    # Story seconds: [0] the playback's schedule against the ideal one (drift: does it
    # accumulate?), [1] what the panes show against the ideal (adds timer lateness).
    worst = [0.0, 0.0]

    def sample() -> None:
        now = time.monotonic()
        for d in drivers:
            length = sum(d.playback.durations)
            scheduled = ((now - starts[id(d)]) * speed) % length
            for i, where in enumerate((d.playback.story_position(), shown(d))):
                gap = abs(where % length - scheduled)
                worst[i] = max(worst[i], min(gap, length - gap))

    sampler = QTimer(interval=97)
    sampler.timeout.connect(sample)
    sampler.start()
    _sleep(loop_s + 1.0)
    widgets0, timers0, objects0 = counts()
    memory0 = tree_pss_mb(os.getpid())
    _sleep(max(0.0, seconds - loop_s - 1.0))
    sampler.stop()
    memory1 = tree_pss_mb(os.getpid())
    widgets1, timers1, objects1 = counts()
    # Drift in wall-clock frames of 1/60 s: story seconds / speed = wall seconds.
    return {
        "soak_memory_growth_pct": round((memory1 - memory0) * 100 / memory0, 2),
        "soak_drift_frames": round(worst[0] / speed * 60, 3),
        "soak_shown_late_frames": round(worst[1] / speed * 60, 3),
        "soak_loops": loops[0],
        "soak_memory_first_loop_mb": round(memory0, 1),
        "soak_memory_end_mb": round(memory1, 1),
        "soak_seconds": seconds,
        "soak_speed": speed,
        "soak_widgets_before": widgets0,
        "soak_widgets_after": widgets1,
        "soak_timers_before": timers0,
        "soak_timers_after": timers1,
        "soak_qobjects_before": objects0,
        "soak_qobjects_after": objects1,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=("step", "search", "soak"))
    parser.add_argument("--steps", type=int, default=60)
    parser.add_argument("--stories", type=int, default=1000)
    parser.add_argument("--seconds", type=float, default=600.0)
    parser.add_argument("--rounds", type=int, default=3, help="search: times the text is typed")
    parser.add_argument("--record", action="store_true",
                        help="step: record visitor statistics meanwhile, as a kiosk does")
    args = parser.parse_args()
    if args.what == "step":
        result = step(args.steps, args.record)
    elif args.what == "search":
        result = search(args.stories, args.rounds)
    else:
        result = soak(args.seconds)
    print(json.dumps(result), flush=True)
    sys.stdout.flush()
    os._exit(0)  # skip teardown: only the figures matter here


if __name__ == "__main__":
    main()
