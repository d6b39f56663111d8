"""Writes resources/translations/qt_et.ts: Estonian for the Qt dialogs and menus the app
shows (choosing a picture or a colour, saving a package, a text field's context menu).

Qt ships no Estonian of its own, so these would be English in an Estonian window. The
keys are Qt's own source texts in their contexts (as any Qt translation is keyed); the
Estonian is ours. Run it after editing the table, then compile:

    python tools/qt_strings_et.py
    pyside6-lrelease resources/translations/qt_et.ts -qm resources/translations/qt_et.qm
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

EDITING = {  # the context menu of a line edit and of a text box
    "&Undo": "&Võta tagasi",
    "&Redo": "&Tee uuesti",
    "Cu&t": "&Lõika",
    "&Copy": "&Kopeeri",
    "&Paste": "&Aseta",
    "Delete": "Kustuta",
    "Select All": "Vali kõik",
}

STRINGS: dict[str, dict[str, str]] = {
    "QPlatformTheme": {  # the standard buttons of every dialog
        "OK": "OK", "Open": "Ava", "Save": "Salvesta", "Cancel": "Loobu", "Close": "Sulge",
        "Discard": "Hülga", "Apply": "Rakenda", "Reset": "Lähtesta",
        "Restore Defaults": "Taasta vaikeväärtused", "Help": "Abi", "Save All": "Salvesta kõik",
        "&Yes": "&Jah", "Yes to &All": "Jah &kõigile", "&No": "&Ei", "N&o to All": "E&i kõigile",
        "Abort": "Katkesta", "Retry": "Proovi uuesti", "Ignore": "Eira",
    },
    "QDialogButtonBox": {"OK": "OK"},
    "QMessageBox": {"Show Details...": "Näita üksikasju…", "Hide Details...": "Peida üksikasjad…"},
    "QColorDialog": {
        "Select Color": "Vali värv",
        "&Basic colors": "Põhi&värvid",
        "&Custom colors": "&Omavärvid",
        "&Add to Custom Colors": "&Lisa omavärvide hulka",
        "&Pick Screen Color": "Vali värv &ekraanilt",
        "Cursor at %1, %2\nPress ESC to cancel": "Kursor kohal %1, %2\nLoobumiseks vajuta Esc",
        "Hu&e:": "&Toon:",
        "&Sat:": "&Küllastus:",
        "&Val:": "&Heledus:",
        "&Red:": "&Punane:",
        "&Green:": "R&oheline:",
        "Bl&ue:": "&Sinine:",
        "A&lpha channel:": "Lä&bipaistvus:",
        "&HTML:": "H&TML:",
    },
    "QFileDialog": {
        "&Look in:": "&Asukoht:",
        "File &name:": "Faili &nimi:",
        "Files of &type:": "Faili&tüüp:",
        "Directory:": "Kaust:",
        "&Open": "&Ava",
        "&Save": "&Salvesta",
        "&Choose": "&Vali",
        "Open": "Ava",
        "Save As": "Salvesta kui",
        "Find Directory": "Otsi kausta",
        "All Files (*)": "Kõik failid (*)",
        "All files (*)": "Kõik failid (*)",
        "Directories": "Kaustad",
        "Files": "Failid",
        "Back": "Tagasi",
        "Forward": "Edasi",
        "Go back": "Mine tagasi",
        "Go forward": "Mine edasi",
        "Parent Directory": "Ülemkaust",
        "Go to the parent directory": "Mine ülemkausta",
        "Create New Folder": "Loo uus kaust",
        "Create a New Folder": "Loo uus kaust",
        "New Folder": "Uus kaust",
        "&New Folder": "&Uus kaust",
        "List View": "Loend",
        "Change to list view mode": "Näita loendina",
        "Detail View": "Üksikasjad",
        "Change to detail view mode": "Näita üksikasjadega",
        "Sidebar": "Külgriba",
        "List of places and bookmarks": "Kohtade ja järjehoidjate loend",
        "Recent Places": "Hiljutised kohad",
        "Show ": "Näita ",
        "Show &hidden files": "Näita &peidetud faile",
        "&Rename": "&Nimeta ümber",
        "&Delete": "&Kustuta",
        "Delete": "Kustuta",
        "Remove": "Eemalda",
        "Are you sure you want to delete '%1'?": "Kas kustutada „%1”?",
        "'%1' is write protected.\nDo you want to delete it anyway?":
            "„%1” on kirjutuskaitsega.\nKas kustutada see ikkagi?",
        "Could not delete directory.": "Kausta ei õnnestunud kustutada.",
        "%1 already exists.\nDo you want to replace it?": "%1 on juba olemas.\nKas asendada see?",
        "%1\nFile not found.\nPlease verify the correct file name was given.":
            "%1\nFaili ei leitud.\nKontrolli, kas faili nimi on õige.",
        "%1\nDirectory not found.\nPlease verify the correct directory name was given.":
            "%1\nKausta ei leitud.\nKontrolli, kas kausta nimi on õige.",
    },
    "QFileSystemModel": {
        "Name": "Nimi", "Size": "Suurus", "Type": "Tüüp", "Kind": "Liik",
        "Date Modified": "Muudetud", "Computer": "Arvuti", "My Computer": "Minu arvuti",
    },
    "QLineEdit": EDITING,
    "QWidgetTextControl": {**EDITING, "Copy &Link Location": "Kopeeri &lingi aadress"},
    "QAbstractSpinBox": {"&Select All": "&Vali kõik", "&Step up": "&Suurenda",
                         "Step &down": "&Vähenda"},
}


def ts_text() -> str:
    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>",
             '<TS version="2.1" language="et_EE">']
    for context, messages in STRINGS.items():
        lines += ["<context>", f"    <name>{context}</name>"]
        for source, estonian in messages.items():
            lines += ["    <message>", f"        <source>{escape(source)}</source>",
                      f"        <translation>{escape(estonian)}</translation>", "    </message>"]
        lines.append("</context>")
    lines.append("</TS>")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    out = Path(__file__).resolve().parents[1] / "resources" / "translations" / "qt_et.ts"
    out.write_text(ts_text(), encoding="utf-8")
    print(out)
