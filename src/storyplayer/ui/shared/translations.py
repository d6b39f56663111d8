"""The interface language: loads the app's and Qt's own translations and switches them live.

Installing a translator makes Qt send every widget a LanguageChange event; widgets that
show translated text handle it by setting their texts again. English is the source
language, so it needs no file.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator

from storyplayer.resources import ResourceNotFound, resource

log = logging.getLogger(__name__)

LANGUAGES = {"en": "English", "et": "Eesti"}  # code -> the language's own name


def translation_file(lang: str, catalogue: str = "storyplayer") -> str | None:
    """The compiled .qm of `catalogue` for `lang`, or None (English, or not shipped): the
    app's own strings, or ("qt") our Estonian of Qt's dialogs and menus."""
    try:
        return str(resource(f"translations/{catalogue}_{lang}.qm"))
    except ResourceNotFound:
        return None


class Translations(QObject):
    """Owns the installed translators; `set_language` swaps them (and the default locale)."""

    def __init__(self, app: QCoreApplication, parent: QObject | None = None):
        super().__init__(parent or app)
        self._app = app
        self._installed: list[QTranslator] = []
        self.lang = "en"

    def set_language(self, lang: str) -> bool:
        """Show the interface in `lang`; False (and English) when it is not available."""
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed.clear()
        self.lang = lang if lang in LANGUAGES else "en"
        QLocale.setDefault(QLocale(self.lang))
        if self.lang == "en":
            return lang == "en"
        ok = True
        own = translation_file(self.lang)
        translator = QTranslator(self)
        if own and translator.load(own):
            self._install(translator)
        else:
            log.warning("no interface translation for %r; showing English", lang)
            ok = False
        # Qt's own strings (standard buttons, dialogs, context menus), when PySide6 ships
        # them; else ours, for the dialogs and menus the app shows (Qt has no Estonian).
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        qt = QTranslator(self)
        ours = translation_file(self.lang, "qt")
        if qt.load(f"qtbase_{self.lang}", qt_dir) or (ours and qt.load(ours)):
            self._install(qt)
        web = QTranslator(self)
        if web.load(f"qtwebengine_{self.lang}", qt_dir):
            self._install(web)
        return ok

    def _install(self, translator: QTranslator) -> None:
        self._app.installTranslator(translator)
        self._installed.append(translator)
