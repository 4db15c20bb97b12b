"""Import CSV… with files of thousands of columns; the file read once; file text never markup."""

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLabel

from playground.gui.training.csv_import_dialog import CsvImportDialog
from playground.model import csv_import
from tests.gui.training.helpers import click

COLUMNS = 16_000


@pytest.fixture
def answer_dialog(monkeypatch):
    """Instead of waiting for a person, the import dialog runs `answer(dialog)` and returns its result."""
    answers = []

    def exec_(dialog):
        answers.pop(0)(dialog)
        return dialog.result()

    monkeypatch.setattr(CsvImportDialog, "exec", exec_)
    return answers.append


def import_button(dialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def test_a_file_of_16000_columns_builds_a_light_dialog_and_imports(
    open_example, qtbot, tmp_path, answer_dialog
):
    window = open_example("xor")
    values = np.arange(3 * COLUMNS, dtype=float).reshape(3, COLUMNS) / 8
    path = tmp_path / "wide.csv"
    path.write_text(
        ",".join(f"c{k}" for k in range(COLUMNS))
        + "\n"
        + "\n".join(",".join(repr(v) for v in row) for row in values.tolist())
        + "\n"
    )
    seen = {}

    def answer(dialog):
        # A widget per column (let alone per cell) is what made the dialog take 18 s.
        seen["combo boxes"] = len(dialog.findChildren(QComboBox))
        seen["shape"] = (dialog.preview.rowCount(), dialog.preview.columnCount())
        seen["last header"] = dialog.preview.model().headerData(
            COLUMNS - 1, Qt.Orientation.Horizontal
        )
        dialog.set_role("c1", "not used")
        dialog.set_role("c7", "input")
        click(qtbot, import_button(dialog))

    answer_dialog(answer)
    assert window.training.data_dock.import_csv(str(path))
    assert seen["combo boxes"] < 10
    assert seen["shape"] == (4, COLUMNS)
    assert seen["last header"] == f"c{COLUMNS - 1}"
    data = window.document.network.data
    assert np.array_equal(data.train_x, values[:, [0, 7]])
    assert np.array_equal(data.train_y, values[:, [COLUMNS - 1]])


def test_a_role_is_chosen_in_the_preview_itself(open_example, qtbot, tmp_path, answer_dialog):
    window = open_example("xor")
    path = tmp_path / "four.csv"
    path.write_text("a,b,c,t\n0,1,2,3\n4,5,6,7\n")
    seen = {}

    def answer(dialog):
        preview = dialog.preview
        index = preview.model().index(0, 2)  # column c's role
        seen["before"] = index.data()
        preview.setCurrentIndex(index)
        preview.edit(index)
        (editor,) = preview.findChildren(QComboBox)
        target = editor.findData("target")
        editor.setCurrentIndex(target)
        editor.activated.emit(target)
        seen["targets"] = dialog.columns("target")
        seen["shown"] = index.data()
        dialog.reject()

    answer_dialog(answer)
    assert not window.training.data_dock.import_csv(str(path))
    assert seen == {"before": "not used", "targets": ["c", "t"], "shown": "target"}


def test_the_file_is_read_once(open_example, qtbot, tmp_path, answer_dialog, monkeypatch):
    window = open_example("xor")
    path = tmp_path / "gates.csv"
    path.write_text("a,b,target\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n")
    opened = []
    open_regular = csv_import._open_regular

    def counted(name):
        opened.append(name)
        return open_regular(name)

    # Every read of the file, the preview's and the whole file's, opens it here.
    monkeypatch.setattr(csv_import, "_open_regular", counted)
    answer_dialog(lambda dialog: click(qtbot, import_button(dialog)))
    assert window.training.data_dock.import_csv(str(path))
    assert len(opened) == 1  # a file this small: the preview is the whole of it
    assert window.document.network.data.train_x.shape == (4, 2)


def test_text_from_the_file_is_never_read_as_markup(open_example, qtbot, tmp_path, answer_dialog):
    window = open_example("xor")
    path = tmp_path / "marked.csv"
    path.write_text("<b>a</b>,<i>b</i>,<img src=x>\n0,1,2\n")
    seen = {}

    def answer(dialog):
        dialog.set_role("<b>a</b>", "target")  # a column both ways: the problem quotes its name
        seen["labels"] = [
            label.textFormat() for label in dialog.findChildren(QLabel) if label.text()
        ]
        seen["problem"] = dialog.problem.textFormat()
        seen["header"] = dialog.preview.model().headerData(0, Qt.Orientation.Horizontal)
        dialog.reject()

    answer_dialog(answer)
    assert not window.training.data_dock.import_csv(str(path))
    assert seen["header"] == "<b>a</b>"
    assert seen["problem"] == Qt.TextFormat.PlainText
    assert all(kind == Qt.TextFormat.PlainText for kind in seen["labels"]), seen["labels"]


def test_a_preview_of_the_first_rows_imports_the_whole_file(qtbot, tmp_path, two_two_two):
    values = np.arange(100 * 4, dtype=float).reshape(100, 4) / 4
    path = tmp_path / "long.csv"
    path.write_text(
        "a,b,s,t\n" + "\n".join(",".join(repr(v) for v in row) for row in values.tolist()) + "\n"
    )
    preview = csv_import.read_csv_preview(path, rows=40)
    dialog = CsvImportDialog(str(path), preview, two_two_two)
    qtbot.addWidget(dialog)
    assert dialog.preview.rowCount() == 41
    assert any("first 40 rows" in label.text() for label in dialog.findChildren(QLabel))
    click(qtbot, import_button(dialog))
    assert dialog.result() == CsvImportDialog.DialogCode.Accepted
    assert np.array_equal(dialog.dataset.train_x, values[:, :2])
    assert np.array_equal(dialog.dataset.train_y, values[:, 2:])


def test_the_dock_previews_the_first_rows_then_reads_the_whole_file_once_on_import(
    open_example, qtbot, tmp_path, answer_dialog, monkeypatch
):
    window = open_example("xor")
    path = tmp_path / "many.csv"
    rows = [f"{k % 2},{(k // 2) % 2},{(k % 2) ^ ((k // 2) % 2)}" for k in range(5000)]
    path.write_text("a,b,target\n" + "\n".join(rows) + "\n")
    opened = []
    open_regular = csv_import._open_regular
    monkeypatch.setattr(
        csv_import, "_open_regular", lambda name: opened.append(name) or open_regular(name)
    )
    shown = {}

    def answer(dialog):
        shown["complete"] = dialog.table.complete
        click(qtbot, import_button(dialog))

    answer_dialog(answer)
    assert window.training.data_dock.import_csv(str(path))
    assert shown["complete"] is False  # the dialog opened on the first rows only
    assert len(opened) == 2  # the preview, then the whole file once
    data = window.document.network.data
    assert len(data.train_x) + len(data.test_x) == 5000
