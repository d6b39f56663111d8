"""Importing from the window: the import runs off the GUI thread behind a busy bar while the
window keeps answering, its summary reads in the interface language, and "Download the
pictures" imports the file again with its web pictures, replacing the story it made."""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox
from story_files import write_story

from storyplayer.interop import ImportFailure, import_file
from storyplayer.interop.media_fetch import Fetched
from storyplayer.model.library import Library
from storyplayer.ui.picker.add_story import AddStory
from storyplayer.ui.shared.translations import Translations

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f"
    b"\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7\x35\x81\x84\x00"
    b"\x00\x00\x00IEND\xaeB`\x82"
)


def _source(tmp_path: Path) -> Path:
    """A StoryMapJS file with a web picture, a date in a headline and a note."""
    slides = [
        {"type": "overview", "text": {"headline": "Bridges", "text": "Old bridges"}},
        {"text": {"headline": "Orava okolo 1900"}, "location": {"lat": 49.3, "lon": 19.5},
         "media": {"url": "https://pictures.example/bridge.png", "credit": "Archive"}},
        {"text": {"headline": "Later"}, "date": "1910", "background": {"color": "tomato"}},
    ]  # fmt: skip
    source = tmp_path / "bridges.json"
    source.write_text(json.dumps({"storymap": {"slides": slides}}), encoding="utf-8")
    return source


@pytest.fixture
def library_dir(tmp_path: Path) -> Path:
    user = tmp_path / "library"
    write_story(user, "already-here")
    return user


def _adder(make_window, user: Path, importer, lang: str = "en"):  # type: ignore[no-untyped-def]
    def load() -> Library:
        return Library.load([user])

    window = make_window(load(), lang=lang)
    return window, AddStory(window, user, load, importer=importer)


def test_the_window_answers_while_a_slow_import_runs(qtbot, make_window, library_dir, tmp_path):
    release, started = threading.Event(), threading.Event()
    threads: list[threading.Thread] = []

    def slow_import(*args: Any, **options: Any):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread())
        started.set()
        assert release.wait(20), "the test never let the import finish"
        return import_file(*args, known_places=[], **options)

    window, adder = _adder(make_window, library_dir, slow_import)
    try:
        adder.add_files([_source(tmp_path)])  # returns at once
        assert started.wait(5)
        assert threads[0] is not threading.main_thread()
        assert adder.importing and adder.busy is not None and adder.busy.isVisible()
        assert "bridges.json" in adder.busy.labelText()
        # The GUI thread keeps working: timers fire, typing filters the cards, a second
        # file waits its turn.
        ticks: list[int] = []
        timer = QTimer(interval=10)
        timer.timeout.connect(lambda: ticks.append(1))
        timer.start()
        qtbot.waitUntil(lambda: len(ticks) >= 5, timeout=3000)
        timer.stop()
        qtbot.keyClicks(window.picker.search_box, "nothing is called this")
        qtbot.waitUntil(lambda: window.picker.proxy.rowCount() == 0, timeout=3000)
        window.picker.search_box.clear()
        assert adder.importing and len(threads) == 1
    finally:
        release.set()
    with qtbot.waitSignal(adder.storyAdded, timeout=15_000) as added:
        pass
    assert added.args == ["bridges"]
    assert not adder.importing and not adder.busy.isVisible()
    adder.summary.close()


def test_a_failed_import_is_one_line_in_the_banner(qtbot, make_window, library_dir, tmp_path):
    def failing(path: Path, *args: Any, **options: Any):  # type: ignore[no-untyped-def]
        raise ImportFailure("the storymap has no slides")

    window, adder = _adder(make_window, library_dir, failing)
    with qtbot.waitSignal(adder.addRefused, timeout=5000) as refused:
        adder.add_files([tmp_path / "empty.json"])
    assert refused.args == [f"{tmp_path / 'empty.json'}: the storymap has no slides"]
    assert not adder.importing and not adder.busy.isVisible()


def test_the_summary_in_estonian_and_downloading_the_pictures(
    qtbot, qapp, make_window, library_dir, tmp_path
):
    calls: list[dict[str, Any]] = []

    def importer(*args: Any, **options: Any):  # type: ignore[no-untyped-def]
        calls.append(options)
        return import_file(*args, known_places=[],
                           fetcher=lambda url: Fetched(PNG, ".png"), **options)

    translations = Translations(qapp)
    translations.set_language("et")
    try:
        window, adder = _adder(make_window, library_dir, importer, lang="et")
        with qtbot.waitSignal(adder.storyAdded, timeout=15_000):
            adder.add_files([_source(tmp_path)])
        box = adder.summary
        assert box.text() == "Imporditud (StoryMapJS): „Bridges“, sündmusi 2."
        lines = box.informativeText().splitlines()
        assert lines[0] == ("Pildid: 0 alles, 1 pole võrguühenduseta saadaval "
                            "(1 alla laadimata).")
        assert lines[1] == ("Tekstist loetud kuupäev: slaid 2 „Orava okolo 1900“: u 1900 "
                            "(sõnadest „okolo 1900“)")
        assert lines[2] == "Impordi märkused (inglise keeles):"
        assert "tomato" in lines[3]
        assert calls[0]["fetch_media"] is False
        download = next(b for b in box.buttons() if b.text() == "Laadi pildid alla")
        with qtbot.waitSignal(adder.storyAdded, timeout=15_000) as added:
            download.click()
        assert calls[1]["fetch_media"] is True and calls[1]["force"] is True
        assert added.args == ["bridges"]  # the same story, now with its picture
        assert sorted(p.name for p in library_dir.iterdir()) == ["already-here", "bridges"]
        story = window.library.get("bridges")
        assert story is not None and story.events[0].image is not None
        again = adder.summary
        assert again is not box and again.informativeText().startswith("Pildid: 1 alles.")
        assert all(b.text() != "Laadi pildid alla" for b in again.buttons())
        again.close()
    finally:
        translations.set_language("en")
        translations.deleteLater()


def test_the_summary_in_english(qtbot, make_window, library_dir, tmp_path):
    window, adder = _adder(make_window, library_dir,
                           lambda *a, **o: import_file(*a, known_places=[], **o))
    with qtbot.waitSignal(adder.storyAdded, timeout=15_000):
        adder.add_files([_source(tmp_path)])
    lines = adder.summary.informativeText().splitlines()
    assert lines[:2] == [
        "Pictures: 0 kept, 1 not available offline (1 not downloaded).",
        "Date read from the text: slide 2 “Orava okolo 1900”: c. 1900 (from “okolo 1900”)",
    ]
    assert isinstance(adder.summary, QMessageBox)
    adder.summary.close()
