"""Word-wrapped text for the event view: plain or sanitised rich text, laid out once per width.

A word-wrapped rich-text QLabel lays its text out again on every size question the layouts
ask (height for width, size hint, minimum size), several times per step and pane. Here each
text keeps its laid-out document, so showing text prepared ahead of time (`prepare`) only
swaps documents, and a size question is a lookup.

The shown document is always painted from a layout at the widget's own width: a size
question for another width (a layout trying a narrower column) is answered from heights
measured once per width, and never leaves the shown layout at that other width.

What depends on the width (which words get soft hyphens, how far a title shrinks) is kept
on each document and checked against the width it is shown at, on every resize and every
showing: a layout made for another width is made again rather than broken at a letter.
"""

from __future__ import annotations

import math
import re
from collections import OrderedDict

from PySide6.QtCore import QEvent, QRectF, QSize, Signal
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QFontMetricsF,
    QPainter,
    QPalette,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from storyplayer.ui.shared.hyphenation import hyphenate, hyphenate_html, too_wide

KEPT_DOCUMENTS = 6  # the shown text, its neighbours either side, and a little slack
SHRINK_FLOOR = 0.6  # a title shrinks to fit its longest syllable, to this share at most
# What a line cannot break inside: runs up to a space, a soft hyphen or after a hyphen.
# (Not after a dash: Qt keeps "1912–1917" together.)
_UNBREAKABLE = re.compile("[^\\s\u00ad\u2010/-]+[\u00ad\u2010/-]?")


class _OfflineDocument(QTextDocument):
    """A document that never loads a resource: no file and no network, whatever the markup."""

    def loadResource(self, kind: int, name) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        return None


class TextBlock(QWidget):
    painted = Signal()  # after each paint: the pane's step is on screen

    def __init__(self, rich: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self._rich = rich
        self._text = ""
        self._line_height = 100
        self._lang: str | None = None  # long words get soft hyphens in this language
        # (font key, bold metrics, word -> width): measured once per word, not per question.
        self._bold_metrics: tuple[QFontMetricsF, dict[str, float]] | None = None
        self._documents: OrderedDict[str, QTextDocument] = OrderedDict()
        # Heights of each text at widths a layout asked about: (text, width) -> pixels.
        self._heights: dict[tuple[str, int], int] = {}
        # The words of each text too wide for a line, at a width: a step asks this for
        # every text it shows, and measuring every word again took most of a step.
        self._wide: dict[tuple[str, int], frozenset[str]] = {}
        self._document = self._make("")
        # The font or line height changed since the shown text was laid out: it is laid out
        # again when next measured or painted, once, however many changes came meanwhile
        # (building a pane sends each block several font changes before it is shown).
        self._relayout = False
        policy = QSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    # -- the text ------------------------------------------------------------------------

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:  # noqa: N802 - Qt naming, like QLabel
        if text == self._text:
            return
        self._text = text
        self._relayout = False
        self._document = self._get(text)
        # Soft hyphens are break points for the eye, not letters for a screen reader.
        self.setAccessibleName(self._document.toPlainText().replace("\u00ad", ""))
        self.updateGeometry()
        self.update()

    def prepare(self, text: str) -> None:
        """Lay `text` out now, at the current width, so that showing it later is instant."""
        self._get(text)

    def set_hyphenation(self, lang: str | None) -> None:
        """Long words break at syllable boundaries of `lang` (None: only at spaces)."""
        if lang != self._lang:
            self._lang = lang
            self._forget()

    def set_line_height(self, percent: int) -> None:
        if percent != self._line_height:
            self._line_height = percent
            self._forget()

    def _get(self, text: str) -> QTextDocument:
        document = self._documents.pop(text, None)
        if document is not None and self._stale(document, text):
            document.deleteLater()  # hyphenated or shrunk for another width
            document = None
        if document is None:
            document = self._make(text)
        self._documents[text] = document
        self._evict()
        self._fit(document, self.width())
        return document

    def _wide_words(self, text: str) -> frozenset[str]:
        """`too_wide` at the current width, measured once per text and width (the font's
        changes go through `_forget`, which clears it)."""
        key = (text, self.width())
        wide = self._wide.get(key)
        if wide is None:
            if len(self._wide) > 64:
                self._wide.clear()
            wide = self._wide[key] = too_wide(text, self._fits)
        return wide

    def _evict(self) -> None:
        """Drop the least recently used layouts, never the one on screen."""
        while len(self._documents) > KEPT_DOCUMENTS:
            oldest = next(text for text, kept in self._documents.items()
                          if kept is not self._document)
            self._documents.pop(oldest).deleteLater()

    def _make(self, text: str) -> QTextDocument:
        document = _OfflineDocument(self)
        document.setDocumentMargin(0)
        document.setDefaultFont(self.font())
        document.setUndoRedoEnabled(False)
        lang, fits = self._lang, self._fits
        if self._rich:
            document.setHtml(hyphenate_html(text, lang, fits) if lang else text)
        else:
            document.setPlainText(hyphenate(text, lang, fits) if lang else text)
        if lang:
            document.setProperty("tooWide", sorted(self._wide_words(text)))
            self._shrink_to_fit(document)
        if self._line_height != 100:
            spacing = QTextBlockFormat()
            spacing.setLineHeight(self._line_height,
                                  QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
            cursor = QTextCursor(document)
            cursor.select(QTextCursor.Document)
            cursor.mergeBlockFormat(spacing)
        return document

    def _shrink_to_fit(self, document: QTextDocument) -> None:
        """A piece that cannot break (a syllable, a name, a date range) wider than the whole
        line would still break at a letter: the text gets smaller until the widest piece
        fits, down to SHRINK_FLOOR of its size."""
        pieces = set(_UNBREAKABLE.findall(document.toPlainText()))
        # As in _fits, in bold; a soft hyphen shows as "-" where the line breaks.
        widest = max((self._bold_width(p.replace("\u00ad", "-")) * 1.05 for p in pieces),
                     default=0.0)
        factor = self._shrink_factor(widest)
        document.setProperty("widest", widest)
        document.setProperty("shrink", factor)
        if factor < 1.0:
            font = QFont(self.font())
            font.setPointSizeF(max(1.0, font.pointSizeF() * factor))
            document.setDefaultFont(font)

    def _shrink_factor(self, widest: float) -> float:
        """How far text whose widest unbreakable piece is `widest` px shrinks at this width:
        rounded down to a step of 5 %, so that a pane dragged wider or narrower by a pixel
        keeps its layout, and a shrunk piece still fits."""
        width = self.width()
        if width <= 0 or widest <= width:
            return 1.0
        return max(SHRINK_FLOOR, math.floor(width / widest * 20) / 20)

    def _stale(self, document: QTextDocument, text: str) -> bool:
        """Whether `document` was hyphenated or shrunk for another width (or language)."""
        if not self._lang:
            return document.property("tooWide") is not None
        if document.property("tooWide") != sorted(self._wide_words(text)):
            return True
        return document.property("shrink") != self._shrink_factor(
            float(document.property("widest") or 0.0))

    def _forget(self) -> None:
        """The font or line height changed: every kept layout is stale."""
        for document in self._documents.values():
            document.deleteLater()
        self._documents.clear()
        self._heights.clear()
        self._wide.clear()
        self._bold_metrics = None
        self._relayout = True
        self.updateGeometry()
        self.update()

    def _shown(self) -> QTextDocument:
        """The shown text's layout, made again first if the font changed since."""
        if self._relayout:
            self._relayout = False
            self._document = self._get(self._text)
        return self._document

    @staticmethod
    def _fit(document: QTextDocument, width: int) -> None:
        if width > 0 and document.textWidth() != width:
            document.setTextWidth(width)

    # -- size and paint ------------------------------------------------------------------

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        self.ensurePolished()  # the style sheet's font first, like QLabel
        if not self._text or width <= 0:
            return 0
        document = self._shown()
        key = (self._text, width)
        height = self._heights.get(key)
        if height is None:
            shown = document.textWidth()
            self._fit(document, width)
            height = math.ceil(document.size().height())
            if len(self._heights) > 64:
                self._heights.clear()
            self._heights[key] = height
            if shown > 0 and shown != width:
                document.setTextWidth(shown)  # the shown layout stays at the shown width
        return height

    def sizeHint(self) -> QSize:  # noqa: N802
        self.ensurePolished()
        width = self.width() if self.width() > 0 else 320
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(0, 0)

    def _fits(self, word: str) -> bool:
        """Whether `word` fits on a line (with room for a bolder weight): if so, it wraps
        whole; only wider words break, at their syllables."""
        width = self.width()
        if width <= 0:
            return True
        # With room for the punctuation that must stay with the word ("word.").
        return self._bold_width(word + "..") * 1.1 <= width

    def _bold_width(self, text: str) -> float:
        """`text`'s width in the bold of the widget's font (the widest it may be shown, as
        **strong**), measured once per text and font."""
        if self._bold_metrics is None:  # dropped by _forget when the font changes
            bold = QFont(self.font())
            bold.setBold(True)
            self._bold_metrics = (QFontMetricsF(bold), {})
        metrics, widths = self._bold_metrics
        advance = widths.get(text)
        if advance is None:
            if len(widths) > 4096:
                widths.clear()
            advance = widths[text] = metrics.horizontalAdvance(text)
        return advance

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        super().resizeEvent(event)
        if self._relayout:
            return  # laid out at this width when next measured or painted
        if self._lang and self._text and self._stale(self._document, self._text):
            self._forget()  # other words must break, or a piece shrink, at this width
            return
        self._fit(self._document, self.width())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.FontChange:
            self._forget()

    def paintEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        if not self._text:
            self.painted.emit()
            return
        document = self._shown()
        self._fit(document, self.width())  # painted as wide as the widget is
        painter = QPainter(self)
        context = QAbstractTextDocumentLayout.PaintContext()
        palette = QPalette(self.palette())
        palette.setColor(QPalette.Text, self.palette().color(self.foregroundRole()))
        context.palette = palette
        context.clip = QRectF(event.rect())
        painter.setClipRect(event.rect())
        document.documentLayout().draw(painter, context)
        painter.end()
        self.painted.emit()
