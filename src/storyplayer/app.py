"""The composition root: builds the library, the map and the window, and runs the app."""

from __future__ import annotations

import argparse
import logging
import os
import sys

from storyplayer.model.library import Library, load_default

log = logging.getLogger(__name__)


def _has_display() -> bool:
    if os.environ.get("QT_QPA_PLATFORM") or sys.platform in ("win32", "darwin"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def prepare_environment(screenshot: bool) -> str | None:
    """Settings Qt reads at start-up, before any Qt object exists; a reason if it cannot start."""
    if not _has_display():
        if not screenshot:
            return "no display to open a window on (set DISPLAY, or run with --screenshot)"
        # A picture needs no screen: render off-screen.
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    # Chromium will not start its sandbox as root (kiosk images often run as root).
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "")
        if "--no-sandbox" not in flags:
            os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = (flags + " --no-sandbox").strip()
    return None


def _playable(library: Library, ids: list[str]) -> str | None:
    """Why `ids` cannot play, in one sentence; None when they can."""
    for story_id in ids:
        if story_id in library:
            continue
        broken = [e for e in library.invalid if e.name == story_id]
        if broken:
            return f"story '{story_id}' cannot play: {broken[0].reason}"
        known = ", ".join(sorted(s.id for s in library.stories)) or "none"
        return f"no story with id '{story_id}' (known: {known})"
    return None


def run(args: argparse.Namespace) -> int:
    library = load_default(args.stories)
    for problem in library.problems:
        print(f"storyplayer: {problem}", file=sys.stderr)
    if args.play:
        reason = _playable(library, args.play)
        if reason:
            print(f"storyplayer: {reason}", file=sys.stderr)
            return 1

    reason = prepare_environment(args.screenshot is not None)
    if reason:
        print(f"storyplayer: {reason}", file=sys.stderr)
        return 1
    from PySide6.QtGui import QImageReader
    from PySide6.QtWidgets import QApplication

    from storyplayer.map.scheme import register_scheme

    register_scheme()  # before the QApplication exists
    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName("Story Player")
    app.setApplicationDisplayName("Story Player")
    # A hostile image may claim huge dimensions: refuse to allocate more than this (MB).
    QImageReader.setAllocationLimit(128)

    from storyplayer.map.map_view import MapView
    from storyplayer.ui.main_window import MainWindow

    map_view = MapView()
    window = MainWindow(library, map_view, args.lang, speed=args.speed,
                        sync=getattr(args, "sync", False))
    window.resize(1280, 720)
    if args.play:
        window.play(args.play)
    if args.fullscreen or args.kiosk:
        window.showFullScreen()
    else:
        window.show()
    if args.screenshot:
        from storyplayer.ui.screenshot import Screenshot

        shot = Screenshot(window, map_view, args.screenshot, args.at)
        shot.start()
        code = app.exec()
        return shot.exit_code if code == 0 else code
    return app.exec()
