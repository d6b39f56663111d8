"""The picker's list of stories as a Qt model: every library entry, which ones are chosen
(in the order they were chosen, at most three), and the filter behind search and category.
"""

from __future__ import annotations

import bisect
import enum
import math
import zlib
from dataclasses import dataclass, field

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from storyplayer.model.dates import DateSpan, format_period, line_start
from storyplayer.model.library import Entry, Library, search_text
from storyplayer.model.story import Story
from storyplayer.ui.shared.theme import INVALID_STORY_COLOR, STORY_COLORS

MAX_CHOICES = 3

# Card colours for stories whose author chose none: muted, distinct, white text reads on them.
_QUIET_COLORS = STORY_COLORS
_INVALID_COLOR = INVALID_STORY_COLOR

Index = QModelIndex | QPersistentModelIndex


class Role(enum.IntEnum):
    ID = Qt.UserRole + 1
    STORY = Qt.UserRole + 2
    VALID = Qt.UserRole + 3
    REASON = Qt.UserRole + 4
    CHECKED = Qt.UserRole + 5
    TITLE = Qt.UserRole + 6
    SUMMARY = Qt.UserRole + 7
    PERIOD = Qt.UserRole + 8
    CATEGORIES = Qt.UserRole + 9
    EVENT_COUNT = Qt.UserRole + 10
    MINUTES = Qt.UserRole + 11
    COLOR = Qt.UserRole + 12
    COVER = Qt.UserRole + 13
    SEARCH_TEXT = Qt.UserRole + 14
    CHOICE_NUMBER = Qt.UserRole + 15  # 1, 2 or 3 while chosen; 0 otherwise


class Toggle(enum.Enum):
    """What asking to toggle a story did."""

    CHECKED = "checked"
    UNCHECKED = "unchecked"
    FULL = "full"  # already MAX_CHOICES chosen: nothing changed
    INVALID = "invalid"  # the entry cannot be played: nothing changed


@dataclass
class _Row:
    """What a card shows that does not depend on the language, worked out once."""

    entry: Entry
    search: str
    minutes: int = 0
    color: str = _INVALID_COLOR
    first: DateSpan | None = None
    last: DateSpan | None = None
    periods: dict[str, str] = field(default_factory=dict)


def _row(entry: Entry) -> _Row:
    story = entry.story
    if story is None:
        return _Row(entry, f"{entry.name}\n{entry.reason}".casefold())
    first, last = story.period() or (None, None)
    return _Row(
        entry,
        search=search_text(story),
        minutes=max(1, math.ceil(story.running_time() / 60)) if story.events else 0,
        color=story.color or _QUIET_COLORS[zlib.crc32(story.id.encode()) % len(_QUIET_COLORS)],
        first=first,
        last=last,
    )


def _chronological(entry: Entry) -> tuple[bool, float]:
    """Playable stories by their earliest date (undated ones after); broken ones last.
    The sort is stable, so equal keys keep the library's order."""
    if entry.story is None:
        return (True, 0.0)
    days = [span.sort_key() for span in entry.story.dated_events()]
    return (False, min(days) if days else math.inf)


class StoryListModel(QAbstractListModel):
    """Library entries, playable ones first in historical order, and the choice of up to
    three of them."""

    choicesChanged = Signal()

    def __init__(self, library: Library, lang: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        entries = sorted(library.entries, key=_chronological)
        self._rows = [_row(e) for e in entries]
        self._row_of = {r.entry.story.id: i for i, r in enumerate(self._rows) if r.entry.story}
        self._chosen: list[str] = []
        self._lang = lang

    # --- Qt model -------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: Index) -> Qt.ItemFlag:
        # Invalid entries stay enabled: a tap on one must be able to say why it does not play.
        return Qt.ItemIsEnabled | Qt.ItemIsSelectable if index.isValid() else Qt.NoItemFlags

    def data(self, index: Index, role: int = Qt.DisplayRole) -> object:
        return self.row_data(index.row(), role) if index.isValid() else None

    def row_data(self, number: int, role: int) -> object:
        """What `data` gives for the row `number`, without building an index."""
        if not 0 <= number < len(self._rows):
            return None
        row = self._rows[number]
        story = row.entry.story
        if role in (Qt.DisplayRole, Role.TITLE):
            return story.text(story.title, self._lang) if story else row.entry.name
        if role == Role.ID:
            return story.id if story else ""
        if role == Role.STORY:
            return story
        if role == Role.VALID:
            return story is not None
        if role == Role.REASON:
            return row.entry.reason
        if role in (Role.CHECKED, Qt.CheckStateRole):
            checked = story is not None and story.id in self._chosen
            if role == Role.CHECKED:
                return checked
            return Qt.Checked if checked else Qt.Unchecked
        if role == Role.CHOICE_NUMBER:
            return self._chosen.index(story.id) + 1 if story and story.id in self._chosen else 0
        if role == Role.SEARCH_TEXT:
            return row.search
        if story is None:
            return self._invalid_data(row, role)
        if role == Role.SUMMARY:
            return story.text(story.summary, self._lang)
        if role == Role.PERIOD:
            if self._lang not in row.periods:
                period = format_period(row.first, row.last, self._lang)
                row.periods[self._lang] = line_start(period, self._lang)  # its own line
            return row.periods[self._lang]
        if role == Role.CATEGORIES:
            return list(story.categories)
        if role == Role.EVENT_COUNT:
            return len(story.events)
        if role == Role.MINUTES:
            return row.minutes
        if role == Role.COLOR:
            return row.color
        if role == Role.COVER:
            return str(story.cover) if story.cover else ""  # never None: see _invalid_data
        if role == Qt.AccessibleTextRole:
            title = story.text(story.title, self._lang)
            period = self.row_data(number, Role.PERIOD)
            state = self.tr("chosen") if story.id in self._chosen else self.tr("not chosen")
            return ", ".join(part for part in (title, period, state) if part)
        if role == Qt.AccessibleDescriptionRole:
            return story.text(story.summary, self._lang)
        if role == Qt.ToolTipRole and story.cover is not None and story.cover_credit:
            # The cover's credit (an imported picture's licence may require it) on hover.
            caption = story.text(story.cover_caption, self._lang)
            credit = self.tr("Cover: {credit}").format(
                credit=story.text(story.cover_credit, self._lang))
            return f"{caption}\n{credit}" if caption else credit
        return None

    def _invalid_data(self, row: _Row, role: int) -> object:
        # Roles the cards read get a real value, never None: PySide6 6.12 on Python 3.11
        # drops a reference to None each time an empty QVariant comes back to Python.
        if role == Role.COVER:
            return ""
        if role == Role.COLOR:
            return _INVALID_COLOR
        if role in (Role.SUMMARY, Role.PERIOD):
            return ""
        if role == Role.CATEGORIES:
            return []
        if role in (Role.EVENT_COUNT, Role.MINUTES):
            return 0
        if role == Qt.AccessibleTextRole:
            return self.tr("{name}, cannot be played").format(name=row.entry.name)
        if role == Qt.AccessibleDescriptionRole:
            return row.entry.reason
        return None

    def roleNames(self) -> dict[int, bytes]:
        names = dict(super().roleNames())
        names.update({int(r): r.name.lower().encode() for r in Role})
        return names

    # --- choices --------------------------------------------------------------------------

    @property
    def lang(self) -> str:
        return self._lang

    def set_language(self, lang: str) -> None:
        if lang != self._lang:
            self._lang = lang
            self._changed_all()

    def chosen(self) -> list[str]:
        """Ids of the chosen stories, in the order they were chosen."""
        return list(self._chosen)

    def story(self, story_id: str) -> Story:
        story = self._rows[self._row_of[story_id]].entry.story
        assert story is not None
        return story

    def toggle(self, row: int) -> Toggle:
        """Choose or un-choose the story in `row`; refuses a fourth and invalid entries."""
        story = self._rows[row].entry.story
        if story is None:
            return Toggle.INVALID
        if story.id in self._chosen:
            self._chosen.remove(story.id)
            result = Toggle.UNCHECKED
            self._changed_all()  # the choice numbers of later cards move down
        elif len(self._chosen) >= MAX_CHOICES:
            return Toggle.FULL
        else:
            self._chosen.append(story.id)
            result = Toggle.CHECKED
            self.dataChanged.emit(self.index(row), self.index(row))
        self.choicesChanged.emit()
        return result

    def entry(self, row: int) -> Entry:
        """The library entry (valid or not) shown in `row`."""
        return self._rows[row].entry

    def clear_choices(self) -> None:
        if self._chosen:
            self._chosen.clear()
            self._changed_all()
            self.choicesChanged.emit()

    def _changed_all(self) -> None:
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1))

    def set_library(self, library: Library) -> None:
        """Show `library` instead (a story was added or replaced); choices of stories that are
        still there stay chosen."""
        self.beginResetModel()
        self._rows = [_row(e) for e in sorted(library.entries, key=_chronological)]
        self._row_of = {r.entry.story.id: i for i, r in enumerate(self._rows) if r.entry.story}
        self._chosen = [story_id for story_id in self._chosen if story_id in self._row_of]
        self.endResetModel()
        self.choicesChanged.emit()


class StoryFilterModel(QAbstractListModel):
    """Cards whose text holds every word typed (any language) and that carry the category.

    Broken entries show only while no category is picked, and match by folder name and reason.
    A flat list of the source's rows that match, worked out in one pass per change: a
    QSortFilterProxyModel would call back into Python once per story on every keystroke.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source: StoryListModel | None = None
        self._words: list[str] = []
        self._category: str | None = None
        self._broken_shown = True  # kiosk visitors never see a story that cannot play
        self._rows: list[int] = []  # the source rows shown, in the source's order

    def setSourceModel(self, model: StoryListModel) -> None:  # noqa: N802 - Qt naming
        self.beginResetModel()
        self._source = model
        model.dataChanged.connect(self._source_changed)
        model.modelReset.connect(self._source_reset)
        self._rows = self._matching()
        self.endResetModel()

    def _source_reset(self) -> None:
        self.beginResetModel()
        self._rows = self._matching()
        self.endResetModel()

    def sourceModel(self) -> StoryListModel | None:  # noqa: N802 - Qt naming
        return self._source

    def mapToSource(self, index: Index) -> QModelIndex:  # noqa: N802 - Qt naming
        if self._source is None or not index.isValid() or index.row() >= len(self._rows):
            return QModelIndex()
        return self._source.index(self._rows[index.row()])

    def set_query(self, query: str) -> None:
        words = query.casefold().split()
        if words != self._words:
            self._words = words
            self._refilter()

    def set_category(self, category: str | None) -> None:
        """Show only stories tagged `category`; None or "" shows all."""
        if category != self._category:
            self._category = category
            self._refilter()

    def set_broken_shown(self, shown: bool) -> None:
        """Show stories that cannot be played (with their reason), or leave them out."""
        if shown != self._broken_shown:
            self._broken_shown = shown
            self._refilter()

    # --- Qt model -------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: Index) -> Qt.ItemFlag:
        return Qt.ItemIsEnabled | Qt.ItemIsSelectable if index.isValid() else Qt.NoItemFlags

    def data(self, index: Index, role: int = Qt.DisplayRole) -> object:
        if self._source is None or not index.isValid() or index.row() >= len(self._rows):
            return None
        return self._source.row_data(self._rows[index.row()], role)

    def roleNames(self) -> dict[int, bytes]:  # noqa: N802 - Qt naming
        return self._source.roleNames() if self._source else super().roleNames()

    # --- filtering ------------------------------------------------------------------------

    def _matching(self) -> list[int]:
        if self._source is None:
            return []
        rows = self._source._rows
        numbers: range | list[int] = range(len(rows))
        if not self._broken_shown:
            numbers = [n for n in numbers if rows[n].entry.story is not None]
        if self._category:
            category = self._category
            numbers = [n for n in numbers if rows[n].entry.story is not None
                       and category in rows[n].entry.story.categories]
        # One membership test per row and word; the usual single word needs no generator.
        for word in self._words:
            numbers = [n for n in numbers if word in rows[n].search]
        return list(numbers)

    def _refilter(self) -> None:
        rows = self._matching()
        if rows != self._rows:
            self.beginResetModel()
            self._rows = rows
            self.endResetModel()

    def _source_changed(self, top: QModelIndex, bottom: QModelIndex, roles: list[int]) -> None:
        first = bisect.bisect_left(self._rows, top.row())
        last = bisect.bisect_right(self._rows, bottom.row()) - 1
        if first <= last:
            self.dataChanged.emit(self.index(first), self.index(last), roles)
