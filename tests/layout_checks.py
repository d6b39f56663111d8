"""The layout matrix: every screen of the player at the window sizes, languages, text scales
and themes people use, and generic checks that walk every visible widget of a window.

`pairwise_cases()` picks combinations so that every pair of values of any two dimensions is
seen at least once (all-pairs), instead of the full product of ~700 windows. `Stage` puts
one window, re-used for every case (resized, not rebuilt), on a case's screen.
`problems(window)` walks the widgets and says, one line each, what a person would see wrong:
  - text cut off: a label, text block or button smaller than its text needs, or a widget
    sticking out of its parent, unless it sits in a scroll area whose scroll bar reaches it,
    or its text is elided on purpose with the whole text in its tooltip;
  - a word broken at an arbitrary letter instead of a space or a (soft) hyphen;
  - two widgets that a layout places side by side overlapping each other;
  - a button smaller than a 48 px fingertip.
tools/screens.py uses the same stage to write the contact sheet.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass

from allpairspy import AllPairs
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QTextDocument, QTextLayout, QTextOption
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QComboBox,
    QLabel,
    QLayout,
    QLineEdit,
    QScrollArea,
    QScrollBar,
    QWidget,
)
from windows import delete_and_wait

from storyplayer.map.map_view import MapView
from storyplayer.model.library import Library
from storyplayer.ui.kiosk.attract_screen import AttractScreen
from storyplayer.ui.main_window import MAX_SCALE, MainWindow
from storyplayer.ui.picker.story_list_model import Role
from storyplayer.ui.playback.text_block import TextBlock
from storyplayer.ui.shared.elided_label import ElidedLabel
from storyplayer.ui.shared.translations import Translations

# name: (logical width, logical height, device pixel ratio)
SIZES = {
    "1280x720": (1280, 720, 1),
    "1366x768": (1366, 768, 1),
    "1920x1080": (1920, 1080, 1),
    "3840x2160@2": (1920, 1080, 2),
}
PANES = (1, 2, 3)
LANGS = ("en", "et")
SCALES = (1.0, MAX_SCALE)
THEMES = ("light", "high-contrast")
SCREENS = ("picker", "playing", "end card", "date order", "event list", "attract", "notices")
STORIES = ("october-1917", "world-war-1", "independence-1918")
TOUCH = 48  # px: a fingertip
NOTICE = ("Stories in the folder of the classroom library cannot be shown: the folder "
          "cannot be read.")
BREAKS_AFTER = " \t\u00ad-\u2010\u2013\u2014/"  # a line may end after these


@dataclass(frozen=True)
class Case:
    size: str
    panes: int
    lang: str
    scale: float
    theme: str
    screen: str

    @property
    def dpr(self) -> int:
        return SIZES[self.size][2]

    @property
    def name(self) -> str:
        return (f"{self.screen.replace(' ', '-')}-{self.size}-{self.panes}p-{self.lang}"
                f"-x{self.scale:g}-{self.theme}")


def pairwise_cases() -> list[Case]:
    """Every pair of values of any two dimensions in at least one case; screens first."""
    rows = AllPairs([list(SCREENS), list(SIZES), list(PANES), list(LANGS), list(SCALES),
                     list(THEMES)])
    cases = [Case(size, panes, lang, scale, theme, screen)
             for screen, size, panes, lang, scale, theme in rows]
    # Cases sharing a size follow each other: the window is resized less often.
    return sorted(cases, key=lambda c: (c.dpr, c.size, c.lang, c.theme, c.scale))


def all_cases() -> list[Case]:
    return [Case(size, panes, lang, scale, theme, screen)
            for size in SIZES for panes in PANES for lang in LANGS for scale in SCALES
            for theme in THEMES for screen in SCREENS]


# Ten stories over four centuries: three of them side by side (the picker: all ten, these
# three chosen), for the contact sheet and tests/ui/test_ten_stories.py.
CENTURIES = ("livonian-war", "national-awakening", "singing-revolution")


@dataclass(frozen=True)
class CenturiesCase(Case):
    """A case that plays CENTURIES instead of STORIES."""

    @property
    def name(self) -> str:
        return super().name + "-centuries"


def centuries_cases() -> list[Case]:
    return [CenturiesCase("1920x1080", 3, "en", 1.0, "light", "picker"),
            CenturiesCase("1280x720", 3, "et", MAX_SCALE, "light", "picker"),
            CenturiesCase("1920x1080", 3, "en", 1.0, "light", "playing"),
            CenturiesCase("1280x720", 3, "et", MAX_SCALE, "light", "playing"),
            CenturiesCase("1920x1080", 3, "et", 1.0, "light", "date order"),
            CenturiesCase("1366x768", 3, "en", 1.0, "high-contrast", "date order"),
            CenturiesCase("1920x1080", 3, "et", 1.0, "light", "attract")]


def stories_of(case: Case) -> tuple[str, ...]:
    return CENTURIES if isinstance(case, CenturiesCase) else STORIES


def current_dpr() -> int:
    return round(float(os.environ.get("QT_SCALE_FACTOR", "1") or 1))


# -- putting a window on a case's screen --------------------------------------------------


class Stage:
    """One main window, put on any case's screen in turn."""

    def __init__(self, library: Library, qtbot) -> None:  # type: ignore[no-untyped-def]
        self.library, self.qtbot = library, qtbot
        self.window = MainWindow(library, MapView(), "en")
        # The interface in the case's language too, as the app installs it.
        self.translations = Translations(QApplication.instance())
        self.translations.set_language("en")
        self.window.translations = self.translations
        self.window.resize(1280, 720)
        self.window.show()
        qtbot.waitExposed(self.window)
        # The page's "ready" plays whatever is on the panes then: were it to come during a
        # case, a case's paused stories would start and the bar's "Play all" become
        # "Pause all" after the case was laid out.
        qtbot.waitUntil(lambda: self.window.playback.map_view.is_ready, timeout=60_000)
        self.attract: AttractScreen | None = None  # on screen now
        # One attract screen per set of stories, kept like the kiosk keeps its one: a
        # screen that holds the map is never deleted between cases.
        self._attracts: dict[tuple[str, ...], AttractScreen] = {}
        self._theme, self._lang, self._scale = "light", "en", 1.0

    def show(self, case: Case) -> MainWindow:
        window = self.window
        self._leave_attract()
        window.notices.clear()
        window.picker.hide_notice()
        if case.lang != self._lang:
            window.set_language(case.lang)
            self._lang = case.lang
        if case.theme != self._theme:
            window.set_theme(case.theme)
            self._theme = case.theme
        if case.scale != self._scale:
            window.set_text_scale(case.scale)
            self._scale = case.scale
        width, height, _dpr = SIZES[case.size]
        window.resize(width, height)
        getattr(self, "_" + case.screen.replace(" ", "_"))(case)
        self.settle()
        return window

    def settle(self) -> None:
        """Let every layout finish: a resize and the text scale ripple through in turns (a
        button's new words, its bar, the pane side, the splitter), so until nothing moves."""
        before = None
        for _ in range(8):
            QApplication.processEvents()
            for widget in self.window.findChildren(QWidget):
                layout = widget.layout()
                if layout is not None and widget.isVisible():
                    layout.activate()
            QApplication.processEvents()
            now = [w.geometry().getRect() for w in self.window.findChildren(QWidget)
                   if w.isVisible()]
            if now == before:
                return
            before = now

    def _play(self, case: Case) -> None:
        window = self.window
        ids = list(stories_of(case)[:case.panes])
        playing = [p.story.id for p in window.playback.panes]
        if not window.playing or playing != ids or window.playback.sync_mode:
            window.playback.set_sync(False)
            window.play(ids)
        for pane in window.playback.panes:
            pane.event_list.close_list()
            pane.driver.jump(1)  # a middle event: date, title, picture, text, sources
            pane.driver.pause()

    def _picker(self, case: Case) -> None:
        self.window.show_picker()
        picker = self.window.picker
        model = picker.proxy
        rows = range(min(case.panes, model.rowCount()))
        if isinstance(case, CenturiesCase):
            wanted = stories_of(case)[:case.panes]
            rows = [r for r in range(model.rowCount())
                    if model.index(r, 0).data(Role.ID) in wanted]
        for row in rows:
            picker._toggle(model.index(row, 0))

    def _playing(self, case: Case) -> None:
        self._play(case)

    def _end_card(self, case: Case) -> None:
        self._play(case)
        for pane in self.window.playback.panes:
            pane.driver.jump(pane.driver.count - 1)
            pane.driver.next()
        self.qtbot.waitUntil(lambda: all(p.finished for p in self.window.playback.panes))

    def _date_order(self, case: Case) -> None:
        self._play(case)
        self.window.playback.set_sync(True)

    def _event_list(self, case: Case) -> None:
        self._play(case)
        self.settle()  # the panes laid out, as when a person opens a list
        for pane in self.window.playback.panes:
            pane.event_list.open_list(pane.driver.index)

    def _attract(self, case: Case) -> None:
        window = self.window
        ids = tuple(stories_of(case)[:case.panes])
        attract = self._attracts.get(ids)
        if attract is None:
            stories = [self.library.get(i) for i in ids]
            attract = self._attracts[ids] = AttractScreen(stories, case.lang)
            window.stack.addWidget(attract)
        window.playback.close_all(emit=False)
        attract.adopt_map(window.lend_map())  # as the kiosk does
        attract.set_language(case.lang)
        window.stack.setCurrentWidget(attract)
        self.attract = attract

    def _leave_attract(self) -> None:
        if self.attract is None:
            return
        self.attract.stop()
        self.window.take_back_map()
        self.attract = None
        self.window.show_picker()

    def _notices(self, case: Case) -> None:
        self._play(case)
        self.window.notices.show_notice(NOTICE)
        self.window.notices.show_notice(
            "The map tiles file cannot be read; the built-in map is shown instead.")

    def close(self) -> None:
        self._leave_attract()
        for attract in self._attracts.values():
            self.window.stack.removeWidget(attract)
            attract.deleteLater()
        self.translations.set_language("en")  # no translator left for the next tests
        window = self.window
        window.playback.close_all(emit=False)
        delete_and_wait(self.qtbot, [window])


# -- the generic checks -------------------------------------------------------------------


def problems(window: QWidget) -> list[str]:
    """What is wrong on `window` as shown now, one line per problem (empty: all fits)."""
    found: list[str] = []
    for widget in _visible_widgets(window):
        found += _cut_off(widget)
        found += _mid_word_breaks(widget)
        found += _small_target(widget)
    found += _overlaps(window)
    return found


def describe(widget: QWidget) -> str:
    names = []
    w: QWidget | None = widget
    while w is not None and len(names) < 4:
        names.append(w.objectName() or type(w).__name__)
        w = w.parentWidget()
    text = _text_of(widget)
    said = f" {text[:40]!r}" if text else ""
    return "/".join(reversed(names)) + said


def _visible_widgets(root: QWidget) -> Iterator[QWidget]:
    for widget in root.findChildren(QWidget):
        if not widget.isVisible() or widget.isWindow() or _internal(widget):
            continue
        yield widget


def _internal(widget: QWidget) -> bool:
    """Parts of Qt's own widgets (scroll bars, the web view's surface, a line edit's clear
    button) and the web map, which the map page lays out itself."""
    w = widget.parentWidget()
    while w is not None:
        if isinstance(w, (MapView, QScrollBar, QLineEdit, QComboBox)):
            return True
        w = w.parentWidget()
    return widget.objectName().startswith("qt_")


def _text_of(widget: QWidget) -> str:
    if isinstance(widget, (QLabel, QAbstractButton, TextBlock, ElidedLabel)):
        return widget.text()
    return ""


def _scroll_area_of(widget: QWidget) -> QAbstractScrollArea | None:
    """The scroll area `widget` is the scrolled content of, if any."""
    parent = widget.parentWidget()
    if parent is not None and isinstance(parent.parentWidget(), QAbstractScrollArea):
        area = parent.parentWidget()
        if parent is area.viewport():
            return area
    return None


def _visible_rect(widget: QWidget) -> QRect:
    """The part of `widget` that its ancestors let show (in its own coordinates)."""
    rect = widget.rect()
    w, offset = widget, widget.pos()
    while w.parentWidget() is not None and not w.isWindow():
        parent = w.parentWidget()
        if _scroll_area_of(w) is not None:
            break  # scrolled content: reachable by scrolling, checked below
        clip = parent.rect().translated(-offset)
        rect = rect.intersected(clip)
        offset += parent.pos()
        w = parent
    return rect


def _cut_off(widget: QWidget) -> list[str]:
    found = []
    rect = widget.rect()
    # 1. Sticking out of its parent (clipped), unless scrolled content the bars reach.
    area = _scroll_area_of(widget)
    if area is not None:
        viewport = area.viewport()
        for bar, extent, room in ((area.verticalScrollBar(), widget.height(), viewport.height()),
                                  (area.horizontalScrollBar(), widget.width(), viewport.width())):
            if extent - room > bar.maximum() + 2:
                found.append(f"cut off: {describe(widget)} is {extent - room} px longer than "
                             f"its scroll area, which scrolls only {bar.maximum()} px")
    elif widget.parentWidget() is not None and (_text_of(widget) or
                                                 isinstance(widget, QAbstractButton)):
        shown = _visible_rect(widget)
        if shown.width() < rect.width() - 2 or shown.height() < rect.height() - 2:
            found.append(f"cut off: {describe(widget)} shows {shown.width()}x{shown.height()} "
                         f"of {rect.width()}x{rect.height()} px")
    # 2. Smaller than its text needs.
    text = _text_of(widget)
    if not text or isinstance(widget, ElidedLabel):
        if isinstance(widget, ElidedLabel) and widget.toolTip() == "":
            found.append(f"elided without a tooltip: {describe(widget)}")
        return found
    if isinstance(widget, TextBlock):
        need = widget.heightForWidth(widget.width())
        if need > widget.height() + 1:
            found.append(f"text cut off: {describe(widget)} needs {need} px, has "
                         f"{widget.height()}")
    elif isinstance(widget, QLabel):
        contents = widget.contentsRect()
        if widget.wordWrap():
            need = widget.heightForWidth(widget.width())
            if need > widget.height() + 1:
                found.append(f"text cut off: {describe(widget)} needs {need} px high, has "
                             f"{widget.height()}")
        else:
            hint = widget.sizeHint()
            if (hint.width() > widget.width() + 1 or
                    widget.fontMetrics().height() > contents.height() + 1) and \
                    text not in widget.toolTip():
                found.append(f"text cut off: {describe(widget)} needs {hint.width()}x"
                             f"{widget.fontMetrics().height()} px, has {contents.width()}x"
                             f"{contents.height()}")
    elif isinstance(widget, QAbstractButton):
        hint = widget.sizeHint()
        if hint.width() > widget.width() + 1 and text not in widget.toolTip():
            found.append(f"text cut off: {describe(widget)} needs {hint.width()} px wide, has "
                         f"{widget.width()}")
    return found


def _line_breaks(widget: QWidget) -> list[tuple[str, str]]:
    """(text before, text after) at every place the widget's text wraps."""
    documents: list[QTextDocument] = []
    if isinstance(widget, TextBlock):
        documents = [widget._shown()]
    elif isinstance(widget, QLabel) and widget.wordWrap() and widget.text():
        document = QTextDocument()
        document.setDocumentMargin(0)
        document.setDefaultFont(widget.font())
        # A word wider than the line breaks where it must, as the label paints it: the
        # option before the text, so that every block is laid out with it.
        option = QTextOption(document.defaultTextOption())
        option.setWrapMode(QTextOption.WrapAtWordBoundaryOrAnywhere)
        document.setDefaultTextOption(option)
        rich = widget.textFormat() == Qt.RichText or (
            widget.textFormat() == Qt.AutoText and "<" in widget.text())
        document.setHtml(widget.text()) if rich else document.setPlainText(widget.text())
        document.setTextWidth(widget.contentsRect().width() - 2 * widget.margin())
        document.size()  # laid out now: a block's layout is made lazily
        documents = [document]
    breaks = []
    for document in documents:
        block = document.begin()
        while block.isValid():
            layout: QTextLayout = block.layout()
            text = block.text()
            for n in range(layout.lineCount() - 1):
                line = layout.lineAt(n)
                end = line.textStart() + line.textLength()
                if 0 < end < len(text):
                    breaks.append((text[:end], text[end:]))
            block = block.next()
    return breaks


def _mid_word_breaks(widget: QWidget) -> list[str]:
    found = []
    for before, after in _line_breaks(widget):
        if before[-1] in BREAKS_AFTER or after[0].isspace() or not before[-1].isalnum():
            continue
        word = before.split()[-1] if before.split() else before
        rest = after.split()[0] if after.split() else after
        found.append(f"word broken mid-word: {describe(widget)}: "
                     f"{word.replace(chr(173), '')}|{rest.replace(chr(173), '')}")
    return found


def _small_target(widget: QWidget) -> list[str]:
    if not isinstance(widget, QAbstractButton) or isinstance(widget.parentWidget(), QScrollBar):
        return []
    if min(widget.width(), widget.height()) < TOUCH:
        return [f"touch target too small: {describe(widget)} is {widget.width()}x"
                f"{widget.height()} px"]
    return []


def _managed(parent: QWidget, widget: QWidget) -> bool:
    """Whether `parent`'s layout places `widget` (overlays placed by hand may overlap)."""
    layout = parent.layout()
    if isinstance(parent, QScrollArea) or layout is None:
        return False

    def holds(lay: QLayout) -> bool:
        for i in range(lay.count()):
            item = lay.itemAt(i)
            if item.widget() is widget:
                return True
            if item.layout() is not None and holds(item.layout()):
                return True
        return False

    return holds(layout)


def _overlaps(window: QWidget) -> list[str]:
    found = []
    for parent in [window, *window.findChildren(QWidget)]:
        if not parent.isVisible() or _internal(parent) or parent.layout() is None:
            continue
        children = [c for c in parent.findChildren(QWidget, options=Qt.FindDirectChildrenOnly)
                    if c.isVisible() and not c.isWindow() and _managed(parent, c)]
        for i, a in enumerate(children):
            for b in children[i + 1:]:
                common = a.geometry().intersected(b.geometry())
                if common.width() > 1 and common.height() > 1:
                    found.append(f"overlap: {describe(a)} and {describe(b)} share "
                                 f"{common.width()}x{common.height()} px")
    return found
