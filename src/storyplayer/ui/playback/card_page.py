"""What the end card and the waiting card share: a page of centred, wrapped lines in a pane
that scrolls instead of squeezing them, and long words broken at syllables for the width
and font they are shown at.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from storyplayer.ui.shared.hyphenation import hyphenate

SLACK = 12  # px: a word that only just fits would still wrap at a bolder weight


class CardPage(QWidget):
    """A scrolling page whose `body_layout` the card fills; `add_label` makes its lines."""

    def __init__(self, name: str, body_name: str, margins: tuple[int, int, int, int],
                 spacing: int, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(name)
        self.lang = lang
        self._words: dict[QLabel, str] = {}  # a label and the text it shows, unhyphenated
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.scroll.setFrameShape(QFrame.NoFrame)
        self.scroll.viewport().setAutoFillBackground(False)
        outer.addWidget(self.scroll)
        body = QWidget(objectName=body_name)
        self.scroll.setWidget(body)
        self.body_layout = QVBoxLayout(body)
        self.body_layout.setContentsMargins(*margins)
        self.body_layout.setSpacing(spacing)

    def add_label(self, name: str) -> QLabel:
        """A centred line of plain text, as narrow as the pane: its words wrap (and the card
        scrolls) rather than the longest word setting a width the pane does not have."""
        label = QLabel(objectName=name)
        label.setTextFormat(Qt.PlainText)
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignCenter)
        label.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)
        label.installEventFilter(self)  # its own font (the text scale) changes its breaks
        self.body_layout.addWidget(label)
        return label

    def show_words(self, label: QLabel, text: str) -> None:
        """Show `text` on `label`, with soft hyphens only in the words too wide for it."""
        self._words[label] = text
        self._hyphenate(label)

    def _hyphenate(self, label: QLabel) -> None:
        text = self._words[label]
        margins = self.body_layout.contentsMargins()
        width = self.scroll.viewport().width() - margins.left() - margins.right() - SLACK
        metrics = QFontMetricsF(label.font())
        shown = hyphenate(text, self.lang,
                          lambda word: metrics.horizontalAdvance(word) * 1.1 <= width)
        if label.text() != shown:
            label.setText(shown)
        label.setAccessibleName(text)

    def _hyphenate_all(self) -> None:
        for label in self._words:
            self._hyphenate(label)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.FontChange and watched in self._words:
            self._hyphenate(watched)  # type: ignore[arg-type]
        return False

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        super().resizeEvent(event)
        self._hyphenate_all()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() in (QEvent.FontChange, QEvent.StyleChange):
            self._hyphenate_all()
        super().changeEvent(event)
