"""View ▸ Language, and the app starting in the language chosen there."""

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

from playground import translation
from playground.gui import i18n


@pytest.fixture(autouse=True)
def english_afterwards():
    """Translators are the whole application's: every other test expects English."""
    yield
    i18n.remove_translators()
    i18n.set_fonts(translation.ENGLISH)


@pytest.fixture
def messages(monkeypatch):
    """The information boxes shown, as (title, text), instead of waiting for a click."""
    shown = []
    monkeypatch.setattr(
        QMessageBox, "information", lambda parent, title, text, *rest: shown.append((title, text))
    )
    return shown


def _submenu(menu, title):
    """The submenu of `menu` whose title, without its accelerator mark, is `title`."""
    found = [a.menu() for a in menu.actions() if a.menu() and a.text().replace("&", "") == title]
    assert len(found) == 1, [a.text() for a in menu.actions()]
    return found[0]


def _language_actions(window, title="Language"):
    language = _submenu(window.menus["view"], title)
    return {action.text(): action for action in language.actions()}


def test_choosing_chinese_is_remembered_and_said_to_take_effect_at_restart(window, messages):
    actions = _language_actions(window)
    assert list(actions) == ["English", "繁體中文"]
    assert actions["English"].isChecked() and not actions["繁體中文"].isChecked()
    actions["繁體中文"].trigger()
    assert QSettings().value("language") == "zh_TW"
    assert actions["繁體中文"].isChecked() and not actions["English"].isChecked()
    assert len(messages) == 1
    title, text = messages[0]
    assert title == "Language"
    assert "繁體中文" in text and "next time it starts" in text
    # Until the restart the app keeps its language; choosing the one in use says nothing more.
    assert QCoreApplication.translate("Language", "&Language") == "&Language"
    actions["繁體中文"].trigger()
    assert len(messages) == 1
    actions["English"].trigger()
    assert QSettings().value("language") == "en"
    assert len(messages) == 2 and "English" in messages[1][1]


def test_the_saved_language_wins_over_the_system_one():
    QSettings().setValue("language", "zh_TW")
    assert i18n.chosen_language() == "zh_TW"
    QSettings().setValue("language", "en")
    assert i18n.chosen_language() == "en"
    QSettings().setValue("language", "klingon")  # a hand-edited settings file
    assert i18n.chosen_language() == i18n.system_language()


def test_the_app_starts_in_the_saved_language(qtbot, two_two_two):
    from playground.gui.app import application
    from playground.gui.main_window import MainWindow

    application()  # names the app, which says where its settings are
    QSettings().setValue("language", "zh_TW")
    application()
    main = MainWindow()
    qtbot.addWidget(main)
    main.document.replace(two_two_two)
    main.document.undo_stack.setClean()
    language = _submenu(main.menus["view"], "語言(L)")
    assert language.title() == "語言(&L)"
    assert [a.isChecked() for a in language.actions()] == [False, True]
    # The words the engine writes (no Qt there) follow the app's language too.
    assert translation.current_language() == "zh_TW"
    # Qt's own words, as on the buttons of its standard dialogs.
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    families = QGuiApplication.font().families()
    assert families[0] == QGuiApplication.font().family()
    assert "Noto Sans CJK TC" in families and "Microsoft JhengHei" in families


def test_english_takes_away_the_translators_and_the_cjk_fallbacks():
    i18n.install_language("zh_TW")
    assert QCoreApplication.translate("Language", "&Language") == "語言(&L)"
    i18n.install_language("en")
    assert QCoreApplication.translate("Language", "&Language") == "&Language"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
    assert "Noto Sans CJK TC" not in QGuiApplication.font().families()
    assert translation.current_language() == "en"


@pytest.mark.parametrize(
    ("system", "language"),
    [("zh_TW", "zh_TW"), ("zh_HK", "zh_TW"), ("zh_CN", "en"), ("en_US", "en"), ("de_DE", "en")],
)
def test_without_a_choice_the_system_language_decides(monkeypatch, system, language):
    from PySide6.QtCore import QLocale

    class SystemIs:
        """QLocale, but with the system's locale chosen by the test."""

        @staticmethod
        def system():
            return QLocale(system)

    monkeypatch.setattr(i18n, "QLocale", SystemIs)
    assert QSettings().value("language") is None
    assert i18n.chosen_language() == language
