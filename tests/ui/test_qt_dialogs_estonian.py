"""Qt's own dialogs and menus in an Estonian window: Qt ships no Estonian, so the app brings
its own for the dialogs it shows (a picture or a colour to choose, a package to save) and
for a text field's context menu."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QColorDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
)


def _words(dialog) -> set[str]:  # type: ignore[no-untyped-def]
    words = {label.text().replace("&", "") for label in dialog.findChildren(QLabel)}
    words |= {b.text().replace("&", "") for b in dialog.findChildren(QAbstractButton)}
    return words


def test_the_dialogs_the_app_shows_are_estonian(qapp, translations, tmp_path) -> None:
    translations.set_language("et")
    pictures = QFileDialog(None, "Vali pilt", str(tmp_path), "Pildid (*.png *.jpg)")
    pictures.setOption(QFileDialog.DontUseNativeDialog)
    pictures.setFileMode(QFileDialog.ExistingFile)
    words = _words(pictures)
    assert {"Asukoht:", "Faili nimi:", "Failitüüp:", "Ava", "Loobu"} <= words, words
    # The list's columns are named by Qt's file model.
    assert QCoreApplication.translate("QFileSystemModel", "Date Modified") == "Muudetud"
    colours = QColorDialog()
    colours.setOption(QColorDialog.DontUseNativeDialog)
    assert {"Põhivärvid", "Omavärvid", "Lisa omavärvide hulka", "Punane:", "OK",
            "Loobu"} <= _words(colours)
    box = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
    assert sorted(b.text() for b in box.buttons()) == ["Loobu", "Salvesta"]
    field = QLineEdit()
    menu = field.createStandardContextMenu()
    assert [a.text().split("\t")[0].replace("&", "") for a in menu.actions() if a.text()][:5] == [
        "Võta tagasi", "Tee uuesti", "Lõika", "Kopeeri", "Aseta"]
    translations.set_language("en")  # and back: Qt's own English again
    assert QCoreApplication.translate("QFileSystemModel", "Date Modified") == "Date Modified"
