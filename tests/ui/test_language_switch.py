"""Switching EN/ET live leaves no text of the old language on any screen.

Generic: every visible widget's texts (labels, buttons, tooltips, accessible names and
descriptions, placeholders, combo box and list items) are read back after the switch and
compared with every string of the old language: the interface's (from the .ts file) and the
playing stories' own (titles, summaries, events).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QWidget,
)
from windows import wait_map

from storyplayer.model.config import KioskSettings
from storyplayer.model.library import Library
from storyplayer.model.story import Story
from storyplayer.ui.kiosk.kiosk import Kiosk
from storyplayer.ui.main_window import MainWindow
from storyplayer.ui.shared.translations import translation_file

TS = Path(__file__).resolve().parents[2] / "resources" / "translations" / "storyplayer_et.ts"
THREE = ["october-1917", "world-war-1", "independence-1918"]
SHORTEST = 4  # shorter strings ("OK") may be the same word in both languages
# Widgets that speak the other languages on purpose: "Touch to begin" in each of them.
OTHER_LANGUAGES_ON_PURPOSE = {"attractTouchOther"}


def interface_strings() -> dict[str, set[str]]:
    """The interface's strings by language, where the two languages differ."""
    found: dict[str, set[str]] = {"en": set(), "et": set()}
    for message in ET.parse(TS).getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        forms = [f.text or "" for f in translation.iter("numerusform")] if translation is not \
            None else []
        texts = forms or [translation.text or ""] if translation is not None else []
        for text in texts:
            if text and text != source:
                found["en"].add(source)
                found["et"].add(text)
    return found


def story_strings(stories: list[Story]) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {"en": set(), "et": set()}
    for story in stories:
        texts = [story.title, story.summary] + [e.title for e in story.events]
        for text in texts:
            if text is None:
                continue
            en, et = text.get("en"), text.get("et")
            if en and et and en != et:
                found["en"].add(en)
                found["et"].add(et)
    return found


def pieces(source: str) -> list[str]:
    """The literal parts of a string with placeholders (%1, %n, {name})."""
    return [p.strip(" .,:·") for p in re.split(r"%\d|%n|\{\w+\}", source)]


def widget_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) of everything a person or a screen reader gets from `root`'s visible
    widgets."""
    out: list[tuple[str, str]] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        if widget.objectName() in OTHER_LANGUAGES_ON_PURPOSE:
            continue
        name = f"{type(widget).__name__}#{widget.objectName()}"
        texts = [widget.toolTip(), widget.accessibleName(), widget.accessibleDescription()]
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts.append(widget.text())
        if isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        if isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            for row in range(model.rowCount(QModelIndex())):
                index = model.index(row, 0)
                for role in (Qt.DisplayRole, Qt.AccessibleTextRole, Qt.ToolTipRole):
                    value = model.data(index, role)
                    if isinstance(value, str):
                        texts.append(value)
        out += [(name, t) for t in texts if t]
    return out


def leftovers(root: QWidget, old: set[str]) -> list[tuple[str, str]]:
    """Texts under `root` that are, or contain, a string of the old language."""
    whole = {s for s in old if len(s) >= SHORTEST}
    parts = {p for s in old if re.search(r"%\d|%n|\{\w+\}", s) for p in pieces(s)
             if len(p) >= 8}
    found = []
    for where, text in widget_texts(root):
        lines = {line.strip().removeprefix("✓ ") for line in re.split(r"[\n\r]", text)}
        if lines & whole or any(p in text for p in parts) or any(
                len(s) >= 16 and s in text for s in whole):
            found.append((where, text))
    return found


@pytest.fixture
def old_strings(bundled_library: Library) -> dict[str, set[str]]:
    ui = interface_strings()
    stories = story_strings(bundled_library.stories)
    return {lang: ui[lang] | stories[lang] for lang in ("en", "et")}


def switch_and_check(window: MainWindow, old_strings, root: QWidget | None = None) -> None:
    """From English to Estonian and back on the screen as it stands: nothing old remains."""
    for old, new in (("en", "et"), ("et", "en")):
        window.set_language(new)
        # Installing a translator posts LanguageChange events: deliver them all.
        QApplication.sendPostedEvents()
        QApplication.processEvents()
        found = leftovers(root or window, old_strings[old])
        assert not found, f"{old} text left after switching to {new}: {found[:8]}"


def test_every_playback_screen_follows_a_language_switch(qtbot, make_window, bundled_library,
                                                         translations, old_strings) -> None:
    window = make_window(bundled_library, lang="en")
    window.translations = translations
    translations.set_language("en")
    switch_and_check(window, old_strings)  # the picker, its categories and cards
    window.picker.category_box.setCurrentIndex(1)
    switch_and_check(window, old_strings)  # with a category chosen
    wait_map(qtbot, window)
    window.play(THREE)
    view = window.playback
    switch_and_check(window, old_strings)  # three panes playing, the timeline
    assert view.timeline.lang == "en"
    view.panes[0].events_button.click()  # the list of events, open
    switch_and_check(window, old_strings)
    view.panes[0].event_list.close_list()
    view.set_sync(True)  # date order: panes waiting for their first date
    assert view.panes[2].pages.currentWidget() is view.panes[2].waiting_card
    switch_and_check(window, old_strings)
    view.driver.command(lambda session: session.finish())  # every end card
    assert view.panes[0].pages.currentWidget() is view.panes[0].end_card
    switch_and_check(window, old_strings)
    window.notices.show_notice("A note")
    switch_and_check(window, old_strings)


def test_the_attract_screen_follows_a_language_switch(qtbot, make_window, translations,
                                                      old_strings) -> None:
    window = make_window(show=False)
    window.translations = translations
    kiosk = Kiosk(window, KioskSettings(enabled=True), featured=tuple(THREE))
    make_window.before_close(kiosk.leave)
    with qtbot.waitExposed(window):
        kiosk.start(full_screen=False)
    assert window.stack.currentWidget() is kiosk.attract
    switch_and_check(window, old_strings)
    window.notices.show_notice("A note")  # held for staff, shown after the chord
    kiosk.request_exit()
    assert kiosk.staff_report.isVisible()
    switch_and_check(window, old_strings)
    kiosk.staff_report.close_report()
    kiosk.pin_pad.open()
    switch_and_check(window, old_strings)
    kiosk.pin_pad.cancel()


def test_every_interface_string_has_a_compiled_estonian_translation(tmp_path) -> None:
    """What lupdate finds in the source is in the .ts, translated, and in the shipped .qm:
    a new string cannot stay English after a switch unnoticed."""
    lupdate = shutil.which("pyside6-lupdate")
    if lupdate is None:
        pytest.skip("pyside6-lupdate is not installed")
    root = TS.parents[2]
    found = tmp_path / "found.ts"
    sources = sorted(str(p) for p in (root / "src" / "storyplayer" / "ui").rglob("*.py"))
    subprocess.run([lupdate, "-no-obsolete", *sources,
                    str(root / "src" / "storyplayer" / "app.py"), "-ts", str(found)],
                   check=True, capture_output=True, timeout=60)
    shipped = {(context.findtext("name"), message.findtext("source")): message
               for context in ET.parse(TS).getroot().iter("context")
               for message in context.iter("message")}
    translator = QTranslator()
    assert translator.load(translation_file("et"))
    missing, stale = [], []
    for context in ET.parse(found).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            entry = shipped.get((name, source))
            translation = entry.find("translation") if entry is not None else None
            if translation is None or translation.get("type") == "unfinished" or not (
                    translation.text or list(translation)):
                missing.append((name, source))
            elif entry.get("numerus") != "yes" and translator.translate(
                    name, source) != translation.text:
                stale.append((name, source))
    assert not missing, f"not translated in {TS.name}: {missing}"
    assert not stale, f"{TS.name} is newer than the .qm (run pyside6-lrelease): {stale}"
