"""The picker on real widgets: choosing up to three by tapping cards, the refusal banner,
search in every language, the category filter, broken stories, Play and clearing.

Waits on signals and conditions only, never on sleeps.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QModelIndex, QPointF, QSize, Qt
from PySide6.QtGui import QImage, QImageReader, QMouseEvent
from PySide6.QtWidgets import QApplication, QToolButton

from storyplayer.model.config import MAX_TEXT_SCALE
from storyplayer.model.library import Entry, Library
from storyplayer.ui.picker import picker as picker_module
from storyplayer.ui.picker.picker import Picker
from storyplayer.ui.picker.story_list_model import Role
from storyplayer.ui.shared.cover_image import CoverCache
from storyplayer.ui.shared.theme import DEFAULT, Theme

REFUSAL = "You can choose up to three stories. To change your choice, uncheck an earlier one first."

STORIES = {
    "tartu-peace": (
        "The Peace of Tartu",
        "How the war of independence ended at a table.",
        "Tartu rahu sõlmimine.",
        ["history", "politics"],
        "1920-02-02",
    ),
    "narva-1700": (
        "The Battle of Narva",
        "A young king and a winter storm.",
        "Rootsi kuningas Narva all.",
        ["history", "war"],
        "1700-11-20 O.S.",
    ),
    "hanseatic-tallinn": (
        "Hanseatic Tallinn",
        "Merchants, guilds and the town hall.",
        "Kaupmehed ja gildid.",
        ["trade"],
        "c. 1350",
    ),
    "song-festival": (
        "The Singing Revolution",
        "Voices that changed a country.",
        "Laul, mis muutis riiki.",
        ["music", "history"],
        "1988-09-11",
    ),
    # Found by "petro" only through its Estonian summary.
    "capital-1917": (
        "The Capital in 1917",
        "A revolution in the Russian capital.",
        "Revolutsioon Petrogradis.",
        ["revolution"],
        "1917-10-25 O.S.",
    ),
}


def write_story(
    folder: Path, story_id: str, title: str, en: str, et: str, categories: list[str], date: str
) -> None:
    folder.mkdir(parents=True)
    events = "\n".join(
        f'  - title: {{en: Event {n}, et: Sündmus {n}}}\n    date: "{date}"\n    seconds: 50\n'
        for n in range(1, 4)
    )
    (folder / "story.yaml").write_text(
        f"format: 1\nid: {story_id}\n"
        f'title: {{en: "{title}", et: "{title} (et)"}}\n'
        f'summary: {{en: "{en}", et: "{et}"}}\n'
        f"categories: [{', '.join(categories)}]\n"
        f"events:\n{events}",
        encoding="utf-8",
    )


@pytest.fixture
def library(tmp_path: Path) -> Library:
    root = tmp_path / "stories"
    for story_id, (title, en, et, categories, date) in STORIES.items():
        write_story(root / story_id, story_id, title, en, et, categories, date)
    broken = root / "broken-story"
    broken.mkdir()
    (broken / "story.yaml").write_text("format: 1\ntitle: Broken\n", encoding="utf-8")
    lib = Library.load([root])
    assert len(lib.stories) == 5 and len(lib.invalid) == 1
    return lib


@pytest.fixture
def picker(qtbot, library: Library) -> Picker:
    widget = Picker(library, "en")
    qtbot.addWidget(widget)
    widget.resize(1280, 720)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def index_of(picker: Picker, story_id: str) -> QModelIndex:
    proxy = picker.proxy
    for row in range(proxy.rowCount()):
        index = proxy.index(row, 0)
        if index.data(Role.ID) == story_id:
            return index
    raise LookupError(story_id)


def invalid_index(picker: Picker) -> QModelIndex:
    proxy = picker.proxy
    rows = [proxy.index(r, 0) for r in range(proxy.rowCount())]
    return next(i for i in rows if not i.data(Role.VALID))


def tap(qtbot, picker: Picker, index: QModelIndex) -> None:
    view = picker.view
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=view.visualRect(index).center())


def visible_ids(picker: Picker) -> list[str]:
    proxy = picker.proxy
    return [proxy.index(r, 0).data(Role.ID) for r in range(proxy.rowCount())]


def test_cards_show_every_entry_with_broken_ones_last(picker: Picker) -> None:
    assert picker.objectName() == "picker"
    assert picker.proxy.rowCount() == 6
    last = picker.proxy.index(5, 0)
    assert last.data(Role.VALID) is False
    assert last.data(Role.REASON)
    assert picker.play_button.objectName() == "primary"
    assert not picker.play_button.isEnabled()
    assert picker.heading.text() == "Choose stories"
    assert picker.search_box.placeholderText() == "Search stories"


def test_card_shows_period_events_and_minutes(picker: Picker) -> None:
    index = index_of(picker, "tartu-peace")
    assert index.data(Role.PERIOD) == "1920"
    assert index.data(Role.EVENT_COUNT) == 3
    assert index.data(Role.MINUTES) == 3  # 150 s, rounded up
    size = picker.view.visualRect(index).size()
    assert 240 <= size.width() <= 400 and 280 <= size.height() <= 420


def test_three_are_chosen_and_a_fourth_is_refused_in_place(qtbot, picker: Picker) -> None:
    first = ["tartu-peace", "narva-1700", "hanseatic-tallinn"]
    for story_id in first:
        tap(qtbot, picker, index_of(picker, story_id))
    assert picker.chosen() == first
    assert picker.play_button.isEnabled()
    assert "3 of 3 chosen" in picker.count_label.text()
    assert "The Battle of Narva" in picker.count_label.text()
    # The label shows plain text: no markup may reach the screen as "<b>" or "&nbsp;".
    assert picker.count_label.textFormat() == Qt.PlainText
    assert "<" not in picker.count_label.text() and "&" not in picker.count_label.text()
    assert not picker.notice.isVisible()

    fourth = index_of(picker, "song-festival")
    tap(qtbot, picker, fourth)
    assert picker.chosen() == first
    assert fourth.data(Role.CHECKED) is False
    assert picker.notice.isVisible()
    assert picker.notice_label.text() == REFUSAL

    # Un-choosing one clears the banner and frees a place for the fourth.
    tap(qtbot, picker, index_of(picker, "narva-1700"))
    assert not picker.notice.isVisible()
    tap(qtbot, picker, fourth)
    assert picker.chosen() == ["tartu-peace", "hanseatic-tallinn", "song-festival"]
    assert fourth.data(Role.CHECKED) is True


def test_refusal_banner_goes_away_by_itself(qtbot, picker: Picker) -> None:
    picker._notice_timer.setInterval(50)
    for story_id in ["tartu-peace", "narva-1700", "hanseatic-tallinn", "song-festival"]:
        tap(qtbot, picker, index_of(picker, story_id))
    assert picker.notice.isVisible()
    qtbot.waitUntil(lambda: not picker.notice.isVisible(), timeout=2000)
    assert picker_module.NOTICE_MILLISECONDS == 6000


def test_double_click_toggles_once(qtbot, picker: Picker) -> None:
    index = index_of(picker, "tartu-peace")
    qtbot.mouseDClick(
        picker.view.viewport(), Qt.LeftButton, pos=picker.view.visualRect(index).center()
    )
    assert picker.chosen() == ["tartu-peace"]


def test_space_toggles_the_focused_card(qtbot, picker: Picker) -> None:
    picker.view.setFocus()
    picker.view.setCurrentIndex(index_of(picker, "narva-1700"))
    qtbot.keyClick(picker.view, Qt.Key_Space)
    assert picker.chosen() == ["narva-1700"]
    qtbot.keyClick(picker.view, Qt.Key_Space)
    assert picker.chosen() == []


def test_search_matches_titles_and_summaries_in_every_language(picker: Picker) -> None:
    picker.search_box.setText("petro")
    assert visible_ids(picker) == ["capital-1917"]
    picker.search_box.setText("NARVA battle")
    assert visible_ids(picker) == ["narva-1700"]
    picker.search_box.setText("rahu")  # Estonian summary of the Peace of Tartu
    assert visible_ids(picker) == ["tartu-peace"]
    picker.search_box.setText("no such thing")
    assert picker.proxy.rowCount() == 0
    picker.search_box.clear()
    assert picker.proxy.rowCount() == 6


def test_category_filter(picker: Picker) -> None:
    box = picker.category_box
    assert box.itemText(0) == "All categories"
    assert [box.itemData(i) for i in range(1, box.count())] == [
        "history",
        "music",
        "politics",
        "revolution",
        "trade",
        "war",
    ]
    box.setCurrentIndex(box.findData("history"))
    assert sorted(visible_ids(picker)) == ["narva-1700", "song-festival", "tartu-peace"]
    picker.search_box.setText("singing")
    assert visible_ids(picker) == ["song-festival"]
    picker.search_box.clear()
    box.setCurrentIndex(0)
    assert picker.proxy.rowCount() == 6


def test_choices_survive_filtering(qtbot, picker: Picker) -> None:
    tap(qtbot, picker, index_of(picker, "hanseatic-tallinn"))
    picker.search_box.setText("narva")
    tap(qtbot, picker, index_of(picker, "narva-1700"))
    picker.search_box.clear()
    assert picker.chosen() == ["hanseatic-tallinn", "narva-1700"]


def test_broken_story_cannot_be_chosen_and_says_why(qtbot, picker: Picker) -> None:
    index = invalid_index(picker)
    tap(qtbot, picker, index)
    assert picker.chosen() == []
    assert index.data(Role.CHECKED) is False
    assert picker.notice.isVisible()
    assert "cannot be played" in picker.notice_label.text()
    assert index.data(Role.REASON) in picker.notice_label.text()
    assert not picker.play_button.isEnabled()


def test_play_emits_ids_in_the_order_chosen(qtbot, picker: Picker) -> None:
    order = ["song-festival", "tartu-peace", "capital-1917"]
    for story_id in order:
        tap(qtbot, picker, index_of(picker, story_id))
    with qtbot.waitSignal(picker.playRequested) as blocker:
        qtbot.mouseClick(picker.play_button, Qt.LeftButton)
    assert blocker.args == [order]


def test_enter_plays(qtbot, picker: Picker) -> None:
    tap(qtbot, picker, index_of(picker, "narva-1700"))
    picker.view.setFocus()
    with qtbot.waitSignal(picker.playRequested) as blocker:
        qtbot.keyClick(picker.view, Qt.Key_Return)
    assert blocker.args == [["narva-1700"]]


def test_enter_with_nothing_chosen_does_not_play(qtbot, picker: Picker) -> None:
    with qtbot.assertNotEmitted(picker.playRequested):
        qtbot.keyClick(picker.view, Qt.Key_Return)


def test_clear_choices_unchecks_all(qtbot, picker: Picker) -> None:
    for story_id in ["tartu-peace", "narva-1700"]:
        tap(qtbot, picker, index_of(picker, story_id))
    picker.clear_choices()
    assert picker.chosen() == []
    assert not any(index_of(picker, s).data(Role.CHECKED) for s in STORIES)
    assert not picker.play_button.isEnabled()
    assert "No stories chosen" in picker.count_label.text()


def test_language_changes_card_text(picker: Picker) -> None:
    picker.set_language("et")
    assert index_of(picker, "narva-1700").data(Role.TITLE) == "The Battle of Narva (et)"
    assert index_of(picker, "narva-1700").data(Role.SUMMARY) == "Rootsi kuningas Narva all."


def test_text_scale_grows_cards(picker: Picker) -> None:
    before = picker.view.visualRect(index_of(picker, "narva-1700")).height()
    picker.apply_theme(Theme(text_scale=1.5))
    after = picker.view.visualRect(index_of(picker, "narva-1700")).height()
    assert after > before * 1.3


def test_accessible_names_and_tab_order(picker: Picker) -> None:
    for widget in (picker.search_box, picker.category_box, picker.view, picker.play_button):
        assert widget.accessibleName()
    tab = [picker.search_box, picker.category_box, picker.view, picker.play_button]
    for a, b in zip(tab, tab[1:], strict=False):
        assert a.nextInFocusChain() is b or _next_focusable(a) is b


def _next_focusable(widget):
    nxt = widget.nextInFocusChain()
    while nxt is not widget and not (nxt.focusPolicy() & Qt.TabFocus and nxt.isVisible()):
        nxt = nxt.nextInFocusChain()
    return nxt


def test_cover_cache_reads_svg_and_survives_broken_files(tmp_path: Path) -> None:
    svg = tmp_path / "cover.svg"
    svg.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20">'
        '<rect width="40" height="20" fill="#1f618d"/></svg>',
        encoding="utf-8",
    )
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"not a png")
    assert b"svg" in [bytes(f) for f in QImageReader.supportedImageFormats()]
    cache = CoverCache()
    image = cache.get(svg, QSize(300, 150))
    assert isinstance(image, QImage) and image.size() == QSize(300, 150)
    assert image.pixelColor(150, 75).name() == "#1f618d"
    assert cache.get(broken, QSize(300, 150)) is None
    assert cache.get(None, QSize(300, 150)) is None


def test_bundled_library_renders(qtbot, tmp_path: Path) -> None:
    stories = Path(__file__).resolve().parents[2] / "stories"
    library = Library.load([stories])
    widget = Picker(library, "en")
    qtbot.addWidget(widget)
    widget.resize(1280, 720)
    widget.show()
    qtbot.waitExposed(widget)
    assert widget.grab().save(str(tmp_path / "picker.png"))
    assert widget.proxy.rowCount() == len(library.entries)


def test_a_thousand_stories_stay_model_view(qtbot, library: Library) -> None:
    story = library.stories[0]
    many = Library(Entry(story.folder, replace(story, id=f"s{n}")) for n in range(1000))
    widget = Picker(many, "en")
    qtbot.addWidget(widget)
    widget.resize(1280, 720)
    widget.show()
    qtbot.waitExposed(widget)
    assert widget.proxy.rowCount() == 1000
    # One view, no widget per story.
    assert len(widget.findChildren(type(widget.view))) == 1
    assert len(widget.findChildren(object)) < 200


def test_a_real_double_click_sequence_toggles_once(picker: Picker) -> None:
    """Press, release, press, double-click, release, as a platform delivers them."""
    viewport = picker.view.viewport()
    pos = QPointF(picker.view.visualRect(index_of(picker, "narva-1700")).center())
    for n, kind in enumerate(
        (
            QEvent.MouseButtonPress,
            QEvent.MouseButtonRelease,
            QEvent.MouseButtonPress,
            QEvent.MouseButtonDblClick,
            QEvent.MouseButtonRelease,
        )
    ):
        pressed = Qt.NoButton if kind == QEvent.MouseButtonRelease else Qt.LeftButton
        event = QMouseEvent(
            kind, pos, viewport.mapToGlobal(pos), Qt.LeftButton, pressed, Qt.NoModifier
        )
        event.setTimestamp(10_000 + 40 * n)
        QApplication.sendEvent(viewport, event)
    assert picker.chosen() == ["narva-1700"]


def test_a_choice_made_while_filtered_repaints_its_own_card(qtbot, picker: Picker) -> None:
    picker.search_box.setText("narva")
    index = index_of(picker, "narva-1700")
    with qtbot.waitSignal(picker.proxy.dataChanged) as changed:
        tap(qtbot, picker, index)
    top, bottom = changed.args[0], changed.args[1]
    assert top.row() <= index.row() <= bottom.row()
    assert bottom.row() < picker.proxy.rowCount()
    assert index.data(Role.CHECKED) is True
    assert picker.proxy.mapToSource(index).data(Role.ID) == "narva-1700"


def test_on_a_wide_screen_the_cards_grow_to_fill_their_row(qtbot, library: Library) -> None:
    picker = Picker(library, "en")  # six cards: a wide row has room for eight
    qtbot.addWidget(picker)
    picker.resize(2400, 1000)
    picker.show()
    qtbot.waitExposed(picker)
    grid = picker.view
    qtbot.waitUntil(lambda: grid.viewport().width() > 2200)
    count = picker.proxy.rowCount()
    assert 1 < count <= 6
    rects = [grid.visualRect(picker.proxy.index(row, 0)) for row in range(count)]
    assert len({r.top() for r in rects}) == 1  # one row
    used = rects[-1].right() - rects[0].left()
    assert used >= 0.85 * grid.viewport().width()  # not 60 % of the screen left empty
    assert picker.delegate.summary_lines > 3  # the cards say more of each story
    # A search that leaves one story does not blow its card up to the whole width.
    picker.search_box.setText("Narva")
    qtbot.waitUntil(lambda: picker.proxy.rowCount() == 1)
    assert grid.visualRect(picker.proxy.index(0, 0)).width() <= rects[0].width() + 1


@pytest.mark.parametrize("scale", [1.0, 2.5])
def test_the_search_boxs_clear_button_sits_inside_it(make_window, bundled_library, scale) -> None:
    window = make_window(bundled_library)  # with the app's style sheet for buttons
    window.set_text_scale(scale)
    box = window.picker.search_box
    box.setText("war")
    buttons = [b for b in box.findChildren(QToolButton) if b.isVisible()]
    assert len(buttons) == 1
    clear = buttons[0].geometry()
    assert box.rect().contains(clear)
    assert abs(clear.center().y() - box.rect().center().y()) <= 2  # centred, not at the edge


def test_at_the_largest_text_a_cards_title_shows_below_its_cover(qtbot, picker: Picker) -> None:
    """One card a row at 1280×720 and the largest text: its cover is kept short enough
    that the title shows in the view, not below the fold; with several a row it is not."""
    view = picker.view
    first = picker.proxy.index(0, 0)
    delegate = view.itemDelegate()
    assert delegate.cover_limit is None  # several cards a row
    picker.apply_theme(DEFAULT.with_text_scale(MAX_TEXT_SCALE))
    qtbot.waitUntil(lambda: delegate.cover_limit is not None)
    view.scrollTo(first)
    card = view.visualRect(first)
    assert card.width() > 0.8 * view.viewport().width()  # one a row
    title_line = 60 * MAX_TEXT_SCALE  # margin, padding and a line of the title
    assert card.top() + delegate.cover_height() + title_line < view.viewport().height()
    picker.apply_theme(DEFAULT)
    qtbot.waitUntil(lambda: delegate.cover_limit is None)
