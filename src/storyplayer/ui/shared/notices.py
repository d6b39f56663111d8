"""The window's notice area: small banners at the top that say, in plain words, what went wrong
(a folder that cannot be read, a broken tile file, an unexpected error) while playback goes on.

Each banner can be dismissed and goes by itself; the same sentence again only renews its banner,
and at most a few show at once, so an unattended kiosk never piles them up.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from storyplayer.ui.shared.theme import DEFAULT, Theme

NOTICE_MS = 15_000
MAX_NOTICES = 3
MAX_WIDTH = 720


class Notice(QFrame):
    """One banner: the sentence (always plain text) and a close button."""

    dismissed = Signal()

    def __init__(self, text: str, timeout_ms: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notice")
        self.setAttribute(Qt.WA_StyledBackground, True)
        self.label = QLabel(text, objectName="noticeText")
        self.label.setTextFormat(Qt.PlainText)  # may quote a file name from a story folder
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.NoTextInteraction)
        self.close_button = QToolButton(objectName="noticeClose")
        self.close_button.setText("×")
        self.close_button.setAccessibleName(self.tr("Dismiss"))
        self.close_button.setCursor(Qt.PointingHandCursor)
        self.close_button.clicked.connect(self.dismissed)
        row = QHBoxLayout(self)
        row.setContentsMargins(14, 8, 8, 8)
        row.addWidget(self.label, 1)
        row.addWidget(self.close_button, 0, Qt.AlignTop)
        self.setAccessibleName(text)
        self.timer = QTimer(self, singleShot=True, interval=timeout_ms)
        self.timer.timeout.connect(self.dismissed)
        if timeout_ms > 0:
            self.timer.start()

    def text(self) -> str:
        return self.label.text()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.LanguageChange:
            self.close_button.setAccessibleName(self.tr("Dismiss"))
        super().changeEvent(event)

    def renew(self) -> None:
        if self.timer.interval() > 0:
            self.timer.start()


class NoticeArea(QWidget):
    """Banners over the top edge of `parent`, centred, following its size."""

    noticeShown = Signal(str)

    def __init__(self, parent: QWidget, timeout_ms: int = NOTICE_MS) -> None:
        super().__init__(parent)
        self.setObjectName("noticeArea")
        self.timeout_ms = timeout_ms
        self._column = QVBoxLayout(self)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.setSpacing(6)
        self.apply_theme(DEFAULT)
        self.hide()
        parent.installEventFilter(self)
        # Kiosk visitors see no banners: the sentences wait here for staff (see set_held).
        self.held: bool = False
        self.held_texts: list[str] = []

    def apply_theme(self, theme: Theme) -> None:
        """Banners in the palette's ink, their words in its paper."""
        p = theme.palette
        self.setStyleSheet(
            f"#notice {{ background: {p.ink}; border-radius: 8px; }}"
            f" #noticeText {{ color: {p.paper}; }}"
            f" #noticeClose {{ color: {p.paper}; background: transparent; border: none;"
            " font-size: 16px; padding: 0 6px; min-width: 36px; min-height: 48px; }"
        )

    def set_held(self, held: bool) -> None:
        """Keep banners off the screen (kiosk visitors) and collect their sentences."""
        self.held = held
        if held:
            self.held_texts += [t for t in self.texts() if t not in self.held_texts]
            self.clear()

    @property
    def notices(self) -> list[Notice]:
        return [self._column.itemAt(i).widget() for i in range(self._column.count())]

    def texts(self) -> list[str]:
        return [n.text() for n in self.notices]

    def show_notice(self, text: str) -> None:
        """Show `text` in a banner (or renew the banner already saying it); held back for
        staff while `held`."""
        if self.held:
            if text not in self.held_texts:
                self.held_texts.append(text)
            return
        for notice in self.notices:
            if notice.text() == text:
                notice.renew()
                return
        notice = Notice(text, self.timeout_ms, self)
        notice.dismissed.connect(lambda n=notice: self.dismiss(n))
        self._column.addWidget(notice)
        while self._column.count() > MAX_NOTICES:
            self.dismiss(self.notices[0])
        self._place()
        self.show()
        self.raise_()
        self.noticeShown.emit(text)

    def dismiss(self, notice: Notice) -> None:
        if notice.parent() is not self:
            return
        self._column.removeWidget(notice)
        notice.timer.stop()
        notice.hide()
        notice.setParent(None)
        notice.deleteLater()
        if self._column.count() == 0:
            self.hide()
        else:
            self._place()

    def clear(self) -> None:
        for notice in self.notices:
            self.dismiss(notice)

    def _place(self) -> None:
        parent = self.parentWidget()
        width = min(parent.width() - 40, MAX_WIDTH)
        width = max(200, width)
        self.setFixedWidth(width)
        for notice in self.notices:
            notice.ensurePolished()
            notice.label.ensurePolished()
        # As tall as the wrapped sentences need at this width (adjustSize alone measures
        # them at their unwrapped width and cuts the second line).
        self._column.invalidate()
        height = self._column.totalHeightForWidth(width)
        if height > 0 and height != self.height():
            self.setFixedHeight(height)
        self.move((parent.width() - self.width()) // 2, 12)

    def event(self, event: QEvent) -> bool:
        if event.type() in (QEvent.StyleChange, QEvent.FontChange,
                            QEvent.LayoutRequest) and self.notices:
            self._place()  # a text scale or theme: the sentences need another height
        return super().event(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.parentWidget() and event.type() == QEvent.Resize and self.isVisible():
            self._place()
            self.raise_()
        return False
