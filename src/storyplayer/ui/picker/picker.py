"""The start screen: story cards to choose up to three from, search, a category filter,
and Play.

A refused choice (a fourth story, a story that cannot play) is explained in a banner on the
screen itself, never in a dialog: at a kiosk nobody is there to dismiss one.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeyEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from storyplayer.model.library import Library
from storyplayer.ui.picker.story_card import StoryCardDelegate, category_label
from storyplayer.ui.picker.story_grid import CategoryBox, StoryGrid
from storyplayer.ui.picker.story_list_model import (
    MAX_CHOICES,
    Role,
    StoryFilterModel,
    StoryListModel,
    Toggle,
)
from storyplayer.ui.shared.theme import DEFAULT, Theme, scaled, tint

NOTICE_MILLISECONDS = 6000
PAGE_MARGIN = 40
# What "Add story…" and a drop on the picker take: a story package, or a StoryMapJS or
# TimelineJS file to import.
ADDABLE_SUFFIXES = (".storyplayer", ".json", ".csv")


class Picker(QWidget):
    """Choose up to three stories and play them; `playRequested` carries their ids in order."""

    playRequested = Signal(list)
    languageRequested = Signal(str)  # the "EN | ET" switch
    newStoryRequested = Signal()  # the editor's "New story" (see allow_editing)
    editRequested = Signal(str)  # the folder (or file) of the story to edit
    addRequested = Signal()  # "Add story…" (shown only where adding is allowed)
    filesDropped = Signal(list)  # paths of story files dropped on the picker

    def __init__(self, library: Library, lang: str, parent: QWidget | None = None, *,
                 theme: Theme = DEFAULT) -> None:
        super().__init__(parent)
        self.setObjectName("picker")
        self.setAttribute(Qt.WA_StyledBackground, True)
        self._scale = 1.0
        self._library = library
        self._shown_once = False

        self.model = StoryListModel(library, lang, self)
        self.proxy = StoryFilterModel(self)
        self.proxy.setSourceModel(self.model)
        self.delegate = StoryCardDelegate(self)

        self.heading = QLabel(objectName="pickerHeading")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.PlainText)
        self.subheading = QLabel(objectName="pickerSubheading")
        self.subheading.setTextFormat(Qt.PlainText)
        self.subheading.setWordWrap(True)
        self.search_box = QLineEdit(objectName="pickerSearch")
        self.search_box.setClearButtonEnabled(True)
        self.category_box = CategoryBox(objectName="pickerCategory")
        self.category_box.setSizeAdjustPolicy(QComboBox.AdjustToContents)
        self.view = StoryGrid(self.delegate)
        self.view.setModel(self.proxy)
        self.notice = QFrame(objectName="pickerNotice")
        self.notice_label = QLabel(objectName="pickerNoticeText")
        self.notice_label.setTextFormat(Qt.PlainText)  # may quote a story file: never rich text
        self.notice_label.setWordWrap(True)
        self.notice.hide()
        self.count_label = QLabel(objectName="pickerCount")
        self.count_label.setTextFormat(Qt.PlainText)
        self.count_label.setWordWrap(True)
        self.play_button = QPushButton(objectName="primary")
        self.play_button.setEnabled(False)
        self.add_button = QPushButton(objectName="pickerAdd")
        self.add_button.hide()  # until set_adding_allowed(True)
        self._notice_timer = QTimer(self, singleShot=True, interval=NOTICE_MILLISECONDS)
        # Each language by its own name, so a visitor finds theirs.
        self.language_buttons: dict[str, QPushButton] = {}
        for code, name in (("en", "English"), ("et", "Eesti")):
            button = QPushButton(code.upper(), objectName="pickerLanguage")
            button.setCheckable(True)
            button.setChecked(code == lang)
            button.setAccessibleName(name)
            button.setMinimumSize(56, 48)
            button.setSizePolicy(QSizePolicy.Minimum, QSizePolicy.Fixed)
            button.clicked.connect(lambda _=False, c=code: self._choose_language(c))
            self.language_buttons[code] = button

        self._build_layout()
        self._connect()
        self._fill_categories()
        self._retranslate()
        self.theme: Theme | None = None
        self.apply_theme(theme)

    # --- public API -----------------------------------------------------------------------

    def chosen(self) -> list[str]:
        """Ids of the chosen stories, in the order they were chosen."""
        return self.model.chosen()

    def clear_choices(self) -> None:
        self.model.clear_choices()
        self.hide_notice()

    def reset(self) -> None:
        """As a new visitor finds it: nothing chosen, nothing searched for."""
        self.clear_choices()
        self.search_box.clear()

    def add_header_button(self, button: QWidget) -> None:
        """A button after the language switch (the window's settings menu)."""
        self._header_end.addSpacing(8)
        self._header_end.addWidget(button)

    def set_language(self, lang: str) -> None:
        self.model.set_language(lang)
        self.delegate.forget()  # cards hold translated text
        for code, button in self.language_buttons.items():
            button.setChecked(code == lang)
        self._retranslate()

    def _choose_language(self, lang: str) -> None:
        self.language_buttons[lang].setChecked(True)
        if lang != self.model.lang:
            self.languageRequested.emit(lang)

    def apply_theme(self, theme: Theme) -> None:
        """The page, its grid and cards in `theme`'s colours and at its text scale."""
        if theme == self.theme:
            return
        self.theme = theme
        scale = self._scale = theme.text_scale
        self.delegate.apply_theme(theme)
        self.delegate.covers.clear()
        self.view.apply_theme(theme)
        self.category_box.apply_theme(theme)
        self.view.setSpacing(round(12 * scale))
        inset = max(0, PAGE_MARGIN - self.view.spacing() - round(self.delegate.margin()))
        self._view_holder.setContentsMargins(inset, 0, max(0, inset - 12), 0)
        self.setStyleSheet(_style_sheet(theme))
        chrome = theme.chrome_scale
        self.play_button.setMinimumSize(QSize(round(180 * chrome), round(56 * chrome)))
        self.search_box.setMinimumWidth(round(240 * chrome))
        self.search_box.setMaximumWidth(round(420 * chrome))
        self.view.relayout()
        self.view.doItemsLayout()

    def set_library(self, library: Library) -> None:
        """Show `library` instead, e.g. after a story was added; choices still there stay."""
        self._library = library
        self.model.set_library(library)
        self.delegate.forget()
        self.delegate.covers.clear()  # a replaced story may have a new cover at the same path
        self._fill_categories()
        self._update_bar()

    def set_adding_allowed(self, allowed: bool) -> None:
        """Shows "Add story…" and takes dropped files, or neither (a kiosk's visitors)."""
        self.add_button.setVisible(allowed)
        self.setAcceptDrops(allowed)

    def set_broken_shown(self, shown: bool) -> None:
        """Shows the stories that cannot be played (greyed, with why), or hides them."""
        self.proxy.set_broken_shown(shown)

    def show_notice(self, text: str) -> None:
        """Say `text` in the banner above the bar for a few seconds."""
        self.notice_label.setText(text)
        self.notice.show()
        self.notice_label.setAccessibleName(text)
        self._notice_timer.start()
        _announce(self.notice_label, text)

    def hide_notice(self) -> None:
        self._notice_timer.stop()
        self.notice.hide()

    # --- building -------------------------------------------------------------------------

    def _build_layout(self) -> None:
        titles = QVBoxLayout()
        titles.setSpacing(4)
        titles.addWidget(self.heading)
        titles.addWidget(self.subheading)
        top = QHBoxLayout()
        top.setSpacing(12)
        top.addLayout(titles, 1)
        top.addWidget(self.search_box, 1, Qt.AlignBottom)
        top.addWidget(self.category_box, 0, Qt.AlignBottom)
        languages = QHBoxLayout()
        languages.setSpacing(0)
        for button in self.language_buttons.values():
            languages.addWidget(button)
        top.addLayout(languages)
        top.setAlignment(languages, Qt.AlignBottom)
        self._header_end = languages  # see add_header_button

        notice_layout = QHBoxLayout(self.notice)
        notice_layout.setContentsMargins(20, 14, 20, 14)
        notice_layout.addWidget(self.notice_label)

        bar = QFrame(objectName="pickerBar")
        bar_layout = QHBoxLayout(bar)
        bar_layout.setContentsMargins(PAGE_MARGIN, 16, PAGE_MARGIN, 16)
        bar_layout.setSpacing(24)
        bar_layout.addWidget(self.count_label, 1)
        bar_layout.addWidget(self.add_button)
        bar_layout.addWidget(self.play_button)
        self._bar_layout = bar_layout

        # The cards carry their own spacing and shadow room; their edges line up with the
        # heading's at the page margin.
        self._view_holder = QVBoxLayout()
        self._view_holder.addWidget(self.view)
        top.setContentsMargins(PAGE_MARGIN, 0, PAGE_MARGIN, 0)
        notice_holder = QVBoxLayout()
        notice_holder.setContentsMargins(PAGE_MARGIN, 0, PAGE_MARGIN, 0)
        notice_holder.addWidget(self.notice)
        body = QVBoxLayout()
        body.setContentsMargins(0, 32, 0, 16)
        body.setSpacing(16)
        body.addLayout(top)
        body.addLayout(self._view_holder, 1)
        body.addLayout(notice_holder)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addLayout(body, 1)
        outer.addWidget(bar)

        for widget in (self.heading, self.subheading, self.count_label, self.notice_label):
            widget.setFocusPolicy(Qt.NoFocus)
        self.setTabOrder(self.search_box, self.category_box)
        self.setTabOrder(self.category_box, self.view)
        self.setTabOrder(self.view, self.play_button)
        self.setTabOrder(self.play_button, self.language_buttons["en"])
        self.setTabOrder(self.language_buttons["en"], self.language_buttons["et"])

    def _connect(self) -> None:
        self.search_box.textChanged.connect(self._search)
        self.category_box.currentIndexChanged.connect(self._filter_category)
        self.view.toggleRequested.connect(self._toggle)
        self.model.choicesChanged.connect(self._update_bar)
        self.play_button.clicked.connect(self._play)
        self.add_button.clicked.connect(self.addRequested)
        self._notice_timer.timeout.connect(self.notice.hide)

    def _fill_categories(self) -> None:
        current = self.category_box.currentData()
        self.category_box.blockSignals(True)
        self.category_box.clear()
        self.category_box.addItem(self.tr("All categories"), "")  # "" not None: see model
        for category in self._library.categories():
            self.category_box.addItem(category_label(category), category)
        found = self.category_box.findData(current) if current else 0
        self.category_box.setCurrentIndex(max(found, 0))
        self.category_box.blockSignals(False)

    def _retranslate(self) -> None:
        self.heading.setText(self.tr("Choose stories"))
        self.subheading.setText(self.tr("Choose up to three. They play side by side on one map."))
        self.search_box.setPlaceholderText(self.tr("Search stories"))
        self.search_box.setAccessibleName(self.tr("Search stories"))
        self.category_box.setAccessibleName(self.tr("Category"))
        self._fill_categories()  # every label in the new language, the choice kept
        self.view.setAccessibleName(self.tr("Stories"))
        self.view.setAccessibleDescription(
            self.tr("Press Space to choose or un-choose a story, Enter to play.")
        )
        self.play_button.setText(self.tr("Play"))
        self.play_button.setAccessibleName(self.tr("Play the chosen stories"))
        self.view.empty_text = self.tr("No stories match your search.")
        self.add_button.setText(self.tr("Add story…"))
        self.add_button.setAccessibleName(
            self.tr("Add a story from a story package or a StoryMapJS or TimelineJS file"))
        self._update_bar()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Start on the cards, not in the search box: no blinking caret, and no on-screen
        # keyboard popping up at a touch kiosk.
        if not self._shown_once:
            self._shown_once = True
            self.view.setFocus(Qt.OtherFocusReason)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    # --- behaviour ------------------------------------------------------------------------

    def _search(self, text: str) -> None:
        self.proxy.set_query(text)

    def _filter_category(self, _row: int) -> None:
        self.proxy.set_category(self.category_box.currentData())

    def _toggle(self, proxy_index: QModelIndex) -> None:
        source = self.proxy.mapToSource(proxy_index)
        result = self.model.toggle(source.row())
        if result is Toggle.FULL:
            self.show_notice(
                self.tr(
                    "You can choose up to three stories. "
                    "To change your choice, uncheck an earlier one first."
                )
            )
        elif result is Toggle.INVALID:
            reason = self.model.data(source, Role.REASON) or ""
            self.show_notice(
                self.tr("This story cannot be played: {reason}").format(reason=reason)
                if reason
                else self.tr("This story cannot be played.")
            )
        elif result is Toggle.UNCHECKED:
            self.hide_notice()

    def _update_bar(self) -> None:
        chosen = self.model.chosen()
        self.play_button.setEnabled(bool(chosen))
        if not chosen:
            self.count_label.setText(self.tr("No stories chosen yet. Tap a card to choose it."))
            return
        lang = self.model.lang
        titles = [self.model.story(i).text(self.model.story(i).title, lang) for i in chosen]
        count = self.tr("{count} of {most} chosen").format(count=len(chosen), most=MAX_CHOICES)
        # Plain text, like every label: a story's title is shown as written, never as markup.
        self.count_label.setText(f"{count}\u00a0\u00a0·\u00a0\u00a0" + self.tr(", ").join(titles))
        self.count_label.setAccessibleName(f"{count}: " + ", ".join(titles))

    def _play(self) -> None:
        if self.model.chosen():
            self.playRequested.emit(self.model.chosen())

    # --- dropped files ----------------------------------------------------------------------

    def _dropped_files(self, event: QDropEvent | QDragEnterEvent | QDragMoveEvent) -> list[Path]:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        paths = [Path(url.toLocalFile()) for url in urls if url.isLocalFile()]
        return [p for p in paths if p.suffix.lower() in ADDABLE_SUFFIXES]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if self.acceptDrops() and self._dropped_files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802
        self.dragEnterEvent(event)  # type: ignore[arg-type]

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        files = self._dropped_files(event) if self.acceptDrops() else []
        if not files:
            event.ignore()
            return
        event.acceptProposedAction()
        self.filesDropped.emit(files)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key_Return, Qt.Key_Enter) and self.model.chosen():
            self._play()
            event.accept()
        else:
            super().keyPressEvent(event)

    # --- the way into the editor (ui/editor) ---------------------------------------------

    def allow_editing(self, bundled: Path) -> None:
        """Shows New story and Edit (the app calls this outside kiosk mode); stories under
        `bundled` are edited as copies."""
        if getattr(self, "editing", None) is None:
            self.editing = _EditingButtons(self, bundled)



class _EditingButtons(QObject):
    """The picker's way into the story editor: New story, and Edit (or Edit a copy, for a
    bundled story) for the one chosen story or from a card's context menu. Absent until the
    app allows editing, which a kiosk never does."""

    def __init__(self, picker: Picker, bundled: Path) -> None:
        super().__init__(picker)
        self.picker, self.bundled = picker, bundled.resolve()
        self.new_button = QPushButton(objectName="pickerNewStory")
        self.edit_button = QPushButton(objectName="pickerEdit")
        for place, button in enumerate((self.new_button, self.edit_button), start=1):
            button.setMinimumHeight(48)
            picker._bar_layout.insertWidget(place, button)
        self.new_button.clicked.connect(picker.newStoryRequested)
        self.edit_button.clicked.connect(self._edit_chosen)
        picker.model.choicesChanged.connect(self.update)
        picker.view.setContextMenuPolicy(Qt.CustomContextMenu)
        picker.view.customContextMenuRequested.connect(self._menu)
        picker.view.editRequested.connect(lambda index: self._edit(self._folder(index)))
        self._bundled: dict[Path, bool] = {}
        picker.delegate.edit_label = self._card_label
        picker.installEventFilter(self)
        self.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.LanguageChange:
            self.update()
        return False

    def disable(self) -> None:
        """No way into the editor at all (kiosk mode)."""
        self.new_button.hide()
        self.edit_button.hide()
        self.picker.view.setContextMenuPolicy(Qt.NoContextMenu)
        self.picker.delegate.edit_label = None
        self.picker.view.viewport().update()
        self.picker.newStoryRequested.disconnect()
        self.picker.editRequested.disconnect()

    def is_bundled(self, path: Path) -> bool:
        known = self._bundled.get(path)
        if known is None:  # asked at every paint of a card: the folder is resolved once
            known = self._bundled[path] = self.bundled in path.resolve().parents
        return known

    def update(self) -> None:
        chosen = self.picker.model.chosen()
        self.new_button.setText(QCoreApplication.translate("PickerEditing", "New story"))
        bundled = len(chosen) == 1 and self.is_bundled(self.picker.model.story(chosen[0]).folder)
        self.edit_button.setText(self._edit_label(bundled))
        self.edit_button.setEnabled(len(chosen) == 1)
        self.edit_button.setToolTip(
            QCoreApplication.translate("PickerEditing", "Choose one story to edit it"))

    @staticmethod
    def _edit_label(bundled: bool) -> str:
        if bundled:  # a bundled story is never changed: the editor makes a copy of it
            return QCoreApplication.translate("PickerEditing", "Edit a copy")
        return QCoreApplication.translate("PickerEditing", "Edit")

    def _edit_chosen(self) -> None:
        chosen = self.picker.model.chosen()
        if len(chosen) == 1:
            self.picker.editRequested.emit(str(self.picker.model.story(chosen[0]).folder))

    def _folder(self, index: QModelIndex | QPersistentModelIndex) -> Path:
        """The folder (or file) of the story on the card at `index` of the picker's view."""
        entry = self.picker.model.entry(self.picker.proxy.mapToSource(index).row())
        return entry.story.folder if entry.story else entry.path

    def _card_label(self, index: QModelIndex | QPersistentModelIndex) -> str:
        return self._edit_label(self.is_bundled(self._folder(index)))

    def _edit(self, folder: Path) -> None:
        self.picker.editRequested.emit(str(folder))

    def _menu(self, pos: QPoint) -> None:
        picker = self.picker
        index = picker.view.indexAt(pos)
        if not index.isValid():
            return
        folder = self._folder(index)
        menu = QMenu(picker.view)
        menu.addAction(self._edit_label(self.is_bundled(folder)),
                       lambda: self._edit(folder))
        menu.addAction(QCoreApplication.translate("PickerEditing", "New story"),
                       picker.newStoryRequested.emit)
        menu.popup(picker.view.viewport().mapToGlobal(pos))


def _announce(widget: QWidget, text: str) -> None:
    """Tell a screen reader about `text` now (Qt 6.8+); quietly nothing where unsupported."""
    try:
        from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent

        if QAccessible.isActive():
            QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(widget, text))
    except ImportError:  # pragma: no cover - older Qt
        pass


def _style_sheet(theme: Theme) -> str:
    s, p, scale = theme.sizes, theme.palette, theme.text_scale
    chrome = theme.chrome_scale  # the page's own labels and controls
    pt = scaled
    return f"""
    #pickerHeading {{ font-size: {pt(s.heading * 1.3, chrome)}pt; font-weight: 700; }}
    #pickerSubheading {{ font-size: {pt(s.body, chrome)}pt; color: {p.muted}; }}
    #pickerSearch, #pickerCategory {{
        padding: {round(9 * chrome)}px {round(12 * chrome)}px; border-radius: 10px;
        min-height: {round(30 * chrome)}px; font-size: {pt(s.body, chrome)}pt;
    }}
    /* The search box's clear button: its own small size, centred by the box (the app's
       48 px minimum for buttons would push it to the bottom edge). */
    #pickerSearch QToolButton {{
        min-height: 0; min-width: 0; padding: 0; border: none; background: transparent;
    }}
    #storyGrid, #storyGrid:focus {{ background: transparent; border: none; }}
    #storyGrid QScrollBar:vertical {{
        background: transparent; width: {round(14 * scale)}px; margin: 4px 0;
    }}
    #storyGrid QScrollBar::handle:vertical {{
        background: {p.scrollbar}; border-radius: {round(5 * scale)}px; min-height: 48px;
        margin: 0 {round(3 * scale)}px;
    }}
    #storyGrid QScrollBar::handle:vertical:hover {{ background: {p.muted}; }}
    #storyGrid QScrollBar::add-line, #storyGrid QScrollBar::sub-line {{ height: 0; }}
    #storyGrid QScrollBar::add-page, #storyGrid QScrollBar::sub-page {{ background: none; }}
    #pickerCategory::drop-down {{ border: none; width: {round(36 * chrome)}px; }}
    QPushButton#pickerLanguage {{
        font-weight: 700; border-radius: 0; padding: {round(9 * chrome)}px {round(12 * chrome)}px;
        min-height: {round(30 * chrome)}px; font-size: {pt(s.body, chrome)}pt;
    }}
    QPushButton#pickerLanguage:focus {{ border: {p.focus_width + 1}px solid {p.accent}; }}
    #pickerCategory::down-arrow {{ image: none; }}
    #pickerCategory {{ padding-right: {round(40 * chrome)}px; }}
    #pickerNotice {{
        background: {tint(p.accent, 0.88)};
        border: 1px solid {tint(p.accent, 0.55)}; border-radius: 10px;
    }}
    #pickerNoticeText {{ font-size: {pt(s.body * 1.1, scale)}pt; font-weight: 600; }}
    #pickerBar {{ background: {p.card}; border-top: 1px solid {p.line}; }}
    /* The bar is controls, like the header: it grows only to the chrome's scale, so that
       at the largest text scale the cards keep the screen. */
    #pickerCount {{ font-size: {pt(s.body * 1.1, chrome)}pt; color: {p.ink}; }}
    QPushButton#primary {{
        font-size: {pt(s.title, chrome)}pt; border-radius: 12px;
        padding: {round(10 * chrome)}px {round(40 * chrome)}px;
    }}
    QPushButton#primary:focus {{ border: 3px solid {p.ink}; }}
    QPushButton#pickerAdd {{
        border-radius: 10px; padding: {round(9 * chrome)}px {round(16 * chrome)}px;
        min-height: {round(30 * chrome)}px;
    }}
    """
