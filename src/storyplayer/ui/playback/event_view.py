"""Shows one event: date, title, image with caption and credit, text and sources.

Titles, names and captions go in as plain text; event text is Markdown turned into
sanitised HTML by `model.rich_text`. Links show but are never followed.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from storyplayer.images import read_image
from storyplayer.model.dates import format_date, line_start
from storyplayer.model.rich_text import markdown_to_html, plain
from storyplayer.model.story import Event, Story
from storyplayer.ui.playback.text_block import TextBlock
from storyplayer.ui.shared.cover_image import paint_placeholder
from storyplayer.ui.shared.theme import DEFAULT, Theme, contrast

log = logging.getLogger(__name__)

MAX_IMAGE_SIDE = 2400  # larger images are scaled down while reading: memory stays bounded
PREFETCH_MS = 150  # after a step, once it has painted, the neighbours' text is laid out
PREFETCH_UNPAINTED_MS = 1000  # when a step changed no text (nothing repainted)


def load_image(path: Path) -> QPixmap | None:
    """The picture at `path`, scaled down on read; None if it is broken or too large."""
    image = read_image(path, max_side=MAX_IMAGE_SIDE)
    return None if image is None else QPixmap.fromImage(image)


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
    # the date heads its line (above the title, in lists and tool tips)
    return line_start(format_date(event.date, lang), lang) if event.date else ""


class _Picture(QLabel):
    """An image that scales to the pane's width, keeping its aspect ratio."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._pixmap: QPixmap | None = None
        # Scaled pictures for the current size limit only (cleared when the limit changes),
        # so stepping back and forth never rescales; `_fitted` is what the label holds now.
        self._scaled: dict[int, QPixmap] = {}
        self._scaled_limit: tuple[int, int] | None = None
        self._fitted: tuple[int, int, int] | None = None
        self.setAlignment(Qt.AlignCenter)
        self.setTextFormat(Qt.PlainText)
        self.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Fixed)

    def set_picture(self, pixmap: QPixmap | None) -> None:
        self._pixmap = pixmap
        if self.isHidden() == (pixmap is not None):  # only on a change
            self.setVisible(pixmap is not None)
        self._fit()

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        if self._pixmap is None or self.width() <= 1:
            return
        limit = (self.width(), max(120, int(self.window().height() * 0.3)))
        key = self._pixmap.cacheKey()
        if self._fitted == (key, *limit):
            return  # the label already shows exactly this
        if limit != self._scaled_limit:
            self._scaled.clear()
            self._scaled_limit = limit
        scaled = self._scaled.get(key)
        if scaled is None:
            scaled = self._pixmap.scaled(QSize(*limit), Qt.KeepAspectRatio,
                                         Qt.SmoothTransformation)
            self._scaled[key] = scaled
        self._fitted = (key, *limit)
        self.setPixmap(scaled)
        self.setFixedHeight(scaled.height())


class EventView(QScrollArea):
    """The scrolling body of a pane for one event."""

    def __init__(self, story: Story, lang: str, parent: QWidget | None = None, *,
                 theme: Theme = DEFAULT, color: str | None = None):
        """`theme` and the story's `color`, given here, style each part once as it is
        added (apply_theme later restyles them all)."""
        super().__init__(parent)
        self.story, self.lang = story, lang
        self.theme = theme  # the pane hands it the window's (apply_theme)
        self._sheet: str | None = None
        if color is not None:
            self._set_sheet(theme, color)
        self._images: dict[Path, QPixmap | None] = {}
        self._content_cache: dict[tuple[int, str, str, str, str],
                                  tuple[str, str, str, str, str, str | None]] = {}
        self._shown = 0
        # The events either side are rendered while the pane idles, so a step only sets text.
        # The wait starts when the step has painted: on a busy machine a step takes longer
        # than PREFETCH_MS, and laying out its neighbours must not make it longer still.
        self._prefetch_timer = QTimer(self, singleShot=True, interval=PREFETCH_MS)
        self._prefetch_timer.timeout.connect(self._prefetch)
        self._prefetch_after_paint = False
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.NoFrame)
        # A viewport of our own: the first widget Qt made that Python is handed (the default
        # viewport) makes PySide6 create every QtWidgets class and its enums, 16 ms that
        # otherwise fell on the first pane of a start, while the visitor waits.
        viewport = QWidget()
        viewport.setAutoFillBackground(False)
        self.setViewport(viewport)
        body = QWidget()
        body.setObjectName("eventBody")
        self.setWidget(body)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(18, 14, 18, 18)
        layout.setSpacing(8)

        def label(name: str, rich: bool = False) -> TextBlock:
            # Links are shown, not followed: a text block takes no input at all.
            widget = TextBlock(rich)
            widget.setObjectName(name)
            widget.set_hyphenation(lang)  # a long word wraps at a syllable, not a letter
            if color is not None:
                widget.setStyleSheet(self._size_rule(theme, name))
            layout.addWidget(widget)
            return widget

        # An event's own colour (an imported slide's background): a band above its date.
        self.band = QFrame(objectName="eventBand")
        self.band.setFixedHeight(10)
        self.band.setVisible(False)
        layout.addWidget(self.band)
        self.date = label("eventDate")
        self.title = label("eventTitle")
        self.picture = _Picture()
        layout.addWidget(self.picture)
        self.caption = label("eventCaption", rich=True)
        self.text = label("eventText", rich=True)
        self.text.set_line_height(140)  # long paragraphs read from the back of a room
        self.sources = label("eventSources", rich=True)
        layout.addStretch(1)
        for block in (self.date, self.title, self.text):
            # a signal, not an event filter: no Python runs for a child's events while the
            # view is being torn down
            block.painted.connect(self._painted)

    def _content(self, index: int) -> tuple[str, str, str, str, str, str | None]:
        """Date, title, caption, text and sources markup and the picture's name for event
        `index`, rendered once per event, language and interface language."""
        story, lang, event = self.story, self.lang, self.story.events[index]
        sources_heading, picture_word = self.tr("Sources"), self.tr("Picture")
        key = (index, lang, sources_heading, picture_word, self.theme.palette.muted)
        cached = self._content_cache.get(key)
        if cached is not None:
            return cached
        image = event.image
        alt = None
        if image is not None:
            alt = story.text(image.alt, lang) or story.text(image.caption, lang) or picture_word
        caption = story.text(image.caption, lang) if image else ""
        credit = story.text(image.credit, lang) if image else ""
        parts = [plain(caption)] if caption else []
        if credit:
            muted = self.theme.palette.muted
            parts.append(f"<span style='color:{muted}'>{plain(credit)}</span>")
        text = markdown_to_html(story.text(event.text, lang)) if event.text else ""
        sources = ""
        if event.sources:
            heading = plain(sources_heading)
            items = "".join(f"<li>{plain(story.text(s, lang))}</li>" for s in event.sources)
            sources = f"<b>{heading}</b><ul style='margin-left:-20px'>{items}</ul>"
        cached = (event_date_text(story, event, lang), story.text(event.title, lang),
                  " · ".join(parts), text, sources, alt)
        self._content_cache[key] = cached
        return cached

    def _painted(self) -> None:
        if self._prefetch_after_paint:
            self._prefetch_after_paint = False
            self._prefetch_timer.start(PREFETCH_MS)

    def _prefetch(self) -> None:
        blocks = (self.date, self.title, self.caption, self.text, self.sources)
        for index in (self._shown + 1, self._shown - 1):
            if 0 <= index < len(self.story.events):
                for block, text in zip(blocks, self._content(index), strict=False):
                    block.prepare(text)
                self._picture(self.story.events[index])  # decoded now, not on the step

    def _picture(self, event: Event) -> None:
        """Decodes `event`'s picture once (its scaled copies are `_Picture`'s)."""
        image = event.image
        if image is not None and image.src not in self._images:
            # Missing (removed while playing) or broken: a drawn placeholder, not a gap.
            self._images[image.src] = load_image(image.src) or placeholder_picture(
                self.story.color or self.theme.palette.muted, self.tr("Picture unavailable"))

    @staticmethod
    def _set(label: TextBlock, text: str, visible: bool = True) -> None:
        """Set a label's text and visibility only where they change (no needless relayout)."""
        if label.text() != text:
            label.setText(text)
        if label.isHidden() == visible:
            label.setVisible(visible)

    def _set_band(self, color: str | None) -> None:
        """Shows `color` as the band, outlined when it is too pale to stand out on the card."""
        if color is None:
            self.band.setVisible(False)
            return
        p = self.theme.palette
        edge = p.line if contrast(color, p.card) < 1.5 else color
        style = (f"#eventBand {{ background: {color}; border: 1px solid {edge};"
                 " border-radius: 3px; }")
        if self.band.styleSheet() != style:
            self.band.setStyleSheet(style)
        self.band.setVisible(True)

    def show_event(self, index: int) -> None:
        event = self.story.events[index]
        date, title, caption, text, sources, alt = self._content(index)
        image = event.image
        self._picture(event)
        self._set_band(event.background)
        self._set(self.date, date)
        self._set(self.title, title)
        self.picture.set_picture(self._images.get(image.src) if image else None)
        if alt is not None and self.picture.accessibleName() != alt:
            self.picture.setAccessibleName(alt)
        self._set(self.caption, caption, bool(caption))
        self._set(self.text, text, bool(event.text))
        if event.sources:
            self._set(self.sources, sources, True)
        elif not self.sources.isHidden():
            self.sources.setVisible(False)
        self._settle()
        self.verticalScrollBar().setValue(0)
        self._shown = index
        self._prefetch_after_paint = True
        self._prefetch_timer.start(PREFETCH_UNPAINTED_MS)

    def _settle(self) -> None:
        """Lays the body out for the new texts now. Left to the event loop, the body's new
        height reaches the scroll area only after the pane has painted once with the old
        one, and the step paints twice."""
        if not self.isVisible():
            return  # laid out when shown, at the pane's width then
        body = self.widget()
        QCoreApplication.sendPostedEvents(body, QEvent.LayoutRequest)
        QCoreApplication.sendPostedEvents(self.viewport(), QEvent.LayoutRequest)

    def set_language(self, lang: str) -> None:
        """The story's texts in `lang` from the next event shown (the pane shows it again);
        long words break at this language's syllables."""
        self.lang = lang
        for block in (self.date, self.title, self.caption, self.text, self.sources):
            block.set_hyphenation(lang)

    def _set_sheet(self, theme: Theme, color: str) -> None:
        p = theme.palette
        sheet = f"""
            #eventBody {{ background: {p.card}; }}
            #eventDate {{ color: {color}; font-weight: 600; }}
            #eventTitle {{ font-family: 'DejaVu Serif', serif; font-weight: bold; }}
            #eventCaption, #eventSources {{ color: {p.muted}; }}
        """
        if sheet != self._sheet:  # a sheet restyles every part, even when it is the same
            self._sheet = sheet
            self.setStyleSheet(sheet)

    @staticmethod
    def _size_rule(theme: Theme, name: str) -> str:
        """The font size of the text block called `name`."""
        s = theme.sizes
        points = {"eventTitle": s.title, "eventCaption": s.small,
                  "eventSources": s.small}.get(name, s.body)
        return f"font-size: {theme.pt(points)}pt;"

    def apply_theme(self, theme: Theme, color: str) -> None:
        """The event in `theme`, its date in the story's `color`."""
        self.theme = theme
        self._set_sheet(theme, color)
        for block in (self.date, self.title, self.text, self.caption, self.sources):
            rule = self._size_rule(theme, block.objectName())
            if block.styleSheet() != rule:  # each change lays the block out again
                block.setStyleSheet(rule)
        if self.date.text() or self.title.text():  # shown already: the band's outline and
            self.show_event(self._shown)  # the credit's colour come from the palette too
