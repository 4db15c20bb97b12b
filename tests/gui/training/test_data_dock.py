"""The data dock: generators and their knobs, the table in the file, and the plot starting again."""

import numpy as np

from playground.model.dataset import GeneratorSpec
from playground.model.generators import generate
from tests.gui.training.helpers import click, shown_epoch, train_epochs


def same_arrays(a, b) -> bool:
    return all(
        np.array_equal(x, y)
        for x, y in zip(
            (a.train_x, a.train_y, a.test_x, a.test_y), (b.train_x, b.train_y, b.test_x, b.test_y)
        )
    )


def choose(combo, data) -> None:
    """Pick an entry of a combo box as a user does (the index changes, then `activated`)."""
    index = combo.findData(data)
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def test_changing_the_data_resets_the_plot(open_example, qtbot):
    window = open_example("circle")
    train_epochs(qtbot, window, 3)
    plot = window.training.training_dock.loss_plot
    assert plot.curve_values("train_loss").size == 3
    old = window.document.network.data
    window.training.data_dock.noise.setValue(20)

    data = window.document.network.data
    expected = generate(GeneratorSpec("circle", 500, 0.2, 0.5, 1, (-1.0, 1.0)))
    assert data.generator == expected.generator
    assert same_arrays(data, expected)
    assert shown_epoch(window) == 0
    assert plot.curve_values("train_loss").size == 0
    assert plot.train_curve.getData()[1] is None or len(plot.train_curve.getData()[1]) == 0
    assert window.document.undo_stack.undoText() == "Set Noise to 20 %"
    window.document.undo_stack.undo()
    assert window.document.network.data is old
    assert window.training.data_dock.noise.value() == 10


def test_choosing_a_generator_keeps_the_class_labels(open_example, qtbot):
    window = open_example("circle")
    choose(window.training.data_dock.source, "xor")
    data = window.document.network.data
    expected = generate(GeneratorSpec("xor", 500, 0.1, 0.5, 1, (-1.0, 1.0)))
    assert same_arrays(data, expected)
    assert set(np.unique(data.train_y)) == {-1.0, 1.0}
    assert window.document.undo_stack.undoText() == "Use XOR Data"


def test_a_generator_of_the_wrong_shape_cannot_be_chosen(open_example):
    window = open_example("circle")
    dock = window.training.data_dock
    item = dock.source.model().item(dock.source.findData("sine"))
    assert not item.isEnabled()
    assert "1 input(s)" in item.toolTip() and "2 input" in item.toolTip()
    item = dock.source.model().item(dock.source.findData("spiral"))
    assert item.isEnabled()


def test_regenerate_draws_new_points_from_the_next_seed(open_example, qtbot):
    window = open_example("spiral")
    click(qtbot, window.training.data_dock.regenerate)
    data = window.document.network.data
    assert data.generator.seed == 2
    assert same_arrays(data, generate(GeneratorSpec("spiral", 500, 0.1, 0.5, 2, (-1.0, 1.0))))
    assert window.document.undo_stack.undoText() == "Regenerate Data"
    assert window.training.data_dock.seed.value() == 2


def test_a_table_in_the_file_is_shown_as_such(open_example):
    window = open_example("xor")
    dock = window.training.data_dock
    assert dock.source.currentData() == "table"
    assert not dock.noise.isEnabled() and not dock.regenerate.isEnabled()
    assert "4 training and 0 test samples" in dock.summary.text()
    assert "Stored in the network file" in dock.summary.text()


def test_going_back_to_the_table_after_a_generator(open_example):
    window = open_example("xor")
    table = window.document.network.data
    dock = window.training.data_dock
    choose(dock.source, "gauss")
    assert window.document.network.data.generator.name == "gauss"
    # XOR's sigmoid output suits labels 0 and 1.
    assert set(np.unique(window.document.network.data.train_y)) == {0.0, 1.0}
    choose(dock.source, "table")
    assert window.document.network.data is table


def test_deleting_an_input_says_at_once_that_the_data_no_longer_fits(open_example, qtbot):
    from PySide6.QtCore import Qt

    from tests.gui.helpers import click as click_canvas

    window = open_example("circle")
    dock = window.training.data_dock
    assert not dock.message.isVisibleTo(dock)
    assert "2 inputs → 1 target" in dock.summary.text()
    assert "Class labels −1 and 1." in dock.summary.text()  # a true minus, as everywhere
    neuron = window.document.network.neuron("i2")
    click_canvas(qtbot, window.view, neuron.x, neuron.y)
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    assert not window.document.network.has_neuron("i2")
    assert dock.message.isVisibleTo(dock)
    text = dock.message.text()
    assert text.startswith("The data no longer fits the network:")
    assert "2 input columns" in text and "1 input neuron" in text
    window.action_by_name["undo"].trigger()
    assert not dock.message.isVisibleTo(dock)
