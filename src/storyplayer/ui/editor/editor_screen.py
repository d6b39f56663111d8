"""The story editor: the events and the selected event's form beside the shared map, with
undo/redo, checking while typing, saving, autosave, preview and sharing.

The working copy (storyplayer.model.editing) holds the story; every edit goes through the
QUndoStack as a change of it, and the forms show what it holds.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from storyplayer.background import run_in_background
from storyplayer.map.map_view import MapView
from storyplayer.model.editing.autosave import Autosave
from storyplayer.model.editing.changes import InsertItem, RemoveItem, Reorder, SetValue
from storyplayer.model.editing.document import DocumentError
from storyplayer.model.editing.working_copy import WorkingCopy
from storyplayer.model.map_protocol import MapEvent, MapStory
from storyplayer.model.story import PANE_COLORS
from storyplayer.model.text import story_languages
from storyplayer.ui.editor.details_form import DetailsForm
from storyplayer.ui.editor.editor_map import map_events
from storyplayer.ui.editor.event_form import EventForm
from storyplayer.ui.editor.events_panel import EventsPanel
from storyplayer.ui.editor.local_text import text_in
from storyplayer.ui.editor.picture import PictureError, import_picture
from storyplayer.ui.editor.preview import PreviewArea
from storyplayer.ui.editor.problem_text import problem_text
from storyplayer.ui.editor.problems_view import ProblemsView
from storyplayer.ui.editor.undo import ChangeCommand
from storyplayer.ui.playback.map_names import MapNames
from storyplayer.ui.shared import questions
from storyplayer.ui.shared.elided_label import ElidedLabel
from storyplayer.ui.shared.theme import DEFAULT, Theme

CHECK_MS = 150  # checking and redrawing the map wait for a pause in typing this long
AUTOSAVE_POLL_MS = 1000
TYPING_PAUSE_S = 1.0
PREPARE_AFTER_MS = 100  # the round-trip document is read once the form has been painted
PICTURES = "*.png *.jpg *.jpeg *.gif *.webp *.bmp *.svg"


class EditorScreen(QWidget):
    """Edits one story at a time; `closed` when the author leaves, `saved(folder)`."""

    closed = Signal()
    saved = Signal(Path)
    checked = Signal()  # the story was checked again (after a pause in typing)

    def __init__(self, map_view: MapView, lang: str, autosave_dir: Path,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("editor")
        self.map_view, self.lang, self.autosave_dir = map_view, lang, autosave_dir
        # The map's place names (the playback's, set by the host): in the interface's
        # language and as they were at the chosen event's date, as the story will show them.
        self.names: MapNames | None = None
        self._names_key: str | None = None
        self.working: WorkingCopy | None = None
        self.autosave: Autosave | None = None
        self.undo_stack = QUndoStack(self)
        self.languages: list[str] = ["en"]
        self.theme = DEFAULT
        self._autosaved_revision = 0
        self._unsaved_at_open = False
        self._map_key: Any = None

        self.back_button = QPushButton(objectName="editorBack")
        self.back_button.clicked.connect(self.request_close)
        # A long title (large text, Estonian) ends in an ellipsis before the status.
        self.title_label = ElidedLabel(lines=1)
        self.title_label.setObjectName("editorTitle")
        self.title_label.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)
        self.status = QLabel(objectName="editorStatus")
        self.undo_button, self.redo_button = QPushButton(), QPushButton()
        self.undo_button.clicked.connect(self.undo_stack.undo)
        self.redo_button.clicked.connect(self.undo_stack.redo)
        self.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.redo_button.setEnabled)
        self.save_button = QPushButton(objectName="primary")
        self.save_button.clicked.connect(self.save)
        self.preview_button, self.share_button = QPushButton(), QPushButton()
        self.preview_button.clicked.connect(self._toggle_preview)
        self.share_button.clicked.connect(self.share)
        bar = QHBoxLayout()
        bar.setContentsMargins(12, 8, 12, 8)
        bar.addWidget(self.back_button)
        bar.addWidget(self.title_label, 1)
        bar.addWidget(self.status)
        for button in (self.undo_button, self.redo_button, self.preview_button,
                       self.share_button, self.save_button):
            button.setMinimumHeight(40)
            bar.addWidget(button)

        self.events = EventsPanel()
        self.problems = ProblemsView()
        self.problems.hide()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(8, 0, 0, 8)
        left_layout.addWidget(self.events, 3)
        left_layout.addWidget(self.problems, 1)
        self.details = DetailsForm()
        self.event_form = EventForm()
        self.preview_area = PreviewArea(map_view)
        self.middle = QStackedWidget()
        for page in (self.details, self.event_form, self.preview_area):
            self.middle.addWidget(page)
        self.map_holder = QWidget()
        self.map_layout = QVBoxLayout(self.map_holder)
        self.map_layout.setContentsMargins(0, 0, 0, 0)
        self.splitter = QSplitter(Qt.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        for widget in (left, self.middle, self.map_holder):
            self.splitter.addWidget(widget)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setStretchFactor(2, 4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)

        self._check_timer = QTimer(self, singleShot=True, interval=CHECK_MS)
        self._check_timer.timeout.connect(self.check)
        self._autosave_timer = QTimer(self, interval=AUTOSAVE_POLL_MS)
        self._autosave_timer.timeout.connect(self._autosave_now)
        self._connect()
        self._retranslate()
        for keys, action in ((QKeySequence.Undo, self.undo_stack.undo),
                             (QKeySequence.Redo, self.undo_stack.redo),
                             (QKeySequence.Save, self.save)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.WidgetWithChildrenShortcut)
            shortcut.activated.connect(action)

    def _connect(self) -> None:
        self.events.selected.connect(self._select)
        self.events.addRequested.connect(self.add_event)
        self.events.duplicateRequested.connect(self.duplicate_event)
        self.events.deleteRequested.connect(self.delete_event)
        self.events.sortRequested.connect(self.sort_by_date)
        self.events.reordered.connect(
            lambda order: self.push(Reorder(("events",), order), self.tr("Move event")))
        self.event_form.edit.connect(self._event_edit)
        self.event_form.pictureRequested.connect(self.choose_picture)
        self.event_form.overlayRequested.connect(self.choose_overlay)
        self.details.edit.connect(lambda path, value: self.set_value(path, value))
        self.details.languageAdded.connect(self.add_language)
        self.details.languageRemoved.connect(self.remove_language)
        self.details.coverRequested.connect(self.choose_cover)
        self.problems.goTo.connect(self.go_to)
        self.preview_area.closed.connect(self.stop_preview)
        self.map_view.mapClicked.connect(self._map_clicked)
        self.map_view.markerDragged.connect(self._map_clicked)
        self.undo_stack.cleanChanged.connect(self._show_status)

    def _retranslate(self) -> None:
        self.back_button.setText(self.tr("← Stories"))
        self.undo_button.setText(self.tr("Undo"))
        self.redo_button.setText(self.tr("Redo"))
        self.save_button.setText(self.tr("Save"))
        self.preview_button.setText(self.tr("Preview"))
        self.share_button.setText(self.tr("Share…"))
        self._show_status()
        if self.working is not None:  # the problems, in the new language
            self.problems.show_problems(self.working.problems)
            self._show_field_problems()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    # --- opening and closing ------------------------------------------------------------

    def open(self, working: WorkingCopy) -> None:
        """Edits `working` (its file need not exist yet: a new story is saved on Save)."""
        self.stop_preview()
        self.working = working
        self.undo_stack.clear()
        # A new story, or recovered work: unsaved until saved, though nothing is undoable.
        self._unsaved_at_open = working.dirty
        working.subscribe(self._changed)
        self.autosave = Autosave(self.autosave_dir, working.file)
        self._autosaved_revision = working.revision
        self._autosave_timer.start()
        self._map_key = None
        self.map_layout.addWidget(self.map_view)
        self.map_view.show()
        self.map_view.set_editing(True)
        self.check()  # shows the story too
        self.events.select(0)
        self._fit_columns()
        # The form shows the player's reading of the story; the round-trip document that
        # edits change is read meanwhile, once the screen has been painted.
        QTimer.singleShot(PREPARE_AFTER_MS, self, lambda: self._prepare(working))

    def _prepare(self, working: WorkingCopy) -> None:
        if self.working is working and not working.document_ready:
            run_in_background(working.prepare, lambda _: None,
                              lambda error: self._cannot_edit(working, error), self)

    def _cannot_edit(self, working: WorkingCopy, error: BaseException) -> None:
        if shiboken6.isValid(self) and self.working is working:
            self._say(self.tr("Cannot edit {file}: {reason}").format(
                file=working.file, reason=error))

    def _fit_columns(self) -> None:
        """The forms never narrower than their fields need (a scroll area would let them);
        the map takes what is left."""
        needed = max(self.event_form.widget().minimumSizeHint().width(),
                     self.details.widget().minimumSizeHint().width())
        scrollbar = self.event_form.verticalScrollBar().sizeHint().width()
        # At the largest text sizes the map keeps a useful share all the same.
        self.middle.setMinimumWidth(min(needed + scrollbar + 8, int(self.width() * 0.45)))
        total = max(self.splitter.width(), 1000)
        self.splitter.setSizes([int(total * 0.22), int(total * 0.42), int(total * 0.36)])

    def request_close(self) -> bool:
        """Leaves the editor, asking first when there are unsaved changes."""
        if self.working is not None and self.working.dirty:
            answer = questions.ask(
                self, self.tr("Unsaved changes"),
                self.tr("Save the changes to “{title}” before leaving?").format(
                    title=self._title()),
                [(QMessageBox.Save, self.tr("Save")),
                 (QMessageBox.Discard, self.tr("Leave without saving")),
                 (QMessageBox.Cancel, self.tr("Go on editing"))], QMessageBox.Save)
            if answer == QMessageBox.Cancel:
                return False
            if answer == QMessageBox.Save and not self.save():
                return False
        self.close_editor()
        return True

    def close_editor(self) -> None:
        """Leaves at once: unsaved changes are dropped (their autosave too)."""
        self.stop_preview()
        self._autosave_timer.stop()
        self._check_timer.stop()
        if self.autosave is not None:
            self.autosave.discard()
        self.map_view.set_edit_marker(None, None)
        self.map_view.set_editing(False)
        self.map_view.clear()
        self.working = None
        self.undo_stack.clear()
        self.closed.emit()

    def apply_theme(self, theme: Theme) -> None:
        """The editor is all controls and fields, worked at a desk: its text grows with the
        window's text scale only as far as the controls' (Theme.chrome_scale), so that the
        event form, the list and the map fit a 1280×720 window at the largest scale."""
        self.theme = theme  # the preview's pane is the window's, at the class's text size
        if self.preview_area.pane is not None:
            self.preview_area.pane.apply_theme(theme)
        sheet = f"#editor QWidget {{ font-size: {theme.chrome_pt(theme.sizes.body)}pt; }}"
        if self.styleSheet() != sheet:  # a sheet restyles the whole editor
            self.setStyleSheet(sheet)

    def use_names(self, names: MapNames) -> None:
        """The map's place names to keep in step (see `names`), sent afresh on the next
        update of the map."""
        self.names, self._names_key = names, None

    def set_language(self, lang: str) -> None:
        """Story text in the lists, titles and preview in `lang` (when the story has it)."""
        self.lang = lang
        if self.names is not None:
            self.names.set_language(lang)
        self._refresh()

    # --- edits --------------------------------------------------------------------------

    def push(self, change: Any, text: str) -> None:
        working = self.working
        if working is None:
            return
        try:
            working.prepare()  # at once, if the first edit comes before it was read
        except DocumentError as error:
            self._cannot_edit(working, error)
            return
        self.undo_stack.push(ChangeCommand(working, change, text))

    def set_value(self, path: tuple[str | int, ...], value: Any, text: str = "") -> None:
        if self.working is None or _same(self.working.get(path), value):
            return
        self.push(SetValue(path, value), text or self.tr("Edit"))

    def _event_edit(self, path: tuple[str, ...], value: Any) -> None:
        if self.current < 0:
            return
        if path == ("place",) and value == {}:
            value = self._nearby_place()  # "No place" unticked, no place before: start nearby
        self.set_value(("events", self.current, *path), value)

    def _nearby_place(self) -> dict[str, float]:
        """Where a new place starts: at the nearest event before (else after) that has one,
        else at the story's map centre, so it is never out at sea at 0°, 0°."""
        data = self.working.plain() if self.working is not None else {}
        events = data.get("events") if isinstance(data.get("events"), list) else []
        order = [*range(self.current - 1, -1, -1), *range(self.current + 1, len(events))]
        for number in order:
            place = events[number].get("place") if isinstance(events[number], dict) else None
            if isinstance(place, dict) and all(isinstance(place.get(k), (int, float))
                                               for k in ("lat", "lon")):
                return {"lat": place["lat"], "lon": place["lon"]}
        centre = (data.get("map") or {}).get("center") if isinstance(data.get("map"),
                                                                     dict) else None
        if isinstance(centre, list) and len(centre) == 2:
            return {"lat": centre[0], "lon": centre[1]}
        return {"lat": 58.6, "lon": 25.0}

    @property
    def current(self) -> int:
        return self.events.current

    def _event_count(self) -> int:
        events = self.working.plain().get("events") if self.working is not None else None
        return len(events) if isinstance(events, list) else 0

    def add_event(self) -> None:
        if self.working is None:
            return
        at = self.current + 1 if self.current >= 0 else self._event_count()
        title = {self.languages[0]: self.tr("New event")}
        self.push(InsertItem(("events",), at, {"title": title}), self.tr("Add event"))
        self.events.select(at)

    def duplicate_event(self) -> None:
        if self.working is None or self.current < 0:
            return
        original = self.working.plain()["events"][self.current]
        self.push(InsertItem(("events",), self.current + 1, original),
                  self.tr("Duplicate event"))
        self.events.select(self.current + 1)

    def delete_event(self) -> None:
        if self.working is None or self.current < 0 or self._event_count() < 2:
            return
        number = self.current
        self.push(RemoveItem(("events",), number), self.tr("Delete event"))
        self.events.select(min(number, self._event_count() - 1))

    def sort_by_date(self) -> None:
        from storyplayer.model.dates import DateError, parse_date

        if self.working is None:
            return

        def key(item: tuple[int, Any]) -> tuple[int, int, int]:
            number, event = item
            try:
                return (0, parse_date(event.get("date")).sort_key(), number)
            except (DateError, TypeError, ValueError, AttributeError):
                return (1, 0, number)  # undated and unreadable ones keep their order, last

        events = self.working.plain().get("events") or []
        order = [n for n, _ in sorted(enumerate(events), key=key)]
        if order != sorted(order):
            self.push(Reorder(("events",), order), self.tr("Sort by date"))

    def add_language(self, code: str) -> None:
        if self.working is None or code in self.languages:
            return
        self.undo_stack.beginMacro(self.tr("Add language"))
        title = self.working.get(("title",))
        if isinstance(title, str):
            self.set_value(("title",), {self.languages[0]: str(title), code: str(title)})
        else:
            first = text_in(title, self.languages[0], self.languages)
            self.set_value(("title", code), first or code)
        if self.working.get(("languages",)) is not None:
            self.set_value(("languages",), [*self.languages, code])
        self.undo_stack.endMacro()

    def remove_language(self, code: str) -> None:
        if self.working is None or code not in self.languages or len(self.languages) < 2:
            return
        self.undo_stack.beginMacro(self.tr("Remove language"))
        data = self.working.plain()
        fields = [("title",), ("summary",)]
        for n, event in enumerate(data.get("events") or []):
            fields += [("events", n, "title"), ("events", n, "text"),
                       ("events", n, "place", "name"), ("events", n, "image", "caption"),
                       ("events", n, "image", "credit"), ("events", n, "image", "alt")]
            sources = event.get("sources") if isinstance(event, dict) else None
            # From the last source back: one that goes leaves the others where they are.
            count = len(sources) if isinstance(sources, list) else 0
            fields += [("events", n, "sources", i) for i in reversed(range(count))]
        for path in fields:
            value = self.working.get(path)
            if isinstance(value, dict) and code in value:
                rest = {k: v for k, v in value.items() if k != code}
                self.set_value(path, rest or None)
        if isinstance(data.get("languages"), list):
            self.set_value(("languages",), [c for c in self.languages if c != code])
        self.undo_stack.endMacro()

    def _map_clicked(self, lat: float, lon: float) -> None:
        """A click on the map (or the marker dragged) sets the selected event's place."""
        if self.working is None or self.current < 0 or self.middle.currentWidget() \
                is not self.event_form:
            return
        lat, lon = round(lat, 4), round(lon, 4)
        form = self.event_form
        if form.drawing.isChecked():  # a point of the event's line or area
            shape = form.shape_with([*form.points(), [lon, lat]])
            self.set_value(("events", self.current, "geometry"), shape, self.tr("Add a point"))
            return
        path = ("events", self.current, "place")
        if isinstance(self.working.get(path), dict):
            self.undo_stack.beginMacro(self.tr("Move the place"))
            self.set_value((*path, "lat"), lat)
            self.set_value((*path, "lon"), lon)
            self.undo_stack.endMacro()
        else:
            self.set_value(path, {"lat": lat, "lon": lon}, self.tr("Set the place"))
        self.map_view.set_edit_marker(lat, lon)

    def choose_picture(self) -> None:
        if self.working is None or self.current < 0:
            return
        relative = self._import_picture()
        if relative is None:
            return
        path = ("events", self.current, "image")
        if isinstance(self.working.get(path), dict):
            self.set_value((*path, "src"), relative, self.tr("Choose picture"))
        else:
            self.set_value(path, {"src": relative}, self.tr("Choose picture"))

    def choose_overlay(self) -> None:
        """An old map laid over the map, first around the event's place (edit the edges)."""
        if self.working is None or self.current < 0:
            return
        relative = self._import_picture()
        if relative is None:
            return
        path = ("events", self.current, "overlay")
        if isinstance(self.working.get(path), dict):
            self.set_value((*path, "src"), relative, self.tr("Choose overlay picture"))
            return
        place = self.working.plain()["events"][self.current].get("place") or {}
        lat = place.get("lat", 58.6) if isinstance(place, dict) else 58.6
        lon = place.get("lon", 25.0) if isinstance(place, dict) else 25.0
        bounds = [[round(lat - 0.5, 3), round(lon - 1, 3)], [round(lat + 0.5, 3),
                                                             round(lon + 1, 3)]]
        self.set_value(path, {"src": relative, "bounds": bounds, "opacity": 0.7},
                       self.tr("Choose overlay picture"))

    def choose_cover(self) -> None:
        relative = self._import_picture()
        if relative is not None:
            # The new picture replaces the old one with its caption, credit and alt text,
            # which described the old picture.
            self.set_value(("cover",), relative, self.tr("Choose cover picture"))

    def _import_picture(self) -> str | None:
        assert self.working is not None
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a picture"), str(Path.home()),
            self.tr("Pictures ({patterns})").format(patterns=PICTURES))
        if not name:
            return None
        try:
            return import_picture(Path(name), self.working.folder)
        except (PictureError, OSError) as error:
            self._say(str(error))
            return None

    # --- showing ------------------------------------------------------------------------

    def _changed(self) -> None:
        self._refresh()
        self._check_timer.start()

    def _refresh(self) -> None:
        """Shows the working copy in the list and the open form (cheap: runs per keystroke)."""
        working = self.working
        if working is None:
            return
        data = working.plain()
        events = data.get("events") if isinstance(data.get("events"), list) else []
        self.languages = list(story_languages(_plain_top(data), events))
        lang = self.lang if self.lang in self.languages else self.languages[0]
        flagged = {p.event for p in working.problems if p.event is not None
                   and p.problem.is_error}
        self.events.show_events(
            [text_in(e.get("title") if isinstance(e, dict) else None, lang, self.languages)
             or text_in(e.get("title"), self.languages[0], self.languages)
             if isinstance(e, dict) else "?" for e in events], flagged)
        self.title_label.setText(self.tr("Editing: {title}").format(title=self._title()))
        if self.current >= 0 and self.current < len(events):
            event = events[self.current]
            self.event_form.show_event(self.current, event if isinstance(event, dict) else {},
                                       self.languages, lang)
        else:
            self.details.show_story(_plain_top(data), self.languages)
        self._show_status()

    def _title(self) -> str:
        if self.working is None:
            return ""
        title = self.working.get(("title",))
        lang = self.lang if self.lang in self.languages else self.languages[0]
        return text_in(title, lang, self.languages) or text_in(
            title, self.languages[0], self.languages) or self.working.folder.name

    def check(self) -> None:
        """Checks the story with the player's loader; shows problems and redraws the map."""
        working = self.working
        if working is None:
            return
        problems = working.validate()
        self.problems.show_problems(problems)
        self._show_field_problems()
        self._refresh()
        self._update_map(fit=False)
        self.checked.emit()

    def _show_field_problems(self) -> None:
        assert self.working is not None
        mine: dict[str, str] = {}
        story: dict[str, str] = {}
        for located in self.working.problems:
            target = mine if located.event == self.current and self.current >= 0 else story
            if located.event is None or located.event == self.current:
                target.setdefault(located.key or "", problem_text(located.problem.message))
        self.event_form.show_problems(mine)
        self.details.show_problems(story)

    def _show_status(self, *_: object) -> None:
        working = self.working
        if working is None or not shiboken6.isValid(self.undo_stack):
            self.status.setText("")
            return
        errors = [p for p in working.problems if p.problem.is_error]
        saved = self.undo_stack.isClean() and not self._unsaved_at_open
        parts = [self.tr("Saved") if saved else self.tr("Unsaved changes")]
        if errors:
            parts.append(self.tr("Draft with problems: {count}").format(count=len(errors)))
        # A line each: side by side they left no room at a large text size, and the second
        # (why Preview and Share are greyed out) was the one cut off.
        self.status.setText("\n".join(parts))
        previewing = self.preview_area.pane is not None
        self.preview_button.setText(self.tr("Back to editing") if previewing
                                    else self.tr("Preview"))
        self.preview_button.setEnabled(not errors or previewing)
        self.share_button.setEnabled(not errors)

    def _select(self, number: int) -> None:
        self.stop_preview()
        self.middle.setCurrentWidget(self.details if number < 0 else self.event_form)
        self._refresh()
        if self.working is not None:
            self._show_field_problems()
        self._update_map(fit=True)

    def go_to(self, event: int, key: str) -> None:
        """From the problems list: the event (or the details) and its field."""
        self.events.select(event)
        form = self.event_form if event >= 0 else self.details
        label = form.problem_labels.get(key)
        if label is not None:
            form.ensureWidgetVisible(label)

    def _update_map(self, fit: bool) -> None:
        working = self.working
        if working is None or self.middle.currentWidget() is self.preview_area:
            return
        lang = self.lang if self.lang in self.languages else self.languages[0]
        data = working.plain()
        events = map_events(data, lang, self.languages)
        key = (lang, tuple(events))
        if key != self._map_key:
            self._map_key = key
            color = data.get("color") if isinstance(data.get("color"), str) else PANE_COLORS[0]
            self.map_view.set_stories([MapStory(0, color, self._title(), tuple(events))])
            fit = fit or self.current < 0
        index = self.current
        place: MapEvent | None = events[index] if 0 <= index < len(events) else None
        if place is not None:
            self.map_view.show_event(0, index, fit=fit and place.has_place)
        self.map_view.set_edit_marker(place.lat if place else None,
                                      place.lon if place else None)
        self._update_names(index)

    def _update_names(self, index: int) -> None:
        """The names with the story's own `place_names` (sent again only when those change)
        at the date of event `index`, when the story can be read and the event has one."""
        if self.names is None:
            return
        story = self.working.story if self.working is not None else None
        key = repr(story.place_names) if story is not None else ""
        if key != self._names_key:
            self._names_key = key
            self.names.set_stories([story] if story is not None else [])
        if story is not None and 0 <= index < len(story.events):
            self.names.show(story.events[index])

    def _say(self, text: str) -> None:
        self.status.setText(text)

    # --- saving, autosave, preview, sharing ----------------------------------------------

    def save(self) -> bool:
        """Writes story.yaml atomically (a draft with problems too). False if it failed."""
        working = self.working
        if working is None:
            return False
        try:
            working.save()
        except OSError as error:
            self._say(self.tr("Could not save {file}: {reason}").format(
                file=working.file, reason=error.strerror or error))
            return False
        if self.autosave is not None:
            self.autosave.discard()
        self.undo_stack.setClean()
        self._unsaved_at_open = False
        self._show_status()
        self.saved.emit(working.folder)
        return True

    def _autosave_now(self) -> None:
        working, autosave = self.working, self.autosave
        if working is None or autosave is None or working.revision == self._autosaved_revision:
            return
        # Written in a pause in typing, at most every few seconds: writing a long story's
        # text out takes longer than a keystroke may.
        if not autosave.time_due() or time.monotonic() - working.last_change < TYPING_PAUSE_S:
            return
        text = working.text()
        if autosave.due(text, working.dirty):
            try:
                autosave.write(text, self._title())
                self._autosaved_revision = working.revision
            except OSError:  # a full disk must not stop the author; saving will say why
                pass

    def _toggle_preview(self) -> None:
        self.stop_preview() if self.preview_area.pane is not None else self.preview()

    def preview(self) -> None:
        working = self.working
        if working is None or not working.playable or working.story is None:
            self._say(self.tr("Fix the problems first: a draft cannot be played."))
            return
        self.map_view.set_edit_marker(None, None)
        self.map_view.set_editing(False)
        self.middle.setCurrentWidget(self.preview_area)
        self._map_key = None
        self.preview_area.play(working.story, max(self.current, 0), self.lang, self.theme)
        self._show_status()

    def stop_preview(self) -> None:
        if self.preview_area.pane is None:
            return
        self.preview_area.stop()
        self.map_view.set_editing(True)
        self.middle.setCurrentWidget(self.details if self.current < 0 else self.event_form)
        self._map_key = None
        self._update_map(fit=True)
        self._show_status()

    def share(self) -> None:
        """Saves, then writes the story as one .storyplayer file to give to others."""
        working = self.working
        if working is None or not working.playable:
            self._say(self.tr("Fix the problems first: a draft cannot be shared."))
            return
        if working.dirty and not self.save():
            return
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Share the story"),
            str(Path.home() / f"{working.folder.name}.storyplayer"),
            self.tr("Story packages (*.storyplayer)"))
        if not name:
            return
        try:
            from storyplayer.sharing.package import PackageError, pack_story
        except ImportError:
            self._say(self.tr("Sharing is not available in this version."))
            return
        try:
            pack_story(working.folder, Path(name))
        except (PackageError, OSError) as error:
            self._say(str(error))
            return
        self._say(self.tr("Shared as {file}").format(file=Path(name).name))


def _same(old: Any, new: Any) -> bool:
    if old is None or new is None:
        return old is new
    return type(_plain(old)) is type(_plain(new)) and _plain(old) == _plain(new)


def _plain(node: Any) -> Any:
    from storyplayer.model.editing.document import _plain as plain

    return plain(node)


def _plain_top(data: Any) -> dict[str, Any]:
    """The story's own fields as plain data (not its events: a long story has many)."""
    return {k: _plain(v) for k, v in data.items() if k != "events"}
