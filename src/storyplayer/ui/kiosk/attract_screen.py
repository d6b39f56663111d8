"""The kiosk's resting screen: featured stories one after another, slowly, until a touch.

Each story shows its cover, title, period and summary, with the shared map beside it
stepping through the story's places. Any touch or click emits `startRequested`.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QRectF, QSize, Qt, QTimer, QTranslator, Signal
from PySide6.QtGui import QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from storyplayer.map.map_view import MapView
from storyplayer.map.story_messages import overview_story
from storyplayer.model.dates import format_period, line_start
from storyplayer.model.story import PANE_COLORS, Story
from storyplayer.ui.shared.cover_image import CoverCache
from storyplayer.ui.shared.theme import DEFAULT, Theme
from storyplayer.ui.shared.translations import LANGUAGES, translation_file

STORY_MS = 14_000  # each featured story stays this long
PLACE_MS = 3_500  # the map moves to the story's next place this often
COVER = QSize(560, 350)
OVERVIEW_ZOOM = 6


def period_of(story: Story, lang: str) -> str:
    period = story.period()
    return line_start(format_period(*period, lang), lang) if period else ""


class _Cover(QLabel):
    """The cover with rounded corners, or the drawn placeholder in the story colour."""

    def __init__(self) -> None:
        super().__init__()
        self._image: QPixmap | None = None
        self.setMinimumSize(160, 100)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Ignored)
        self.setAccessibleName("")
        self.setTextFormat(Qt.PlainText)

    def set_image(self, image: QPixmap | None) -> None:
        self._image = image
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        if self._image is None or self._image.isNull():
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing, True)
        painter.setRenderHint(QPainter.SmoothPixmapTransform, True)
        size = self._image.size().scaled(self.size(), Qt.KeepAspectRatio)
        rect = QRectF(0, 0, size.width(), size.height())
        path = QPainterPath()
        path.addRoundedRect(rect, 18, 18)
        painter.setClipPath(path)
        painter.drawPixmap(rect.toRect(), self._image)


class AttractScreen(QWidget):
    startRequested = Signal()
    storyShown = Signal(str)  # the id of the featured story now on screen

    def __init__(self, stories: Sequence[Story], lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.theme = DEFAULT  # the kiosk hands it the window's (apply_theme)
        self.setObjectName("attract")
        self.setAttribute(Qt.WA_StyledBackground, True)
        self.setAttribute(Qt.WA_AcceptTouchEvents, True)
        self.setFocusPolicy(Qt.StrongFocus)
        self.stories, self.lang = list(stories), lang
        self.index = 0
        self.map_view: MapView | None = None
        self._place = 0
        self._covers = CoverCache(capacity=16)
        self._other_languages: dict[str, QTranslator] = {}

        self.brand = QLabel(objectName="attractBrand")
        self.brand.setTextFormat(Qt.PlainText)
        self.cover = _Cover()
        self.period = QLabel(objectName="attractPeriod")
        self.title = QLabel(objectName="attractTitle")
        self.title.setWordWrap(True)
        self.summary = QLabel(objectName="attractSummary")
        self.summary.setWordWrap(True)
        self.summary.setAlignment(Qt.AlignLeft | Qt.AlignTop)
        self.summary.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Minimum)
        for label in (self.period, self.title, self.summary):
            label.setTextFormat(Qt.PlainText)
        self.dots = QLabel(objectName="attractDots")
        self.dots.setTextFormat(Qt.PlainText)
        self.touch = QLabel(objectName="attractTouch")
        self.touch.setTextFormat(Qt.PlainText)
        self.touch.setAlignment(Qt.AlignCenter)
        self.touch_other = QLabel(objectName="attractTouchOther")
        self.touch_other.setTextFormat(Qt.PlainText)
        self.touch_other.setAlignment(Qt.AlignCenter)

        self.text_column = text = QVBoxLayout()
        text.setSpacing(0)
        text.addWidget(self.brand)
        text.addSpacing(18)
        text.addWidget(self.cover, 1)
        text.addSpacing(18)
        text.addWidget(self.period)
        text.addSpacing(4)
        text.addWidget(self.title)
        text.addSpacing(12)
        text.addWidget(self.summary)
        text.addSpacing(20)
        text.addWidget(self.dots)
        text.addSpacing(18)
        text.addWidget(self.touch, 0, Qt.AlignLeft)
        text.addSpacing(8)
        text.addWidget(self.touch_other, 0, Qt.AlignLeft)
        self.map_holder = QVBoxLayout()
        self.map_holder.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addLayout(text, 5)
        row.addLayout(self.map_holder, 6)
        for widget in (self.brand, self.cover, self.period, self.title, self.summary,
                       self.dots, self.touch, self.touch_other):
            widget.setFocusPolicy(Qt.NoFocus)

        # A pane over everything (the map too) so the first touch anywhere begins.
        self.catcher = QWidget(self, objectName="attractCatcher")
        self.catcher.setAttribute(Qt.WA_AcceptTouchEvents, True)
        self.catcher.installEventFilter(self)

        self._story_timer = QTimer(self, interval=STORY_MS)
        self._story_timer.timeout.connect(self.next_story)
        self._place_timer = QTimer(self, interval=PLACE_MS)
        self._place_timer.timeout.connect(self._next_place)
        self._load_other_languages()
        self._restyle()
        self._retranslate()

    # -- the map ---------------------------------------------------------------------------

    def adopt_map(self, map_view: MapView) -> None:
        """Show `map_view` beside the story (it is taken back by the playback screen)."""
        self.map_view = map_view
        self.map_holder.addWidget(map_view)
        map_view.show()
        self.catcher.raise_()
        self._show_story()

    # -- cycling ---------------------------------------------------------------------------

    def start(self) -> None:
        self.index = 0
        self._show_story()
        if len(self.stories) > 1:
            self._story_timer.start()
        self._place_timer.start()

    def stop(self) -> None:
        self._story_timer.stop()
        self._place_timer.stop()

    def next_story(self) -> None:
        if self.stories:
            self.index = (self.index + 1) % len(self.stories)
            self._show_story()

    @property
    def current(self) -> Story | None:
        return self.stories[self.index] if self.stories else None

    def _color(self, story: Story) -> str:
        return story.color or PANE_COLORS[self.index % len(PANE_COLORS)]

    def _show_story(self) -> None:
        story = self.current
        if story is None:
            self.title.setText(self.tr("Story Player"))
            self.period.clear()
            self.summary.clear()
            return
        lang, color = self.lang, self._color(story)
        period = period_of(story, lang)
        self.period.setText(period)
        self.title.setText(story.text(story.title, lang))
        self.summary.setText(story.text(story.summary, lang))
        self.period.setStyleSheet(f"color: {color};")
        size = QSize(COVER.width() * 2, COVER.height() * 2)
        image = self._covers.get(story.cover, size)
        if image is None:
            image = self._covers.placeholder(color, period, size, 2.0, 2.0)
        self.cover.set_image(QPixmap.fromImage(image))
        self.cover.setAccessibleName(self.tr("Cover of {title}").format(
            title=story.text(story.title, lang)))
        n = len(self.stories)
        self.dots.setText(" ".join("●" if i == self.index else "○" for i in range(n)))
        self.dots.setVisible(n > 1)
        self.dots.setAccessibleName(
            self.tr("Story {k} of {n}").format(k=self.index + 1, n=n))
        self._place = 0
        if self.map_view is not None:
            media = self.map_view.add_media_root(f"attract-{story.id}", story.folder)
            # A gentle overview: the region, not street level.
            self.map_view.set_stories([overview_story(story, color, lang, media, OVERVIEW_ZOOM)])
            self._next_place()
        self.setAccessibleDescription(
            f"{story.text(story.title, lang)}. {period}. {story.text(story.summary, lang)}")
        self.storyShown.emit(story.id)

    def _next_place(self) -> None:
        story = self.current
        if story is None or self.map_view is None:
            return
        placed = [i for i, e in enumerate(story.events) if e.place is not None]
        if not placed:
            return
        self.map_view.show_event(0, placed[self._place % len(placed)])
        self._place += 1

    # -- language and look -----------------------------------------------------------------

    def set_language(self, lang: str) -> None:
        self.lang = lang
        self._retranslate()
        self._show_story()

    def _load_other_languages(self) -> None:
        for code in LANGUAGES:
            path = translation_file(code)
            translator = QTranslator(self)
            if path and translator.load(path):
                self._other_languages[code] = translator

    def _phrase(self, code: str) -> str:
        source = "Touch to begin"
        translator = self._other_languages.get(code)
        return (translator.translate("AttractScreen", source) if translator else "") or source

    def _retranslate(self) -> None:
        self.brand.setText(self.tr("Story Player").upper())
        self.touch.setText(self.tr("Touch to begin"))
        others = [self._phrase(code) for code in LANGUAGES if code != self.lang]
        self.touch_other.setText("  ·  ".join(p for p in others if p != self.touch.text()))
        self.setAccessibleName(self.tr("Featured stories. Touch the screen to begin."))

    def apply_theme(self, theme: Theme) -> None:
        """Drawn in `theme`'s palette (its type is sized from the screen, not the text
        scale: see _restyle)."""
        if theme.palette != self.theme.palette:
            self.theme = theme
            self._restyle()

    def _restyle(self) -> None:
        """Type sized from the screen: read from across a room on any kiosk display."""
        unit = max(0.55, min(1.6, min(self.width() / 1920, self.height() / 1080)))
        self._unit = unit

        def px(value: float) -> int:
            return max(1, round(value * unit))

        margin = px(88)
        self.text_column.setContentsMargins(margin, px(64), px(72), px(64))
        serif = "'DejaVu Serif', Georgia, serif"
        p = self.theme.palette
        self.setStyleSheet(f"""
            #attract {{ background: {p.paper}; }}
            #attractBrand {{ color: {p.muted}; font-family: {serif}; font-weight: bold;
                             font-size: {px(22)}px; letter-spacing: {px(5)}px; }}
            #attractPeriod {{ font-size: {px(30)}px; font-weight: 700; letter-spacing: 1px; }}
            #attractTitle {{ color: {p.ink}; font-family: {serif}; font-weight: bold;
                             font-size: {px(60)}px; }}
            #attractSummary {{ color: {p.ink}; font-size: {px(28)}px; }}
            #attractDots {{ color: {p.muted}; font-size: {px(22)}px; }}
            #attractTouch {{ background: {p.accent}; color: {p.on_strong}; font-size: {px(38)}px;
                             font-weight: 700; border-radius: {px(40)}px;
                             padding: {px(22)}px {px(64)}px; }}
            #attractTouchOther {{ color: {p.muted}; font-size: {px(26)}px;
                                  padding-left: {px(64)}px; }}
        """)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    # -- a touch anywhere begins -----------------------------------------------------------

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        super().resizeEvent(event)
        self._restyle()
        self.catcher.setGeometry(self.rect())
        self.catcher.raise_()

    def eventFilter(self, watched, event: QEvent) -> bool:  # type: ignore[no-untyped-def]  # noqa: N802
        if watched is self.catcher and event.type() in (
            QEvent.MouseButtonPress, QEvent.TouchBegin
        ):
            event.accept()
            self.startRequested.emit()
            return True
        return False

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        event.accept()
        self.startRequested.emit()

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        # A teacher's clicker or a keyboard also begins (Space, Enter, PageDown...).
        event.accept()
        self.startRequested.emit()

