"""Measurements inside one offscreen app process, each printed as one JSON line:

    python benchmarks/in_process.py step   [--steps 60]
    python benchmarks/in_process.py search [--stories 1000]
    python benchmarks/in_process.py soak   [--seconds 600]

step:   3 panes step together (driver.next()); time until every pane has repainted and the
        map has acknowledged the last show (MapView.shown), p95 over the steps.
search: a 1,000-story picker; time from a keystroke in the search box to the repainted list.
soak:   3 stories loop at 50x; memory after the first loop and at the end, schedule drift,
        widgets, timers and Qt objects (besides the kept text layouts) before and after.
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
STEP_GAP_MS = 250  # steps while the map still flies (a flight takes 1.2 s)
SPACED_GAP_MS = 1600  # a teacher's click: the flight has ended and the map is at rest
ROUND = 10  # steps per round; app and floor alternate rounds


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
    deadline = time.monotonic() + timeout_s
    timer = QTimer(interval=5)
    # Out of the loop when the condition holds or the time is up (else a condition never
    # met would keep the loop, and the harness, waiting for ever).
    timer.timeout.connect(
        lambda: loop.quit() if condition() or time.monotonic() > deadline else None)
    timer.start()
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



FLOOR_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<script src="qrc:///qtwebchannel/qwebchannel.js"></script></head><body><script>
new QWebChannel(qt.webChannelTransport, function (channel) {
  var echo = channel.objects.echo;
  echo.message.connect(function (text) { echo.send(text); });
  echo.send("ready");
});
</script></body></html>
"""


def _step_floor(panes, map_view):  # type: ignore[no-untyped-def]
    """The floor of a step: a bare QWebEngineView that answers a message of the show's size
    over QWebChannel, and three plain word-wrapped labels the size of the panes, given the
    text of the panes' events. Returns (window, step(texts) -> latency_ms)."""
    from PySide6.QtCore import QEventLoop, QObject, QTimer, QUrl, Signal, Slot
    from PySide6.QtWebChannel import QWebChannel
    from PySide6.QtWebEngineWidgets import QWebEngineView
    from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

    class Echo(QObject):
        message = Signal(str)
        answered = Signal(str)

        @Slot(str)
        def send(self, text: str) -> None:
            self.answered.emit(text)

    window = QWidget()
    row = QHBoxLayout(window)
    labels = []
    for pane in panes:
        label = QLabel()
        label.setWordWrap(True)
        label.setAlignment(label.alignment())
        label.setFixedSize(pane.size())
        row.addWidget(label)
        labels.append(label)
    view = QWebEngineView()
    view.setFixedSize(map_view.size())
    row.addWidget(view)
    echo = Echo()
    channel = QWebChannel(view.page())
    channel.registerObject("echo", echo)
    view.page().setWebChannel(channel)
    folder = Path(tempfile.mkdtemp(prefix="storyplayer-floor-"))
    (folder / "floor.html").write_text(FLOOR_PAGE, encoding="utf-8")
    answers: list[str] = []
    echo.answered.connect(answers.append)
    view.load(QUrl.fromLocalFile(str(folder / "floor.html")))
    window.resize(1280, 720)
    window.show()
    _wait(lambda: "ready" in answers)
    watch = _PaintWatch(labels)
    loop = QEventLoop()

    def check() -> None:
        if watch.all_painted() and answers:
            loop.quit()

    watch.on_paint = lambda: QTimer.singleShot(0, check)
    echo.answered.connect(lambda _text: check())
    message = json.dumps({"type": "show", "slot": 2, "index": 19, "seq": 100000})

    def one(texts: list[str]) -> float:
        watch.painted.clear()
        answers.clear()
        start = time.perf_counter()
        for label, text in zip(labels, texts, strict=True):
            # The same text would not repaint: a space more changes it, not its size.
            label.setText(text + " " if label.text() == text else text)
        echo.message.emit(message)
        loop.exec()
        return (time.perf_counter() - start) * 1000

    return window, one, (view, echo, channel)


def _pane_texts(panes) -> list[str]:  # type: ignore[no-untyped-def]
    """What a pane shows of its current event, as plain text: date, title, text, sources."""
    texts = []
    for pane in panes:
        event = pane.story.events[pane.driver.index]
        lang = pane.lang
        parts = [event.date_label and pane.story.text(event.date_label, lang) or "",
                 pane.story.text(event.title, lang), pane.story.text(event.text, lang)]
        texts.append("\n\n".join(p for p in parts if p))
    return texts


def step(steps: int, spaced_steps: int, record: bool = False) -> dict:
    """Steps while the map still flies (STEP_GAP_MS apart) and a teacher's steps spaced past
    the flight (SPACED_GAP_MS), against the floor, in alternating rounds of ROUND steps.
    With `record`, only the steps while the map flies, recording visitor statistics."""
    _qt_app = _app()  # kept alive for the whole measurement
    window, map_view = _window()
    window.set_manual(True)  # the benchmark steps; time stands still in between
    window.play(IDS)
    _wait(lambda: map_view.is_ready)
    panes = window.playback.panes
    folder = tempfile.mkdtemp(prefix="storyplayer-step-")
    visits = _recording(panes, folder) if record else None
    _sleep(1.0)
    if not record:
        floor_window, floor_step, _floor_keep = _step_floor(panes, map_view)
        window.raise_()
    watch = _PaintWatch(panes)
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    target = [0]

    def check() -> None:
        if watch.all_painted() and map_view.shown_seq >= target[0]:
            loop.quit()

    watch.on_paint = lambda: QTimer.singleShot(0, check)  # once that paint has finished
    map_view.shown.connect(lambda _seq: check())
    fallback = QTimer(singleShot=True, interval=10_000)
    fallback.timeout.connect(loop.quit)

    def app_step() -> float:
        watch.painted.clear()
        start = time.perf_counter()
        for slot, pane in enumerate(panes):
            if pane.driver.index < pane.driver.count - 1:
                pane.driver.next()
            else:
                if visits is not None:
                    visits.play_again(slot)  # a row for the writer
                pane.driver.jump(0)
        target[0] = map_view.sent_seq  # the last show_event sent
        fallback.start()
        loop.exec()
        fallback.stop()
        return (time.perf_counter() - start) * 1000

    if record:
        latencies = []
        for _ in range(steps):
            latencies.append(app_step())
            _sleep(STEP_GAP_MS / 1000)
        shutil.rmtree(folder, ignore_errors=True)
        return {
            "step_recording_latency_p95_ms": round(p95(latencies), 2),
            "step_recording_latency_median_ms": round(statistics.median(latencies), 2),
        }

    flying: list[float] = []
    spaced: list[float] = []
    floor: list[float] = []
    floor_spaced: list[float] = []
    texts = _pane_texts(panes)
    plan = [(flying, floor, STEP_GAP_MS, steps), (spaced, floor_spaced, SPACED_GAP_MS,
                                                  spaced_steps)]
    for app_times, floor_times, gap_ms, count in plan:
        while len(app_times) < count:
            if gap_ms < SPACED_GAP_MS:
                # The map has come to rest during the floor's round: one step untimed, so
                # that every timed step comes while the map still flies (a step onto a map
                # at rest is a spaced step, timed as such).
                app_step()
                _sleep(gap_ms / 1000)
            for _ in range(min(ROUND, count - len(app_times))):
                app_times.append(app_step())
                _sleep(gap_ms / 1000)
            texts = _pane_texts(panes)
            _sleep(SPACED_GAP_MS / 1000)  # the app's map comes to rest before the floor goes
            if gap_ms < SPACED_GAP_MS:  # as for the app: the round's first step untimed
                floor_step(texts)
                _sleep(gap_ms / 1000)
            for _ in range(min(ROUND, count - len(floor_times))):
                # The panes' texts, moved one label on at each step: every label changes.
                turn = len(floor_times) % len(texts)
                floor_times.append(floor_step(texts[turn:] + texts[:turn]))
                _sleep(gap_ms / 1000)
    floor_window.hide()
    both = floor + floor_spaced
    shutil.rmtree(folder, ignore_errors=True)
    return {
        "step_latency_p95_ms": round(p95(flying), 2),
        "step_latency_median_ms": round(statistics.median(flying), 2),
        "step_spaced_p95_ms": round(p95(spaced), 2),
        "step_spaced_median_ms": round(statistics.median(spaced), 2),
        "step_floor_p95_ms": round(p95(both), 2),
        "step_floor_median_ms": round(statistics.median(both), 2),
        # The floor's own two kinds apart: on a machine that charges for memory left alone
        # (machine.py) its spaced steps are slower too, though it touches little memory.
        "step_floor_flying_p95_ms": round(p95(floor), 2),
        "step_floor_spaced_p95_ms": round(p95(floor_spaced), 2),
        "step_ratio": round(p95(flying) / p95(both), 2),
        "step_spaced_ratio": round(p95(spaced) / p95(both), 2),
        "step_count": len(flying),
        "step_spaced_count": len(spaced),
        "step_gap_ms": STEP_GAP_MS,
        "step_spaced_gap_ms": SPACED_GAP_MS,
    }


TYPED = "story 12" + "\b" * 8 + "lugu 7" + "\b" * 6 + "group-3" + "\b" * 7
FIRST_KEY_S = 1.0  # a visitor's first keystroke, after the picker has appeared
FIRST_KEYS = 3  # keystrokes of a round counted as "first"


class _Typist:
    """Types into a search box and times each keystroke until the box and, when the
    matches change, the list have repainted (after that paint has finished)."""

    def __init__(self, box, viewport, count) -> None:  # type: ignore[no-untyped-def]
        from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer

        self.box, self.count = box, count
        self.loop = QEventLoop()
        self.painted: set[str] = set()
        self.wanted: set[str] = set()
        typist = self

        class Filter(QObject):
            def __init__(self, name: str) -> None:
                super().__init__()
                self.name = name

            def eventFilter(self, obj, event):  # type: ignore[no-untyped-def]  # noqa: N802
                if event.type() == QEvent.Type.Paint:
                    typist.painted.add(self.name)
                    QTimer.singleShot(0, typist.check)  # once this paint has finished
                return False

        self.filters = [Filter("box"), Filter("list")]
        box.installEventFilter(self.filters[0])
        viewport.installEventFilter(self.filters[1])
        self.fallback = QTimer(singleShot=True, interval=2000)
        self.fallback.timeout.connect(self.loop.quit)
        # The harness's own first-time work (importing QtTest, PySide6 making its enums on
        # first use) would otherwise be timed as the app's first keystroke.
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        self.keys = (QTest, Qt.Key.Key_Backspace, Qt.KeyboardModifier.NoModifier)

    def check(self) -> None:
        if self.wanted and self.wanted <= self.painted:
            self.wanted = set()
            self.loop.quit()

    def type(self, char: str) -> float:
        test, backspace, _none = self.keys
        text = self.box.text()
        after = text[:-1] if char == "\b" else text + char
        self.painted.clear()
        self.wanted = {"box", "list"} if self.count(after) != self.count(text) else {"box"}
        start = time.perf_counter()
        if char == "\b":
            test.keyClick(self.box, backspace)
        else:
            test.keyClick(self.box, char)
        self.fallback.start()
        self.loop.exec()
        self.fallback.stop()
        return (time.perf_counter() - start) * 1000


def _search_floor(library):  # type: ignore[no-untyped-def]
    """The floor: a plain line edit over a plain list view of the same stories' titles,
    filtered on the same search text in one pass per keystroke."""
    from PySide6.QtCore import QStringListModel
    from PySide6.QtWidgets import QLineEdit, QListView, QVBoxLayout, QWidget

    from storyplayer.model.library import search_text

    stories = library.stories
    texts = [search_text(story) for story in stories]
    titles = [story.text(story.title, "en") for story in stories]
    window = QWidget()
    layout = QVBoxLayout(window)
    box = QLineEdit()
    view = QListView()
    view.setUniformItemSizes(True)
    model = QStringListModel(titles)
    view.setModel(model)
    layout.addWidget(box)
    layout.addWidget(view, 1)

    def matching(query: str) -> list[str]:
        words = query.casefold().split()
        return [t for t, s in zip(titles, texts, strict=True) if all(w in s for w in words)]

    box.textChanged.connect(lambda query: model.setStringList(matching(query)))
    window.resize(1280, 720)
    return window, box, view.viewport()


def search(stories: int, rounds: int = 3) -> dict:
    """Each round a fresh picker (and a fresh floor) is shown; typing starts FIRST_KEY_S
    after it first painted, so the first keystrokes are those of a visitor who just came."""
    from library_load import write_library

    _qt_app = _app()  # kept alive for the whole measurement
    from storyplayer.model.library import Library
    from storyplayer.ui.picker.picker import Picker
    from storyplayer.ui.shared.theme import Theme

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "library"
        folder.mkdir()
        write_library(folder, stories, 20)
        library = Library.load([folder])

    def count(query: str) -> int:
        return len(library.search(query))

    def app_round() -> list[float]:
        picker = Picker(library, "en")
        picker.setStyleSheet(Theme().style_sheet() + picker.styleSheet())
        picker.resize(1280, 720)
        typist = _Typist(picker.search_box, picker.view.viewport(), count)
        typist.wanted = {"list"}
        picker.show()
        typist.loop.exec()  # its first paint
        _sleep(FIRST_KEY_S)
        picker.search_box.setFocus()
        _sleep(0.3)  # the visitor's tap on the box, then the first key
        times = []
        for char in TYPED:
            times.append(typist.type(char))
            _sleep(0.05)
        picker.hide()
        picker.deleteLater()
        return times

    def floor_round() -> list[float]:
        window, box, viewport = _search_floor(library)
        typist = _Typist(box, viewport, count)
        typist.wanted = {"list"}
        window.show()
        typist.loop.exec()
        _sleep(FIRST_KEY_S)
        box.setFocus()
        _sleep(0.3)
        times = []
        for char in TYPED:
            times.append(typist.type(char))
            _sleep(0.05)
        window.hide()
        window.deleteLater()
        return times

    latencies, first, floor, floor_first = [], [], [], []
    for _round in range(rounds):
        times = app_round()
        latencies += times
        first += times[:FIRST_KEYS]
        times = floor_round()
        floor += times
        floor_first += times[:FIRST_KEYS]
    return {
        "search_p95_ms": round(p95(latencies), 2),
        "search_median_ms": round(statistics.median(latencies), 2),
        "search_first_keys_max_ms": round(max(first), 2),
        "search_floor_p95_ms": round(p95(floor), 2),
        "search_floor_median_ms": round(statistics.median(floor), 2),
        "search_floor_first_keys_max_ms": round(max(floor_first), 2),
        "search_ratio": round(p95(latencies) / p95(floor), 2),
        "search_keystrokes": len(latencies),
        "search_stories": stories,
        "search_first_key_after_s": FIRST_KEY_S,
    }


def _collected(map_view) -> None:  # type: ignore[no-untyped-def]
    """A full collection in the map page and in Python, and a moment for what they freed to
    go back: a reading then counts what the app keeps, not the garbage V8 has yet to collect
    (its heap swings by 10 MB and more between collections, 5 % of the app's held memory)."""
    import gc

    gc.collect()
    answered: list[object] = []
    map_view.page().runJavaScript("gc(); 1", 0, answered.append)
    try:
        _wait(lambda: bool(answered), 10.0)
    except TimeoutError:
        _UNANSWERED.append(time.monotonic())  # read without the page's collection
    _sleep(0.5)


_UNANSWERED: list[float] = []  # the page's collections that got no answer in 10 s


def soak(seconds: float, speed: float = 50.0) -> dict:
    from storyplayer.app import JS_FLAGS

    # The page's gc() for the readings (_collected), beside the app's own V8 flags.
    flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "")
    os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = f'{flags} --js-flags="{JS_FLAGS} --expose-gc"'
    _qt_app = _app()  # kept alive for the whole measurement
    from cold_start import tree_held_mb, tree_pss_mb
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

    def counts() -> tuple[int, int, int, int]:
        """Widgets, timers, Qt objects, and the Qt objects outside the panes' kept text
        layouts (each text block keeps a few laid-out documents, whose frames, lists and
        layouts depend on which texts are kept at that moment)."""
        from PySide6.QtGui import QTextDocument

        objects = window.findChildren(QObject)
        in_layouts = 0
        for obj in objects:
            parent = obj
            while parent is not None and parent is not window:
                if isinstance(parent, QTextDocument):
                    in_layouts += 1
                    break
                parent = parent.parent()
        return (len(QApplication.allWidgets()), len(window.findChildren(QTimer)),
                len(objects), len(objects) - in_layouts)

    def shown(driver) -> float:  # type: ignore[no-untyped-def]
        """Where the pane is as displayed: a late timer leaves it on the previous event."""
        p = driver.playback
        return sum(p.durations[: p.index]) + p.elapsed()

    # Story seconds: [0] the playback's schedule against the ideal one (drift: does it
    # accumulate?), [1] what the panes show against the ideal (adds timer lateness).
    worst = [0.0, 0.0]

    def sample() -> None:
        for d in drivers:
            length = sum(d.playback.durations)
            # The clock read just before and just after the positions: this process may be
            # preempted in between, and that is the sampler's delay, not the schedule's.
            before = time.monotonic()
            where_now = (d.playback.story_position(), shown(d))
            after = time.monotonic()
            low = (before - starts[id(d)]) * speed
            span = (after - before) * speed
            for i, where in enumerate(where_now):
                ahead = (where - low) % length  # story seconds past the earliest reading
                gap = 0.0 if ahead <= span else min(ahead - span, length - ahead)
                worst[i] = max(worst[i], gap)

    sampler = QTimer(interval=97)
    sampler.timeout.connect(sample)
    sampler.start()
    _sleep(loop_s + 1.0)
    widgets0, timers0, objects0, plain0 = counts()
    found0 = tree_held_mb(os.getpid())  # as found, before the collection
    _collected(map_view)
    memory0 = tree_pss_mb(os.getpid())
    unique0 = tree_pss_mb(os.getpid(), "uss")
    held0 = tree_held_mb(os.getpid())
    # Every 5 minutes: a leak climbs steadily, a cache levels off.
    trend = [round(unique0, 1)]
    held_trend = [round(held0, 1)]
    found_trend = [round(found0, 1)]

    def mark() -> None:
        found_trend.append(round(tree_held_mb(os.getpid()), 1))
        _collected(map_view)
        trend.append(round(tree_pss_mb(os.getpid(), "uss"), 1))
        held_trend.append(round(tree_held_mb(os.getpid()), 1))

    trend_timer = QTimer(interval=300_000)
    trend_timer.timeout.connect(mark)
    trend_timer.start()
    _sleep(max(0.0, seconds - loop_s - 1.0))
    trend_timer.stop()
    sampler.stop()
    found1 = tree_held_mb(os.getpid())
    _collected(map_view)
    memory1 = tree_pss_mb(os.getpid())
    unique1 = tree_pss_mb(os.getpid(), "uss")
    held1 = tree_held_mb(os.getpid())
    widgets1, timers1, objects1, plain1 = counts()
    # Drift in wall-clock frames of 1/60 s: story seconds / speed = wall seconds.
    return {
        "soak_memory_growth_pct": round((memory1 - memory0) * 100 / memory0, 2),
        "soak_drift_frames": round(worst[0] / speed * 60, 3),
        "soak_shown_late_frames": round(worst[1] / speed * 60, 3),
        "soak_loops": loops[0],
        "soak_memory_first_loop_mb": round(memory0, 1),
        "soak_memory_end_mb": round(memory1, 1),
        # PSS shares library pages among every process mapping them, so it moves when other
        # programs start or end; USS is what only the app's processes hold.
        "soak_unique_memory_growth_pct": round((unique1 - unique0) * 100 / unique0, 2),
        "soak_unique_memory_first_loop_mb": round(unique0, 1),
        "soak_unique_memory_end_mb": round(unique1, 1),
        "soak_unique_memory_every_5_min_mb": trend,
        # What the kernel cannot drop (anonymous and shared memory): library pages paged out
        # and in again move USS and PSS by a hundred megabytes here, but not this.
        "soak_held_memory_growth_pct": round((held1 - held0) * 100 / held0, 2),
        "soak_held_memory_first_loop_mb": round(held0, 1),
        "soak_held_memory_end_mb": round(held1, 1),
        "soak_held_memory_every_5_min_mb": held_trend,
        # The same without the collection first: it moves with V8's garbage.
        "soak_held_memory_as_found_growth_pct": round((found1 - found0) * 100 / found0, 2),
        "soak_held_memory_as_found_every_5_min_mb": found_trend,
        "soak_page_collections_unanswered": len(_UNANSWERED),
        "soak_seconds": seconds,
        "soak_speed": speed,
        "soak_widgets_before": widgets0,
        "soak_widgets_after": widgets1,
        "soak_timers_before": timers0,
        "soak_timers_after": timers1,
        "soak_qobjects_before": objects0,
        "soak_qobjects_after": objects1,
        "soak_qobjects_besides_text_layouts_before": plain0,
        "soak_qobjects_besides_text_layouts_after": plain1,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=("step", "search", "soak"))
    parser.add_argument("--steps", type=int, default=60)
    parser.add_argument("--spaced-steps", type=int, default=30)
    parser.add_argument("--stories", type=int, default=1000)
    parser.add_argument("--seconds", type=float, default=600.0)
    parser.add_argument("--rounds", type=int, default=3, help="search: times the text is typed")
    parser.add_argument("--record", action="store_true",
                        help="step: record visitor statistics meanwhile, as a kiosk does")
    args = parser.parse_args()
    if args.what == "step":
        result = step(args.steps, args.spaced_steps, args.record)
    elif args.what == "search":
        result = search(args.stories, args.rounds)
    else:
        result = soak(args.seconds)
    print(json.dumps(result), flush=True)
    sys.stdout.flush()
    os._exit(0)  # skip teardown: only the figures matter here


if __name__ == "__main__":
    main()
