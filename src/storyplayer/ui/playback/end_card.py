"""What a pane shows when its story is over: the story is finished; play again or close.

Its words wrap (long ones at syllables) and, when a narrow pane or a large text scale needs
more height than the pane has, they scroll instead of squeezing their lines together
(ui/playback/card_page.py); the buttons stay in view below them.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtWidgets import QPushButton, QSizePolicy, QVBoxLayout, QWidget

from storyplayer.ui.playback.card_page import CardPage
from storyplayer.ui.shared.icons import icon
from storyplayer.ui.shared.theme import Theme


class EndCard(CardPage):
    playAgainRequested = Signal()
    closeRequested = Signal()

    def __init__(self, title: str, color: str, parent: QWidget | None = None,
                 ending: str = "", *, lang: str = "en"):
        super().__init__("endCard", "endBody", (18, 10, 18, 10), 10, lang, parent)
        layout = self.body_layout
        layout.addStretch(1)
        self.heading = self.add_label("endHeading")
        self.story_title = self.add_label("endStoryTitle")
        self._title = title
        self.message = self.add_label("endMessage")
        # The author's closing words (an imported story's call to action), as plain text.
        self.ending = self.add_label("endEnding")
        self.ending.setText(ending)
        self.ending.setVisible(bool(ending))
        layout.addStretch(2)
        # The two ways on stay in view below the words, which scroll when they need more
        # room than a narrow pane at a large text scale has.
        buttons = QVBoxLayout()
        buttons.setContentsMargins(18, 8, 18, 10)
        buttons.setSpacing(10)
        self.outer_layout.addLayout(buttons)
        self.play_again = QPushButton("")
        self.play_again.setObjectName("primary")
        self.close_button = QPushButton("")
        for button in (self.play_again, self.close_button):
            button.setIconSize(QSize(22, 22))
            button.setMinimumHeight(48)
            button.setCursor(Qt.PointingHandCursor)
            button.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Fixed)
            buttons.addWidget(button)
        self.play_again.clicked.connect(self.playAgainRequested)
        self.close_button.clicked.connect(self.closeRequested)
        self._retranslate()

    def _retranslate(self) -> None:
        self.show_words(self.heading, self.tr("The story is finished"))
        self.show_words(self.story_title, self._title)
        self.show_words(self.message, self.tr(
            "You can play the story again, or close it and choose new stories. Up to three "
            "stories can play at once."))
        self.play_again.setText(self.tr("Play again"))
        self.close_button.setText(self.tr("Close"))
        self.play_again.setAccessibleDescription(self.tr("Play this story again from the start"))
        self.close_button.setAccessibleDescription(self.tr("Close this story and free its place"))

    def set_title(self, title: str, lang: str) -> None:
        """The story's title (and the language its words break in), after a language switch."""
        self._title, self.lang = title, lang
        self._retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def apply_theme(self, theme: Theme, color: str) -> None:
        """The card in `theme`; its heading and Play again in the story's `color`."""
        p, s, on = theme.palette, theme.sizes, theme.readable_on(color)
        self.setStyleSheet(f"""
            #endBody {{ background: {p.card}; }}
            #endHeading {{ color: {color}; font-family: 'DejaVu Serif', serif;
                           font-weight: bold; }}
            #endStoryTitle {{ font-weight: 600; }}
            #endCard QPushButton {{ padding-left: 8px; padding-right: 8px; }}
        """)
        self.set_paper(p.card, theme.chrome_scale)
        self.play_again.setIcon(icon("replay", on))
        self.play_again.setStyleSheet(f"background:{color}; color:{on};")
        self.close_button.setIcon(icon("close", p.ink))
        # "The story is finished" is the interface's, and the largest type on the card: it
        # grows like the controls, so the story's title and the buttons keep a narrow card.
        self.heading.setStyleSheet(f"font-size: {theme.chrome_pt(s.heading)}pt;")
        for label, points in ((self.story_title, s.title), (self.message, s.body),
                              (self.ending, s.body)):
            label.setStyleSheet(f"font-size: {theme.pt(points)}pt;")
