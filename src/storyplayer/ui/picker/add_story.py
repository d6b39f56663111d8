"""*Add story…* on the picker, and story files dropped on it: a story package is checked and
installed, a StoryMapJS or TimelineJS file is imported, into the user's library; the new
story then shows in the picker without a restart.

It attaches to a finished MainWindow from outside, like the kiosk: the window only shows
the button and passes dropped files on.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QMessageBox, QProgressDialog

from storyplayer.background import BackgroundJob, run_in_background
from storyplayer.model.library import Library
from storyplayer.ui.main_window import MainWindow
from storyplayer.ui.picker.picker import ADDABLE_SUFFIXES
from storyplayer.ui.picker.story_list_model import Role

if TYPE_CHECKING:
    from storyplayer.interop import ImportReport


class AddStory(QObject):
    """Adds story files to `library_dir`, then shows the library `load_library()` returns.

    `storyAdded(id)` when a story was installed or imported; `addRefused(line)` when not.
    """

    storyAdded = Signal(str)
    addRefused = Signal(str)

    def __init__(self, window: MainWindow, library_dir: Path,
                 load_library: Callable[[], Library], reserved: Collection[str] = (),
                 importer: Callable[..., ImportReport] | None = None) -> None:
        super().__init__(window)
        self.window, self.library_dir = window, Path(library_dir)
        self._load_library, self._reserved = load_library, frozenset(reserved)
        self.dialog: QFileDialog | None = None
        self.question: QMessageBox | None = None
        self.summary: QMessageBox | None = None
        self.busy: QProgressDialog | None = None
        # storyplayer.interop.import_file unless given; it runs off the GUI thread.
        self._importer = importer
        self._job: BackgroundJob | None = None
        self._waiting: list[tuple[Path, bool, str | None]] = []
        picker = window.picker
        picker.addRequested.connect(self.open_dialog)
        picker.filesDropped.connect(self.add_files)
        picker.set_adding_allowed(True)

    # -- choosing files ------------------------------------------------------------------

    def open_dialog(self) -> None:
        """The file dialog, window-modal and not waited for: chosen files come back through
        its signal."""
        dialog = QFileDialog(self.window, self.tr("Add story"), str(Path.home()))
        dialog.setFileMode(QFileDialog.ExistingFiles)
        patterns = " ".join(f"*{suffix}" for suffix in ADDABLE_SUFFIXES)
        dialog.setNameFilters([
            self.tr("Stories ({patterns})").format(patterns=patterns),
            self.tr("Story packages ({patterns})").format(patterns="*.storyplayer"),
            self.tr("StoryMapJS or TimelineJS files ({patterns})").format(
                patterns="*.json *.csv"),
        ])
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.filesSelected.connect(lambda files: self.add_files([Path(f) for f in files]))
        self.dialog = dialog
        dialog.open()

    def add_files(self, paths: list[Path]) -> None:
        for path in paths:
            self.add_file(Path(path))

    def add_file(self, path: Path) -> None:
        """Installs a .storyplayer package or imports a .json/.csv file into the library."""
        if path.suffix.lower() == ".storyplayer":
            self.install(path)
        else:
            self.import_file(path)

    # -- packages ------------------------------------------------------------------------

    def install(self, path: Path, replace: bool = False, as_copy: bool = False) -> None:
        """Checks and installs the package; asks first when it would replace a story (or,
        `as_copy`, installs it beside that story under a new id)."""
        from storyplayer.sharing import PackageError, PackageExists, install_package

        try:
            with _busy():
                installed = install_package(path, self.library_dir, replace=replace,
                                            reserved=self._reserved, as_copy=as_copy)
        except PackageExists as exists:
            self._ask_replace(path, exists.title.get(self.window.lang), exists.story_id)
            return
        except PackageError as error:
            self._refuse(str(error))
            return
        title = installed.title.get(self.window.lang)
        self._show_added(installed.story_id, self.tr("Added the story “{title}”.").format(
            title=title))

    def _ask_replace(self, path: Path, title: str, story_id: str) -> None:
        box = QMessageBox(QMessageBox.Question, self.tr("Replace story?"),
                          self.tr("A story with the same id ({id}) is already in your library. "
                                  "Replace it with “{title}” from this package, or keep both?"
                                  ).format(id=story_id, title=title),
                          QMessageBox.NoButton, self.window)
        # Plain buttons with the app's words: Qt names its standard ones in English again
        # whenever the language changes (see ui/shared/questions.py).
        replace = box.addButton(self.tr("Replace"), QMessageBox.DestructiveRole)
        # Two teachers' lessons may share a title, and so an id: both can be kept.
        both = box.addButton(self.tr("Keep both"), QMessageBox.AcceptRole)
        keep = box.addButton(self.tr("Keep the one I have"), QMessageBox.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.setAttribute(Qt.WA_DeleteOnClose)
        _plain_text(box)

        def answered(_result: int) -> None:
            clicked = box.clickedButton()
            if clicked is replace:
                self.install(path, replace=True)
            elif clicked is both:
                self.install(path, as_copy=True)
            else:
                self.window.picker.show_notice(
                    self.tr("The story you had is kept; nothing was added."))

        box.finished.connect(answered)
        self.question = box
        box.open()

    # -- imports -------------------------------------------------------------------------

    def import_file(self, path: Path, *, fetch_media: bool = False,
                    replacing: str | None = None) -> None:
        """Imports a StoryMapJS or TimelineJS file into the library, off the GUI thread (an
        import that downloads pictures may take two minutes), then shows what came over.
        `replacing` is the id of a story this import replaces (its pictures downloaded).
        Files dropped meanwhile wait their turn."""
        self._waiting.append((Path(path), fetch_media, replacing))
        self._start_next_import()

    @property
    def importing(self) -> bool:
        return self._job is not None

    def _start_next_import(self) -> None:
        if self._job is not None or not self._waiting:
            return
        path, fetch_media, replacing = self._waiting.pop(0)
        importer = self._importer
        if importer is None:
            from storyplayer.interop import import_file as importer
        library_dir = self.library_dir
        taken = {e.story.id for e in self.window.library.entries if e.story is not None}
        taken = (taken | self._reserved) - {replacing}
        output = library_dir / replacing if replacing else None

        def work():  # type: ignore[no-untyped-def]  # on the worker thread: no widgets here
            library_dir.mkdir(parents=True, exist_ok=True)
            return importer(path, output, cwd=library_dir, force=bool(replacing),
                            fetch_media=fetch_media, taken_ids=taken)

        self._show_busy(path, fetch_media)
        self._job = run_in_background(
            work, lambda report: self._imported(path, report),
            lambda error: self._import_failed(path, error), self)

    def _show_busy(self, path: Path, fetch_media: bool) -> None:
        """A busy bar in a small window of its own; the picker stays usable beside it."""
        text = (self.tr("Downloading the pictures of “{name}”… This can take two minutes.")
                if fetch_media else self.tr("Importing “{name}”…")).format(name=path.name)
        busy = self.busy
        if busy is None:
            busy = self.busy = QProgressDialog(self.window)
            busy.setWindowTitle(self.tr("Add story"))
            busy.setCancelButton(None)
            busy.setRange(0, 0)  # no steps to count: a moving bar
            busy.setWindowModality(Qt.NonModal)
            busy.setAutoClose(False)
            busy.setAutoReset(False)
            busy.setMinimumDuration(0)
        busy.setLabelText(text)
        busy.setAccessibleName(text)
        busy.show()

    def _finish_job(self) -> None:
        self._job = None
        if self.busy is not None and not self._waiting:
            self.busy.hide()

    def _import_failed(self, path: Path, error: BaseException) -> None:
        from storyplayer.interop import ImportFailure

        self._finish_job()
        try:
            if isinstance(error, ImportFailure):
                self._refuse(f"{path}: {error}")
            elif isinstance(error, OSError):
                self._refuse(f"{path}: {error.strerror or error}")
            else:
                raise error  # a fault, not bad input: the app's exception hook reports it
        finally:
            self._start_next_import()

    def _imported(self, path: Path, report: ImportReport) -> None:
        self._finish_job()
        try:
            self._show_report(path, report)
        finally:
            self._start_next_import()

    def _show_report(self, path: Path, report: ImportReport) -> None:
        self._reload()
        found = [e for e in self.window.library.entries if e.path == report.folder]
        story_id = found[0].story.id if found and found[0].story else report.folder.name
        heading = self.tr("Imported {format}: “{title}”, {count} events.").format(
            format=report.source_format, title=report.title, count=report.events)
        lines = []
        if found and not found[0].valid:
            lines.append(self.tr("It cannot play yet: {reason}").format(reason=found[0].reason))
        lines += self.summary_lines(report)
        box = QMessageBox(QMessageBox.Information, self.tr("Story imported"), heading,
                          QMessageBox.Ok, self.window)
        if lines:
            box.setInformativeText("\n".join(lines[:8]))
        if len(lines) > 8:  # a long list of warnings goes behind "Show Details…"
            box.setDetailedText("\n".join(lines))
        from storyplayer.interop.writer import NOT_DOWNLOADED

        download = None
        if any(m.reason == NOT_DOWNLOADED for m in report.pictures_missing) and found:
            download = box.addButton(self.tr("Download the pictures"), QMessageBox.ActionRole)
        box.setAttribute(Qt.WA_DeleteOnClose)
        _plain_text(box)

        def answered() -> None:
            if download is not None and box.clickedButton() is download:
                self.import_file(path, fetch_media=True, replacing=story_id)

        box.finished.connect(answered)
        self.summary = box
        box.open()
        self._show_added(story_id, heading, reload=False)

    def summary_lines(self, report: ImportReport) -> list[str]:
        """The import's summary in the interface language, from the report's counts and
        lists; the importer's own notes on what it could not carry over stay as written."""
        from storyplayer.interop.writer import NOT_DOWNLOADED

        lines = []
        missing = report.pictures_missing
        if missing:
            not_fetched = sum(m.reason == NOT_DOWNLOADED for m in missing)
            reasons = Counter(m.reason for m in missing if m.reason != NOT_DOWNLOADED)
            parts = [self.tr("{count} not downloaded").format(count=not_fetched)] * bool(
                not_fetched)
            parts += [f"{count} {reason}" for reason, count in reasons.most_common()]
            lines.append(self.tr(
                "Pictures: {kept} kept, {missing} not available offline ({reasons})."
            ).format(kept=report.pictures_kept, missing=len(missing), reasons="; ".join(parts)))
        elif report.pictures_kept:
            lines.append(self.tr("Pictures: {kept} kept.").format(kept=report.pictures_kept))
        if report.links:
            lines.append(self.tr("Videos, sounds and web pages kept as links in the sources: "
                                 "{count}.").format(count=report.links))
        for guess in report.guessed_dates:
            lines.append(self.tr("Date read from the text: {where}: {date} (from “{words}”)")
                         .format(where=self._where(guess.where, guess.headline),
                                 date=self._date(guess.date), words=guess.text))
        if report.warnings:
            lines.append(self.tr("Notes from the import:"))
            lines += [f"• {warning}" for warning in report.warnings]
        return lines

    def _where(self, where: str, headline: str) -> str:
        """ "slide 3 “Headline”" in the interface language."""
        kind, _, number = where.rpartition(" ")
        names = {"slide": self.tr("slide {number}"), "event": self.tr("event {number}"),
                 "row": self.tr("row {number}")}
        named = names[kind].format(number=number) if kind in names and number.isdigit() else where
        if not headline:
            return named
        return self.tr("{where} “{headline}”").format(where=named, headline=headline)

    def _date(self, value: str | dict[str, str]) -> str:
        from storyplayer.model.dates import DateError, format_date, parse_date

        try:
            return format_date(parse_date(value), self.window.lang)
        except DateError:
            return str(value)

    # -- afterwards ----------------------------------------------------------------------

    def _reload(self) -> None:
        with _busy():
            self.window.set_library(self._load_library())

    def _show_added(self, story_id: str, notice: str, reload: bool = True) -> None:
        if reload:
            self._reload()
        picker = self.window.picker
        picker.search_box.clear()
        picker.category_box.setCurrentIndex(0)
        proxy = picker.proxy
        for row in range(proxy.rowCount()):
            index = proxy.index(row)
            if proxy.data(index, Role.ID) == story_id:
                picker.view.scrollTo(index)
                picker.view.setCurrentIndex(index)
                break
        picker.show_notice(notice)
        self.storyAdded.emit(story_id)

    def _refuse(self, line: str) -> None:
        self.window.picker.show_notice(
            self.tr("This story could not be added: {reason}").format(reason=line))
        self.addRefused.emit(line)


def _plain_text(box: QMessageBox) -> None:
    """A story's title or problem in a message box is shown as written, never as markup."""
    box.setTextFormat(Qt.PlainText)
    for label in box.findChildren(QLabel):
        label.setTextFormat(Qt.PlainText)


@contextmanager
def _busy() -> Iterator[None]:
    """The wait cursor while a story is installed or imported on this thread."""
    QApplication.setOverrideCursor(Qt.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()
