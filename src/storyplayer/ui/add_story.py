"""*Add story…* on the picker, and story files dropped on it: a story package is checked and
installed, a StoryMapJS or TimelineJS file is imported, into the user's library; the new
story then shows in the picker without a restart.

It attaches to a finished MainWindow from outside, like the kiosk: the window only shows
the button and passes dropped files on.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QMessageBox

from storyplayer.model.library import Library
from storyplayer.ui.main_window import MainWindow
from storyplayer.ui.picker import ADDABLE_SUFFIXES
from storyplayer.ui.story_list_model import Role


class AddStory(QObject):
    """Adds story files to `library_dir`, then shows the library `load_library()` returns.

    `storyAdded(id)` when a story was installed or imported; `addRefused(line)` when not.
    """

    storyAdded = Signal(str)
    addRefused = Signal(str)

    def __init__(self, window: MainWindow, library_dir: Path,
                 load_library: Callable[[], Library], reserved: Collection[str] = ()) -> None:
        super().__init__(window)
        self.window, self.library_dir = window, Path(library_dir)
        self._load_library, self._reserved = load_library, frozenset(reserved)
        self.dialog: QFileDialog | None = None
        self.question: QMessageBox | None = None
        self.summary: QMessageBox | None = None
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

    def install(self, path: Path, replace: bool = False) -> None:
        """Checks and installs the package; asks first when it would replace a story."""
        from storyplayer.sharing import PackageError, PackageExists, install_package

        try:
            with _busy():
                installed = install_package(path, self.library_dir, replace=replace,
                                            reserved=self._reserved)
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
                                  "Replace it with “{title}” from this package?").format(
                              id=story_id, title=title),
                          QMessageBox.Yes | QMessageBox.No, self.window)
        box.button(QMessageBox.Yes).setText(self.tr("Replace"))
        box.button(QMessageBox.No).setText(self.tr("Keep the one I have"))
        box.setDefaultButton(QMessageBox.No)
        box.setAttribute(Qt.WA_DeleteOnClose)
        _plain_text(box)

        def answered(button: int) -> None:
            if button == QMessageBox.Yes:
                self.install(path, replace=True)
            else:
                self.window.picker.show_notice(
                    self.tr("The story you had is kept; nothing was added."))

        box.finished.connect(answered)
        self.question = box
        box.open()

    # -- imports -------------------------------------------------------------------------

    def import_file(self, path: Path) -> None:
        """Imports a StoryMapJS or TimelineJS file into the library and shows what came over."""
        from storyplayer.interop import ImportFailure, import_file

        try:
            self.library_dir.mkdir(parents=True, exist_ok=True)
            with _busy():
                report = import_file(path, None, cwd=self.library_dir)
        except ImportFailure as error:
            self._refuse(f"{path}: {error}")
            return
        except OSError as error:
            self._refuse(f"{path}: {error.strerror or error}")
            return
        self._reload()
        found = [e for e in self.window.library.entries if e.path == report.folder]
        story_id = found[0].story.id if found and found[0].story else report.folder.name
        lines = [self.tr("Imported {format}: “{title}”, {count} events.").format(
            format=report.source_format, title=report.title, count=report.events)]
        if found and not found[0].valid:
            lines.append(self.tr("It cannot play yet: {reason}").format(reason=found[0].reason))
        lines += report.warnings
        box = QMessageBox(QMessageBox.Information, self.tr("Story imported"), lines[0],
                          QMessageBox.Ok, self.window)
        if len(lines) > 1:
            box.setInformativeText("\n".join(lines[1:8]))
        if len(lines) > 8:  # a long list of warnings goes behind "Show Details…"
            box.setDetailedText("\n".join(lines[1:]))
        box.setAttribute(Qt.WA_DeleteOnClose)
        _plain_text(box)
        self.summary = box
        box.open()
        self._show_added(story_id, lines[0], reload=False)

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
