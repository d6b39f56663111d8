"""What the end card and the waiting card share: a page of centred, wrapped lines in a pane
that scrolls instead of squeezing them, and long words broken at syllables for the width
and font each line is shown at.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from storyplayer.ui.shared.hyphenation import hyphenate

ROOM = 1.1  # a word must fit with this much to spare, or it gets soft hyphens


class WrappedLabel(QLabel):
    """A centred line of plain text whose long words break at syllables. It hyphenates
    itself whenever its own width or font changes: a scroll bar appearing beside it, the
    text scale, a resize, each of which once left a word hyphenated for another width."""

    def __init__(self, name: str, lang: str):
        super().__init__(objectName=name)
        self._words, self._lang = "", lang
        self.setTextFormat(Qt.PlainText)
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignCenter)
        # As narrow as the pane: the words wrap (and the card scrolls) rather than the
        # longest word setting a width the pane does not have.
        self.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)

    def set_words(self, text: str, lang: str) -> None:
        self._words, self._lang = text, lang
        self.setAccessibleName(text)
        self._hyphenate()

    def _hyphenate(self) -> None:
        width = self.contentsRect().width() - 2 * self.margin()
        metrics = QFontMetricsF(self.font())
        shown = hyphenate(self._words, self._lang,
                          lambda word: metrics.horizontalAdvance(word) * ROOM <= width)
        if self.text() != shown:
            self.setText(shown)

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        super().resizeEvent(event)
        self._hyphenate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() in (QEvent.FontChange, QEvent.StyleChange):
            self._hyphenate()


class CardPage(QWidget):
    """A scrolling page whose `body_layout` the card fills; `add_label` makes its lines."""

    def __init__(self, name: str, body_name: str, margins: tuple[int, int, int, int],
                 spacing: int, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(name)
        self.lang = lang
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

    def add_label(self, name: str) -> WrappedLabel:
        label = WrappedLabel(name, self.lang)
        self.body_layout.addWidget(label)
        return label

    def show_words(self, label: WrappedLabel, text: str) -> None:
        """Show `text` on `label`, with soft hyphens only in the words too wide for it."""
        label.set_words(text, self.lang)
