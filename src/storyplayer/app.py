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
    from storyplayer import faults
    from storyplayer.model.config import load_config

    # Logged to a rotating file in the platform's log folder (stderr only when isolated).
    notes: list[str] = []  # said in the window's notice area once it exists
    log_problem = faults.setup_logging()
    if log_problem:
        print(f"storyplayer: {log_problem}", file=sys.stderr)
        notes.append(log_problem)
    settings = load_config(getattr(args, "config", None))
    for problem in settings.problems:
        print(f"storyplayer: {problem}", file=sys.stderr)
    config = settings.config
    if getattr(args, "config", None) is not None and not settings.exists:
        print(f"storyplayer: {settings.path}: no such file; using the defaults", file=sys.stderr)
    lang = getattr(args, "lang_given", None) or config.language or args.lang
    folders = list(args.stories) + [f for f in config.library if f not in args.stories]
    library = load_default(folders)
    for problem in library.problems:
        print(f"storyplayer: {problem}", file=sys.stderr)
        notes.append(f"Stories in {problem.path} cannot be shown: {problem.message}.")
    if args.play:
        reason = _playable(library, args.play)
        if reason:
            print(f"storyplayer: {reason}", file=sys.stderr)
            return 1

    reason = prepare_environment(args.screenshot is not None)
    if reason:
        print(f"storyplayer: {reason}", file=sys.stderr)
        return 1
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from storyplayer.map.scheme import register_scheme

    register_scheme()  # before the QApplication exists
    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName("Story Player")
    app.setApplicationDisplayName("Story Player")
    # A hostile image may claim huge dimensions: refuse to allocate more than this (MB).
    faults.limit_image_memory()

    from storyplayer.map.map_view import MapView

    # The map page starts loading now, in its own processes, while the window is imported
    # and built. Going straight to playback, events are let through now and then, so the
    # page's requests (answered on this thread) do not wait for the whole window.
    map_view = MapView()
    from storyplayer import probe

    if probe.enabled():  # benchmarks: when the map is ready (the picker: see below)
        map_view.ready.connect(lambda: probe.mark("map-ready"))
        map_view.shown.connect(lambda _seq: probe.mark("map-shown"))
    pump = app.processEvents if args.play else (lambda: None)
    pump()
    from storyplayer.ui import theme
    from storyplayer.ui.main_window import MainWindow
    from storyplayer.ui.translations import Translations

    translations = Translations(app)
    translations.set_language(lang)
    theme.set_palette(config.theme)
    tiles_problem = _apply_map_settings(map_view, config)
    if tiles_problem:
        notes.append(tiles_problem)
    window = MainWindow(library, map_view, lang, speed=args.speed,
                        sync=getattr(args, "sync", False))
    pump()
    window.translations = translations
    # An exception in a slot is logged and told in a banner; the app keeps running.
    faults.install_excepthook(window.notices.show_notice)
    faults.on_log_failure(window.notices.show_notice)
    for note in notes:
        window.notices.show_notice(note)
    if probe.enabled():  # benchmarks: when the picker first paints
        probe.mark_first_paint(window.picker.view.viewport(), "picker-painted")
    window.resize(1280, 720)
    if config.text_scale != 1.0:
        window.set_text_scale(config.text_scale)
    _persist_text_scale(window, settings)
    window.set_manual(getattr(args, "manual", False) or config.manual)
    if args.play:
        window.play(args.play)
        pump()
    if args.kiosk or config.kiosk.enabled:
        from storyplayer.ui.kiosk import Kiosk

        kiosk = Kiosk(window, config.kiosk, featured=config.featured)
        # A screenshot shows what a visitor sees on a common 1080p kiosk screen.
        kiosk.start(attract=not args.play, full_screen=not args.screenshot)
        if args.screenshot:
            window.resize(1920, 1080)
    elif args.fullscreen:
        window.showFullScreen()
    else:
        window.show()
    if settings.problems:
        window.show_message(QCoreApplication.translate(
            "MainWindow", "Some settings could not be used: see --check-config."))
    if args.screenshot:
        from storyplayer.ui.screenshot import Screenshot

        shot = Screenshot(window, map_view, args.screenshot, args.at)
        shot.start()
        code = app.exec()
        return shot.exit_code if code == 0 else code
    return app.exec()


def _apply_map_settings(map_view, config) -> str | None:  # type: ignore[no-untyped-def]
    """Reduced motion and the tile source from the config, on the map; a sentence for the
    window when the configured tiles cannot be used."""
    from storyplayer.model.map_protocol import TileSource

    tiles, problem = None, None
    if config.tiles.mbtiles is not None:
        url = map_view.set_mbtiles(config.tiles.mbtiles)
        tiles = TileSource(url, config.tiles.attribution) if url else None
        if url is None:
            problem = (f"The map tiles file {config.tiles.mbtiles} cannot be read; "
                       "the built-in map is shown instead.")
            print(f"storyplayer: {problem}", file=sys.stderr)
    elif config.tiles.url:
        tiles = TileSource(config.tiles.url, config.tiles.attribution)
    if tiles is None and not config.reduced_motion:
        return problem  # the page's own defaults
    try:
        map_view.set_options(reduced_motion=config.reduced_motion, tiles=tiles)
    except ValueError as error:
        print(f"storyplayer: {error}; using the built-in basemap", file=sys.stderr)
        map_view.set_options(reduced_motion=config.reduced_motion)
    return problem


def _persist_text_scale(window, settings) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+plus/minus is remembered in the config file; in memory only if it is read-only."""
    from PySide6.QtCore import QCoreApplication

    from storyplayer.model.config import ConfigNotWritable, save_setting

    told: list[bool] = []

    def save(scale: float) -> None:
        try:
            save_setting(settings.path, "text_scale", scale)
        except ConfigNotWritable as error:
            log.info("text scale kept in memory: %s", error)
            if not told:
                told.append(True)
                window.show_message(QCoreApplication.translate(
                    "MainWindow",
                    "The text size holds until the app closes: the settings file is read-only."))

    window.textScaleChanged.connect(save)
