"""A label that wraps to at most N lines and ends with an ellipsis when the text is longer.

Pane headers use it so that three panes keep equal headers whatever their titles.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtGui import QFontMetricsF, QPainter, QPaintEvent, QTextLayout
from PySide6.QtWidgets import QSizePolicy, QWidget

from storyplayer.model.rich_text import verbatim_html
from storyplayer.ui.shared.hyphenation import hyphenate, plain


class ElidedLabel(QWidget):
    def __init__(self, text: str = "", lines: int = 2, parent: QWidget | None = None, *,
                 lang: str | None = None):
        super().__init__(parent)
        self._text, self._lines, self._lang = text, lines, lang
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
        self.updateGeometry()

    def sizeHint(self) -> QSize:  # noqa: N802
        metrics = QFontMetricsF(self.font())
        return QSize(120, int(metrics.lineSpacing() * self._lines + 1))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(40, self.sizeHint().height())

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setPen(self.palette().windowText().color())
        metrics = QFontMetricsF(self.font())
        width = float(self.width())
        # Long words wrap at a syllable (soft hyphens) when the language is known.
        shown = self._text
        if self._lang:  # only words wider than a line break, at a syllable
            shown = hyphenate(shown, self._lang, lambda w: metrics.horizontalAdvance(w) <= width)
        layout = QTextLayout(shown, self.font())
        layout.beginLayout()
        lines = []
        while len(lines) < self._lines:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            lines.append(line)
        layout.endLayout()
        # Fewer lines than room for: centre them, so headers of unequal titles line up.
        y = (self.height() - len(lines) * metrics.lineSpacing()) / 2
        for number, line in enumerate(lines):
            start = line.textStart()
            last = number == len(lines) - 1
            if last and start + line.textLength() < len(shown):
                rest = plain(shown[start:]).replace("\n", " ")
                elided = metrics.elidedText(rest, Qt.ElideRight, width)
                painter.drawText(QPointF(0, y + metrics.ascent()), elided)
            else:
                line.draw(painter, QPointF(0, y - line.y()))
            y += metrics.lineSpacing()
        painter.end()
