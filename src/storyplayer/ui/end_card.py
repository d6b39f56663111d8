"""What a pane shows when its story is over: the story is finished; play again or close."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from storyplayer.ui import theme
from storyplayer.ui.icons import icon


class EndCard(QWidget):
    playAgainRequested = Signal()
    closeRequested = Signal()

    def __init__(self, title: str, color: str, parent: QWidget | None = None,
                 ending: str = ""):
        super().__init__(parent)
        self.setObjectName("endCard")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.setSpacing(14)
        layout.addStretch(1)
        self.heading = QLabel(self.tr("The story is finished"))
        self.heading.setTextFormat(Qt.PlainText)
        self.heading.setObjectName("endHeading")
        self.heading.setWordWrap(True)
        self.heading.setAlignment(Qt.AlignCenter)
        self.story_title = QLabel(title)
        self.story_title.setObjectName("endStoryTitle")
        self.story_title.setTextFormat(Qt.PlainText)
        self.story_title.setWordWrap(True)
        self.story_title.setAlignment(Qt.AlignCenter)
        self.message = QLabel(
            self.tr(
                "You can play the story again, or close it and choose new stories. "
                "Up to three stories can play at once."
            )
        )
        self.message.setObjectName("endMessage")
        self.message.setTextFormat(Qt.PlainText)
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignCenter)
        # The author's closing words (an imported story's call to action), as plain text.
        self.ending = QLabel(ending)
        self.ending.setObjectName("endEnding")
        self.ending.setTextFormat(Qt.PlainText)
        self.ending.setWordWrap(True)
        self.ending.setAlignment(Qt.AlignCenter)
        self.ending.setVisible(bool(ending))
        self.play_again = QPushButton(icon("replay", "#ffffff"), self.tr("Play again"))
        self.play_again.setObjectName("primary")
        self.close_button = QPushButton(icon("close", theme.INK), self.tr("Close"))
        for button in (self.play_again, self.close_button):
            button.setIconSize(QSize(22, 22))
            button.setMinimumHeight(52)
            button.setCursor(Qt.PointingHandCursor)
        self.play_again.setStyleSheet(f"background:{color}; color:{theme.readable_on(color)};")
        self.play_again.setAccessibleDescription(self.tr("Play this story again from the start"))
        self.close_button.setAccessibleDescription(self.tr("Close this story and free its place"))
        self.play_again.clicked.connect(self.playAgainRequested)
        self.close_button.clicked.connect(self.closeRequested)
        for widget in (self.heading, self.story_title, self.message, self.ending,
                       self.play_again, self.close_button):
            layout.addWidget(widget)
        layout.addStretch(2)

    def _retranslate(self) -> None:
        self.heading.setText(self.tr("The story is finished"))
        self.message.setText(self.tr(
            "You can play the story again, or close it and choose new stories. "
            "Up to three stories can play at once."))
        self.play_again.setText(self.tr("Play again"))
        self.close_button.setText(self.tr("Close"))
        self.play_again.setAccessibleDescription(self.tr("Play this story again from the start"))
        self.close_button.setAccessibleDescription(self.tr("Close this story and free its place"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
