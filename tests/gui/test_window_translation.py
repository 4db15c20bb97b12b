"""The main window in another language: menus, tool bar, inspector, undo names and the
shortcut sheet read every word through Qt's translation, and the model keeps its ids.

A pseudo-translator stands in for a real language: it wraps every source text in ⟦ ⟧ and
moves the mnemonic to a "(&F)" suffix as Chinese menus do, so a word that skips the
translation shows up unwrapped, whatever the shipped .ts files hold.
"""

import re

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtGui import QKeySequence

from tests.gui.helpers import click

POS = {"i1": (0, 0), "h1": (200, 0), "h2": (200, 120), "o1": (400, 0)}


def pseudo(text: str) -> str:
    """ "Save &As…" → "⟦Save As⟧(&A)…", "Undo" → "⟦Undo⟧"; placeholders stay as they are."""
    mnemonic = re.search(r"&([^&])", text)
    if mnemonic is None:
        return f"⟦{text}⟧"
    plain = text.replace("&", "", 1)
    dots = "…" if plain.endswith("…") else ""
    return f"⟦{plain.removesuffix('…')}⟧(&{mnemonic[1].upper()}){dots}"


class PseudoTranslator(QTranslator):
    """Translates the app's own contexts; Qt's (QShortcut, QDialogButtonBox…) stay English."""

    def translate(self, context, source_text, disambiguation=None, n=-1):
        if context.startswith("Q") or not source_text:
            return ""
        return pseudo(source_text)

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def translated(qtbot):
    """The pseudo-translation installed for the test, removed after it."""
    translator = PseudoTranslator()
    assert QCoreApplication.installTranslator(translator)
    yield translator
    QCoreApplication.removeTranslator(translator)


def new_window(qtbot, network):
    from playground.gui.main_window import MainWindow

    main = MainWindow()
    main.document.replace(network)
    main.resize(1400, 900)
    main.show()
    qtbot.waitExposed(main)
    main.document.undo_stack.setClean()
    return main


def close(main) -> None:
    main.document.undo_stack.setClean()
    main.close()
    main.deleteLater()


@pytest.fixture
def translated_window(qtbot, translated, two_two_two):
    """A main window built while the pseudo-translation is installed, showing 2-2-2."""
    main = new_window(qtbot, two_two_two)
    yield main
    close(main)


MENUS = ("file", "examples", "recent", "export", "edit", "view", "panels", "network", "help")
ACTIONS = (
    "new", "open", "import_onnx", "save", "save_as", "export_png", "export_svg",
    "export_pytorch", "export_onnx", "quit", "undo", "redo", "cut", "copy", "paste", "delete",
    "select_all", "zoom_in", "zoom_out", "fit", "weight_labels", "neuron_pictures",
    "new_layered", "connect_fully", "auto_arrange", "randomize", "zero", "check_gradients",
    "network_properties", "user_guide", "shortcut_sheet",
    "tool_select", "tool_add_neuron", "tool_connect",
)  # fmt: skip


def test_every_menu_and_action_of_the_window_reads_its_words_through_the_translation(
    translated_window,
):
    window = translated_window
    untranslated = [k for k in MENUS if not window.menus[k].title().startswith("⟦")]
    untranslated += [k for k in ACTIONS if not window.action_by_name[k].text().startswith("⟦")]
    untranslated += [
        a.text() for a in window.menus["help"].actions() if not a.text().startswith("⟦")
    ]
    untranslated += [
        a.text()
        for a in window.menus["network"].actions()
        if not a.isSeparator() and not a.text().startswith("⟦")
    ]
    assert untranslated == []
    assert window.menus["file"].title() == "⟦File⟧(&F)"
    assert window.action_by_name["save_as"].text() == "⟦Save As⟧(&A)…"
    assert window.inspector_dock.windowTitle() == "⟦Inspector⟧"


def test_the_tool_bar_shows_translated_words_without_a_mnemonic_and_keeps_the_model_ids(
    translated_window,
):
    window = translated_window
    fit = window.action_by_name["fit"]
    assert fit.iconText() == "⟦Fit Network⟧"
    assert window.action_by_name["tool_connect"].toolTip() == "⟦Connect⟧ (C)"
    picker = window.role_picker
    assert [picker.itemText(i) for i in range(picker.count())] == [
        "⟦Input neuron⟧",
        "⟦Hidden neuron⟧",
        "⟦Output neuron⟧",
    ]
    assert [picker.itemData(i) for i in range(picker.count())] == ["input", "hidden", "output"]


def test_a_neuron_placed_with_the_add_tool_is_named_in_the_translation(qtbot, translated_window):
    window = translated_window
    window.action_by_name["tool_add_neuron"].trigger()
    assert window.statusBar().currentMessage().startswith("⟦Add neuron: ")
    window.role_picker.setCurrentIndex(window.role_picker.findData("output"))
    click(qtbot, window.view, 100, 260)
    assert window.document.network.neuron("o3").role == "output"
    assert window.statusBar().currentMessage() == "⟦Added ⟦output⟧ neuron o3.⟧"
    assert window.document.undo_stack.undoText() == "⟦Add Neuron o3⟧"
    assert window.action_by_name["undo"].text() == "⟦Undo⟧ ⟦Add Neuron o3⟧"


def test_the_inspector_shows_role_words_and_sets_the_model_id(qtbot, translated_window):
    window = translated_window
    click(qtbot, window.view, *POS["o1"])
    combo = window.inspector.role_combo
    assert combo.currentText() == "⟦output⟧"
    index = combo.findData("hidden")
    combo.setFocus()
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    assert window.document.network.neuron("o1").role == "hidden"
    assert window.document.undo_stack.undoText() == "⟦Make o1 Hidden⟧"
    assert combo.currentText() == "⟦hidden⟧"


@pytest.mark.parametrize("language", ["English", "pseudo"])
def test_deleting_everything_names_its_counts_in_the_language(
    qtbot, two_two_two, language, request
):
    if language == "pseudo":
        request.getfixturevalue("translated")
    window = new_window(qtbot, two_two_two)
    try:
        neurons, connections = len(two_two_two.neurons), len(two_two_two.connections)
        window.action_by_name["select_all"].trigger()
        window.action_by_name["delete"].trigger()
        assert len(window.document.network.neurons) == 0
        english = f"Delete {neurons} Neurons and {connections} Connections"
        expected = {
            "English": english,
            "pseudo": f"⟦Delete ⟦{neurons} Neurons⟧ and ⟦{connections} Connections⟧⟧",
        }[language]
        assert window.document.undo_stack.undoText() == expected
    finally:
        close(window)


def test_the_shortcut_sheet_drops_a_translated_mnemonic_with_its_brackets(translated_window):
    window = translated_window
    window.action_by_name["shortcut_sheet"].trigger()
    rows = window.shortcut_sheet.rows()
    open_keys = QKeySequence(QKeySequence.StandardKey.Open).toString(
        QKeySequence.SequenceFormat.NativeText
    )
    assert ("⟦File⟧", "⟦Open⟧", open_keys) in rows
    assert ("⟦Canvas⟧", "⟦Pan⟧", "⟦Middle drag, Space+drag⟧") in rows
    assert [r for r in rows if "&" in r[0] + r[1]] == []
    window.shortcut_sheet.close()


def test_the_saved_layout_survives_a_change_of_language(qtbot, two_two_two, request):
    english = new_window(qtbot, two_two_two)
    assert english.inspector_dock.isVisible()
    english.inspector_dock.close()
    english.save_settings()
    close(english)
    request.getfixturevalue("translated")
    translated = new_window(qtbot, two_two_two)
    try:
        assert translated.inspector_dock.windowTitle() == "⟦Inspector⟧"
        assert not translated.inspector_dock.isVisible()
    finally:
        close(translated)


def test_a_new_network_is_untitled_in_the_language_and_ok_leaves_its_name(qtbot, translated_window):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialogButtonBox

    from playground.gui.dialogs.network_properties_dialog import NetworkPropertiesDialog

    window = translated_window
    window.action_by_name["new"].trigger()
    assert window.document.network.name == "Untitled"
    assert window.document.display_name == "⟦Untitled⟧"
    assert "⟦Untitled⟧" in window.windowTitle()
    steps = window.document.undo_stack.count()
    seen = []

    def press_ok():
        dialog = QApplication.activeModalWidget()
        seen.append(dialog)
        if isinstance(dialog, NetworkPropertiesDialog):
            assert dialog.name_edit.text() == "⟦Untitled⟧"
            ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
            qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        if dialog is not None and dialog.isVisible():
            dialog.reject()

    QTimer.singleShot(0, press_ok)
    window.action_by_name["network_properties"].trigger()
    assert seen and isinstance(seen[0], NetworkPropertiesDialog)
    # Pressing OK on the shown placeholder is no rename: the model keeps its own name.
    assert window.document.network.name == "Untitled"
    assert window.document.undo_stack.count() == steps
