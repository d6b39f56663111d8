"""The elided label keeps the lines of its last paint while nothing they depend on changes,
and draws exactly what a fresh label of the same text, width and font draws."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QWidget

from storyplayer.ui.shared.elided_label import ElidedLabel

LONG = "The Estonian War of Independence and the Landeswehr War, " * 4


def _image(label: ElidedLabel):  # type: ignore[no-untyped-def]
    return label.grab().toImage()


def _fresh(label: ElidedLabel, holder: QWidget):  # type: ignore[no-untyped-def]
    fresh = ElidedLabel(label.text(), 2, holder, lang="en")
    fresh.setFont(label.font())
    fresh.resize(label.size())
    return _image(fresh)


def test_an_elided_label_redraws_what_changed_and_only_then(qtbot) -> None:
    holder = QWidget()
    qtbot.addWidget(holder)
    label = ElidedLabel("Event 1 of 12", 2, holder, lang="en")
    label.resize(300, label.sizeHint().height())
    holder.show()
    steps = [
        lambda: label.setText(LONG),
        lambda: label.resize(140, label.height()),
        lambda: label.setFont(QFont(label.font().family(), 15)),
        lambda: label.resize(600, label.sizeHint().height()),
        lambda: label.setText("Event 2 of 12 · 14 s left"),
    ]
    laid = None
    for step in steps:
        step()
        assert _image(label) == _fresh(label, holder)
        assert label._laid is not laid  # laid out again for the change
        laid = label._laid
        assert _image(label) == _fresh(label, holder)
        assert label._laid is laid  # and kept while nothing changes
    label.setText(LONG)
    _image(label)
    assert label._laid[2][-1][1] is not None and label._laid[2][-1][1].endswith("…")
    assert label.toolTip()  # the whole text, for the part cut off


def test_a_last_word_too_wide_for_its_line_is_cut_short_not_clipped(qtbot) -> None:
    """ "Liivi sõda 1558–1583" in a narrow header at a large text size: "1558–1583" has
    nowhere to break, and ran under the list button beside the title."""
    holder = QWidget()
    qtbot.addWidget(holder)
    label = ElidedLabel("Liivi sõda 1558–1583", 2, holder, lang="et")
    label.setFont(QFont(label.font().family(), 30))
    metrics = QFontMetricsF(label.font())
    first, years = metrics.horizontalAdvance("Liivi sõda "), metrics.horizontalAdvance("1558–1583")
    assert first < years
    width = (first + years) / 2  # "Liivi sõda" fits a line, "1558–1583" does not
    label.resize(int(width), label.sizeHint().height())
    holder.show()
    lines = label._lay_out(QFontMetricsF(label.font()))
    assert len(lines) == 2 and lines[0][1] is None
    last = lines[-1][1]
    assert last is not None and last.endswith("…") and last.startswith("155")
    assert QFontMetricsF(label.font()).horizontalAdvance(last) <= width
