"""How one story card is painted in the picker: cover, title, period, summary, categories,
events and running time, and whether it is chosen, focused or cannot be played.

Painted by a delegate rather than built from widgets, so a library of 1,000 stories costs
only the cards on screen.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from storyplayer.ui.picker.story_list_model import Role
from storyplayer.ui.shared import theme
from storyplayer.ui.shared.cover_image import CoverCache
from storyplayer.ui.shared.theme import DEFAULT, Theme, tint

Index = QModelIndex | QPersistentModelIndex

CARD_WIDTH = 300  # at text scale 1; the grid stretches cards a little to fill a row
CARD_MIN_WIDTH = 264
CHECK_DIAMETER = 48  # a fingertip
EDIT_HEIGHT = 48  # the card's Edit button: a fingertip too
CARD_CACHE = 40  # finished cards kept: about three screens' worth
COVER_ASPECT = 10 / 16  # height / width; covers are drawn 16:10 (e.g. 640x400)


# Tags that the bundled stories and common imports use, translated like any UI text;
# other tags are shown as written.
KNOWN_CATEGORIES = {
    "history": QT_TRANSLATE_NOOP("Category", "History"),
    "politics": QT_TRANSLATE_NOOP("Category", "Politics"),
    "war": QT_TRANSLATE_NOOP("Category", "War"),
    "religion": QT_TRANSLATE_NOOP("Category", "Religion"),
    "revolution": QT_TRANSLATE_NOOP("Category", "Revolution"),
    "occupation": QT_TRANSLATE_NOOP("Category", "Occupation"),
    "culture": QT_TRANSLATE_NOOP("Category", "Culture"),
    "science": QT_TRANSLATE_NOOP("Category", "Science"),
    "architecture": QT_TRANSLATE_NOOP("Category", "Architecture"),
}


def category_label(category: str) -> str:
    """A category tag as a person reads it, in the UI language ("world-war-ii" -> "World war
    ii" where it is not a known tag)."""
    known = KNOWN_CATEGORIES.get(category.lower())
    if known is not None:
        return QCoreApplication.translate("Category", known)
    text = category.replace("-", " ").replace("_", " ")
    return text[:1].upper() + text[1:]


class StoryCardDelegate(QStyledItemDelegate):
    """Paints cards of `card_width` pixels; the picker's grid sets the width as it reflows."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.theme, self.scale = DEFAULT, DEFAULT.text_scale
        self.card_width = CARD_WIDTH
        self.summary_lines = 3  # more when the cards have the screen to themselves
        # The cover's greatest height, set by the grid when a card has a row to itself (the
        # largest text on a small screen): its title and summary then show below it.
        self.cover_limit: int | None = None
        self.covers = CoverCache()
        # Finished cards by what they show: a repaint (scrolling, a search keystroke) then
        # costs one pixmap copy per card instead of its shadows, cover and text.
        self.cards: OrderedDict[tuple, QPixmap] = OrderedDict()
        self.frames: OrderedDict[tuple, QPixmap] = OrderedDict()
        # The card's fonts by the view's font: a card never seen before (a search's new
        # matches) then measures its text with fonts Qt has already resolved.
        self._font_sets: dict[str, dict[str, QFont]] = {}
        # What the view is painting now and what it shows, set by the view before it paints.
        self.exposed, self.shown = QRect(), QRect()
        # Cards painted straight to the screen, to be copied when the app is idle.
        self._to_keep: OrderedDict[tuple, tuple] = OrderedDict()
        self._keeper = QTimer(self, singleShot=True, interval=0)
        self._keeper.timeout.connect(self._keep_one)
        # The card's own Edit button ("Edit a copy" for a bundled story), where the app
        # allows editing: the text for a card, or None for none at all (kiosk mode).
        self.edit_label: Callable[[Index], str] | None = None

    # --- geometry -------------------------------------------------------------------------

    def apply_theme(self, theme: Theme) -> None:
        """Cards in `theme`'s colours and at its text scale (drawn again)."""
        self.theme, self.scale = theme, theme.text_scale
        self.forget()
        self._font_sets.clear()

    def margin(self) -> float:
        return 8 * self.scale  # room for the focus ring and the shadow

    def cover_height(self) -> float:
        width = self.card_width - 2 * self.margin()
        height = round(min(width, CARD_WIDTH * 1.1 * self.scale) * COVER_ASPECT)
        return height if self.cover_limit is None else min(height, self.cover_limit)

    def _fonts(self, base: QFont) -> dict[str, QFont]:
        fonts = self._font_sets.get(base.key())
        if fonts is None:
            fonts = self._font_sets[base.key()] = self._make_fonts(base)
        return fonts

    def _make_fonts(self, base: QFont) -> dict[str, QFont]:
        s = self.theme.sizes

        def font(points: float, weight: QFont.Weight = QFont.Normal) -> QFont:
            f = QFont(base)
            f.setPointSizeF(self.theme.pt(points))
            f.setWeight(weight)
            return f

        return {
            "title": font(s.body * 1.16, QFont.Bold),
            "period": font(s.small, QFont.DemiBold),
            "summary": font(s.small + 0.5),
            "chip": font(s.small - 1),
            "meta": font(s.small - 0.5, QFont.DemiBold),
        }

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        fonts = self._fonts(option.font)
        pad = 16 * self.scale
        title = QFontMetricsF(fonts["title"]).lineSpacing()
        period = QFontMetricsF(fonts["period"]).lineSpacing()
        summary = QFontMetricsF(fonts["summary"]).lineSpacing()
        lines = self.summary_lines
        text = max(2 * title + lines * summary * 1.12, 3 * title + (lines - 1) * summary * 1.12)
        height = (
            2 * self.margin()
            + self.cover_height()
            + pad * 0.9
            + text
            + 2 * self.scale
            + period
            + 8 * self.scale
            + 12 * self.scale
            + self._chip_height(fonts["chip"])
            + pad
        )
        return QSize(self.card_width, round(height))

    def _chip_height(self, font: QFont) -> float:
        return QFontMetricsF(font).height() + 8 * self.scale

    def edit_rect(self, option: QStyleOptionViewItem, index: Index) -> QRectF | None:
        """Where the card's Edit button is (a fingertip high, at the right end of the row of
        categories, which give it room), or None without one."""
        if self.edit_label is None:
            return None
        s = self.scale
        card, _cover, _valid, _color = self._card_geometry(option, index)
        fonts = self._fonts(option.font)
        fm = QFontMetricsF(fonts["meta"])
        pad = 16 * s
        height = max(EDIT_HEIGHT * s, fm.height() + 12 * s)
        # Room left of it for at least a "+3" of the categories.
        width = min(fm.horizontalAdvance(self.edit_label(index)) + 28 * s,
                    card.width() - 2 * pad - 48 * s)
        if card.width() - 2 * pad - width - 8 * s < self._chips_width(fonts["chip"], index):
            # The words would hide the categories behind a "+2": a round pencil button
            # instead, as tall as the words' one, so the card keeps saying what it is about.
            width = height
        middle = card.bottom() - pad - self._chip_height(fonts["chip"]) / 2
        return QRectF(card.right() - pad * 0.75 - width, middle - height / 2, width, height)

    # --- painting -------------------------------------------------------------------------

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        device = painter.device()
        dpr = device.devicePixelRatioF() if device else 1.0
        key = self._card_key(option, index, dpr, painter.font())
        card = self.cards.get(key)
        if card is None and self.exposed.contains(option.rect.intersected(self.shown)):
            # Painted whole (a search's new matches, a hovered or chosen card): straight to
            # the screen, and a copy is made once the app is idle. Making the copy first
            # would cost a fresh pixmap the card's size before the card shows.
            self._paint_card(painter, option, index)
            self._to_keep[key] = (QPersistentModelIndex(index), QStyleOptionViewItem(option),
                                  QFont(painter.font()), dpr)
            while len(self._to_keep) > CARD_CACHE:
                self._to_keep.popitem(last=False)
            self._keeper.start()
            return
        # A card revealed a strip at a time (scrolling) is drawn once and copied strip by
        # strip. Cards lie on the picker's paper, so each copy is opaque.
        card = _cached_render(self.cards, key, painter.font(), option, index, dpr,
                              self._paint_card, self.theme.palette.paper)
        painter.drawPixmap(option.rect.topLeft(), card)

    def _card_key(self, option: QStyleOptionViewItem, index: Index, dpr: float,
                  font: QFont) -> tuple:
        """What a finished card shows: two cards with one key look alike."""
        state = option.state & (
            QStyle.State_MouseOver | QStyle.State_HasFocus | QStyle.State_KeyboardFocusChange
        )
        return (
            index.data(Role.ID) or index.data(Role.TITLE), index.data(Role.TITLE),
            index.data(Role.PERIOD), bool(index.data(Role.CHECKED)), int(state.value),
            option.rect.width(), option.rect.height(), dpr, self.scale, font.key(),
            self.theme.palette.paper,
            self.edit_label(index) if self.edit_label is not None else None,
        )

    def _keep_one(self) -> None:
        """Copy one card painted straight to the screen, if it still looks as it did; one
        a turn of the event loop, so a keystroke meanwhile waits for one card at most."""
        while self._to_keep:
            key, (index, option, font, dpr) = self._to_keep.popitem(last=False)
            if (index.isValid() and key not in self.cards
                    and self._card_key(option, index, dpr, font) == key):
                _cached_render(self.cards, key, font, option, index, dpr, self._paint_card,
                               self.theme.palette.paper)
                break
        if self._to_keep:
            self._keeper.start()

    def forget(self) -> None:
        """Drop every finished card and frame (their words or look changed)."""
        self.cards.clear()
        self.frames.clear()
        self._to_keep.clear()

    def _card_geometry(self, option: QStyleOptionViewItem, index: Index):  # type: ignore[no-untyped-def]
        m = self.margin()
        card = QRectF(option.rect).adjusted(m, m, -m, -m)
        cover = QRectF(card.left(), card.top(), card.width(), self.cover_height())
        valid = bool(index.data(Role.VALID))
        color = index.data(Role.COLOR) or self.theme.palette.accent
        return card, cover, valid, color

    def _paint_card(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        """One card at option.rect: its frame (shared by alike cards), then its text."""
        painter.drawPixmap(option.rect.topLeft(), self._frame(painter, option, index))
        painter.save()
        painter.setRenderHint(QPainter.Antialiasing, True)
        painter.setRenderHint(QPainter.TextAntialiasing, True)
        s = self.scale
        fonts = self._fonts(option.font)
        card, cover, valid, color = self._card_geometry(option, index)
        if not valid:
            painter.setOpacity(0.72)
        pad = 16 * s
        x, width = card.left() + pad, card.width() - 2 * pad
        y = cover.bottom() + pad * 0.9
        title = index.data(Role.TITLE) or ""
        # Long titles may take a third line; the summary then gives one up.
        title_lines = wrap(title, QFontMetricsF(fonts["title"]), width, 3)
        y = _draw_lines(painter, fonts["title"], self.theme.palette.ink, title, x, y, width, 3)
        y += 2 * s
        if valid:
            period = index.data(Role.PERIOD) or ""
            ink = QColor(color).darker(135).name()
            y = _draw_lines(painter, fonts["period"], ink, period, x, y, width, 1)
            y += 8 * s
            summary = index.data(Role.SUMMARY) or ""
            lines = self.summary_lines - (1 if len(title_lines) > 2 else 0)
            _draw_lines(painter, fonts["summary"], self.theme.palette.summary, summary, x, y,
                        width, lines, 1.12)
            chip_y = card.bottom() - pad - self._chip_height(fonts["chip"])
            edit = self.edit_rect(option, index)
            chips_width = edit.left() - 8 * s - x if edit is not None else width
            self._paint_chips(
                painter, fonts["chip"], index.data(Role.CATEGORIES) or [], x, chip_y,
                chips_width, color
            )
        else:
            y = _draw_lines(
                painter, fonts["period"], self.theme.palette.refused,
                self.tr("Cannot be played"), x, y, width, 1
            )
            y += 8 * s
            reason = index.data(Role.REASON) or ""
            lines = 3 if self.edit_label is not None else 4  # the Edit button takes the 4th
            _draw_lines(painter, fonts["summary"], self.theme.palette.summary, reason, x, y,
                        width, lines)
        painter.setOpacity(1.0)
        self._paint_edit(painter, option, index, color)
        painter.restore()

    def _chips_width(self, font: QFont, index: Index) -> float:
        """How wide the card's categories are when every one is shown."""
        fm, s = QFontMetricsF(font), self.scale
        labels = [category_label(c) for c in index.data(Role.CATEGORIES) or []]
        return sum(fm.horizontalAdvance(label) + 26 * s for label in labels)  # pads and gap

    def edit_is_compact(self, option: QStyleOptionViewItem, index: Index) -> bool:
        """Whether the card's Edit button is the round pencil (no room for its words)."""
        rect = self.edit_rect(option, index)
        return rect is not None and rect.width() == rect.height()

    def _paint_edit(self, painter: QPainter, option: QStyleOptionViewItem, index: Index,
                    color: str) -> None:
        rect = self.edit_rect(option, index)
        if rect is None or self.edit_label is None:
            return
        s = self.scale
        painter.setPen(QPen(QColor(color), 1.5 * s))
        painter.setBrush(QColor(self.theme.palette.card))
        painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
        painter.setFont(self._fonts(option.font)["meta"])
        painter.setPen(QColor(color).darker(150))
        if self.edit_is_compact(option, index):
            label = "\u270e"  # a pencil; the bar's Edit button says it in words
            pencil = QFont(painter.font())
            pencil.setPointSizeF(pencil.pointSizeF() * 1.6)
            painter.setFont(pencil)
        else:
            label = QFontMetricsF(painter.font()).elidedText(
                self.edit_label(index), Qt.ElideRight, rect.width() - 20 * s)
        painter.drawText(rect, Qt.AlignCenter, label)

    def _frame(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> QPixmap:
        """Shadow, background, cover with its label, outline and check: alike for every card
        of one colour, cover and state, so drawn once for all of them."""
        device = painter.device()
        dpr = device.devicePixelRatioF() if device else 1.0
        valid = bool(index.data(Role.VALID))
        key = (
            option.rect.width(), option.rect.height(), dpr, self.scale, valid,
            bool(index.data(Role.CHECKED)), index.data(Role.COLOR), index.data(Role.COVER),
            index.data(Role.PERIOD) if valid else "", index.data(Role.EVENT_COUNT),
            index.data(Role.MINUTES), int(option.state.value), painter.font().key(),
        )
        return _cached_render(self.frames, key, painter.font(), option, index, dpr,
                              self._paint_frame)

    def _paint_frame(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        painter.save()
        painter.setRenderHint(QPainter.Antialiasing, True)
        painter.setRenderHint(QPainter.TextAntialiasing, True)
        s = self.scale
        card, cover, valid, color = self._card_geometry(option, index)
        radius = 14 * s
        checked = bool(index.data(Role.CHECKED))
        hover = bool(option.state & QStyle.State_MouseOver)
        # Like CSS :focus-visible: a ring once the keyboard is in use, not after every tap.
        focus = bool(option.state & QStyle.State_HasFocus) and bool(
            option.state & QStyle.State_KeyboardFocusChange
        )

        shape = QPainterPath()
        shape.addRoundedRect(card, radius, radius)
        self._paint_shadow(painter, card, radius, lifted=hover or checked)
        painter.fillPath(shape, QColor(tint(color, 0.93) if checked else self.theme.palette.card))
        if not valid:
            painter.setOpacity(0.72)
        painter.save()
        painter.setClipPath(shape)
        self._paint_cover(painter, cover, index, color, s)
        painter.restore()
        painter.setOpacity(1.0)

        # Outlines last, so they sit over the cover's edge.
        painter.setBrush(Qt.NoBrush)
        if checked:
            painter.setPen(QPen(QColor(color), 4 * s))
            painter.drawRoundedRect(
                card.adjusted(2 * s, 2 * s, -2 * s, -2 * s), radius - 2 * s, radius - 2 * s
            )
        elif hover and valid:
            painter.setPen(QPen(QColor(tint(color, 0.35)), 1.5 * s))
            painter.drawRoundedRect(card, radius, radius)
        else:
            painter.setPen(QPen(QColor(self.theme.palette.line), 1))
            painter.drawRoundedRect(card.adjusted(0.5, 0.5, -0.5, -0.5), radius, radius)
        if valid:
            self._paint_check(painter, cover, checked, color, s)
        if focus:
            ring = 3 * s
            painter.setPen(QPen(QColor(self.theme.palette.accent), ring))
            painter.setBrush(Qt.NoBrush)
            outer = card.adjusted(-ring - 1, -ring - 1, ring + 1, ring + 1)
            painter.drawRoundedRect(outer, radius + ring, radius + ring)
        painter.restore()

    def _paint_shadow(self, painter: QPainter, card: QRectF, radius: float, lifted: bool) -> None:
        painter.setPen(Qt.NoPen)
        steps = (6, 4, 2) if lifted else (3, 2, 1)
        for i, spread in enumerate(steps):
            painter.setBrush(_alpha(theme.CARD_SHADOW, 10 + 4 * i))
            r = card.adjusted(-spread * 0.5, spread * 0.3, spread * 0.5, spread * 1.2)
            painter.drawRoundedRect(r, radius + spread * 0.5, radius + spread * 0.5)

    def _paint_cover(
        self, painter: QPainter, rect: QRectF, index: Index, color: str, s: float
    ) -> None:
        valid = bool(index.data(Role.VALID))
        dpr = painter.device().devicePixelRatioF() if painter.device() else 1.0
        size = QSize(round(rect.width() * dpr), round(rect.height() * dpr))
        cover = index.data(Role.COVER) if valid else ""
        image = self.covers.get(Path(cover), size) if cover else None
        if image is None:
            period = index.data(Role.PERIOD) if valid else "!"
            image = self.covers.placeholder(color, period or "", size, dpr, s)
        image.setDevicePixelRatio(dpr)
        painter.drawImage(rect.topLeft(), image)
        if not valid:
            return
        count = int(index.data(Role.EVENT_COUNT) or 0)
        minutes = int(index.data(Role.MINUTES) or 0)
        events = self.tr("1 event") if count == 1 else self.tr("%n events", "", count)
        meta = self.tr("{events} · {minutes} min").format(events=events, minutes=minutes)
        font = self._fonts(painter.font())["meta"]
        fm = QFontMetricsF(font)
        pill = QRectF(
            rect.left() + 12 * s,
            rect.top() + 12 * s,
            fm.horizontalAdvance(meta) + 20 * s,
            fm.height() + 10 * s,
        )
        painter.setPen(Qt.NoPen)
        painter.setBrush(QColor(theme.PICTURE_LABEL))
        painter.drawRoundedRect(pill, pill.height() / 2, pill.height() / 2)
        painter.setFont(font)
        painter.setPen(QColor(theme.ON_PICTURE))
        painter.drawText(pill, Qt.AlignCenter, meta)

    def _paint_check(
        self, painter: QPainter, cover: QRectF, checked: bool, color: str, s: float
    ) -> None:
        d = CHECK_DIAMETER * s
        circle = QRectF(cover.right() - d - 12 * s, cover.top() + 12 * s, d, d)
        painter.setPen(QPen(QColor(theme.ON_PICTURE), 3 * s))
        painter.setBrush(QColor(color) if checked else QColor(theme.CHECK_OFF))
        painter.drawEllipse(circle)
        if not checked:
            return
        tick = QPainterPath()
        c = circle.center()
        tick.moveTo(c + QPointF(-0.22 * d, 0.0))
        tick.lineTo(c + QPointF(-0.06 * d, 0.16 * d))
        tick.lineTo(c + QPointF(0.24 * d, -0.15 * d))
        pen = QPen(QColor(theme.ON_PICTURE), 4.5 * s, Qt.SolidLine, Qt.RoundCap, Qt.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.NoBrush)
        painter.drawPath(tick)

    def _paint_chips(
        self,
        painter: QPainter,
        font: QFont,
        categories: list[str],
        x: float,
        y: float,
        width: float,
        color: str,
    ) -> None:
        s = self.scale
        fm = QFontMetricsF(font)
        height = self._chip_height(font)
        gap, pad = 6 * s, 10 * s
        painter.setFont(font)
        right = x + width
        for i, category in enumerate(categories):
            label = category_label(category)
            w = fm.horizontalAdvance(label) + 2 * pad
            left = len(categories) - i
            more = f"+{left}"
            room_for_more = fm.horizontalAdvance(more) + 2 * pad + gap if left > 1 else 0
            if x + w + room_for_more > right:
                label, w = more, fm.horizontalAdvance(more) + 2 * pad
                if x + w > right:
                    return
                left = 0
            chip = QRectF(x, y, w, height)
            painter.setPen(Qt.NoPen)
            painter.setBrush(QColor(tint(color, 0.86)))
            painter.drawRoundedRect(chip, height / 2, height / 2)
            painter.setPen(QColor(color).darker(150))
            painter.drawText(chip, Qt.AlignCenter, label)
            if left == 0:
                return
            x += w + gap


def _alpha(color: str, alpha: int) -> QColor:
    c = QColor(color)
    c.setAlpha(alpha)
    return c


def _draw_lines(
    painter: QPainter,
    font: QFont,
    ink: str,
    text: str,
    x: float,
    y: float,
    width: float,
    max_lines: int,
    spacing: float = 1.0,
) -> float:
    """`text` wrapped to `width` in at most `max_lines`, the last elided; returns the y below."""
    fm = QFontMetricsF(font)
    lines = wrap(text, fm, width, max_lines)
    painter.setFont(font)
    painter.setPen(QColor(ink))
    step = fm.lineSpacing() * spacing
    for line in lines:
        painter.drawText(QPointF(x, y + fm.ascent()), line)
        y += step
    return y


def wrap(text: str, fm: QFontMetricsF, width: float, max_lines: int) -> list[str]:
    """Greedy word wrap into at most `max_lines`, the last one elided when text is left over.

    Done by hand: QTextLayout's line API crashes the interpreter in PySide6 6.12 when
    called at paint rate (a reference-count bug in the binding).
    """
    words = text.split()
    lines: list[str] = []
    current = ""
    for n, word in enumerate(words):
        candidate = f"{current} {word}" if current else word
        if fm.horizontalAdvance(candidate) <= width or not current:
            current = candidate
            continue
        if len(lines) == max_lines - 1:
            rest = " ".join([current, *words[n:]])
            lines.append(fm.elidedText(rest, Qt.ElideRight, width))
            return lines
        lines.append(fm.elidedText(current, Qt.ElideRight, width))
        current = word
    if current:
        lines.append(fm.elidedText(current, Qt.ElideRight, width))
    return lines


def _cached_render(cache, key, font, option, index, dpr, paint,  # type: ignore[no-untyped-def]
                   background: str | None = None):
    """`paint(painter, option, index)` drawn once into a pixmap of the item's size and kept
    in `cache` (an OrderedDict used as a least-recently-used cache of CARD_CACHE entries).

    With a `background`, the pixmap is opaque: Qt copies an opaque pixmap to the screen
    instead of blending it, which is much cheaper on a software-rendered display."""
    pixmap = cache.get(key)
    if pixmap is not None:
        cache.move_to_end(key)
        return pixmap
    pixmap = QPixmap(round(option.rect.width() * dpr), round(option.rect.height() * dpr))
    pixmap.setDevicePixelRatio(dpr)
    pixmap.fill(QColor(background) if background else Qt.transparent)
    local_painter = QPainter(pixmap)
    local_painter.setFont(font)
    local = QStyleOptionViewItem(option)
    local.rect = QRect(0, 0, option.rect.width(), option.rect.height())
    paint(local_painter, local, index)
    local_painter.end()
    cache[key] = pixmap
    while len(cache) > CARD_CACHE:
        cache.popitem(last=False)
    return pixmap
