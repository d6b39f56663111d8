"""`storyplayer --play`, as a teacher starts it: a separate process builds the window while
the map page draws the files it has fetched, shows it once the page is ready, then builds
the picker's side (Add story…, New story and Edit) once the stories are on screen."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from storyplayer.app import allow_chromium_as_root


def _marks(probe: Path) -> list[str]:
    try:
        lines = probe.read_text(encoding="utf-8").splitlines()
    except OSError:
        return []
    return [json.loads(line)["event"] for line in lines if line.endswith("}")]


def test_play_builds_the_window_while_the_page_draws_and_the_picker_side_last(
    tmp_path: Path,
) -> None:
    probe = tmp_path / "probe.jsonl"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", STORYPLAYER_ISOLATED="1",
               STORYPLAYER_PROBE=str(probe))
    allow_chromium_as_root(env)
    app = subprocess.Popen(
        [sys.executable, "-m", "storyplayer", "--play", "october-1917,world-war-1"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 90
        while "picker-side-built" not in _marks(probe):  # the app's own mark, not a timer
            assert app.poll() is None, app.communicate()[1][-2000:]
            assert time.monotonic() < deadline, _marks(probe)
            time.sleep(0.05)
    finally:
        app.send_signal(signal.SIGTERM)
        _out, errors = app.communicate(timeout=30)
    marks = _marks(probe)
    # The page's requests are answered on the window's thread: the panes are built once it
    # has its files, and the window is shown once it is ready (its first frames drawn then).
    assert marks.index("map-fetched") < marks.index("panes-built")
    assert marks.index("map-ready") < marks.index("window-shown")
    assert marks.index("stories-shown") < marks.index("picker-side-built")
    assert "Traceback" not in errors, errors
