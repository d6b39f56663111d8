"""The end card and the waiting card: long words break at syllables for the font they are
shown in, also when only a label's own font grows (the text scale), with no resize; words
that need more room than the pane has fade out at its edge."""

from __future__ import annotations

import pytest
from layout_checks import _mid_word_breaks
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QVBoxLayout, QWidget

from storyplayer.model.config import MAX_TEXT_SCALE
from storyplayer.ui.playback.end_card import EndCard
from storyplayer.ui.playback.waiting_card import WaitingCard
from storyplayer.ui.shared.hyphenation import plain
from storyplayer.ui.shared.theme import DEFAULT

TITLE = "Eesti saab iseseisvaks, 1918–1920"


@pytest.mark.parametrize("kind", ["end", "waiting"])
def test_a_title_grown_by_the_text_scale_breaks_at_a_syllable(qtbot, kind: str) -> None:
    holder = QWidget()
    qtbot.addWidget(holder)
    card = EndCard(TITLE, "#b03a2e", lang="et") if kind == "end" else WaitingCard(TITLE, "et")
    QVBoxLayout(holder).addWidget(card)
    holder.resize(240, 900)
    holder.show()
    qtbot.waitExposed(holder)
    title = card.story_title
    assert "\u00ad" not in title.text()  # at the usual size every word fits its line
    title.setStyleSheet("font-size: 40pt; font-weight: bold;")  # as the text scale sets it
    qtbot.waitUntil(lambda: "\u00ad" in title.text(), timeout=5000)
    assert _mid_word_breaks(title) == []
    assert plain(title.text()) == TITLE and title.accessibleName() == TITLE


@pytest.mark.parametrize("kind", ["end", "waiting"])
def test_words_with_more_below_fade_out_at_the_edge(qtbot, kind: str) -> None:
    holder = QWidget()
    qtbot.addWidget(holder)
    card = EndCard(TITLE, "#b03a2e", lang="et") if kind == "end" else WaitingCard(TITLE, "et")
    card.apply_theme(DEFAULT.with_text_scale(MAX_TEXT_SCALE), "#b03a2e")
    QVBoxLayout(holder).addWidget(card)
    holder.resize(700, 1600)
    holder.show()
    qtbot.waitExposed(holder)
    bar = card.scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() == 0)
    assert not card.fade.isVisible()  # every word in view
    holder.resize(240, 260)  # a narrow, short pane at the largest text
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    qtbot.waitUntil(card.fade.isVisible)
    viewport = card.scroll.viewport().geometry()
    assert card.fade.geometry().bottom() == viewport.bottom()
    assert card.fade.width() == viewport.width()
    # Its colour is the card's, so the words fade into the card, not into a band.
    assert card.fade.color == QColor(DEFAULT.palette.card)
    bar.setValue(bar.maximum())  # scrolled to the last line: nothing more below
    assert not card.fade.isVisible()
    bar.setValue(0)
    assert card.fade.isVisible()
