"""The event view's text: laid out once per width, prepared ahead of a step, never fetching."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QColor, QImage, QTextDocument
from PySide6.QtWidgets import QVBoxLayout, QWidget

from storyplayer.ui.playback.text_block import TextBlock

PARAGRAPH = "<p>" + "Many words about the event, said over several lines. " * 12 + "</p>"


@pytest.fixture
def make_block(qtbot):  # type: ignore[no-untyped-def]
    holders: list[QWidget] = []  # kept alive until the test ends
    yield lambda rich=True: _block(qtbot, holders, rich)
    for holder in holders:
        holder.deleteLater()


def _block(qtbot, holders: list[QWidget], rich: bool, width: int = 300) -> TextBlock:
    holder = QWidget()
    holders.append(holder)
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    block = TextBlock(rich)
    layout.addWidget(block)
    layout.addStretch(1)
    holder.resize(width, 900)
    holder.show()
    qtbot.waitExposed(holder)
    return block


def test_prepared_text_is_shown_without_a_new_layout(make_block) -> None:
    block = make_block()
    block.setText("<p>First</p>")
    block.prepare(PARAGRAPH)
    prepared = block._documents[PARAGRAPH]
    assert prepared.textWidth() == block.width()  # laid out at the width it will be shown
    block.setText(PARAGRAPH)
    assert block._document is prepared
    assert block.text() == PARAGRAPH
    assert block.accessibleName().startswith("Many words about the event")
    block.parentWidget().layout().activate()
    assert block.height() == block.heightForWidth(block.width()) > 100


def test_height_follows_width_font_and_line_height(make_block) -> None:
    block = make_block()
    block.setText(PARAGRAPH)
    wide, narrow = block.heightForWidth(600), block.heightForWidth(200)
    assert narrow > wide > 0
    before = block.heightForWidth(300)
    block.setStyleSheet("font-size: 24pt;")
    bigger = block.heightForWidth(300)
    assert bigger > before
    block.set_line_height(140)
    assert block.heightForWidth(300) > bigger * 1.2
    block.setText("")
    assert block.heightForWidth(300) == 0


def test_kept_layouts_are_bounded_and_freed(make_block, qtbot) -> None:
    block = make_block()
    block.setText("<p>On screen</p>")
    shown = block._document
    for n in range(30):
        block.prepare(f"<p>Text {n}</p>")
    assert len(block._documents) <= 6
    assert block._document is shown  # preparing never drops the text on screen
    assert shown.toPlainText() == "On screen"
    # Dropped layouts are destroyed, not left behind as children for the rest of the day.
    qtbot.waitUntil(lambda: len(block.findChildren(QTextDocument)) <= 8)


def test_rich_text_never_loads_a_resource(make_block, tmp_path: Path) -> None:
    picture = tmp_path / "secret.png"
    image = QImage(40, 40, QImage.Format_RGB32)
    image.fill(QColor("red"))
    assert image.save(str(picture))
    url = QUrl.fromLocalFile(str(picture))
    block = make_block()
    block.setText(f"<p>Look: <img src='{url.toString()}' width=40 height=40></p>")
    block.grab()  # laid out and painted
    assert block._document.resource(QTextDocument.ImageResource, url) is None
    # A plain QTextDocument would have read the file: the block is what prevents it.
    plain = QTextDocument()
    plain.setHtml(block.text())
    plain.size()
    assert plain.resource(QTextDocument.ImageResource, url) is not None


def test_plain_text_is_shown_as_written(make_block) -> None:
    block = make_block(rich=False)
    block.setText("<b>not bold</b>")
    assert block._document.toPlainText() == "<b>not bold</b>"


def test_a_size_question_for_another_width_never_changes_what_is_painted(make_block) -> None:
    """A layout asking the height at a narrower width (a scroll bar's worth) must not leave
    the shown text laid out at that width: it would need more lines than the widget has."""
    block = make_block()
    block.setText(PARAGRAPH)
    block.parentWidget().layout().activate()
    height = block.height()
    assert height == block.heightForWidth(block.width())
    narrower = block.heightForWidth(block.width() - 40)
    assert narrower > height  # the narrower column needs more lines
    block.grab()  # painted
    assert block._document.textWidth() == block.width()
    assert math.ceil(block._document.size().height()) <= block.height()
    # The answer for the narrower width is remembered, not laid out again.
    assert block.heightForWidth(block.width() - 40) == narrower


def test_a_title_narrowed_step_by_step_never_breaks_at_a_letter(make_block) -> None:
    """Narrowing a pane without changing which words need hyphens must still shrink an
    unbreakable piece ("kokku") that no longer fits, and a layout prepared at another
    width must not be shown as it was: both once broke titles as "kokk|u" or "Maapäe|v"."""
    from layout_checks import _mid_word_breaks

    block = make_block(rich=False)
    block.set_hyphenation("et")
    block.setStyleSheet("font-size: 30pt; font-weight: bold; font-family: 'DejaVu Serif';")
    holder = block.parentWidget()
    block.setText("Maapäev tuleb kokku")
    shrunk = []
    for width in range(400, 99, -20):
        holder.resize(width, 900)
        holder.layout().activate()
        assert block.width() == width
        assert _mid_word_breaks(block) == [], width
        shrunk.append(block._document.defaultFont().pointSizeF())
    assert shrunk[-1] < shrunk[0]  # the narrowest widths needed a smaller title
    # Prepared while wide, shown while narrow: laid out again for the width it is shown at.
    holder.resize(400, 900)
    holder.layout().activate()
    block.prepare("Ajutine valitsus astub ametisse")
    holder.resize(110, 900)
    holder.layout().activate()
    block.setText("Ajutine valitsus astub ametisse")
    assert _mid_word_breaks(block) == []


def test_which_words_are_too_wide_follows_the_font(make_block) -> None:
    """The bold widths a block measures words with are the current font's: a word that
    fits at the usual size breaks at syllables once the text scale grows, without a resize."""
    block = make_block(rich=False)
    block.set_hyphenation("et")
    block.setStyleSheet("font-size: 10pt;")
    block.setText("Iseseisvusmanifest")
    block.heightForWidth(block.width())  # laid out
    assert block._document.property("tooWide") == []
    block.setStyleSheet("font-size: 40pt;")
    block.heightForWidth(block.width())
    assert block._document.property("tooWide") == ["Iseseisvusmanifest"]
