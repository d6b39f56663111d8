"""The grid of story cards in the picker, and its category box: touch-friendly list views
that reflow with the window."""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFrame,
    QListView,
    QScroller,
    QStyle,
    QStyleOptionViewItem,
    QWidget,
)

from storyplayer.ui.picker.story_card import CARD_MIN_WIDTH, CARD_WIDTH, StoryCardDelegate
from storyplayer.ui.shared.theme import DEFAULT, Theme

GROW = 1.6  # a card grows to at most this times its width to fill a row
ONE_COLUMN_COVER = 0.4  # of the view's height, at most, for a cover when cards are one a row
SUMMARY_LINES_ONE_ROW = 5
LAYOUT_BATCH = 48  # cards placed per turn of the event loop: more than a screen holds


class StoryGrid(QListView):
    """The cards, reflowing into as many columns as fit; a tap, a click or Space toggles one.

    A double-click counts as one toggle, not two, so a hurried double tap still chooses.
    """

    toggleRequested = Signal(QModelIndex)
    editRequested = Signal(QModelIndex)  # the card's own Edit button (where shown)

    def __init__(self, delegate: StoryCardDelegate, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("storyGrid")
        self.theme = DEFAULT
        self._delegate = delegate
        self.setItemDelegate(delegate)
        self.setViewMode(QListView.ListMode)
        self.setFlow(QListView.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListView.Adjust)
        self.setMovement(QListView.Static)
        self.setUniformItemSizes(True)
        # Laid out a screenful at a time, the rest while the app is idle: a search keystroke
        # shows its first matches before the thousandth is placed (placing each one asks
        # the Python model twice).
        self.setLayoutMode(QListView.Batched)
        self.setBatchSize(LAYOUT_BATCH)
        self.setSelectionMode(QAbstractItemView.NoSelection)
        self.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.setVerticalScrollMode(QAbstractItemView.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.NoFrame)
        self.setMouseTracking(True)
        self.viewport().setAttribute(Qt.WA_Hover, True)
        QScroller.grabGesture(self.viewport(), QScroller.TouchGesture)  # flick on touch screens
        self._pressed = QModelIndex()
        self._swallow_release = False
        self._last_toggle = (QPersistentModelIndex(), 0)
        self.empty_text = ""

    def relayout(self) -> None:
        """Fit the card width to the viewport so a row of cards fills it edge to edge."""
        scale = self._delegate.scale
        spacing = self.spacing()
        # The scroll bar's width is always set aside: sizing cards by whether it shows
        # would make it show and hide in turn.
        bar = max(
            self.verticalScrollBar().sizeHint().width(),
            self.style().pixelMetric(QStyle.PM_ScrollBarExtent, None, self),
        )
        # One spacing more than the cards need: list mode wraps a row that ends flush.
        available = self.width() - 2 * self.frameWidth() - bar - spacing - 2
        # List mode puts `spacing` on both sides of every card.
        minimum = CARD_MIN_WIDTH * scale + 2 * spacing
        fit = max(1, int(available // minimum))
        # Fewer stories in the library than columns (a wide kiosk screen): the cards share
        # the row and grow, so their summaries get room instead of the screen staying empty.
        # (The whole library counts, not a search's matches: a search never resizes cards.)
        model = self.model()
        source = model.sourceModel() if hasattr(model, "sourceModel") else model
        stories = source.rowCount() if source is not None else 0
        columns = max(1, min(fit, stories)) if stories else fit
        width = int(available / columns - 2 * spacing)
        width = min(width, round(CARD_WIDTH * scale * GROW)) if fit > 1 else width
        # The whole library in one row: the cards may be taller and say more of each story.
        lines = SUMMARY_LINES_ONE_ROW if 0 < stories <= fit else 3
        # One card a row (the largest text on a small screen): a cover as tall as its width
        # allows would fill the view, and the card's title would start below it.
        limit = round(self.viewport().height() * ONE_COLUMN_COVER) if fit == 1 else None
        delegate = self._delegate
        if (width != delegate.card_width or lines != delegate.summary_lines
                or limit != delegate.cover_limit):
            delegate.summary_lines, delegate.cover_limit = lines, limit
            delegate.card_width = max(200, width)
            self.doItemsLayout()
            self.viewport().update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.relayout()
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.StyleChange, QEvent.FontChange):
            self.relayout()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        super().mousePressEvent(event)
        self._pressed = self.indexAt(event.position().toPoint())

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        # Platforms send press, release, press, double-click, release: the first click has
        # toggled already, and the rest of the pair must not undo it. A lone double-click
        # event (some touch drivers, QTest) toggles once.
        index = self.indexAt(event.position().toPoint())
        self._swallow_release = True
        just_toggled = (
            index == self._last_toggle[0]
            and event.timestamp() - self._last_toggle[1]
            <= QApplication.styleHints().mouseDoubleClickInterval()
        )
        if (event.button() == Qt.LeftButton and index.isValid() and not just_toggled
                and not self._on_edit(index, event.position())):
            self.setCurrentIndex(index)
            self.toggleRequested.emit(index)
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        index = self.indexAt(event.position().toPoint())
        swallow, self._swallow_release = self._swallow_release, False
        pressed, self._pressed = self._pressed, QModelIndex()
        if event.button() == Qt.LeftButton and index.isValid() and index == pressed and not swallow:
            if self._on_edit(index, event.position()):
                self.editRequested.emit(index)
                return
            self._last_toggle = (QPersistentModelIndex(index), event.timestamp())
            self.toggleRequested.emit(index)

    def _on_edit(self, index: QModelIndex, at: QPointF) -> bool:
        """Whether `at` (viewport pixels) is on the card's Edit button."""
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        option.rect = self.visualRect(index)
        rect = self._delegate.edit_rect(option, index)
        return rect is not None and rect.contains(at)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key_Space, Qt.Key_Select) and self.currentIndex().isValid():
            self.toggleRequested.emit(self.currentIndex())
            event.accept()
        elif event.key() in (Qt.Key_Return, Qt.Key_Enter):
            event.ignore()  # the picker plays
        else:
            super().keyPressEvent(event)

    def apply_theme(self, theme: Theme) -> None:
        """The empty grid's words in `theme`'s colours (the cards are the delegate's)."""
        self.theme = theme
        self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:
        self._delegate.exposed, self._delegate.shown = event.rect(), self.viewport().rect()
        super().paintEvent(event)
        if self.model() is not None and self.model().rowCount() == 0 and self.empty_text:
            painter = QPainter(self.viewport())
            painter.setPen(QColor(self.theme.palette.muted))
            rect = self.viewport().rect().adjusted(24, 48, -24, -24)
            painter.drawText(
                rect, int(Qt.AlignHCenter | Qt.AlignTop | Qt.TextWordWrap), self.empty_text
            )


class CategoryBox(QComboBox):
    """A combo box whose arrow is drawn here, so it survives the app's style sheet."""

    theme = DEFAULT

    def apply_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing, True)
        size = max(5.0, self.height() * 0.12)
        x = self.width() - self.height() * 0.5 - 4
        y = self.height() / 2
        ink = self.theme.palette.ink if self.isEnabled() else self.theme.palette.muted
        pen = QPen(QColor(ink), max(2.0, size * 0.4))
        pen.setCapStyle(Qt.RoundCap)
        pen.setJoinStyle(Qt.RoundJoin)
        painter.setPen(pen)
        painter.drawPolyline(
            [
                QPointF(x - size, y - size * 0.5),
                QPointF(x, y + size * 0.5),
                QPointF(x + size, y - size * 0.5),
            ]
        )
