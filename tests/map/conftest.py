"""Map tests: bare MapViews, and reading the page back. (tests/conftest.py registers the
storyplayer: scheme before pytest-qt creates the QApplication.)"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from page_probe import page_state
from PySide6.QtWebEngineWidgets import QWebEngineView
from windows import delete_and_wait

from storyplayer.map.map_view import MapView
from storyplayer.model.map_protocol import MapEvent, MapStory

READY_TIMEOUT_MS = 30_000


@pytest.fixture
def make_view(qtbot) -> Iterator[Callable[[], MapView]]:
    """Makes MapViews; each is deleted (and the deletion waited for) after the test, so the
    page goes before its profile and no view outlives the QApplication."""
    views: list[MapView] = []

    def make() -> MapView:
        view = MapView()
        view.resize(1000, 700)
        view.show()
        views.append(view)
        return view

    yield make
    delete_and_wait(qtbot, views)


@pytest.fixture
def map_view(qtbot, make_view) -> MapView:
    view = make_view()
    with qtbot.waitSignal(view.ready, timeout=READY_TIMEOUT_MS):
        pass
    return view


class PageProbe:
    """Reads the page back for tests: JS values, awaited promises, the map's state."""

    def __init__(self, qtbot) -> None:
        self._qtbot = qtbot

    def run(self, view: QWebEngineView, script: str) -> Any:
        return run_js(self._qtbot, view, script)

    def wait(self, view: QWebEngineView, promise_js: str) -> Any:
        return js_await(self._qtbot, view, promise_js)

    def state(self, view: QWebEngineView) -> dict[str, Any]:
        return map_state(self._qtbot, view)


@pytest.fixture
def probe(qtbot) -> PageProbe:
    return PageProbe(qtbot)


@pytest.fixture
def stories() -> list[MapStory]:
    return three_stories()


def run_js(qtbot, view: QWebEngineView, script: str) -> Any:
    """The value of `script` in the page, waited for without sleeping."""
    box: list[Any] = []
    view.page().runJavaScript(script, 0, box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=10_000)
    return box[0]


def map_state(qtbot, view: MapView) -> dict[str, Any]:
    """What the page shows, read through the bridge's `query` message."""
    return page_state(qtbot, view)


def three_stories() -> list[MapStory]:
    def ev(lat: float | None, lon: float | None, name: str, zoom: int = 8) -> MapEvent:
        return MapEvent(lat=lat, lon=lon, name=name, title=f"At {name}", zoom=zoom)

    return [
        MapStory(
            0,
            "#b03a2e",
            "October 1917",
            (
                ev(59.9399, 30.3146, "Petrograd"),
                ev(59.437, 24.7536, "Tallinn"),
                ev(None, None, "nowhere"),
                ev(58.378, 26.729, "Tartu"),
            ),
        ),
        MapStory(
            1,
            "#1f618d",
            "War of Independence",
            (
                ev(57.7772, 26.0473, "Valga"),
                ev(57.5409, 25.4275, "Valmiera"),
                ev(57.1656, 24.8545, "Cēsis"),
            ),
        ),
        MapStory(
            2,
            "#7d6608",
            "Hanseatic towns",
            (
                ev(59.3772, 28.1903, "Narva"),
                ev(58.3859, 24.4971, "Pärnu"),
            ),
        ),
    ]


def js_await(qtbot, view: QWebEngineView, promise_js: str, timeout: int = 10_000) -> Any:
    """Runs a JS expression that gives a Promise and returns its JSON value (or {"error"}).

    The result comes back as the document title, so the test waits on a signal, not a sleep.
    """
    global _await_count
    _await_count += 1
    tag = f"result{_await_count}:"
    script = (
        "Promise.resolve().then(function () { return (" + promise_js + "); })"
        f".then(function (v) {{ document.title = '{tag}' + JSON.stringify({{ok: v}}); }},"
        f" function (e) {{ document.title = '{tag}' + JSON.stringify({{error: String(e)}}); }});"
    )
    with qtbot.waitSignal(
        view.titleChanged, timeout=timeout, check_params_cb=lambda t: t.startswith(tag)
    ) as blocker:
        view.page().runJavaScript(script)
    return json.loads(blocker.args[0][len(tag) :])


_await_count = 0
