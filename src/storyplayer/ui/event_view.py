"""Shows one event: date, title, image with caption and credit, text and sources.

Titles, names and captions go in as plain text; event text is Markdown turned into
sanitised HTML by `model.rich_text`. Links show but are never followed.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QImageReader, QPainter, QPixmap
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from storyplayer.faults import image_problem
from storyplayer.model.dates import format_date
from storyplayer.model.rich_text import markdown_to_html, plain
from storyplayer.model.story import Event, Story
from storyplayer.ui import theme
from storyplayer.ui.cover_image import paint_placeholder

log = logging.getLogger(__name__)

MAX_IMAGE_SIDE = 2400  # larger images are scaled down while reading: memory stays bounded


def load_image(path: Path) -> QPixmap | None:
    """The picture at `path`, scaled down on read; None if it is broken or too large."""
    problem = image_problem(path)
    if problem:
        log.warning("picture %s %s", path, problem)
        return None
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    size = reader.size()
    if size.isValid() and max(size.width(), size.height()) > MAX_IMAGE_SIDE:
        reader.setScaledSize(size.scaled(QSize(MAX_IMAGE_SIDE, MAX_IMAGE_SIDE), Qt.KeepAspectRatio))
    image = reader.read()
    if image.isNull():
        log.warning("picture %s cannot be shown: %s", path, reader.errorString())
        return None
    return QPixmap.fromImage(image)


def placeholder_picture(color: str, text: str) -> QPixmap:
    """A drawn stand-in for a picture that is missing or cannot be read."""
    pixmap = QPixmap(640, 400)
    pixmap.fill(Qt.transparent)
    painter = QPainter(pixmap)
    paint_placeholder(painter, QRectF(0, 0, 640, 400), color, text, 1.0)
    painter.end()
    return pixmap


def event_date_text(story: Story, event: Event, lang: str) -> str:
    if event.date_label:
        return story.text(event.date_label, lang)
    return format_date(event.date, lang) if event.date else ""


class _Picture(QLabel):
    """An image that scales to the pane's width, keeping its aspect ratio."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._pixmap: QPixmap | None = None
        self.setAlignment(Qt.AlignCenter)
        self.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Fixed)

    def set_picture(self, pixmap: QPixmap | None) -> None:
        self._pixmap = pixmap
        self.setVisible(pixmap is not None)
        self._fit()

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        if self._pixmap is None or self.width() <= 1:
            return
        limit = QSize(self.width(), max(120, int(self.window().height() * 0.3)))
        scaled = self._pixmap.scaled(limit, Qt.KeepAspectRatio, Qt.SmoothTransformation)
        self.setPixmap(scaled)
        self.setFixedHeight(scaled.height())


class EventView(QScrollArea):
    """The scrolling body of a pane for one event."""

    def __init__(self, story: Story, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.story, self.lang = story, lang
        self._images: dict[Path, QPixmap | None] = {}
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.NoFrame)
        self.viewport().setAutoFillBackground(False)
        body = QWidget()
        body.setObjectName("eventBody")
        self.setWidget(body)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(18, 14, 18, 18)
        layout.setSpacing(8)

        def label(name: str, rich: bool = False) -> QLabel:
            widget = QLabel()
            widget.setObjectName(name)
            widget.setWordWrap(True)
            widget.setTextFormat(Qt.RichText if rich else Qt.PlainText)
            # Links are shown, not followed: no interaction at all.
            widget.setTextInteractionFlags(Qt.NoTextInteraction)
            widget.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)
            layout.addWidget(widget)
            return widget

        self.date = label("eventDate")
        self.title = label("eventTitle")
        self.picture = _Picture()
        layout.addWidget(self.picture)
        self.caption = label("eventCaption", rich=True)
        self.text = label("eventText", rich=True)
        self.sources = label("eventSources", rich=True)
        layout.addStretch(1)

    def show_event(self, index: int) -> None:
        story, lang, event = self.story, self.lang, self.story.events[index]
        self.date.setText(event_date_text(story, event, lang))
        self.title.setText(story.text(event.title, lang))
        image = event.image
        if image is not None and image.src not in self._images:
            # Missing (removed while playing) or broken: a drawn placeholder, not a gap.
            self._images[image.src] = load_image(image.src) or placeholder_picture(
                story.color or theme.MUTED, self.tr("Picture unavailable"))
        self.picture.set_picture(self._images.get(image.src) if image else None)
        if image is not None:
            alt = story.text(image.alt, lang) or story.text(image.caption, lang)
            self.picture.setAccessibleName(alt or self.tr("Picture"))
        caption = story.text(image.caption, lang) if image else ""
        credit = story.text(image.credit, lang) if image else ""
        parts = [plain(caption)] if caption else []
        if credit:
            parts.append(f"<span style='color:{theme.MUTED}'>{plain(credit)}</span>")
        self.caption.setText(" · ".join(parts))
        self.caption.setVisible(bool(parts))
        self.text.setText(markdown_to_html(story.text(event.text, lang)) if event.text else "")
        self.text.setVisible(bool(event.text))
        if event.sources:
            heading = plain(self.tr("Sources"))
            items = "".join(f"<li>{plain(story.text(s, lang))}</li>" for s in event.sources)
            self.sources.setText(f"<b>{heading}</b><ul style='margin-left:-20px'>{items}</ul>")
        self.sources.setVisible(bool(event.sources))
        self.verticalScrollBar().setValue(0)
