"""What a pane shows when its story is over: the story is finished; play again or close.

Its words wrap (long ones at syllables) and, when a narrow pane or a large text scale needs
more height than the pane has, the card scrolls instead of squeezing its lines together.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from storyplayer.ui.shared.hyphenation import hyphenate
from storyplayer.ui.shared.icons import icon
from storyplayer.ui.shared.theme import Theme


class EndCard(QWidget):
    playAgainRequested = Signal()
    closeRequested = Signal()

    def __init__(self, title: str, color: str, parent: QWidget | None = None,
                 ending: str = "", *, lang: str = "en"):
        super().__init__(parent)
        self.setObjectName("endCard")
        self.lang = lang
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.scroll.setFrameShape(QFrame.NoFrame)
        self.scroll.viewport().setAutoFillBackground(False)
        outer.addWidget(self.scroll)
        body = QWidget(objectName="endBody")
        self.scroll.setWidget(body)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(18, 10, 18, 10)
        layout.setSpacing(10)
        layout.addStretch(1)
        self.heading = self._label("endHeading")
        self.story_title = self._label("endStoryTitle")
        self.story_title.setTextFormat(Qt.PlainText)
        self._title = title
        self.message = self._label("endMessage")
        # The author's closing words (an imported story's call to action), as plain text.
        self.ending = self._label("endEnding")
        self.ending.setTextFormat(Qt.PlainText)
        self.ending.setText(ending)
        self.ending.setVisible(bool(ending))
        self.play_again = QPushButton("")
        self.play_again.setObjectName("primary")
        self.close_button = QPushButton("")
        for button in (self.play_again, self.close_button):
            button.setIconSize(QSize(22, 22))
            button.setMinimumHeight(48)
            button.setCursor(Qt.PointingHandCursor)
            button.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Fixed)
        self.play_again.clicked.connect(self.playAgainRequested)
        self.close_button.clicked.connect(self.closeRequested)
        for widget in (self.heading, self.story_title, self.message, self.ending,
                       self.play_again, self.close_button):
            layout.addWidget(widget)
        layout.addStretch(2)
        self._retranslate()

    @staticmethod
    def _label(name: str) -> QLabel:
        label = QLabel(objectName=name)
        label.setTextFormat(Qt.PlainText)
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignCenter)
        # As narrow as the pane: the words wrap (and the card scrolls) instead of the
        # longest word setting a width the pane does not have.
        label.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)
        return label

    def _retranslate(self) -> None:
        self._heading = self.tr("The story is finished")
        self._message = self.tr("You can play the story again, or close it and choose new "
                                "stories. Up to three stories can play at once.")
        self._show_texts()
        self.play_again.setText(self.tr("Play again"))
        self.close_button.setText(self.tr("Close"))
        self.play_again.setAccessibleDescription(self.tr("Play this story again from the start"))
        self.close_button.setAccessibleDescription(self.tr("Close this story and free its place"))

    def set_title(self, title: str, lang: str) -> None:
        """The story's title (and the language its words break in), after a language switch."""
        self._title, self.lang = title, lang
        self._show_texts()

    def _show_texts(self) -> None:
        """The texts, with soft hyphens only in words too wide for the card's width."""
        margins = self.scroll.widget().layout().contentsMargins()
        width = self.scroll.viewport().width() - margins.left() - margins.right() - 12
        for label, text in ((self.heading, self._heading), (self.story_title, self._title),
                            (self.message, self._message)):
            metrics = QFontMetricsF(label.font())
            shown = hyphenate(text, self.lang,
                              lambda word, m=metrics: m.horizontalAdvance(word) * 1.1 <= width)
            if label.text() != shown:
                label.setText(shown)
            label.setAccessibleName(text)

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        super().resizeEvent(event)
        self._show_texts()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.LanguageChange:
            self._retranslate()
        elif event.type() in (QEvent.FontChange, QEvent.StyleChange):
            self._show_texts()
        super().changeEvent(event)

    def apply_theme(self, theme: Theme, color: str) -> None:
        """The card in `theme`; its heading and Play again in the story's `color`."""
        p, s, on = theme.palette, theme.sizes, theme.readable_on(color)
        self.setStyleSheet(f"""
            #endBody {{ background: {p.card}; }}
            #endHeading {{ color: {color}; font-family: 'DejaVu Serif', serif;
                           font-weight: bold; }}
            #endStoryTitle {{ font-weight: 600; }}
            #endBody QPushButton {{ padding-left: 8px; padding-right: 8px; }}
        """)
        self.play_again.setIcon(icon("replay", on))
        self.play_again.setStyleSheet(f"background:{color}; color:{on};")
        self.close_button.setIcon(icon("close", p.ink))
        for label, points in ((self.heading, s.heading), (self.story_title, s.title),
                              (self.message, s.body), (self.ending, s.body)):
            label.setStyleSheet(f"font-size: {theme.pt(points)}pt;")
