"""The composition root: builds the library, the map and the window, and runs the app."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from collections.abc import MutableMapping
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from storyplayer.model.library import Library

log = logging.getLogger(__name__)

JS_FLAGS = "--optimize-for-size"  # V8's, for the map page (see prepare_environment)
# Going straight to playback, the window waits for the map page at most this long.
MAP_HEAD_START_MS = 1500
# ... and the picker, Add story and the editor this long after the stories are on screen.
PICKER_AFTER_MS = 500


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
    allow_chromium_as_root()
    # The map flies all day, and each frame of a flight leaves Blink objects to collect. With
    # V8's default heap growth the renderer let 30-40 MB of them pile up between collections;
    # favouring size collects sooner and keeps it flat. A --js-flags of the user's own stays.
    _add_chromium_flag(f"--js-flags={JS_FLAGS}", unless="--js-flags")
    # On a touch screen a pinch zooms the map (Leaflet's gesture), never the whole page.
    _add_chromium_flag("--disable-pinch")
    return None


def allow_chromium_as_root(env: MutableMapping[str, str] = os.environ) -> None:
    """Chromium will not start its sandbox as root (kiosk images, CI and tests often run as
    root): there it runs without. The one place that says so, for the app and its tests."""
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        _add_chromium_flag("--no-sandbox", env=env)


def _add_chromium_flag(
    flag: str, unless: str | None = None, env: MutableMapping[str, str] = os.environ
) -> None:
    """Adds `flag` to QtWebEngine's Chromium flags, unless they already hold `unless` (or it)."""
    flags = env.get("QTWEBENGINE_CHROMIUM_FLAGS", "")
    if (unless or flag) not in flags:
        env["QTWEBENGINE_CHROMIUM_FLAGS"] = (flags + " " + flag).strip()


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
    display_problem = prepare_environment(args.screenshot is not None)
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

    preloaded = None
    if args.play or display_problem:
        # A wrong --play id is told in one line, before Qt and Chromium start.
        preloaded = _load_library(folders)
        if args.play and _say_unplayable(preloaded, args.play):
            return 1
        if display_problem:
            print(f"storyplayer: {display_problem}", file=sys.stderr)
            return 1
    # The map page starts loading now, in its own processes, before the window. Its files
    # are answered on this thread, so the rest is built in small steps with the event loop
    # running between them (see _Steps); the picker's library is read meanwhile.
    app, map_view = _start_map()
    importing = None
    if args.play:
        _send_stories_ahead(map_view, preloaded, args.play, lang)
        _Background(lambda: _prepare_first_events(preloaded, args.play, lang))
        importing = _Background(_import_playback_window)
    loading = _Background(lambda: _load_library(folders)) if preloaded is None else None
    from PySide6.QtCore import QCoreApplication

    from storyplayer import probe

    ui: dict = {}  # what the steps build, for the steps after them
    kiosk_mode = bool(args.kiosk or config.kiosk.enabled)
    # Going straight to playback (not in a kiosk, which resets to the picker, and not for
    # a screenshot or a package to add), the picker is built after the stories show.
    picker_later = bool(args.play and not kiosk_mode and not args.screenshot
                        and getattr(args, "package", None) is None)

    def check_library() -> None:
        library = ui["library"] = preloaded if loading is None else loading.result()
        for problem in library.problems:
            notes.append(f"Stories in {problem.path} cannot be shown: {problem.message}.")

    def import_ui() -> None:
        # Imports in pieces (each a few tens of ms) so the map is served in between.
        import storyplayer.ui.picker.picker  # noqa: F401
        import storyplayer.ui.shared.theme  # noqa: F401
        import storyplayer.ui.shared.translations  # noqa: F401

    def import_playback() -> None:
        if importing is not None:
            importing.result()
        import storyplayer.ui.playback.story_pane  # noqa: F401

    def import_window() -> None:
        import storyplayer.ui.main_window  # noqa: F401

    def build_window() -> None:
        from storyplayer.ui.main_window import MainWindow
        from storyplayer.ui.shared.theme import Motion, Theme
        from storyplayer.ui.shared.translations import Translations

        translations = Translations(app)
        translations.set_language(lang)
        tiles_problem = _apply_map_settings(map_view, config)
        if tiles_problem:
            notes.append(tiles_problem)
        theme = Theme.named(config.theme).with_motion(Motion(reduced=config.reduced_motion))
        window = MainWindow(ui["library"], map_view, lang, speed=args.speed,
                            sync=getattr(args, "sync", False), theme=theme,
                            picker_later=picker_later)
        ui["window"] = window
        window.translations = translations
        # An exception in a slot is logged and told in a banner; the app keeps running.
        faults.install_excepthook(window.notices.show_notice)
        faults.on_log_failure(window.notices.show_notice)
        for note in notes:
            window.notices.show_notice(note)
        if probe.enabled() and not picker_later:  # benchmarks: when the picker first paints
            probe.mark_first_paint(window.picker.view.viewport(), "picker-painted")
        window.resize(1280, 720)
        if config.text_scale != 1.0:
            window.set_text_scale(config.text_scale)
        _persist_text_scale(window, settings, kiosk=kiosk_mode)
        _persist_theme(window, settings)
        window.set_manual(getattr(args, "manual", False) or config.manual)

    def picker_side() -> None:
        """Add story… and (never in kiosk mode) New story and Edit, on the picker."""
        window = ui["window"]
        ui["adder"] = _add_story(window, ui["library"], folders)
        if not kiosk_mode:
            # A screenshot shows the window a teacher sees, New story and Edit included.
            _attach_editor(window, offer_recovery=not args.screenshot)
        drop_source_lines()
        probe.mark("picker-side-built")

    def play() -> None:
        ui["window"].play(args.play)
        probe.mark("panes-built")
        if probe.enabled():  # benchmarks: panes painted and the map's markers acknowledged
            probe.mark_stories_shown(ui["window"].playback.panes, map_view, "stories-shown")

    def show() -> None:
        window = ui["window"]
        if not picker_later:
            picker_side()
        if kiosk_mode:
            from storyplayer.ui.kiosk.kiosk import Kiosk

            kiosk = Kiosk(window, config.kiosk, featured=config.featured)
            ui["kiosk"] = kiosk
            # A screenshot shows what a visitor sees on a common 1080p kiosk screen.
            kiosk.start(attract=not args.play, full_screen=not args.screenshot)
            ui["operations"] = _kiosk_operations(kiosk, settings, folders)
            if args.screenshot:
                window.resize(1920, 1080)
        elif args.fullscreen:
            window.showFullScreen()
        else:
            window.show()
        if picker_later:
            from PySide6.QtCore import QTimer

            from storyplayer.ui.shared.first_paint import after_first_paint

            # Nobody waits for the picker while the stories start: it is built (about a
            # tenth of a second, the editor as much again) once they are on screen.
            after_first_paint(window.playback.panes[-1],
                              lambda: QTimer.singleShot(PICKER_AFTER_MS, picker_side))
        probe.mark("window-shown")
        if settings.problems:
            window.show_message(QCoreApplication.translate(
                "MainWindow", "Some settings could not be used: see --check-config."))
        if args.screenshot:
            from storyplayer.ui.screenshot import Screenshot

            shot = Screenshot(window, map_view, args.screenshot, args.at)
            ui["shot"] = shot
            shot.start()

    # Going straight to playback, the map page loads first. Its requests are answered on
    # this thread (Chromium's browser thread too), so the window is built once the page has
    # all its files: it then parses and draws them in its own process, on the other core,
    # while the window and its panes are built here. The window is shown once the page is
    # ready: a page shown while it loads draws frames, and its loading takes longer.
    # Neither wait outlasts MAP_HEAD_START_MS from the first.
    waited_since: list[float] = []

    def waiting(signal, done: bool):  # type: ignore[no-untyped-def]
        if done:
            return None
        waited_since[:] = waited_since or [time.monotonic()]
        left_ms = MAP_HEAD_START_MS - (time.monotonic() - waited_since[0]) * 1000
        return (signal, max(0, round(left_ms)))

    def wait_for_files():  # type: ignore[no-untyped-def]
        return waiting(map_view.fetched, map_view.has_fetched or map_view.is_ready)

    def wait_for_map():  # type: ignore[no-untyped-def]
        return waiting(map_view.ready, map_view.is_ready)

    steps = [wait_for_files] if args.play else []
    steps += [check_library]
    steps += [import_playback] if picker_later else [import_ui, import_playback]
    steps += [import_window, build_window]
    if args.play:
        steps += [play, wait_for_map]
    steps.append(show)
    if getattr(args, "package", None) is not None:  # storyplayer FILE.storyplayer
        steps.append(lambda: ui["adder"].add_file(args.package))
    code = _Steps(app, steps).run()
    if "window" not in ui:
        _stop_map(map_view)
    shot = ui.get("shot")
    if shot is not None and code == 0:
        return shot.exit_code
    return code


def _send_stories_ahead(map_view, library, ids, lang) -> None:  # type: ignore[no-untyped-def]
    """The stories about to play, and their first events, queued for the map page before
    any widget exists: the page draws them the moment it is ready, while the window is
    still being built (the playback view finds them there and does not send them again)."""
    from storyplayer.map.story_messages import map_story, media_token
    from storyplayer.model.story import pane_colors

    stories = [library.get(story_id) for story_id in ids][:3]
    colors = pane_colors([story.color for story in stories])
    map_view.set_stories([
        map_story(story, slot, colors[slot], lang,
                  map_view.add_media_root(media_token(story, slot), story.folder))
        for slot, story in enumerate(stories)
    ])
    for slot in range(len(stories)):
        map_view.show_event(slot, 0)


def _import_playback_window() -> None:
    """The playback's and the window's modules, imported on another thread while the map
    page loads, rather than on this one after it is ready: this thread, idle but for
    answering the page's requests, gets Python's lock back within a few milliseconds."""
    import storyplayer.ui.main_window  # noqa: F401
    import storyplayer.ui.playback.story_pane  # noqa: F401


def _prepare_first_events(library, ids, lang) -> None:  # type: ignore[no-untyped-def]
    """The first events' text and dates, worked out off the main thread while the map page
    loads: the Markdown parser and the month names load on first use (a few hundred ms),
    which otherwise fell on building the panes after the page was ready. A failure here is
    met again, and told, when the pane shows the event."""
    from storyplayer.model.dates import format_date
    from storyplayer.model.rich_text import markdown_to_html

    for story_id in ids[:3]:
        event = library.get(story_id).events[0]
        if event.text:
            markdown_to_html(library.get(story_id).text(event.text, lang))
        if event.date:
            format_date(event.date, lang)


def _attach_editor(window, offer_recovery: bool = True) -> None:  # type: ignore[no-untyped-def]
    """New story and Edit on the picker (never in kiosk mode), saving into the user's library;
    unsaved work left by a crash is offered back once the window is up."""
    from PySide6.QtCore import QTimer

    from storyplayer.model.editing.autosave import default_autosave_dir
    from storyplayer.model.library import isolated, user_library_dir
    from storyplayer.resources import bundled_stories_dir
    from storyplayer.ui.editor.editor_host import EditorHost

    host = EditorHost(window, user_library_dir(), default_autosave_dir(), bundled_stories_dir())
    window.editor_host = host
    if offer_recovery and not isolated():
        QTimer.singleShot(0, host.offer_recovery)


def _add_story(window, library, folders):  # type: ignore[no-untyped-def]
    """Add story… and dropped files, into the user library (shown even when isolated, once
    the user adds a story there), never over a story that comes with the app."""
    from storyplayer.model.library import isolated, user_library_dir
    from storyplayer.resources import bundled_stories_dir
    from storyplayer.ui.picker.add_story import AddStory

    user = user_library_dir()
    shown = [*folders, user] if isolated() else list(folders)
    bundled = bundled_stories_dir().resolve()
    reserved = {e.story.id for e in library.entries
                if e.story is not None and bundled in e.story.folder.resolve().parents}
    return AddStory(window, user, lambda: _load_library(shown), reserved)


def _load_library(folders):  # type: ignore[no-untyped-def]
    from storyplayer.model.library import load_default

    library = load_default(folders)
    for problem in library.problems:
        print(f"storyplayer: {problem}", file=sys.stderr)
    return library


def _say_unplayable(library: Library, ids: list[str]) -> bool:
    reason = _playable(library, ids)
    if reason:
        print(f"storyplayer: {reason}", file=sys.stderr)
    return reason is not None


class _Background:
    """`work()` in a thread; result() waits for it and returns its value or raises."""

    def __init__(self, work) -> None:  # type: ignore[no-untyped-def]
        import threading

        self._value = self._error = None

        def target() -> None:
            try:
                self._value = work()
            except BaseException as error:  # noqa: BLE001 (raised again by result())
                self._error = error

        self._thread = threading.Thread(target=target, name="library", daemon=True)
        self._thread.start()

    def result(self):  # type: ignore[no-untyped-def]
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._value


def _start_map():  # type: ignore[no-untyped-def]
    """The QApplication and the map view, whose page starts loading now: (app, map_view)."""
    from PySide6.QtWidgets import QApplication

    from storyplayer import faults, probe
    from storyplayer.map.scheme import register_scheme

    register_scheme()  # before the QApplication exists
    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName("Story Player")
    app.setApplicationDisplayName("Story Player")
    # A hostile image may claim huge dimensions: refuse to allocate more than this (MB).
    faults.limit_image_memory()

    from storyplayer.map.map_view import MapView

    map_view = MapView()
    if probe.enabled():  # benchmarks: when the map is ready (the picker: see run())
        map_view.fetched.connect(lambda: probe.mark("map-fetched"))
        map_view.ready.connect(lambda: probe.mark("map-ready"))
        map_view.shown.connect(lambda _seq: probe.mark("map-shown"))
    app.processEvents()  # Chromium sets out to load the page before the library loads
    return app, map_view


def _stop_map(map_view) -> None:  # type: ignore[no-untyped-def]
    """Close the map (and its Chromium page) when the app will not start after all."""
    import shiboken6

    if shiboken6.isValid(map_view):
        shiboken6.delete(map_view)


def drop_source_lines() -> None:
    """Forget the source lines read while importing. PySide6 reads the source of every
    module imported after it (looking for its own name there), and Python's line cache
    keeps them for good: some 6 MB of text. Dropped after each step of starting, the space
    is used again by the next; a traceback reads the lines it needs afresh."""
    import linecache

    linecache.clearcache()


class _Steps:
    """Runs `steps` one per event-loop turn inside app.exec(), so the map page (served on
    this thread) is answered between them. An exception in a step ends the app and is
    raised from run(), as if the steps had been called one after another."""

    def __init__(self, app, steps) -> None:  # type: ignore[no-untyped-def]
        self.app, self.steps = app, list(steps)
        self.error: BaseException | None = None

    def run(self) -> int:
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, self._next)
        code = self.app.exec()
        if self.error is not None:
            raise self.error
        return code

    def _next(self) -> None:
        from PySide6.QtCore import QTimer

        step = self.steps.pop(0)
        try:
            wait = step()
        except BaseException as error:  # noqa: BLE001 (raised again from run())
            self.error = error
            self.steps.clear()
            self.app.exit(1)
            return
        drop_source_lines()
        if not self.steps:
            return
        if wait is None:
            QTimer.singleShot(0, self._next)
            return
        # (signal, ms): go on when the signal comes or the time is up, whichever is first.
        signal, timeout_ms = wait
        timer = QTimer(self.app, singleShot=True, interval=timeout_ms)

        def resume() -> None:
            timer.stop()
            timer.deleteLater()
            try:
                signal.disconnect(resume)
            except (RuntimeError, TypeError):
                pass
            QTimer.singleShot(0, self._next)

        signal.connect(resume)
        timer.timeout.connect(resume)
        timer.start()


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


def _kiosk_operations(kiosk, settings, folders):  # type: ignore[no-untyped-def]
    """Statistics, heartbeat and watchdog, opening hours and the shared library, for a kiosk
    (docs/kiosk.md); nothing is written in the user's folders when isolated."""
    import platformdirs

    from storyplayer.model.health import HEARTBEAT_NAME
    from storyplayer.model.library import isolated, user_library_dir
    from storyplayer.model.visit_stats import default_stats_path
    from storyplayer.ui.kiosk.kiosk_operations import KioskOperations

    data = Path(platformdirs.user_data_dir("storyplayer", appauthor=False))
    watched = list(folders) if isolated() else [user_library_dir(), *folders]
    operations = KioskOperations(
        kiosk, settings, extra_folders=list(folders), watched_folders=watched,
        stats_path=None if isolated() else default_stats_path(),
        heartbeat_path=None if isolated() else data / HEARTBEAT_NAME)
    operations.start()
    return operations


def _persist_text_scale(window, settings, *, kiosk: bool = False) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+plus/minus is remembered in the config file; in memory only if it is read-only.

    Never in a kiosk: a visitor's text size is theirs alone (the attract screen resets it)."""
    if kiosk:
        return
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


def _persist_theme(window, settings) -> None:  # type: ignore[no-untyped-def]
    """High contrast chosen in the window's menu is remembered like the text size."""
    from storyplayer.model.config import ConfigNotWritable, save_setting

    def save(name: str) -> None:
        try:
            save_setting(settings.path, "theme", name)
        except ConfigNotWritable as error:
            log.info("theme kept in memory: %s", error)

    window.themeChanged.connect(save)
