"""What the end card and the waiting card share: a page of centred, wrapped lines in a pane
that scrolls instead of squeezing them (fading out at the edge while more lie below), and
long words broken at syllables for the width and font each line is shown at.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QLinearGradient, QPainter, QPaintEvent
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from storyplayer.ui.shared.hyphenation import hyphenate
from storyplayer.ui.shared.theme import DEFAULT

ROOM = 1.1  # a word must fit with this much to spare, or it gets soft hyphens
FADE = 40  # px at text scale 1: the words fade out this high where more of them lie below
# A range of years ("1918–1920") that is wider than the line may break after its dash, as
# print does; Qt keeps it whole otherwise, and would then cut it at a digit.
_RANGE = re.compile(r"(?<=\S)([\u2013\u2014])(?=\S)")


class WrappedLabel(QLabel):
    """A centred line of plain text whose long words break at syllables. It hyphenates
    itself whenever its own width or font changes: a scroll bar appearing beside it, the
    text scale, a resize, each of which once left a word hyphenated for another width."""

    def __init__(self, name: str, lang: str):
        super().__init__(objectName=name)
        # The text set through set_words (None: shown as set with setText, as written).
        self._words: str | None = None
        self._lang = lang
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
        if self._words is None:
            return
        width = self.contentsRect().width() - 2 * self.margin()
        if width <= 0:  # not laid out yet: its resize comes
            if self.text() != self._words:
                self.setText(self._words)
            return
        metrics = QFontMetricsF(self.font())
        shown = hyphenate(self._words, self._lang,
                          lambda word: metrics.horizontalAdvance(word) * ROOM <= width)
        shown = " ".join(_RANGE.sub("\\1\u200b", piece) if _RANGE.search(piece) and
                         metrics.horizontalAdvance(piece) * ROOM > width else piece
                         for piece in shown.split(" "))
        if self.text() != shown:
            self.setText(shown)

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        super().resizeEvent(event)
        self._hyphenate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() in (QEvent.FontChange, QEvent.StyleChange):
            self._hyphenate()


class _Fade(QWidget):
    """The words fading into the card's paper at the bottom edge of the scroll area while
    more of them lie below: a line cut at the edge reads as "more below", not as broken."""

    def __init__(self, scroll: QScrollArea) -> None:
        super().__init__(scroll)
        self.scroll = scroll
        self.color = QColor(DEFAULT.palette.card)  # until the card's theme sets it
        self.height_px = FADE
        self.setAttribute(Qt.WA_TransparentForMouseEvents)  # taps and wheels scroll on
        bar = scroll.verticalScrollBar()
        bar.valueChanged.connect(self.place)
        bar.rangeChanged.connect(self.place)
        scroll.viewport().installEventFilter(self)
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Resize:
            self.place()
        return False

    def place(self) -> None:
        bar = self.scroll.verticalScrollBar()
        viewport = self.scroll.viewport().geometry()
        height = min(self.height_px, viewport.height() // 3)
        self.setGeometry(viewport.left(), viewport.bottom() + 1 - height, viewport.width(),
                         height)
        self.setVisible(bar.value() < bar.maximum() and height > 0)
        self.raise_()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        clear = QColor(self.color)
        clear.setAlpha(0)
        gradient = QLinearGradient(0, 0, 0, self.height())
        gradient.setColorAt(0.0, clear)
        gradient.setColorAt(1.0, self.color)
        QPainter(self).fillRect(self.rect(), gradient)


class CardPage(QWidget):
    """A scrolling page whose `body_layout` the card fills; `add_label` makes its lines.
    Below it, `outer_layout` holds what must stay in view (the end card's buttons)."""

    def __init__(self, name: str, body_name: str, margins: tuple[int, int, int, int],
                 spacing: int, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(name)
        self.lang = lang
        outer = self.outer_layout = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
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
        self.fade = _Fade(self.scroll)

    def set_paper(self, color: str, scale: float) -> None:
        """The card's background, which its words fade into at the edge, and the text
        scale, which the fade grows with."""
        self.fade.color = QColor(color)
        self.fade.height_px = round(FADE * scale)
        self.fade.place()
        self.fade.update()

    def add_label(self, name: str) -> WrappedLabel:
        label = WrappedLabel(name, self.lang)
        self.body_layout.addWidget(label)
        return label

    def show_words(self, label: WrappedLabel, text: str) -> None:
        """Show `text` on `label`, with soft hyphens only in the words too wide for it."""
        label.set_words(text, self.lang)
