"""A label that wraps to at most N lines and ends with an ellipsis when the text is longer.

Pane headers use it so that three panes keep equal headers whatever their titles.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QSize, Qt
from PySide6.QtGui import QFontMetricsF, QPainter, QPaintEvent, QTextLayout, QTextLine
from PySide6.QtWidgets import QSizePolicy, QWidget

from storyplayer.model.rich_text import verbatim_html
from storyplayer.ui.shared.hyphenation import hyphenate, plain


class ElidedLabel(QWidget):
    def __init__(self, text: str = "", lines: int = 2, parent: QWidget | None = None, *,
                 lang: str | None = None):
        super().__init__(parent)
        self._text, self._lines, self._lang = text, lines, lang
        # The lines of the last paint, kept while text, width, font and language stay: a
        # pane's status line repaints every second and on every step of another pane.
        self._laid: tuple[tuple, QTextLayout, list[tuple[QTextLine, str | None]]] | None = None
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
        self.setToolTip(verbatim_html(text))
        self.setAccessibleName(text)

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:  # noqa: N802 - Qt naming, like QLabel
        if text == self._text:
            return
        self._text = text
        self.setToolTip(verbatim_html(text))
        self.setAccessibleName(text)
        self.update()

    def set_hyphenation(self, lang: str | None) -> None:
        """Long words break at the syllables of `lang` (None: only at spaces)."""
        self._lang = lang
        self.update()

    def changeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        super().changeEvent(event)
        # The height follows the font; a new tooltip (every new text) changes nothing.
        if event.type() != QEvent.Type.ToolTipChange:
            self.updateGeometry()

    def sizeHint(self) -> QSize:  # noqa: N802
        metrics = QFontMetricsF(self.font())
        return QSize(120, int(metrics.lineSpacing() * self._lines + 1))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(40, self.sizeHint().height())

    def _lay_out(self, metrics: QFontMetricsF) -> list[tuple[QTextLine, str | None]]:
        """The lines to draw, each with its elided text when it is the last and cut short."""
        width = float(self.width())
        key = (self._text, width, self.font().key(), self._lang, self._lines)
        if self._laid is not None and self._laid[0] == key:
            return self._laid[2]
        # Long words wrap at a syllable (soft hyphens) when the language is known.
        shown = self._text
        if self._lang:  # only words wider than a line break, at a syllable
            shown = hyphenate(shown, self._lang, lambda w: metrics.horizontalAdvance(w) <= width)
        layout = QTextLayout(shown, self.font())
        layout.beginLayout()
        lines: list[tuple[QTextLine, str | None]] = []
        while len(lines) < self._lines:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            lines.append((line, None))
        layout.endLayout()
        if lines:
            last = lines[-1][0]
            start = last.textStart()
            # cut short: more text than lines, or a last word wider than the line ("1558–1583"
            # has nowhere to break), which would run under the button beside the label
            if start + last.textLength() < len(shown) or last.naturalTextWidth() > width + 0.5:
                rest = plain(shown[start:]).replace("\n", " ")
                lines[-1] = (last, metrics.elidedText(rest, Qt.ElideRight, width))
        self._laid = (key, layout, lines)
        return lines

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setPen(self.palette().windowText().color())
        metrics = QFontMetricsF(self.font())
        lines = self._lay_out(metrics)
        # Fewer lines than room for: centre them, so headers of unequal titles line up.
        y = (self.height() - len(lines) * metrics.lineSpacing()) / 2
        for line, elided in lines:
            if elided is not None:
                painter.drawText(QPointF(0, y + metrics.ascent()), elided)
            else:
                line.draw(painter, QPointF(0, y - line.y()))
            y += metrics.lineSpacing()
        painter.end()
