"""The floor for cold-start figures: a bare QWebEngineView in a fresh process loading
Leaflet and the same basemap data (the page of map_ready.py), marking "map-ready" in the
STORYPLAYER_PROBE file like the app does, then idling until it is terminated.

    python benchmarks/floor.py        (run by benchmarks/cold_start.py)
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from map_ready import FLOOR_PAGE  # noqa: E402


def _mark(event: str) -> None:
    path = os.environ.get("STORYPLAYER_PROBE")
    if path:
        with open(path, "a", encoding="utf-8") as out:
            out.write(json.dumps({"event": event, "t": time.time()}) + "\n")


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QUrl
    from PySide6.QtWebEngineWidgets import QWebEngineView
    from PySide6.QtWidgets import QApplication

    from storyplayer.resources import leaflet_dir, resources_dir

    app = QApplication([sys.argv[0]])
    page = Path(tempfile.mkdtemp()) / "floor.html"
    page.write_text(
        FLOOR_PAGE.format(
            leaflet=leaflet_dir().as_uri(), basemap=(resources_dir() / "basemap").as_uri()
        ),
        encoding="utf-8",
    )
    view = QWebEngineView()
    view.titleChanged.connect(lambda title: _mark("map-ready") if title == "ready" else None)
    view.resize(1280, 720)
    view.show()
    view.load(QUrl.fromLocalFile(str(page)))
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
