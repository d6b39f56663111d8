"""When the map's web renderer process dies (a crash, the OOM killer), the map reloads by itself
and every pane's story and current event are back on it, while the panes keep playing."""

from __future__ import annotations

import os
import signal

import psutil
from page_probe import page_state
from PySide6.QtWidgets import QApplication

from storyplayer.map.map_view import MapView
from storyplayer.model.library import Library
from storyplayer.resources import bundled_stories_dir

THREE = ["october-1917", "independence-1918", "world-war-1"]


def renderer_processes(map_view: MapView) -> list[psutil.Process]:
    """Our QtWebEngineProcess renderer children. Chromium's zygote forks renderers without a
    new command line (they still read --type=zygote), so the page's own renderer pid, checked
    to be one of our descendants, stands in when no --type=renderer child is found."""
    children = psutil.Process(os.getpid()).children(recursive=True)
    found = []
    for child in children:
        try:
            if "--type=renderer" in child.cmdline():
                found.append(child)
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
    pid = map_view.page().renderProcessPid()
    if not found and pid > 0:
        found = [c for c in children if c.pid == pid]
    return found


def current_markers(qtbot, map_view: MapView) -> dict[int, int]:
    state = page_state(qtbot, map_view)
    return {m["slot"]: m["index"] for m in state["markers"] if m["current"]}


def test_map_comes_back_after_the_renderer_is_killed(qtbot, make_window) -> None:
    library = Library.load([bundled_stories_dir()])
    map_view = MapView()
    window = make_window(library, map_view=map_view)
    with qtbot.waitSignal(map_view.ready, timeout=30_000):
        window.play(THREE)
    panes = window.playback.panes
    for pane in panes:  # each pane on a different event, paused so nothing moves
        pane.driver.pause()
    panes[0].driver.jump(1)
    panes[1].driver.jump(2)
    panes[2].driver.jump(3)
    qtbot.waitUntil(lambda: len(current_markers(qtbot, map_view)) == 3, timeout=10_000)
    before = current_markers(qtbot, map_view)

    renderers = renderer_processes(map_view)
    assert renderers, "no QtWebEngineProcess renderer found"
    old_pid = map_view.page().renderProcessPid()
    with qtbot.waitSignal(map_view.page().renderProcessTerminated, timeout=15_000):
        for process in renderers:
            process.send_signal(signal.SIGKILL)
    with qtbot.waitSignal(map_view.ready, timeout=30_000):
        pass
    qtbot.waitUntil(lambda: current_markers(qtbot, map_view) == before, timeout=10_000)
    assert len(before) == 3
    assert map_view.page().renderProcessPid() not in (old_pid, 0)  # a new renderer
    assert [p.driver.index for p in panes] == [1, 2, 3]
    assert all(p.isVisible() for p in panes)
    assert QApplication.instance() is not None
