"""The sample's numbers read as the formulas' numbers: the session's digits, counts grouped."""

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from playground.model.dataset import Dataset
from playground.model.network import Network
from playground.model.neuron import Neuron

LEFT = Qt.MouseButton.LeftButton
ROWS = 1500


def long_data_network() -> Network:
    """One input, one output, and 1,500 training rows; the first is x = 0.123456789, t = 0.3."""
    network = Network(name="long")
    network.add_neuron(Neuron("i1", "input"))
    network.add_neuron(Neuron("o1", "output", "sigmoid", 0.0))
    network.connect("i1", "o1", 0.5)
    x = np.linspace(0.123456789, 2.0, ROWS).reshape(-1, 1)
    network.data = Dataset(
        train_x=x, train_y=np.full((ROWS, 1), 0.3), test_x=np.zeros((0, 1)), test_y=np.zeros((0, 1))
    )
    return network


def test_the_sample_table_and_summary_follow_the_digits_box_and_group_the_count(window, qtbot):
    window.document.replace(long_data_network())
    window.document.undo_stack.setClean()
    backward = window.backward
    backward.open()
    qtbot.waitUntil(backward.is_showing)
    panel = backward.panel
    qtbot.mouseClick(panel.sample_toggle, LEFT)
    picker = panel.picker
    assert picker.isVisible()
    assert picker.count.text() == "of 1,500"
    assert "train sample 1 of 1,500" in panel.sample_summary.text()
    table = picker.table_model
    first = table.index(0, 0)
    assert backward.session.digits == 4
    assert table.data(first) == "0.1235"  # 0.123456789 to 4 significant digits
    assert "x = (0.1235)" in panel.sample_summary.text()
    # One more digit, by the digits box's arrow key: the table and the summary follow.
    panel.digits.setFocus()
    QTest.keyClick(panel.digits, Qt.Key.Key_Up)
    assert backward.session.digits == 5
    assert table.data(table.index(0, 0)) == "0.12346"
    assert "x = (0.12346)" in panel.sample_summary.text()
    assert table.headerData(ROWS - 1, Qt.Orientation.Vertical) == "1,500"
    assert table.data(first, Qt.ItemDataRole.ToolTipRole) == "0.123456789"
