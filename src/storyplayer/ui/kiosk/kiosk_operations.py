"""Running a kiosk for years among many: what is added to a Kiosk besides the visitor's view.

- visitor statistics: the kiosk's visits and the panes' stories, told to model/visit_stats.py;
- health: the heartbeat file every 30 s, and READY=1 / WATCHDOG=1 to systemd from the event
  loop (a frozen loop sends nothing, so systemd restarts the app);
- opening hours: the closed screen outside them, the attract screen at opening time;
- a shared library and config: looked at every so often (off the UI thread, as a share may
  hang), changes applied between visitors only, the last good copy kept while a share is
  down (said on the staff page, in the log and in the heartbeat);
- the staff page behind the staff chord.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from storyplayer import __version__
from storyplayer.model.config import Config, LoadedConfig, load_config
from storyplayer.model.health import (
    HEARTBEAT_SECONDS,
    Notifier,
    heartbeat,
    kiosk_name,
    memory_mb,
    write_heartbeat,
)
from storyplayer.model.library import Library
from storyplayer.model.library_watch import Changes, Snapshot, compare, merge, take_snapshot
from storyplayer.model.stats_report import Report, StatsError, report
from storyplayer.model.visit_stats import StatsWriter, VisitLog
from storyplayer.ui.kiosk.closed_screen import ClosedScreen, set_display_power
from storyplayer.ui.kiosk.kiosk import Kiosk, featured_stories
from storyplayer.ui.kiosk.staff_page import StaffPage

log = logging.getLogger(__name__)

SCHEDULE_CHECK_MS = 30_000
POLL_MS = 100  # how often a look at the share running in the background is checked


class KioskOperations(QObject):
    changesNoticed = Signal(str)  # what a look at the library and config found
    changesApplied = Signal(str)  # ... and what was applied, between visitors
    heartbeatWritten = Signal()

    def __init__(self, kiosk: Kiosk, settings: LoadedConfig, *,
                 extra_folders: list[Path] | None = None,
                 watched_folders: list[Path] | None = None,
                 stats_path: Path | None = None, heartbeat_path: Path | None = None,
                 load_library: Callable[[], Library] | None = None,
                 notifier: Notifier | None = None,
                 clock: Callable[[], float] = time.time,
                 now: Callable[[], datetime] = datetime.now,
                 heartbeat_ms: int = HEARTBEAT_SECONDS * 1000,
                 schedule_ms: int = SCHEDULE_CHECK_MS):
        super().__init__(kiosk)
        self.kiosk, self.window = kiosk, kiosk.window
        self.settings, self.config = settings, settings.config
        self.clock, self.now = clock, now
        self.started = clock()
        self._stopped = False
        self.extra_folders = list(extra_folders or [])
        self.watched_folders = list(watched_folders if watched_folders is not None
                                    else self.extra_folders)
        # The folders that are not the config's `library` (the command line's, the user's):
        # a changed config replaces only its own.
        configured = set(self.config.library)
        self._fixed_extra = [f for f in self.extra_folders if f not in configured]
        self._fixed_watched = [f for f in self.watched_folders if f not in configured]
        self._load_library = load_library or self._default_library
        self.last_problem: str | None = None
        self._held_seen = 0
        self.window.notices.noticeShown.connect(self._problem)

        # Statistics.
        self.stats_path = stats_path
        self.writer: StatsWriter | None = None
        self.visits: VisitLog | None = None
        if stats_path is not None and self.config.kiosk.statistics:
            self.writer = StatsWriter(stats_path)
            if self.writer.problem:
                self._problem(self.writer.problem)
            self.visits = VisitLog(self.writer, clock)
            kiosk.visitStarted.connect(lambda: self.visits.begin_visit(self.window.lang))
            kiosk.visitEnded.connect(self.visits.end_visit)
            self.window.languageChanged.connect(self.visits.set_language)
            self.window.playbackStarted.connect(self._track_panes)
            self.window.pickerShown.connect(self._end_views)

        # Health.
        name = kiosk_name(self.config.kiosk.name)
        # The local file is written at once; the shared one on its own thread, as a share
        # that hangs must not freeze the kiosk (nor hold the watchdog's pings).
        self.heartbeat_paths = [heartbeat_path] if heartbeat_path is not None else []
        self.shared_heartbeat: Path | None = None
        if self.config.kiosk.heartbeat_folder is not None:
            self.shared_heartbeat = self.config.kiosk.heartbeat_folder / f"{name}.json"
        self._beat_executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="beat")
        self._beat: Future | None = None
        self.name = name
        self._heartbeat_timer = QTimer(self, interval=heartbeat_ms)
        self._heartbeat_timer.timeout.connect(self.write_heartbeat)
        self.notifier = notifier or Notifier()
        self._watchdog_timer = QTimer(self)
        self._watchdog_timer.timeout.connect(self.notifier.watchdog)
        if self.notifier.ping_interval_s:
            self._watchdog_timer.setInterval(int(self.notifier.ping_interval_s * 1000))

        # Opening hours.
        self.closed_screen = ClosedScreen()
        self.window.stack.addWidget(self.closed_screen)
        self._schedule_timer = QTimer(self, interval=schedule_ms)
        self._schedule_timer.timeout.connect(self.check_schedule)

        # The shared library and config.
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="share")
        self._look: Future | None = None
        self._loading: Future | None = None
        self._snapshot: Snapshot | None = None
        self.pending = Changes()  # noticed, not applied yet
        self._applying = Changes()  # being applied (the library loads in the background)
        self.last_change: dict[str, Any] = {}
        self._poll = QTimer(self, interval=POLL_MS)
        self._poll.timeout.connect(self._collect)
        self._watch_timer = QTimer(self)
        self._watch_timer.timeout.connect(self.look)
        self.set_watch_seconds(self.config.kiosk.watch_seconds)
        kiosk.visitEnded.connect(lambda _reason: QTimer.singleShot(0, self._apply_pending))

        # The staff page.
        self.staff_page = StaffPage(self.summary, self._title, self.window, self._hidden)
        self.staff_page.leaveRequested.connect(kiosk.leave)
        # From the statistics to what visitors are not shown (broken stories, messages);
        # "Back to visitors" there is back to the visitors.
        self.staff_page.hiddenRequested.connect(self._show_hidden)
        kiosk.staff_report.closed.connect(self.staff_page.close_page)
        kiosk.staff_page = self.staff_page
        self.staff_page.apply_theme(self.window.theme)
        self.window.themeApplied.connect(self.staff_page.apply_theme)
        kiosk.exited.connect(self.stop)
        app = QCoreApplication.instance()
        if app is not None:  # the app closes (systemd stops it): the visit is complete
            app.aboutToQuit.connect(self.stop)

    # -- start and stop --------------------------------------------------------------------

    def start(self) -> None:
        """The window is up: tell systemd, start the timers, take the first look."""
        self.notifier.ready()
        if self.notifier.ping_interval_s:
            self._watchdog_timer.start()
        self._heartbeat_timer.start()
        self._schedule_timer.start()
        self.write_heartbeat()
        self.check_schedule()
        self.look()

    def stop(self) -> None:
        if self._stopped:
            return
        self._stopped = True
        for timer in (self._heartbeat_timer, self._watchdog_timer, self._schedule_timer,
                      self._watch_timer, self._poll):
            timer.stop()
        self.notifier.stopping()
        if self.visits is not None and self.visits.in_visit:
            self.visits.end_visit("closing")
        if self.writer is not None:
            self.writer.close()
            self.writer = None
        self._executor.shutdown(wait=False, cancel_futures=True)
        self._beat_executor.shutdown(wait=False, cancel_futures=True)
        if self.kiosk.resting:
            set_display_power(True)

    def set_watch_seconds(self, seconds: float) -> None:
        self._watch_timer.stop()
        if seconds > 0:
            self._watch_timer.start(int(seconds * 1000))

    # -- statistics --------------------------------------------------------------------------

    def _track_panes(self) -> None:
        visits = self.visits
        if visits is None or not self.kiosk.in_visit:
            return
        self._end_views("back")
        for slot, pane in enumerate(self.window.playback.panes):
            visits.story_started(slot, pane.story.id, len(pane.story.events))
            driver = pane.driver
            driver.eventChanged.connect(lambda index, s=slot: visits.story_reached(s, index))
            driver.finished.connect(lambda s=slot: visits.story_finished(s))
            pane.end_card.playAgainRequested.connect(lambda s=slot: visits.play_again(s))
            pane.closeRequested.connect(lambda s=slot: visits.story_ended(s, "close"))

    def _end_views(self, how: str = "back") -> None:
        if self.visits is not None and self.visits.visit is not None:
            for slot in list(self.visits.visit.views):
                self.visits.story_ended(slot, how)

    def summary(self) -> Report | None:
        """The statistics so far, for the staff page; None when they are off."""
        if self.writer is None or self.stats_path is None or not self.writer.working:
            return None
        self.writer.flush(2.0)
        try:
            return report([self.stats_path])
        except StatsError as error:
            self._problem(str(error))
            return None

    def _hidden(self) -> int:
        return len(self.window.library.invalid) + len(self.window.notices.held_texts)

    def _show_hidden(self) -> None:
        self.kiosk.staff_report.open_report(self.window.library.invalid,
                                            self.window.notices.held_texts)

    def _title(self, story_id: str) -> str:
        library = self.window.library
        if story_id in library:
            story = library.get(story_id)
            return story.text(story.title, self.window.lang)
        return story_id

    # -- health ------------------------------------------------------------------------------

    def _problem(self, text: str) -> None:
        self.last_problem = text

    @property
    def state(self) -> str:
        kiosk = self.kiosk
        if kiosk.resting:
            return "closed"
        if self.staff_page.isVisible() or kiosk.pin_pad.isVisible():
            return "staff"
        if kiosk.asking:
            return "asking"
        if kiosk.attracting:
            return "attract"
        return "playing" if self.window.playing else "picker"

    def write_heartbeat(self) -> None:
        held = self.window.notices.held_texts  # messages kept from visitors in kiosk mode
        if len(held) > self._held_seen:
            self._held_seen = len(held)
            self.last_problem = held[-1]
        playing = ([pane.story.id for pane in self.window.playback.panes]
                   if self.window.playing else [])
        library = dict(self.last_change)
        if self.pending:
            library["pending"] = self.pending.describe()
        if self._snapshot is not None and self._snapshot.unreachable:
            library["unreachable"] = sorted(self._snapshot.unreachable)
        data = heartbeat(now=self.clock(), started=self.started, version=__version__,
                         name=self.name, state=self.state, playing=playing,
                         problem=self.last_problem, memory=memory_mb(), library=library)
        self._heartbeat_problems(write_heartbeat(data, self.heartbeat_paths))
        if self.shared_heartbeat is None or self._stopped:
            self.heartbeatWritten.emit()
        elif self._beat is None:
            self._beat = self._beat_executor.submit(write_heartbeat, data,
                                                    [self.shared_heartbeat])
            self._poll.start()
        else:  # the last one is still being written: the share hangs
            self._heartbeat_problems([f"{self.shared_heartbeat}: heartbeat not written: "
                                      "the folder does not answer"])

    def _heartbeat_problems(self, problems: list[str]) -> None:
        for problem in problems:
            if problem != self.last_problem:
                log.warning(problem)
            self.last_problem = problem

    # -- opening hours -----------------------------------------------------------------------

    def check_schedule(self) -> None:
        schedule, kiosk = self.config.schedule, self.kiosk
        now = self.now()
        if schedule.is_open(now):
            if kiosk.resting:
                self._wake()
        elif not kiosk.resting and not kiosk.in_visit:  # a visitor finishes their visit
            self._rest(now)

    def _rest(self, now: datetime) -> None:
        kiosk = self.kiosk
        log.info("closing time: the kiosk rests")
        kiosk.attract.stop()
        kiosk.resting = True
        self.closed_screen.set_opening(self.config.schedule.next_change(now), self.window.lang)
        self.window.stack.setCurrentWidget(self.closed_screen)
        set_display_power(False)
        self.write_heartbeat()

    def _wake(self) -> None:
        log.info("opening time: the kiosk wakes")
        self.kiosk.resting = False
        set_display_power(True)
        self._apply_pending()
        self.kiosk.show_attract()
        self.kiosk.idle.poke()
        self.write_heartbeat()

    # -- the shared library and config -------------------------------------------------------

    def _default_library(self) -> Library:
        from storyplayer.model.library import load_default

        return load_default(self.extra_folders)

    def look(self) -> None:
        """Look at the watched folders and the config file, in the background."""
        if self._look is not None or self._stopped:
            return  # the last look has not come back (a hung share): do not pile up
        folders, config, previous = list(self.watched_folders), self.settings.path, self._snapshot
        self._look = self._executor.submit(take_snapshot, folders, config, previous)
        self._poll.start()

    def _collect(self) -> None:
        if self._look is not None and self._look.done():
            look, self._look = self._look, None
            try:
                snapshot = look.result()
            except Exception as error:  # noqa: BLE001 (a look never stops the kiosk)
                log.warning("looking at the library failed: %s", error)
                snapshot = None
            if snapshot is not None:
                self._noticed(snapshot)
        if self._loading is not None and self._loading.done():
            self._swap_library()
        if self._beat is not None and self._beat.done():
            beat, self._beat = self._beat, None
            self._heartbeat_problems(beat.result())
            self.heartbeatWritten.emit()
        if self._look is None and self._loading is None and self._beat is None:
            self._poll.stop()

    def _noticed(self, snapshot: Snapshot) -> None:
        previous, self._snapshot = self._snapshot, snapshot
        if previous is None:  # the first look: what the library was loaded from
            self._staff_notes()
            return
        changes = compare(previous, snapshot)
        if not changes:
            return
        said = changes.describe()
        log.info("library and config: %s", said)
        self.last_change = {"noticed": said, "at": _iso(self.clock())}
        self.pending = merge(self.pending, changes)
        self._staff_notes()
        self.changesNoticed.emit(said)
        self._apply_pending()

    def _staff_notes(self) -> None:
        snapshot = self._snapshot
        notes = []
        if snapshot is not None and snapshot.unreachable:
            folders = ", ".join(sorted(snapshot.unreachable))
            notes.append(QCoreApplication.translate(
                "KioskOperations",
                "Cannot reach %1: the stories last seen there are shown until it is back.")
                .replace("%1", folders))
        self.staff_page.set_notes(notes)

    @property
    def between_visitors(self) -> bool:
        return not self.kiosk.in_visit and (self.kiosk.attracting or self.kiosk.resting)

    def _apply_pending(self) -> None:
        """Apply what changed, if nobody is using the kiosk and every share is reachable."""
        pending = self.pending
        if not pending or not self.between_visitors or self._loading is not None \
                or self._stopped:
            return
        if self._snapshot is not None and self._snapshot.unreachable:
            return  # keep the last good copy until the share is back
        if pending.config:
            self._apply_config()
        if pending.library or pending.config or pending.back:
            self._loading = self._executor.submit(self._load_library)
            self._poll.start()
        self.pending = Changes()
        self._applying = pending

    def _apply_config(self) -> None:
        loaded = load_config(self.settings.path)
        for problem in loaded.problems:
            log.warning("%s", problem)
        if loaded.problems and not loaded.exists:
            return
        old, new = self.config, loaded.config
        self.settings, self.config = loaded, new
        kiosk = self.kiosk
        kiosk.idle.timeout_ms = int(new.kiosk.idle_seconds * 1000)
        kiosk.stages.countdown_s = new.kiosk.countdown_seconds
        self.set_watch_seconds(new.kiosk.watch_seconds)
        self.extra_folders = self._fixed_extra + [
            f for f in new.library if f not in self._fixed_extra]
        self.watched_folders = self._fixed_watched + [
            f for f in new.library if f not in self._fixed_watched]
        later = _needs_restart(old, new)
        if later:
            log.info("config: %s take effect when the app starts again", ", ".join(later))
        self.check_schedule()

    def _swap_library(self) -> None:
        loading, self._loading = self._loading, None
        applying = self._applying
        try:
            library = loading.result()
        except Exception as error:  # noqa: BLE001 (the old library stays)
            log.warning("the library could not be loaded again: %s", error)
            return
        if not self.between_visitors:  # a visitor came meanwhile: try again after them
            self.pending = merge(self.pending, applying)
            return
        self.window.set_library(library)
        kiosk = self.kiosk
        kiosk.attract.stories = featured_stories(self.window, self.config.featured)
        if kiosk.attracting:
            kiosk.attract.start()
        said = applying.describe()
        log.info("applied between visitors: %s", said)
        self.last_change = {"applied": said, "at": _iso(self.clock())}
        self.write_heartbeat()
        self.changesApplied.emit(said)


def _needs_restart(old: Config, new: Config) -> list[str]:
    names = ("language", "theme", "text_scale", "reduced_motion", "manual", "tiles")
    kiosk = ("enabled", "exit_chord", "pin", "statistics", "name", "heartbeat_folder")
    return ([name for name in names if getattr(old, name) != getattr(new, name)]
            + [f"kiosk.{name}" for name in kiosk
               if getattr(old.kiosk, name) != getattr(new.kiosk, name)])


def _iso(seconds: float) -> str:
    return datetime.fromtimestamp(seconds).astimezone().isoformat(timespec="seconds")
