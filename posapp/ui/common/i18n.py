"""UI language: which translation to load (settings, else the system locale) and installing it.

Shipped languages are English (the source strings, plus `posapp_en` which holds only the
English plural forms of the `%n` strings: "1 payment", "2 payments") and Simplified
Chinese (`zh_CN`). The chosen locale also drives how numbers, dates and money are
formatted (`formatting.Formats`).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from .resources import TRANSLATIONS_DIR

LANGUAGES: dict[str, str] = {"en_US": "English", "zh_CN": "简体中文"}
"""Shipped UI languages: locale name → the language's own name."""
_FILES = {"en_US": "posapp_en", "zh_CN": "posapp_zh_CN"}
"""Each shipped language's translation file in TRANSLATIONS_DIR (without `.qm`)."""


def choose_language(setting: str, system: QLocale | None = None) -> str:
    """The locale name to use: the setting if it is a shipped language, else the system's
    language when shipped (any Chinese other than Traditional → zh_CN), else en_US."""
    if setting in LANGUAGES:
        return setting
    locale = system or QLocale.system()
    if locale.language() == QLocale.Language.Chinese and \
            locale.script() != QLocale.Script.TraditionalChineseScript:
        return "zh_CN"
    return "en_US"


class Translations:
    """The translators installed on the application; `install` swaps them for a language."""

    def __init__(self) -> None:
        self._installed: list[QTranslator] = []
        self.language = "en_US"

    def install(self, language: str) -> bool:
        """Install the app's and Qt's own translations for `language` (a LANGUAGES key) and
        make it the default QLocale. Returns False if the app's translation is missing
        (English needs only its plural forms)."""
        app = QCoreApplication.instance()
        if app is None:
            raise RuntimeError("create the QApplication first")
        for translator in self._installed:
            app.removeTranslator(translator)
        self._installed.clear()
        self.language = language
        QLocale.setDefault(QLocale(language))
        ours = QTranslator(app)
        found = ours.load(_FILES[language], str(TRANSLATIONS_DIR))
        if found:
            app.installTranslator(ours)
            self._installed.append(ours)
        if language == "en_US":
            return found
        qt_own = QTranslator(app)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_own.load(f"qtbase_{language}", qt_dir):
            app.installTranslator(qt_own)
            self._installed.append(qt_own)
        return found
