"""What a pane shows in date order before the shared playhead reaches its story.

The story's title and the date it starts at, so a waiting pane never reads as if its first
event were already playing.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from storyplayer.model.dates import DateSpan, format_date


class WaitingCard(QWidget):
    """The story `title`, "Starts: <date>" and a line on why it waits."""

    def __init__(self, title: str, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("waitingCard")
        self.lang = lang
        self._start: DateSpan | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.setSpacing(14)
        layout.addStretch(1)
        self.story_title = QLabel(title, objectName="waitingStoryTitle")
        self.starts = QLabel(objectName="waitingStarts")
        self.message = QLabel(objectName="waitingMessage")
        for label in (self.story_title, self.starts, self.message):
            label.setTextFormat(Qt.PlainText)
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignCenter)
            layout.addWidget(label)
        layout.addStretch(2)
        self._retranslate()

    def set_title(self, title: str) -> None:
        self.story_title.setText(title)

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
        super().changeEvent(event)
