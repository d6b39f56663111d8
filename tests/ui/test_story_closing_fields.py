"""What an imported story keeps, on screen: the closing words on the end card above its
buttons, an event's own colour as a band above its date, the cover's credit on the card's
tooltip and in the handout."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt
from story_files import story_data, write_story

from storyplayer.cli import main
from storyplayer.model.library import Library
from storyplayer.resources import bundled_stories_dir
from storyplayer.ui.picker.story_list_model import Role

COVER = bundled_stories_dir() / "october-1917" / "cover.svg"


def _library(tmp_path: Path) -> Path:
    data = story_data(
        ending={"en": "Visit the bridge museum on Sundays.", "et": "Sillamuuseum on avatud."},
        cover={"src": "cover.svg", "caption": "The bridge", "credit": "Photo: A. Author"},
    )
    data["events"][1]["background"] = "#1a2b3c"
    data["events"][2]["background"] = "#fdfdfd"  # as pale as the card: outlined
    folder = write_story(tmp_path / "stories", "kept", data)
    shutil.copy(COVER, folder / "cover.svg")
    return tmp_path / "stories"


def test_ending_band_and_cover_credit_on_screen(qtbot, make_window, tmp_path: Path) -> None:
    library = Library.load([_library(tmp_path)])
    window = make_window(library)
    proxy = window.picker.proxy
    row = next(r for r in range(proxy.rowCount()) if proxy.data(proxy.index(r), Role.ID) == "kept")
    assert proxy.data(proxy.index(row), Qt.ToolTipRole) == "The bridge\nCover: Photo: A. Author"

    window.set_manual(True)
    window.play(["kept"])
    pane = window.playback.panes[0]
    band = pane.event_view.band
    assert band.isHidden()  # the first event has no colour of its own
    pane.driver.next()
    qtbot.waitUntil(lambda: band.isVisible())
    assert "#1a2b3c" in band.styleSheet() and band.grab().toImage().pixelColor(
        band.width() // 2, band.height() // 2).name() == "#1a2b3c"
    pane.driver.next()
    line = window.theme.palette.line
    assert f"solid {line}" in band.styleSheet()  # a pale colour gets an outline
    pane.driver.next()
    card = pane.end_card
    qtbot.waitUntil(lambda: card.isVisible())
    assert card.ending.isVisible() and card.ending.text() == "Visit the bridge museum on Sundays."
    assert card.ending.geometry().bottom() < card.play_again.geometry().top()
    pane.set_language("et")  # the closing words follow the language, like the title
    assert card.ending.text() == "Sillamuuseum on avatud."


def test_a_story_without_an_ending_shows_no_empty_label(make_window, bundled_library) -> None:
    window = make_window(bundled_library)
    window.play(["october-1917"])
    assert window.playback.panes[0].end_card.ending.isHidden()


def test_the_handout_keeps_the_cover_credit(tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "html"
    assert main(["--stories", str(_library(tmp_path)), "export", "kept", "--html", str(out)]) == 0
    page = (out / "index.html").read_text(encoding="utf-8")
    assert "The bridge (Photo: A. Author)" in page
