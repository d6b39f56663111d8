"""The tests' own script in the map page (page_probe.js) and the page's state read through the
bridge's `query` message: the product page carries no test hooks."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWebEngineCore import QWebEngineScript

from storyplayer.map.map_view import MapView

SOURCE = (Path(__file__).with_name("page_probe.js")).read_text(encoding="utf-8")
NAME = "tests-page-probe"


def add_probe(view: MapView) -> None:
    """Puts page_probe.js into `view`'s page, before the page's own scripts (a view starts
    loading when it is made, but its page is served on this thread, so the script is in
    place before the document exists)."""
    scripts = view.page().scripts()
    if scripts.find(NAME):
        return
    script = QWebEngineScript()
    script.setName(NAME)
    script.setInjectionPoint(QWebEngineScript.InjectionPoint.DocumentCreation)
    script.setWorldId(QWebEngineScript.ScriptWorldId.MainWorld)
    script.setRunsOnSubFrames(False)
    script.setSourceCode(SOURCE)
    scripts.insert(script)


def install(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every MapView made from now on carries the probe."""
    made = MapView.__init__

    def init(self: MapView, *args: Any, **kwargs: Any) -> None:
        made(self, *args, **kwargs)
        add_probe(self)

    monkeypatch.setattr(MapView, "__init__", init)


def page_state(qtbot: Any, view: MapView, timeout: int = 10_000) -> dict[str, Any]:
    """What the page shows, from its answer to a `query` message (waited for on the signal)."""
    seq = view.query_state()
    with qtbot.waitSignal(view.stateReceived, timeout=timeout,
                          check_params_cb=lambda s, _state: s == seq) as blocker:
        pass
    return blocker.args[1]
