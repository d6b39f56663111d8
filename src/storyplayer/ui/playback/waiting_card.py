"""What a pane shows in date order before the shared playhead reaches its story.

The story's title and the date it starts at, so a waiting pane never reads as if its first
event were already playing. Like the end card (ui/playback/card_page.py), in a narrow pane
at a large text scale it scrolls rather than squeezing its lines together.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QWidget

from storyplayer.model.dates import DateSpan, format_date
from storyplayer.ui.playback.card_page import CardPage
from storyplayer.ui.shared.theme import Theme


class WaitingCard(CardPage):
    """The story `title`, "Starts: <date>" and a line on why it waits."""

    def __init__(self, title: str, lang: str, parent: QWidget | None = None):
        super().__init__("waitingCard", "waitingBody", (18, 18, 18, 18), 14, lang, parent)
        self._start: DateSpan | None = None
        self.body_layout.addStretch(1)
        self.story_title = self.add_label("waitingStoryTitle")
        self.starts = self.add_label("waitingStarts")
        self.message = self.add_label("waitingMessage")
        self.body_layout.addStretch(2)
        self.set_title(title)
        self._retranslate()

    def set_title(self, title: str) -> None:
        self._title = title
        self.show_words(self.story_title, title)

    def set_start(self, start: DateSpan | None, lang: str) -> None:
        """The date of the story's first event in date order (None: it has no dates)."""
        self._start, self.lang = start, lang
        self._retranslate()
        self.set_title(self._title)  # its long words break in `lang`

    def _retranslate(self) -> None:
        if self._start is None:
            self.starts.setText(self.tr("Waiting for its turn"))
        else:
            date = format_date(self._start, self.lang)
            self.starts.setText(self.tr("Starts: %1").replace("%1", date))
        self.message.setText(self.tr(
            "In date order this story begins when the others reach its first date."))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def apply_theme(self, theme: Theme, color: str) -> None:
        """The card in `theme`; the start date in the story's `color`."""
        p, s = theme.palette, theme.sizes
        self.setStyleSheet(f"""
            #waitingBody {{ background: {p.card}; }}
            #waitingStoryTitle {{ font-family: 'DejaVu Serif', serif; font-weight: bold; }}
            #waitingStarts {{ color: {color}; font-weight: 600; }}
            #waitingMessage {{ color: {p.muted}; }}
        """)
        self.set_paper(p.card, theme.chrome_scale)
        for label, points in ((self.story_title, s.title), (self.starts, s.body),
                              (self.message, s.small)):
            label.setStyleSheet(f"font-size: {theme.pt(points)}pt;")
