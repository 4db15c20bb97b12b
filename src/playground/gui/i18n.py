"""The app's language: chosen at start from the settings or the system, and View ▸ Language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtGui import QAction, QActionGroup, QFont, QGuiApplication
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from playground import translation
from playground.translation import ENGLISH, LANGUAGES, TRADITIONAL_CHINESE

SETTING = "language"
# Each language by its own name, as language menus everywhere show them: never translated.
LANGUAGE_NAMES = {ENGLISH: "English", TRADITIONAL_CHINESE: "繁體中文"}
# Fonts with Traditional Chinese glyphs, on Linux, Windows and macOS; Qt takes the first the
# system has for a character the default family lacks.
CJK_FAMILIES = (
    "Noto Sans CJK TC",
    "Noto Sans TC",
    "Source Han Sans TC",
    "Microsoft JhengHei",
    "PingFang TC",
    "Heiti TC",
    "WenQuanYi Zen Hei",
)

# The translators installed now; kept here so Python does not collect them while Qt uses them.
_installed: list[QTranslator] = []


def chosen_language() -> str:
    """The language saved in View ▸ Language, else the one the system's locale asks for."""
    saved = QSettings().value(SETTING)
    if saved in LANGUAGES:
        return str(saved)
    return system_language()


def system_language() -> str:
    """Traditional Chinese for a zh_TW, zh_HK or zh-Hant system; English for every other."""
    system = QLocale.system()
    # The user's first preferred language decides (macOS and Windows keep an ordered list).
    preferred = system.uiLanguages() or [system.name()]
    return translation.language_of_locale(preferred[0])


def install_language(language: str) -> None:
    """Speak `language` in every string translated from now on (the app's and Qt's own)."""
    app = QCoreApplication.instance()
    remove_translators()
    translation.set_language(language)
    if language != ENGLISH:
        ours = QTranslator()
        if ours.load(str(translation.translations_folder() / f"playground_{language}.qm")):
            _installed.append(ours)
        # Qt's own words (the buttons of standard dialogs: OK, Cancel, Save...).
        qt = QTranslator()
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt.load(f"qtbase_{language}", qt_folder):
            _installed.append(qt)
        for translator in _installed:
            app.installTranslator(translator)
    set_fonts(language)


def remove_translators() -> None:
    """Back to the English source text."""
    app = QCoreApplication.instance()
    while _installed:
        app.removeTranslator(_installed.pop())
    translation.set_language(ENGLISH)


def set_fonts(language: str) -> None:
    """In Chinese, fall back to a CJK font the system has, keeping the default family first."""
    if not isinstance(QCoreApplication.instance(), QGuiApplication):
        return
    font = QGuiApplication.font()
    default = font.family()
    if language == TRADITIONAL_CHINESE:
        font.setFamilies([default, *(f for f in CJK_FAMILIES if f != default)])
    else:
        font.setFamilies([default])
    QGuiApplication.setFont(QFont(font))


def build_language_menu(parent: QWidget, menu: QMenu) -> QMenu:
    """View ▸ Language: English or 繁體中文, checked at the one in use, saved for the next start."""
    submenu = menu.addMenu(QCoreApplication.translate("Language", "&Language"))
    submenu.setObjectName("menu:language")
    group = QActionGroup(submenu)
    group.setExclusive(True)
    current = translation.current_language()
    for code in LANGUAGES:
        action = QAction(LANGUAGE_NAMES[code], submenu)
        action.setCheckable(True)
        action.setChecked(code == current)
        action.setData(code)
        action.triggered.connect(lambda checked=False, c=code: choose_language(parent, c))
        group.addAction(action)
        submenu.addAction(action)
    return submenu


def choose_language(parent: QWidget, code: str) -> None:
    """Save `code` as the language, and say that it takes effect at the next start."""
    previous = QSettings().value(SETTING)
    QSettings().setValue(SETTING, code)
    if previous == code or (previous is None and code == translation.current_language()):
        return
    translate = QCoreApplication.translate
    QMessageBox.information(
        parent,
        translate("Language", "Language"),
        translate(
            "Language",
            "NN Playground will use {language} the next time it starts. "
            "Close it and start it again to switch now.",
        ).format(language=LANGUAGE_NAMES[code]),
    )
