"""Pictures of the story editor for docs/editing.md, taken from the real window offscreen.

    QT_QPA_PLATFORM=offscreen python tools/editor_screens.py OUT_DIR [--lang et] [--size WxH]

Works on a copy of a bundled story in a temporary library; nothing of the user's is touched.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from storyplayer.app import allow_chromium_as_root

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("STORYPLAYER_ISOLATED", "1")
allow_chromium_as_root()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--lang", default="en")
    parser.add_argument("--size", default="1280x720")
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args()
    width, height = (int(n) for n in args.size.split("x"))

    from storyplayer.map.scheme import register_scheme

    register_scheme()
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from storyplayer.map.map_view import MapView
    from storyplayer.model.library import Library
    from storyplayer.resources import bundled_stories_dir
    from storyplayer.ui.editor.editor_host import EditorHost
    from storyplayer.ui.main_window import MainWindow
    from storyplayer.ui.shared.translations import Translations

    app = QApplication(sys.argv[:1])
    translations = Translations(app)
    translations.set_language(args.lang)
    library = Library.load([bundled_stories_dir()])
    map_view = MapView()
    window = MainWindow(library, map_view, args.lang)
    window.translations = translations
    window.resize(width, height)
    if args.scale != 1.0:
        window.set_text_scale(args.scale)
    window.show()
    work = Path(tempfile.mkdtemp(prefix="storyplayer-editor-"))
    host = EditorHost(window, work / "library", work / "autosave", bundled_stories_dir())

    def wait(ms: int) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def shot(name: str) -> None:
        wait(2500)
        args.out.mkdir(parents=True, exist_ok=True)
        window.grab().save(str(args.out / f"{name}.png"))
        print(args.out / f"{name}.png")

    while not map_view.is_ready:
        wait(100)
    map_view.set_options(reduced_motion=True)  # pictures of a settled map, not a flight
    et = args.lang == "et"
    # A teacher's lesson made from nothing: five places of the Estonian War of Independence.
    lesson = [
        ("Narva front holds", "Narva rinne peab", "1919-01-17", 59.377, 28.190),
        ("Battle of Paju", "Paju lahing", "1919-01-31", 57.845, 25.963),
        ("Battle of Võnnu", "Võnnu lahing", "1919-06-23", 57.335, 25.250),
        ("Tartu peace talks open", "Tartu rahuläbirääkimised algavad", "1919-12-05",
         58.380, 26.722),
        ("Peace of Tartu", "Tartu rahu", "1920-02-02", 58.378, 26.729),
    ]
    shot("picker")
    picker_buttons = window.picker.editing
    picker_buttons.new_button.click()
    screen = host.screen
    assert screen is not None
    screen.events.select(-1)
    title = "Vabadussõja viis paika" if et else "Five places of the War of Independence"
    screen.set_value(("title",), {args.lang: title})
    screen.check()
    shot("new-story")
    for number, (en, et_title, date, lat, lon) in enumerate(lesson):
        if number:
            screen.add_event()
        screen.events.select(number)
        screen.set_value(("events", number, "title"), {args.lang: et_title if et else en})
        screen.event_form.date.setText(date)
        screen.event_form._date_edited(date)
        screen._map_clicked(lat, lon)
    text = ("Rahuleping lõpetas **Vabadussõja**. Venemaa tunnustas Eesti iseseisvust "
            "*igaveseks ajaks*." if et else
            "The treaty ended the **War of Independence**. Soviet Russia recognised "
            "Estonia's independence *for all time*.")
    screen.set_value(("events", 4, "text"), {args.lang: text})
    screen.events.select(4)
    screen.check()
    shot("five-events")
    screen.save()
    screen.preview()
    shot("preview")
    screen.stop_preview()
    screen.events.select(2)
    screen.event_form.date.setText("1919-06-31")
    screen.event_form._date_edited("1919-06-31")
    screen.check()
    shot("problem")
    screen.undo_stack.undo()
    screen.check()
    screen.close_editor()
    # A bundled story's line in the editor (docs/editing.md, "Making the bundled stories"):
    # the Baltic Way, Tallinn - Riga - Vilnius.
    screen = host.edit(bundled_stories_dir() / "singing-revolution")
    assert screen is not None
    screen.events.select(4)
    screen.check()
    shot("baltic-way")
    screen.close_editor()
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
