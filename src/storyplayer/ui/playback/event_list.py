"""A story's events as a list over its pane, to jump straight to one (for a class, a question).

Opened from the pane header's "Events" button; a tap, Enter or Space jumps and closes it;
Esc or "Back to the story" closes it without jumping.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScroller,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from storyplayer.model.story import Story
from storyplayer.ui.playback.event_view import event_date_text
from storyplayer.ui.shared.theme import DEFAULT, Theme, tint


class EventList(QFrame):
    """Lies over `host` (the pane's page area) while open; `jumpRequested(index)` on a choice."""

    jumpRequested = Signal(int)
    closed = Signal()

    def __init__(self, story: Story, lang: str, color: str, host: QWidget):
        super().__init__(host)
        self.setObjectName("eventList")
        self.story, self.lang, self.color = story, lang, color
        self._host = host
        self.heading = QLabel(objectName="eventListHeading")
        self.heading.setWordWrap(True)  # as narrow as the pane, at any text scale
        self.heading.setTextFormat(Qt.PlainText)
        self.list = QListWidget(objectName="eventListItems")
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollPerPixel)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        QScroller.grabGesture(self.list.viewport(), QScroller.TouchGesture)
        self.list.itemActivated.connect(self._chosen)
        self.list.itemClicked.connect(self._chosen)
        self.close_button = QPushButton(objectName="eventListClose")
        self.close_button.setMinimumHeight(48)
        self.close_button.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Fixed)
        self.close_button.clicked.connect(self.close_list)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.setSpacing(8)
        layout.addWidget(self.heading)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.close_button)
        self.heading.setFocusPolicy(Qt.NoFocus)
        host.installEventFilter(self)
        self.apply_theme(DEFAULT)
        self.hide()
        self._retranslate()

    def apply_theme(self, theme: Theme) -> None:
        """The list in `theme`, its heading and chosen row in the story's colour."""
        p, color = theme.palette, self.color
        self.setStyleSheet(f"""
            #eventList {{ background: {p.card}; }}
            #eventListHeading {{ font-weight: 700; color: {color}; }}
            #eventListItems {{ border: 1px solid {p.line}; border-radius: 6px;
                               background: {p.card}; }}
            #eventListItems::item {{ padding: 10px 8px; min-height: 32px;
                                     border-bottom: 1px solid {p.line}; }}
            #eventListItems::item:selected {{ background: {tint(color, 0.8)};
                                              color: {p.ink}; }}
        """)

    def _retranslate(self) -> None:
        self.heading.setText(self.tr("Events in this story"))
        self.list.setAccessibleName(self.tr("Events in this story"))
        self.list.setAccessibleDescription(self.tr("Choose an event to jump to it"))
        self.close_button.setText(self.tr("Back to the story"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _fill(self, current: int) -> None:
        self.list.clear()
        for index, event in enumerate(self.story.events):
            date = event_date_text(self.story, event, self.lang)
            title = self.story.text(event.title, self.lang)
            text = f"{index + 1}. {title}" + (f"\n{date}" if date else "")
            item = QListWidgetItem(text)
            item.setData(Qt.UserRole, index)
            item.setData(Qt.AccessibleTextRole, f"{index + 1}. {title}. {date}")
            self.list.addItem(item)
        self.list.setCurrentRow(current)

    # -- opening and closing ---------------------------------------------------------------

    def open_list(self, current: int) -> None:
        self._fill(current)
        self.setGeometry(self._host.rect())
        self.show()
        self.raise_()
        self.list.setFocus(Qt.OtherFocusReason)
        self.list.scrollToItem(self.list.currentItem(), QAbstractItemView.PositionAtCenter)

    def close_list(self) -> None:
        if self.isVisible():
            self.hide()
            self.closed.emit()

    def toggle(self, current: int) -> None:
        if self.isVisible():
            self.close_list()
        else:
            self.open_list(current)

    def _chosen(self, item: QListWidgetItem) -> None:
        self.jumpRequested.emit(int(item.data(Qt.UserRole)))
        self.close_list()

    # -- keys and geometry -----------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        # Esc closes this list; it must not reach the playback screen's "back" shortcut.
        if event.type() == QEvent.ShortcutOverride and isinstance(event, QKeyEvent):
            if event.key() == Qt.Key_Escape:
                event.accept()
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key_Escape:
            self.close_list()
        elif event.key() in (Qt.Key_Space, Qt.Key_Select) and self.list.currentItem():
            self._chosen(self.list.currentItem())
        else:
            super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self._host and event.type() in (QEvent.Resize, QEvent.Show) \
                and self.isVisible():  # opened before the pane was laid out, too
            self.setGeometry(self._host.rect())
        return False
