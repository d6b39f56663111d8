"""Attaches the story editor to the main window: the picker's New story and Edit, the
editor screen in the window's stack, the shared map lent to it, the library refreshed after
a save, and unsaved work offered back after a crash.

The composition root attaches it outside kiosk mode only: a museum visitor never reaches it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QMessageBox

from storyplayer.model.editing.autosave import Recovery, pending
from storyplayer.model.editing.document import DocumentError
from storyplayer.model.editing.new_story import (
    copy_story,
    free_id,
    id_for_title,
    new_story_text,
    slug,
)
from storyplayer.model.editing.working_copy import WorkingCopy
from storyplayer.model.library import Entry, Library
from storyplayer.model.loader import STORY_FILE, check_story, story_file
from storyplayer.ui.editor.editor_screen import EditorScreen
from storyplayer.ui.main_window import MainWindow
from storyplayer.ui.shared import questions


class EditorHost(QObject):
    def __init__(self, window: MainWindow, library_dir: Path, autosave_dir: Path,
                 bundled: Path) -> None:
        super().__init__(window)
        self.window, self.library_dir = window, library_dir
        self.autosave_dir, self.bundled = autosave_dir, bundled.resolve()
        self.screen: EditorScreen | None = None
        window.picker.allow_editing(bundled)
        window.picker.newStoryRequested.connect(self.new_story)
        window.picker.editRequested.connect(lambda path: self.edit(Path(path)))
        window.installEventFilter(self)

    # --- ways in ------------------------------------------------------------------------

    def new_story(self) -> EditorScreen:
        """A story made from nothing, to be saved in the user's library."""
        title = self.tr("New story")
        taken = {s.id for s in self.window.library.stories}
        story_id = free_id(self.library_dir, slug(title), taken)
        file = self.library_dir / story_id / STORY_FILE
        text = new_story_text(story_id, title, self.window.lang)
        return self.open(WorkingCopy(text, file, saved_text=""))

    def edit(self, path: Path) -> EditorScreen | None:
        """Edits the story at `path`; a bundled story is copied into the user's library under
        a new id first."""
        folder = path if path.is_dir() else path.parent
        try:
            if self.bundled in folder.resolve().parents:
                taken = {s.id for s in self.window.library.stories}
                new_id = free_id(self.library_dir, f"{folder.name}-copy", taken)
                folder = copy_story(folder, self.library_dir, new_id)
            return self.open(WorkingCopy.open(folder))
        except (OSError, UnicodeDecodeError) as error:
            self.window.show_message(self.tr("Cannot open {file}: {reason}").format(
                file=story_file(folder), reason=getattr(error, "strerror", None) or error))
        except DocumentError as error:
            self.window.show_message(f"{story_file(folder)}: {error}")
        return None

    def recover(self, recovery: Recovery) -> EditorScreen:
        """Opens unsaved work found after a crash (saved only when the author saves it)."""
        try:
            on_disk = recovery.file.read_text("utf-8")
        except OSError:
            on_disk = ""
        return self.open(WorkingCopy(recovery.text, recovery.file, saved_text=on_disk))

    def offer_recovery(self) -> None:
        """Asks about each piece of unsaved work left by an editor that did not close."""
        for recovery in pending(self.autosave_dir):
            answer = questions.ask(
                self.window, self.tr("Unsaved work found"),
                self.tr("Story Player closed while “{title}” had unsaved changes. "
                        "Open them to save them?").format(
                    title=recovery.title or recovery.file.parent.name),
                [(QMessageBox.Open, self.tr("Open")), (QMessageBox.Discard, self.tr("Discard"))],
                QMessageBox.Open)
            if answer == QMessageBox.Open:
                self.recover(recovery)
                return
            recovery.discard()

    # --- the screen ---------------------------------------------------------------------

    def open(self, working: WorkingCopy) -> EditorScreen:
        window = self.window
        if self.screen is None:
            self.screen = EditorScreen(window.playback.map_view, window.lang, self.autosave_dir)
            self.screen.closed.connect(self._closed)
            self.screen.saved.connect(self._saved)
            window.stack.addWidget(self.screen)
            window.languageChanged.connect(self._set_language)
            self.screen.apply_theme(window.theme)
            window.themeApplied.connect(self.screen.apply_theme)
        if window.playback.panes:
            window.playback.close_all(emit=False)
        if working.saved_text == "":  # never saved: its first save names it after its title
            working.id_from_title = lambda title, current: id_for_title(
                self.library_dir, title, current, {s.id for s in self.window.library.stories})
        self.screen.lang = window.lang
        names = window.playback.map_names
        names.lang = window.lang
        self.screen.use_names(names)
        self.screen.details.set_known_categories(window.library.categories())
        window.stack.setCurrentWidget(self.screen)
        self.screen.open(working)
        return self.screen

    @property
    def editing(self) -> bool:
        return self.screen is not None and self.window.stack.currentWidget() is self.screen

    def _set_language(self, lang: str) -> None:
        if self.screen is not None:
            self.screen.set_language(lang)

    def _closed(self) -> None:
        """Gives the map back to the playback screen and shows the picker."""
        map_view = self.window.playback.map_view
        self.window.playback.splitter.insertWidget(1, map_view)
        self.window.show_picker()

    def _saved(self, folder: Path) -> None:
        """Shows the saved story in the picker at once (valid or, as a draft, with why not)."""
        library = self.window.library
        file = (folder / STORY_FILE).resolve()
        story, problems = check_story(folder, root=folder.parent)
        kept = [e for e in library.entries if story_file(e.path).resolve() != file]
        if story is not None:  # an edited copy keeps its id; a clash hides the older one
            kept = [e for e in kept if e.story is None or e.story.id != story.id]
        updated = Library([*kept, Entry(folder, story, problems)], library.problems)
        self.window.set_library(updated)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        # Closing the window while editing asks about unsaved changes first.
        if (event.type() == QEvent.Close and watched is self.window and self.editing
                and self.screen is not None and not self.screen.request_close()):
            event.ignore()
            return True
        return False
