"""What a pane shows in date order before the shared playhead reaches its story.

The story's title and the date it starts at, so a waiting pane never reads as if its first
event were already playing.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from storyplayer.model.dates import DateSpan, format_date
from storyplayer.ui.shared.hyphenation import hyphenate
from storyplayer.ui.shared.theme import Theme


class WaitingCard(QWidget):
    """The story `title`, "Starts: <date>" and a line on why it waits."""

    def __init__(self, title: str, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("waitingCard")
        self.lang = lang
        self._start: DateSpan | None = None
        self._title = title
        # Like the end card: in a narrow pane at a large text scale it scrolls rather than
        # squeezing its lines together.
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.scroll.setFrameShape(QFrame.NoFrame)
        self.scroll.viewport().setAutoFillBackground(False)
        outer.addWidget(self.scroll)
        body = QWidget(objectName="waitingBody")
        self.scroll.setWidget(body)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(18, 18, 18, 18)
        layout.setSpacing(14)
        layout.addStretch(1)
        self.story_title = QLabel(title, objectName="waitingStoryTitle")
        self.starts = QLabel(objectName="waitingStarts")
        self.message = QLabel(objectName="waitingMessage")
        for label in (self.story_title, self.starts, self.message):
            label.setTextFormat(Qt.PlainText)
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignCenter)
            label.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)
            layout.addWidget(label)
        layout.addStretch(2)
        self._retranslate()

    def set_title(self, title: str) -> None:
        self._title = title
        self._show_title()

    def _show_title(self) -> None:
        """The title, with soft hyphens only in words too wide for the card."""
        width = self.scroll.viewport().width() - 48
        metrics = QFontMetricsF(self.story_title.font())
        shown = hyphenate(self._title, self.lang,
                          lambda word: metrics.horizontalAdvance(word) * 1.1 <= width)
        if self.story_title.text() != shown:
            self.story_title.setText(shown)
        self.story_title.setAccessibleName(self._title)

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        super().resizeEvent(event)
        self._show_title()

    def set_start(self, start: DateSpan | None, lang: str) -> None:
        """The date of the story's first event in date order (None: it has no dates)."""
        self._start, self.lang = start, lang
        self._retranslate()

    def _retranslate(self) -> None:
        if self._start is None:
            self.starts.setText(self.tr("Waiting for its turn"))
        else:
            date = format_date(self._start, self.lang)
            self.starts.setText(self.tr("Starts: %1").replace("%1", date))
        self.message.setText(self.tr(
            "In date order this story begins when the others reach its first date."))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.LanguageChange:
            self._retranslate()
        elif event.type() in (QEvent.FontChange, QEvent.StyleChange):
            self._show_title()
        super().changeEvent(event)

    def apply_theme(self, theme: Theme, color: str) -> None:
        """The card in `theme`; the start date in the story's `color`."""
        p, s = theme.palette, theme.sizes
        self.setStyleSheet(f"""
            #waitingBody {{ background: {p.card}; }}
            #waitingStoryTitle {{ font-family: 'DejaVu Serif', serif; font-weight: bold; }}
            #waitingStarts {{ color: {color}; font-weight: 600; }}
            #waitingMessage {{ color: {p.muted}; }}
        """)
        for label, points in ((self.story_title, s.title), (self.starts, s.body),
                              (self.message, s.small)):
            label.setStyleSheet(f"font-size: {theme.pt(points)}pt;")
