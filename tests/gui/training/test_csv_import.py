"""Import CSV…: a good file becomes the network's data (and is saved with it); broken files change nothing."""

import numpy as np
import pytest
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from playground.gui.training.csv_import_dialog import CsvImportDialog
from playground.model.network_file import load_network
from tests.gui.training.helpers import click

GOOD = "a,b,target\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n0.5,0.25,1\n0.25,0.5,0\n"


@pytest.fixture
def answer_dialog(monkeypatch, qtbot):
    """Instead of waiting for a person, the import dialog runs `answer(dialog)` and returns its result."""
    answers = []

    def install(answer):
        answers.append(answer)

    def exec_(dialog):
        answers.pop(0)(dialog)
        return dialog.result()

    monkeypatch.setattr(CsvImportDialog, "exec", exec_)
    return install


def import_button(dialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def test_a_good_file_becomes_the_data_and_is_saved_with_the_network(
    open_example, qtbot, tmp_path, answer_dialog
):
    window = open_example("xor")
    path = tmp_path / "gates.csv"
    path.write_text(GOOD)
    seen = {}

    def answer(dialog):
        seen["preview rows"] = dialog.preview.rowCount()
        seen["roles"] = (dialog.columns("input"), dialog.columns("target"))
        click(qtbot, import_button(dialog))

    answer_dialog(answer)
    assert window.training.data_dock.import_csv(str(path))
    assert seen == {"preview rows": 7, "roles": (["a", "b"], ["target"])}
    rows = np.loadtxt(path, delimiter=",", skiprows=1)
    data = window.document.network.data
    assert np.array_equal(data.train_x, rows[:, :2]) and np.array_equal(data.train_y, rows[:, 2:])
    assert len(data.test_x) == 0
    assert window.document.undo_stack.undoText() == "Import gates.csv"

    saved = tmp_path / "saved.json"
    window.document.save(saved)
    again = load_network(saved)
    assert np.array_equal(again.data.train_x, rows[:, :2])
    assert np.array_equal(again.data.train_y, rows[:, 2:])


def test_more_columns_than_neurons_offers_to_create_them(
    open_example, qtbot, tmp_path, answer_dialog
):
    window = open_example("xor")
    network = window.document.network
    path = tmp_path / "three.csv"
    path.write_text("x1,x2,x3,y\n0,0,1,0\n0,1,1,1\n1,0,0,1\n1,1,0,0\n")
    seen = {}

    def answer(dialog):
        dialog.set_role("x3", "input")
        seen["offer"] = dialog.create_missing.isVisibleTo(dialog), dialog.create_missing.text()
        seen["enabled before"] = import_button(dialog).isEnabled()
        dialog.create_missing.click()
        seen["enabled after"] = import_button(dialog).isEnabled()
        click(qtbot, import_button(dialog))

    answer_dialog(answer)
    inputs_before, hidden = network.input_ids(), ["h1", "h2"]
    assert window.training.data_dock.import_csv(str(path))
    assert seen == {
        "offer": (True, "Create the missing 1 input neuron"),
        "enabled before": False,
        "enabled after": True,
    }
    new = [i for i in network.input_ids() if i not in inputs_before]
    assert len(new) == 1 and network.neuron(new[0]).label == "x3"
    assert sorted(c.target for c in network.outgoing(new[0])) == hidden
    assert network.data.train_x.shape == (4, 3)
    window.document.undo_stack.undo()
    assert network.input_ids() == inputs_before
    assert network.data.train_x.shape == (4, 2)


def test_fewer_columns_than_neurons_is_refused_in_the_dialog(
    open_example, qtbot, tmp_path, answer_dialog
):
    window = open_example("xor")
    path = tmp_path / "one.csv"
    path.write_text("x,y\n0,1\n1,0\n")
    seen = {}

    def answer(dialog):
        seen["problem"] = dialog.problem.text()
        seen["enabled"] = import_button(dialog).isEnabled()
        dialog.reject()

    answer_dialog(answer)
    before = window.document.network.data
    assert not window.training.data_dock.import_csv(str(path))
    assert not seen["enabled"]
    assert "more input or output neurons than the chosen columns" in seen["problem"]
    assert window.document.network.data is before


def shown(rich_text: str) -> str:
    document = QTextDocument()
    document.setHtml(rich_text)
    return document.toPlainText()


@pytest.mark.parametrize(
    "text, words",
    [
        ("a,b,y\n1,2,3\n4,5\n", "row 3"),
        ("a,b,y\n1,2,3\n4,five,6\n", "five"),
        ("", "empty"),
    ],
    ids=["ragged", "text in a number column", "empty"],
)
def test_a_broken_file_is_refused_with_a_message_and_nothing_changes(
    open_example, tmp_path, monkeypatch, text, words
):
    window = open_example("xor")
    path = tmp_path / "broken.csv"
    path.write_text(text)
    warnings = []
    # What the box shows: its text is rich text, escaped so that file text reads as written.
    monkeypatch.setattr(
        QMessageBox, "warning", lambda parent, title, message: warnings.append(shown(message))
    )
    before = window.document.network.data
    neurons = len(window.document.network.neurons)

    assert not window.training.data_dock.import_csv(str(path))
    assert len(warnings) == 1
    assert warnings[0].startswith("Nothing was imported.")
    assert words in warnings[0] and "broken.csv" in warnings[0]
    assert window.document.network.data is before
    assert len(window.document.network.neurons) == neurons
    assert window.document.undo_stack.count() == 0
    assert window.training.data_dock.message.text() == warnings[0]
