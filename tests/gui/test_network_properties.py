"""Network ▸ Properties… (name and description, one undo step) and a first save naming the network."""

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QMessageBox

from playground.gui.dialogs.network_properties_dialog import NetworkPropertiesDialog
from playground.model.errors import NetworkEditError
from playground.model.network import name_refusal
from playground.model.network_file import load_network


def run_properties(qtbot, window, fill):
    """Trigger Network ▸ Properties… and fill the real dialog while it runs modally."""
    seen = []

    def answer():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, NetworkPropertiesDialog)
        seen.append(dialog)
        try:
            fill(dialog)
        finally:
            # A failed check must not leave a modal dialog waiting forever.
            if dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, answer)
    window.action_by_name["network_properties"].trigger()
    assert seen, "the dialog did not open"
    return seen[0]


def ok_button(dialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def retype(qtbot, field, text):
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    qtbot.keyClicks(field, text)


def test_the_action_is_in_the_network_menu_with_a_tip_and_a_shortcut(window):
    action = window.action_by_name["network_properties"]
    assert action in window.menus["network"].actions()
    assert action.statusTip() and action.toolTip() == action.statusTip()
    assert not action.shortcut().isEmpty()


def test_properties_rename_and_describe_the_network_in_one_undo_step(qtbot, window):
    network = window.document.network
    assert network.name == "2-2-2 sigmoid example" and network.description == ""

    def fill(dialog):
        assert dialog.name_edit.text() == "2-2-2 sigmoid example"
        retype(qtbot, dialog.name_edit, "Worked example")
        qtbot.keyClicks(dialog.description_edit, "From the blog post.")
        qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)

    run_properties(qtbot, window, fill)
    assert (network.name, network.description) == ("Worked example", "From the blog post.")
    assert window.windowTitle().startswith("Worked example")
    assert window.isWindowModified()
    assert window.document.undo_stack.count() == 1
    assert window.action_by_name["undo"].text() == "Undo Rename Network to Worked example"
    window.action_by_name["undo"].trigger()
    assert (network.name, network.description) == ("2-2-2 sigmoid example", "")
    assert "description" not in network.extra  # gone, not left behind empty
    assert window.windowTitle().startswith("2-2-2 sigmoid example")
    window.action_by_name["redo"].trigger()
    assert (network.name, network.description) == ("Worked example", "From the blog post.")


def test_an_empty_name_is_refused_in_the_dialog_with_the_models_reason(qtbot, window):
    before = window.document.network.copy()

    def fill(dialog):
        for text in ("", "   "):
            retype(qtbot, dialog.name_edit, text)
            assert not ok_button(dialog).isEnabled()
            assert name_refusal(text) in dialog.problem.text()
            assert dialog.problem.isVisible()
        qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)  # Return does not get past it
        assert dialog.isVisible()
        retype(qtbot, dialog.name_edit, "fine")
        assert ok_button(dialog).isEnabled() and dialog.problem.text() == ""
        dialog.reject()

    run_properties(qtbot, window, fill)
    assert window.document.network == before
    assert window.document.undo_stack.count() == 0


def test_the_document_refuses_an_empty_name_too(window):
    with pytest.raises(NetworkEditError, match="may not be empty"):
        window.document.set_properties("  ", "words")
    assert window.document.undo_stack.count() == 0


def test_a_description_is_saved_in_the_file_and_read_back(qtbot, window, tmp_path):
    window.document.set_properties("Described", "Line one\nline two")
    path = tmp_path / "described.json"
    window.document.save(path)
    again = load_network(path)
    assert (again.name, again.description) == ("Described", "Line one\nline two")

    def fill(dialog):
        assert dialog.description_edit.toPlainText() == "Line one\nline two"
        dialog.reject()

    window.document.open(path)
    run_properties(qtbot, window, fill)


def test_saving_a_new_network_as_mine_names_it_mine(qtbot, window, tmp_path, monkeypatch):
    window.action_by_name["new"].trigger()
    assert window.document.display_name == "Untitled"
    window.document.set_bias("o1", 0.5)
    path = tmp_path / "mine.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    window.action_by_name["save_as"].trigger()
    assert window.document.network.name == "mine"
    assert load_network(path).name == "mine"
    assert window.windowTitle().startswith("mine")
    assert not window.isWindowModified()
    # The quit prompt names it.
    window.document.set_bias("o1", 0.25)
    asked = []

    def question(parent, title, text, *rest):
        asked.append(text)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", question)
    window.action_by_name["quit"].trigger()
    assert len(asked) == 1 and "“mine”" in asked[0] and "Untitled" not in asked[0]
    # A second Save As keeps the name it has now.
    other = tmp_path / "other.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(other), ""))
    window.action_by_name["save_as"].trigger()
    assert window.document.network.name == "mine"


def test_a_named_network_keeps_its_name_when_first_saved(qtbot, window, tmp_path, monkeypatch):
    # The 2-2-2 example has a name of its own and no file yet.
    path = tmp_path / "copy.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    window.action_by_name["save_as"].trigger()
    assert load_network(path).name == "2-2-2 sigmoid example"


def test_a_failed_first_save_leaves_the_name_untitled(qtbot, window, tmp_path, monkeypatch):
    window.action_by_name["new"].trigger()
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    target = tmp_path / "missing folder" / "mine.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.action_by_name["save_as"].trigger()
    assert len(shown) == 1
    assert window.document.network.name == "Untitled"
    assert window.document.path is None
