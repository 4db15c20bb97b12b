"""The Data panel's input features: ticking one adds an input neuron fed by a derived column."""

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from playground.engine.trainer import Trainer
from playground.gui.backward.sample import TRAIN, SampleChoice
from playground.gui.backward.sample_picker import SamplePicker
from playground.gui.training.csv_import_dialog import CsvImportDialog
from playground.model.network_file import load_network
from tests.gui.training.helpers import click, shown_epoch, train_epochs
from tests.gui.training.test_output_view import heatmap_inputs


def picker(window):
    """The feature check boxes, on the Data panel brought to the front as its tab does."""
    window.training.data_dock_widget.raise_()
    return window.training.data_dock.feature_picker


def tanh_forward(network, inputs: np.ndarray) -> np.ndarray:
    """The output o1 for rows of input-neuron values, neuron by neuron from the model's numbers."""
    act = {"tanh": np.tanh, "linear": lambda z: z, "sigmoid": lambda z: 1 / (1 + np.exp(-z))}
    values = {i: inputs[:, k] for k, i in enumerate(network.input_ids())}
    for neuron_id in network.topological_order():
        if neuron_id not in values:
            neuron = network.neuron(neuron_id)
            z = neuron.bias + sum(c.weight * values[c.source] for c in network.incoming(neuron_id))
            values[neuron_id] = act[neuron.activation](z)
    return values["o1"]


def test_ticking_a_feature_adds_an_input_neuron_that_trains_and_undoes(open_example, qtbot):
    window = open_example("circle")
    document = window.document
    network = document.network
    inputs_before = network.input_ids()
    fed_before = {c.target for i in inputs_before for c in network.outgoing(i)}
    box = picker(window).check_boxes["x1^2"]
    assert box.text() == "X₁²" and not box.isChecked()

    click(qtbot, box)

    assert box.isChecked()
    new = [i for i in network.input_ids() if i not in inputs_before]
    assert len(new) == 1
    neuron = network.neuron(new[0])
    assert neuron.label == "X₁²"
    assert neuron.x == network.neuron(inputs_before[0]).x  # in the input column
    assert neuron.y > max(network.neuron(i).y for i in inputs_before)
    assert {c.target for c in network.outgoing(new[0])} == fed_before
    assert network.data.features == ("x1", "x2", "x1^2")
    raw = network.data.raw_split("train")[0]
    assert np.array_equal(network.data.split("train")[0][:, 2], raw[:, 0] ** 2)
    Trainer(network)  # the data fits: it would raise otherwise
    assert document.undo_stack.undoText() == "Use Feature X₁²"
    assert new[0] in window.scene.neuron_items  # drawn on the canvas

    train_epochs(qtbot, window, 2)
    assert shown_epoch(window) == 2

    document.undo_stack.undo()  # the training run
    document.undo_stack.undo()  # the feature, in one step
    assert network.input_ids() == inputs_before
    assert network.data.features is None
    assert not picker(window).check_boxes["x1^2"].isChecked()


def test_unticking_a_raw_input_removes_its_neuron_and_undo_puts_it_back(open_example, qtbot):
    window = open_example("circle")
    document = window.document
    network = document.network
    first = network.input_ids()[0]
    outgoing = [(c.target, c.weight) for c in network.outgoing(first)]
    boxes = picker(window).check_boxes

    click(qtbot, boxes["x1"])

    assert not network.has_neuron(first)
    assert network.data.features == ("x2",)
    # The one input left cannot go: its box says why instead.
    assert not boxes["x2"].isEnabled()
    assert "at least one input" in boxes["x2"].toolTip()
    document.undo_stack.undo()
    assert network.input_ids()[0] == first
    assert [(c.target, c.weight) for c in network.outgoing(first)] == outgoing
    assert network.data.features is None


def test_the_heatmap_plots_the_raw_plane_through_the_derived_columns(open_example, qtbot):
    window = open_example("circle")
    boxes = picker(window).check_boxes
    for feature in ("x1^2", "sin(x2)", "x1*x2"):
        click(qtbot, boxes[feature])
    qtbot.wait(1)
    view = window.training.output_view
    assert view.mode == "heatmap"
    grid = heatmap_inputs(view)
    x1, x2 = grid[:, 0], grid[:, 1]
    inputs = np.column_stack([x1, x2, x1 * x1, np.sin(x2), x1 * x2])
    network = window.document.network
    expected = tanh_forward(network, inputs).reshape(view.image.image.shape)
    assert np.allclose(view.image.image, expected, rtol=1e-9, atol=1e-12)
    # Over the raw X₁, X₂ plane: the grid spans the raw points, the axes say X₁ and X₂.
    raw = network.data.train_x
    rect = view.image.mapRectToParent(view.image.boundingRect())
    assert rect.left() < raw[:, 0].min() and rect.right() > raw[:, 0].max()
    assert view.plot.getAxis("bottom").labelText == "X₁"
    points = view.train_points.data
    assert np.array_equal(np.column_stack([points["x"], points["y"]]), raw)


def test_features_work_on_imported_csv_data_and_are_saved(
    open_example, qtbot, tmp_path, monkeypatch
):
    window = open_example("xor")
    path = tmp_path / "gates.csv"
    path.write_text("a,b,target\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n0.5,0.25,1\n")

    def accept(dialog):
        click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))
        return dialog.result()

    monkeypatch.setattr(CsvImportDialog, "exec", accept)
    assert window.training.data_dock.import_csv(str(path))
    click(qtbot, picker(window).check_boxes["x1*x2"])
    network = window.document.network
    assert network.data.generator is None and network.data.features == ("x1", "x2", "x1*x2")
    assert network.data.split("train")[0][:, 2].tolist() == [0, 0, 0, 1, 0.125]

    saved = tmp_path / "saved.json"
    window.document.save(saved)
    again = load_network(saved)
    assert again.data.features == ("x1", "x2", "x1*x2")
    assert again.data.train_x.shape[1] == 2


def test_another_generator_keeps_the_features(open_example, qtbot):
    window = open_example("circle")
    click(qtbot, picker(window).check_boxes["x2^2"])
    dock = window.training.data_dock
    index = dock.source.findData("xor")
    assert dock.source.model().item(index).isEnabled()
    dock.source.setCurrentIndex(index)
    dock.source.activated.emit(index)
    data = window.document.network.data
    assert data.generator.name == "xor" and data.features == ("x1", "x2", "x2^2")
    # Sine makes one raw column, which cannot feed x2 or x2²: not offered.
    assert not dock.source.model().item(dock.source.findData("sine")).isEnabled()


def test_one_raw_column_offers_its_three_features_and_draws_a_curve(open_example, qtbot):
    window = open_example("sine")
    boxes = picker(window).check_boxes
    assert [box.text() for box in boxes.values()] == ["X₁", "X₁²", "sin X₁"]
    click(qtbot, boxes["sin(x1)"])
    view = window.training.output_view
    qtbot.wait(1)
    assert view.mode == "curve"
    x = view.curve.getData()[0]
    expected = tanh_forward(window.document.network, np.column_stack([x, np.sin(x)]))
    assert np.allclose(view.curve.getData()[1], expected, rtol=1e-9, atol=1e-12)


def test_features_cannot_be_chosen_while_the_data_does_not_fit(open_example, qtbot):
    window = open_example("circle")
    click(qtbot, picker(window).check_boxes["x1^2"])
    window.scene.select(["i1"], [])
    window.action_by_name["delete"].trigger()  # Edit ▸ Delete: 3 features, 2 input neurons
    boxes = picker(window).check_boxes
    assert not any(box.isEnabled() for box in boxes.values())
    assert boxes["x1^2"].isChecked()  # still what the data names
    note = picker(window).note
    assert note.isVisible()
    assert "feeds 3 input column(s) but the network has 2 input neuron(s)" in note.text()


def test_the_sample_table_shows_the_raw_sample_before_the_inputs(open_example, qtbot):
    window = open_example("circle")
    click(qtbot, picker(window).check_boxes["x1*x2"])
    network = window.document.network
    table = SamplePicker()
    qtbot.addWidget(table)
    table.show_choice(network, SampleChoice(TRAIN, 0))
    model = table.table_model
    headers = [model.headerData(k, Qt.Orientation.Horizontal) for k in range(model.columnCount())]
    assert headers == ["raw X₁", "raw X₂", "x X₁", "x X₂", "x X₁X₂", "t o1"]
    a, b = network.data.train_x[0].tolist()
    shown = [float(model.data(model.index(0, k), Qt.ItemDataRole.ToolTipRole)) for k in range(5)]
    assert shown == [a, b, a, b, a * b]


def test_the_data_summary_names_the_features_the_network_takes(open_example, qtbot):
    window = open_example("circle")
    summary = window.training.data_dock.summary
    assert "features" not in summary.text()
    click(qtbot, picker(window).check_boxes["x1^2"])
    assert "2 inputs" in summary.text()  # the raw columns the data holds
    assert "3 features of them: X₁, X₂, X₁²" in summary.text()
    window.document.undo_stack.undo()
    assert "features" not in summary.text()
