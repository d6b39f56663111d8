"""The selected event's form: title, date (read back live in each language), place (set by
a click on the map), text with a live preview, picture, sources and duration.

The form only shows values and reports edits (`edit(path, value)`); the editor screen turns
those into undoable changes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from storyplayer.model.dates import DateError, format_date, from_words, parse_date
from storyplayer.model.rich_text import markdown_to_html, plain
from storyplayer.ui.editor.field_rows import FieldRows
from storyplayer.ui.editor.local_text import LANGUAGE_NAMES, LocalTextFields
from storyplayer.ui.editor.problem_text import problem_text
from storyplayer.ui.editor.sources_field import SourcesField

DEFAULT_ZOOM = 9


def date_text(value: Any) -> str:
    """An event's `date` as the author would type it."""
    if value is None:
        return ""
    if isinstance(value, dict):
        return f"{value.get('start', '')} – {value.get('end', '')}"
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


_RANGE = re.compile(r"(.+?)(?:\s*[–—]\s*|\s+\.\.\s+|\s+to\s+)(.+)")


def date_value(text: str) -> Any:
    """What the author typed as a `date` value: a range "A – B" (as the app shows one,
    "1558–1583", or "A .. B") becomes {start, end}; a date written out in words ("2. veebruar
    1920", "u 1350") is written as the format writes it; anything else is kept as text for
    the loader to read."""
    text = text.strip()
    if not text:
        return None
    written = _RANGE.fullmatch(text)
    if written is not None:
        start, end = written[1].strip(), written[2].strip()
        return {"start": from_words(start) or start, "end": from_words(end) or end}
    return from_words(text) or text


def reading(text: str, languages: Sequence[str]) -> tuple[bool, str]:
    """How the date reads in each language (plain text lines), or what is wrong with it."""
    value = date_value(text)
    if value is None:
        return True, ""
    try:
        span = parse_date(value)
    except DateError as error:
        return False, problem_text(str(error))
    shown = dict.fromkeys([*languages, "en", "et"])
    return True, "\n".join(f"{lang.upper()}: {format_date(span, lang)}" for lang in shown)


class _FileName(QLabel):
    """A picture's file name, on a line of its own: it wraps at spaces, and a name too long
    for the form is cut at its edge (the whole name in its tooltip) rather than widening
    the form beyond the window."""

    def __init__(self) -> None:
        super().__init__(objectName="hint")
        self.setTextFormat(Qt.PlainText)
        self.setWordWrap(True)
        self.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)

    def setText(self, text: str) -> None:  # noqa: N802 (Qt name)
        super().setText(text)
        self.setToolTip(text)


class EventForm(QScrollArea):
    """Edits one event; `edit(path-within-event, value)` on every change by the author."""

    edit = Signal(tuple, object)
    pictureRequested = Signal()  # "Choose picture…"
    overlayRequested = Signal()  # "Choose overlay picture…"
    previewRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("eventForm")
        self.setWidgetResizable(True)
        # Wide enough at usual text sizes; at the largest, nothing is hidden, it scrolls.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAsNeeded)
        self.languages: list[str] = ["en"]
        self.lang = "en"  # the language the text preview shows
        self.values: dict[str, Any] = {}
        self._previewed: tuple[str, str] | None = None
        self._place_kept: tuple[int, dict[str, Any] | None] = (-1, None)
        body = QWidget()
        self.setWidget(body)
        form = QFormLayout(body)
        form.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        # At large text a field too wide beside its label goes under it: the form stays as
        # narrow as its widest field, not its widest label and field together.
        form.setRowWrapPolicy(QFormLayout.WrapLongRows)
        form.setLabelAlignment(Qt.AlignRight | Qt.AlignTop)
        self.form = form
        self.rows = FieldRows(form)
        self.problem_labels = self.rows.problems

        self.heading = QLabel(objectName="editorHeading")
        form.addRow(self.heading)

        self.title = LocalTextFields()
        self.title.edited.connect(lambda lang, text: self._text_edit(("title",), lang, text))
        self.title_label = self.rows.add("title", self.title)

        self.date = QLineEdit()
        self.date.textEdited.connect(self._date_edited)
        self.date_reading = QLabel(objectName="dateReading")
        self.date_reading.setTextFormat(Qt.PlainText)
        self.date_reading.setWordWrap(True)
        date_box = QVBoxLayout()
        date_box.setContentsMargins(0, 0, 0, 0)
        date_box.addWidget(self.date)
        date_box.addWidget(self.date_reading)
        self.date_label = self.rows.add("date", date_box)

        self.no_place = QCheckBox()
        self.no_place.toggled.connect(self._no_place_toggled)
        self.place_hint = QLabel(objectName="hint")
        self.place_hint.setWordWrap(True)
        self.place_name = LocalTextFields()
        self.place_name.edited.connect(
            lambda lang, text: self._text_edit(("place", "name"), lang, text))
        self.lat, self.lon, self.zoom = (QDoubleSpinBox() for _ in range(3))
        for box, low, high in ((self.lat, -90, 90), (self.lon, -180, 180)):
            box.setRange(low, high)
            box.setDecimals(4)
            box.setKeyboardTracking(False)
        self.lat.valueChanged.connect(lambda v: self._coordinate_edited("lat", v))
        self.lon.valueChanged.connect(lambda v: self._coordinate_edited("lon", v))
        self.zoom.setRange(0, 19)
        self.zoom.setDecimals(0)
        self.zoom.setKeyboardTracking(False)
        self.zoom.valueChanged.connect(self._zoom_edited)
        numbers = QGridLayout()
        self.lat_label, self.lon_label, self.zoom_label = QLabel(), QLabel(), QLabel()
        for number, (label, box) in enumerate(((self.lat_label, self.lat),
                                               (self.lon_label, self.lon),
                                               (self.zoom_label, self.zoom))):
            label.setBuddy(box)
            numbers.addWidget(label, number, 0)
            numbers.addWidget(box, number, 1)
        numbers.setColumnStretch(1, 1)
        place_box = QVBoxLayout()
        place_box.setContentsMargins(0, 0, 0, 0)
        place_box.addWidget(self.place_hint)
        place_box.addWidget(self.no_place)
        place_box.addLayout(numbers)
        self.place_name_label = QLabel()  # the place's name, as the story's label says it
        self.place_name_label.setBuddy(self.place_name)
        place_box.addWidget(self.place_name_label)
        place_box.addWidget(self.place_name)
        self.place_label = self.rows.add("place", place_box)

        # A line (a route, a front), an area or several points, drawn by clicking the map.
        self.shape_kind = QComboBox()
        self.shape_kind.currentIndexChanged.connect(self._shape_kind_changed)
        self.drawing = QPushButton()
        self.drawing.setCheckable(True)
        self.undo_point = QPushButton()
        self.undo_point.clicked.connect(self._remove_last_point)
        self.shape_points = QLabel(objectName="hint")
        shape_row = QHBoxLayout()
        shape_row.setContentsMargins(0, 0, 0, 0)
        shape_row.addWidget(self.shape_kind)
        shape_row.addWidget(self.shape_points, 1)
        # One above the other: side by side they made the form too wide at large text.
        shape_buttons = QVBoxLayout()
        shape_buttons.setContentsMargins(0, 0, 0, 0)
        for button in (self.drawing, self.undo_point):
            shape_buttons.addWidget(button, 0, Qt.AlignLeft)
        shape_box = QVBoxLayout()
        shape_box.setContentsMargins(0, 0, 0, 0)
        shape_box.addLayout(shape_row)
        shape_box.addLayout(shape_buttons)
        self.shape_label = self.rows.add("geometry", shape_box)

        self.text = LocalTextFields(multiline=True)
        self.text.edited.connect(self._text_typed)
        self.text_preview = QLabel(objectName="textPreview")
        self.text_preview.setTextFormat(Qt.RichText)
        self.text_preview.setWordWrap(True)
        self.text_preview.setTextInteractionFlags(Qt.NoTextInteraction)
        text_box = QVBoxLayout()
        text_box.setContentsMargins(0, 0, 0, 0)
        text_box.addWidget(self.text)
        self.preview_caption = QLabel(objectName="hint")
        self.preview_caption.setWordWrap(True)
        text_box.addWidget(self.preview_caption)
        text_box.addWidget(self.text_preview)
        self.text_label = self.rows.add("text", text_box)

        self.picture_button = QPushButton()
        self.picture_button.clicked.connect(self.pictureRequested)
        self.remove_picture = QPushButton()
        self.remove_picture.clicked.connect(lambda: self.edit.emit(("image",), None))
        # The file's name under the buttons, wrapping: a long name never widens the form.
        self.picture_path = _FileName()
        self.caption = LocalTextFields()
        self.caption.edited.connect(
            lambda lang, text: self._text_edit(("image", "caption"), lang, text))
        self.credit = LocalTextFields()
        self.credit.edited.connect(
            lambda lang, text: self._text_edit(("image", "credit"), lang, text))
        self.alt = LocalTextFields()
        self.alt.edited.connect(lambda lang, text: self._text_edit(("image", "alt"), lang, text))
        picture_buttons = QHBoxLayout()
        picture_buttons.addWidget(self.picture_button)
        picture_buttons.addWidget(self.remove_picture)
        picture_buttons.addStretch(1)
        picture_box = QFormLayout()
        picture_box.setContentsMargins(0, 0, 0, 0)
        picture_box.setRowWrapPolicy(QFormLayout.WrapAllRows)  # labels above: a narrow column
        self.caption_label, self.credit_label, self.alt_label = QLabel(), QLabel(), QLabel()
        picture_box.addRow(picture_buttons)
        picture_box.addRow(self.picture_path)
        picture_box.addRow(self.caption_label, self.caption)
        picture_box.addRow(self.credit_label, self.credit)
        picture_box.addRow(self.alt_label, self.alt)
        self.image_label = self.rows.add("image", picture_box)

        # An old map or a plan laid over the map: its picture, its corners and opacity.
        self.overlay_button = QPushButton()
        self.overlay_button.clicked.connect(self.overlayRequested)
        self.overlay_remove = QPushButton()
        self.overlay_remove.clicked.connect(lambda: self.edit.emit(("overlay",), None))
        self.overlay_path = _FileName()
        self.bounds = [QDoubleSpinBox() for _ in range(4)]  # south, west, north, east
        for number, box in enumerate(self.bounds):
            box.setRange(-90, 90) if number % 2 == 0 else box.setRange(-180, 180)
            box.setDecimals(3)
            box.setKeyboardTracking(False)
            box.valueChanged.connect(self._bounds_edited)
        self.opacity = QDoubleSpinBox()
        self.opacity.setRange(0.05, 1)
        self.opacity.setSingleStep(0.05)
        self.opacity.setKeyboardTracking(False)
        self.opacity.valueChanged.connect(
            lambda v: self.edit.emit(("overlay", "opacity"), round(v, 2)))
        overlay_buttons = QHBoxLayout()
        overlay_buttons.setContentsMargins(0, 0, 0, 0)
        overlay_buttons.addWidget(self.overlay_button)
        overlay_buttons.addWidget(self.overlay_remove)
        overlay_buttons.addStretch(1)
        corners = QGridLayout()
        self.corner_labels = [QLabel() for _ in range(5)]
        for number, (label, box) in enumerate(zip(self.corner_labels,
                                                  [*self.bounds, self.opacity], strict=True)):
            label.setBuddy(box)
            corners.addWidget(label, number, 0)
            corners.addWidget(box, number, 1)
        corners.setColumnStretch(1, 1)
        overlay_box = QVBoxLayout()
        overlay_box.setContentsMargins(0, 0, 0, 0)
        overlay_box.addLayout(overlay_buttons)
        overlay_box.addWidget(self.overlay_path)
        overlay_box.addLayout(corners)
        self.overlay_label = self.rows.add("overlay", overlay_box)

        self.sources = SourcesField()
        self.sources.itemEdited.connect(lambda n, value: self.edit.emit(("sources", n), value))
        self.sources.edited.connect(lambda value: self.edit.emit(("sources",), value))
        self.sources_label = self.rows.add("sources", self.sources)

        self.seconds = QDoubleSpinBox()
        self.seconds.setRange(0, 3600)
        self.seconds.setDecimals(0)
        self.seconds.setKeyboardTracking(False)
        self.seconds.valueChanged.connect(
            lambda v: self.edit.emit(("seconds",), int(v) if v > 0 else None))
        self.seconds_label = self.rows.add("seconds", self.seconds)
        self._retranslate()

    def _retranslate(self) -> None:
        self.title_label.setText(self.tr("Title"))
        self.date_label.setText(self.tr("Date"))
        self.date.setPlaceholderText(self.tr("e.g. 1917-11-07, 1917-10-25 O.S., 1917, c. 1350"))
        self.place_label.setText(self.tr("Place"))
        self.place_hint.setText(self.tr("Click the map to set the place; drag the marker to "
                                        "move it."))
        self.no_place.setText(self.tr("No place (the map stays where it is)"))
        self.lat_label.setText(self.tr("Latitude"))
        self.lon_label.setText(self.tr("Longitude"))
        self.zoom_label.setText(self.tr("Zoom"))
        self.place_name_label.setText(self.tr("Name on the map"))
        self.zoom.setSpecialValueText(self.tr("auto"))
        self.shape_label.setText(self.tr("Line or area"))
        kinds = (self.tr("None"), self.tr("Line"), self.tr("Area"), self.tr("Points"))
        self.shape_kind.blockSignals(True)
        current = self.shape_kind.currentIndex()
        self.shape_kind.clear()
        self.shape_kind.addItems(kinds)
        self.shape_kind.setCurrentIndex(max(current, 0))
        self.shape_kind.blockSignals(False)
        self.drawing.setText(self.tr("Add points on the map"))
        self.undo_point.setText(self.tr("Remove last point"))
        self.text_label.setText(self.tr("Text"))
        self.preview_caption.setText(self.tr("Preview (Markdown: **bold**, *italic*, lists):"))
        self.image_label.setText(self.tr("Picture"))
        self.picture_button.setText(self.tr("Choose picture…"))
        self.remove_picture.setText(self.tr("Remove"))
        self.caption_label.setText(self.tr("Caption"))
        self.credit_label.setText(self.tr("Credit"))
        self.alt_label.setText(self.tr("Description for screen readers"))
        self.overlay_label.setText(self.tr("Map overlay"))
        self.overlay_button.setText(self.tr("Choose overlay picture…"))
        self.overlay_remove.setText(self.tr("Remove"))
        for label, text in zip(self.corner_labels, (
                self.tr("South edge"), self.tr("West edge"), self.tr("North edge"),
                self.tr("East edge"), self.tr("Opacity")), strict=True):
            label.setText(text)
        self.sources_label.setText(self.tr("Sources"))
        self.seconds_label.setText(self.tr("Seconds"))
        self.seconds.setSpecialValueText(self.tr("automatic (by reading length)"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.LanguageChange:
            self._retranslate()
            self._previewed = None  # "(no text)" in the new language
            self._show_preview()
        super().changeEvent(event)

    # --- showing ------------------------------------------------------------------------

    def show_event(self, number: int, event: dict[str, Any], languages: Sequence[str],
                   lang: str) -> None:
        """Shows event `number` (0-based) without announcing anything as an edit."""
        self.values, self.languages = event, list(languages)
        self.lang = lang if lang in languages else languages[0]
        self.heading.setText(self.tr("Event {number}").format(number=number + 1))
        for fields in (self.title, self.place_name, self.text, self.caption, self.credit,
                       self.alt):
            fields.set_languages(languages)
        self.title.show_value(event.get("title"))
        written = date_text(event.get("date"))
        if self.date.text() != written and not self.date.hasFocus():
            self.date.setText(written)
        self._show_reading(self.date.text())
        place = event.get("place") if isinstance(event.get("place"), dict) else None
        if number != self._place_kept[0]:
            self._place_kept = (number, None)
        if place is not None:  # what "No place" unticked again brings back
            self._place_kept = (number, dict(place))
        self._set_quietly(self.no_place, place is None)
        for box, key in ((self.lat, "lat"), (self.lon, "lon")):
            value = place.get(key) if place else None
            self._set_quietly(box, float(value) if isinstance(value, (int, float)) else 0.0)
            box.setEnabled(place is not None)
        zoom = place.get("zoom") if place else None
        self._set_quietly(self.zoom, float(zoom) if isinstance(zoom, (int, float)) else 0.0)
        self.zoom.setEnabled(place is not None)
        self.place_name.setEnabled(place is not None)
        self.place_name.show_value(place.get("name") if place else None)
        self._show_shape(event.get("geometry"))
        self.text.show_value(event.get("text"))
        self._show_preview()
        image = event.get("image") if isinstance(event.get("image"), dict) else {}
        self.picture_path.setText(str(image.get("src", "")) or self.tr("No picture"))
        self.remove_picture.setEnabled(bool(image))
        for widget in (self.caption, self.credit, self.alt):
            widget.setEnabled(bool(image))
        self.caption.show_value(image.get("caption"))
        self.credit.show_value(image.get("credit"))
        self.alt.show_value(image.get("alt"))
        overlay = event.get("overlay") if isinstance(event.get("overlay"), dict) else {}
        self.overlay_path.setText(str(overlay.get("src", "")) or self.tr("No overlay"))
        self.overlay_remove.setEnabled(bool(overlay))
        bounds = overlay.get("bounds")
        corners = [bounds[0][0], bounds[0][1], bounds[1][0], bounds[1][1]] if (
            isinstance(bounds, list) and len(bounds) == 2
            and all(isinstance(c, list) and len(c) == 2 for c in bounds)) else [0, 0, 0, 0]
        for box, value in zip(self.bounds, corners, strict=True):
            self._set_quietly(box, float(value) if isinstance(value, (int, float)) else 0.0)
            box.setEnabled(bool(overlay))
        opacity = overlay.get("opacity", 0.7)
        self._set_quietly(self.opacity, float(opacity) if isinstance(opacity, (int, float))
                          else 0.7)
        self.opacity.setEnabled(bool(overlay))
        self.sources.show_value(event.get("sources"), self.languages)
        seconds = event.get("seconds")
        self._set_quietly(self.seconds, float(seconds) if isinstance(seconds, (int, float))
                          else 0.0)

    # --- lines and areas ----------------------------------------------------------------

    def points(self) -> list[list[float]]:
        """The points ([lon, lat], as GeoJSON writes them) of the event's line or area."""
        geometry = self.values.get("geometry")
        if not isinstance(geometry, dict):
            return []
        coordinates = geometry.get("coordinates") or []
        if geometry.get("type") == "Polygon" and coordinates:
            ring = list(coordinates[0])
            return ring[:-1] if len(ring) > 1 and ring[0] == ring[-1] else ring
        if geometry.get("type") in ("LineString", "MultiPoint"):
            return list(coordinates)
        return []

    def shape_with(self, points: list[list[float]]) -> dict[str, Any] | None:
        """The event's geometry for `points` in the chosen kind (None: no points)."""
        if not points:
            return None
        if self.shape_kind.currentIndex() == 2:
            return {"type": "Polygon", "coordinates": [[*points, points[0]]]}
        if self.shape_kind.currentIndex() == 3:  # places marked together, not joined
            return {"type": "MultiPoint", "coordinates": points}
        return {"type": "LineString", "coordinates": points}

    def _show_shape(self, geometry: Any) -> None:
        kind = geometry.get("type") if isinstance(geometry, dict) else None
        index = {"LineString": 1, "Polygon": 2, "MultiPoint": 3}.get(str(kind), 0)
        if kind is None and self.shape_kind.currentIndex() != 0 and self.drawing.isChecked():
            index = self.shape_kind.currentIndex()  # chosen, no point clicked yet
        self.shape_kind.blockSignals(True)
        self.shape_kind.setCurrentIndex(index)
        self.shape_kind.blockSignals(False)
        count = len(self.points())
        self.shape_points.setText(self.tr("Points: {count}").format(count=count))
        self.drawing.setEnabled(index != 0)
        if index == 0:
            self.drawing.setChecked(False)
        self.undo_point.setEnabled(count > 0)

    def _shape_kind_changed(self, index: int) -> None:
        if index == 0:
            self.drawing.setChecked(False)
            self.edit.emit(("geometry",), None)
            return
        self.drawing.setEnabled(True)
        self.drawing.setChecked(True)
        self.edit.emit(("geometry",), self.shape_with(self.points()))

    def _remove_last_point(self) -> None:
        self.edit.emit(("geometry",), self.shape_with(self.points()[:-1]))

    def show_problems(self, problems: dict[str, str]) -> None:
        """Each field's problem (key -> message) under the field; others are hidden."""
        if self.date_reading.property("problem"):
            problems = {k: v for k, v in problems.items() if k != "date"}  # said already
        self.rows.show_problems(problems)

    @staticmethod
    def _set_quietly(widget: Any, value: Any) -> None:
        if isinstance(widget, QDoubleSpinBox) and widget.hasFocus() \
                and widget.lineEdit().isModified():
            return  # being typed in: the number counts when Enter or Tab is pressed
        widget.blockSignals(True)
        if isinstance(widget, QCheckBox):
            widget.setChecked(bool(value))
        else:
            widget.setValue(value)
        widget.blockSignals(False)

    def _show_reading(self, text: str) -> None:
        ok, said = reading(text, self.languages)
        if self.date_reading.property("problem") is not (not ok):
            self.date_reading.setProperty("problem", not ok)
            self.date_reading.style().unpolish(self.date_reading)  # its colour follows
            self.date_reading.style().polish(self.date_reading)
        self.date_reading.setText(said)
        self.date_reading.setVisible(bool(said))

    def _show_preview(self) -> None:
        editor = self.text.editors.get(self.lang)
        source = editor.toPlainText() if isinstance(editor, QPlainTextEdit) else ""
        if (source, self.lang) == self._previewed:
            return  # shown already (a keystroke shows it before the change comes back)
        self._previewed = (source, self.lang)
        empty = self.tr("(no text)")
        self.text_preview.setText(markdown_to_html(source) if source.strip() else
                                  f"<i>{plain(empty)}</i>")

    # --- edits --------------------------------------------------------------------------

    def _text_edit(self, path: tuple[str, ...], lang: str, text: str) -> None:
        from storyplayer.ui.editor.local_text import with_text

        old: Any = self.values
        for part in path:
            old = old.get(part) if isinstance(old, dict) else None
        self.edit.emit(path, with_text(old, lang, text, self.languages))

    def _text_typed(self, lang: str, text: str) -> None:
        if lang == self.lang:
            self._show_preview()  # first: the preview keeps up with every keystroke
        self._text_edit(("text",), lang, text)

    def focus_text(self, lang: str) -> None:
        """The text preview follows the language being typed in."""
        if lang in self.text.editors:
            self.lang = lang
            self._show_preview()

    def _date_edited(self, text: str) -> None:
        self._show_reading(text)
        self.edit.emit(("date",), date_value(text))

    def _no_place_toggled(self, on: bool) -> None:
        if on:
            self.edit.emit(("place",), None)
        elif self._place_kept[1] is not None:  # the place the event had before
            self.edit.emit(("place",), self._place_kept[1])
        else:  # somewhere to start from (the screen knows where), until the map is clicked
            self.edit.emit(("place",), {})

    def _coordinate_edited(self, key: str, value: float) -> None:
        self.edit.emit(("place", key), round(value, 4))

    def _zoom_edited(self, value: float) -> None:
        self.edit.emit(("place", "zoom"), int(value) if value > 0 else None)

    def _bounds_edited(self, _value: float) -> None:
        s, w, n, e = (round(box.value(), 3) for box in self.bounds)
        self.edit.emit(("overlay", "bounds"), [[s, w], [n, e]])


def language_name(lang: str) -> str:
    return LANGUAGE_NAMES.get(lang, lang)
