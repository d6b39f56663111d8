"""The end card and the waiting card: long words break at syllables for the font they are
shown in, also when only a label's own font grows (the text scale), with no resize."""

from __future__ import annotations

import pytest
from layout_checks import _mid_word_breaks
from PySide6.QtWidgets import QVBoxLayout, QWidget

from storyplayer.ui.playback.end_card import EndCard
from storyplayer.ui.playback.waiting_card import WaitingCard
from storyplayer.ui.shared.hyphenation import plain

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
