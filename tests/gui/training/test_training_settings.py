"""The training settings in the dock: each change one undo step, shown again after undo."""

import pytest
from PySide6.QtCore import Qt

from playground.gui.training.number_controls import LEARNING_RATES, plain_number


def type_into(qtbot, box, text: str) -> None:
    box.lineEdit().clear()
    qtbot.keyClicks(box.lineEdit(), text)
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Return)


def test_the_learning_rate_presets_are_tensorflow_playgrounds():
    assert LEARNING_RATES == (0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10)
    assert [plain_number(r) for r in LEARNING_RATES[:3]] == ["0.00001", "0.0001", "0.001"]


def test_the_slider_steps_through_the_presets_as_one_undo_step_each(open_example, qtbot):
    window = open_example("circle")
    control = window.training.training_dock.learning_rate
    assert control.slider.value() == LEARNING_RATES.index(0.03)
    with qtbot.waitSignal(window.document.settings_changed):
        control.slider.setValue(LEARNING_RATES.index(1.0))
    assert window.document.network.training.learning_rate == 1.0
    assert control.box.currentText() == "1"
    stack = window.document.undo_stack
    assert stack.undoText() == "Set Learning Rate to 1"
    stack.undo()
    assert window.document.network.training.learning_rate == 0.03
    assert control.slider.value() == LEARNING_RATES.index(0.03)
    assert control.box.currentText() == "0.03"


def test_a_typed_learning_rate_between_presets(open_example, qtbot):
    window = open_example("circle")
    control = window.training.training_dock.learning_rate
    type_into(qtbot, control.box, "0.05")
    assert window.document.network.training.learning_rate == 0.05
    # The slider stands at the nearest preset in log scale: log10 0.05 is nearer log10 0.03 than 0.1.
    assert control.slider.value() == LEARNING_RATES.index(0.03)


@pytest.mark.parametrize("text", ["20", "0", "-1", "fast"])
def test_a_learning_rate_out_of_range_is_refused(open_example, qtbot, text):
    window = open_example("circle")
    dock = window.training.training_dock
    type_into(qtbot, dock.learning_rate.box, text)
    assert window.document.network.training.learning_rate == 0.03
    assert dock.learning_rate.box.currentText() == "0.03"
    assert "is not a number from 0.00001 to 10" in dock.status.text()
    assert window.document.undo_stack.count() == 0


def test_nudging_the_batch_size_is_one_undo_step(open_example, qtbot):
    window = open_example("circle")
    box = window.training.training_dock.batch_size
    for _ in range(3):
        box.stepUp()
    assert window.document.network.training.batch_size == 13
    stack = window.document.undo_stack
    assert stack.count() == 1 and stack.undoText() == "Set Batch Size to 13"
    stack.undo()
    assert window.document.network.training.batch_size == 10
    assert box.value() == 10


def test_momentum_l2_seed_and_loss(open_example, qtbot):
    window = open_example("circle")
    dock = window.training.training_dock
    training = lambda: window.document.network.training
    dock.momentum.setValue(0.9)
    type_into(qtbot, dock.l2, "0.003")
    dock.seed.setValue(7)
    assert (training().momentum, training().l2, training().seed) == (0.9, 0.003, 7)
    dock.loss.setCurrentIndex(dock.loss.findData("binary_cross_entropy"))
    dock.loss.activated.emit(dock.loss.currentIndex())
    assert window.document.network.loss == "binary_cross_entropy"
    stack = window.document.undo_stack
    assert stack.undoText() == "Set Loss to binary cross entropy"
    stack.undo()
    assert window.document.network.loss == "squared_error"
    assert dock.loss.currentData() == "squared_error"
    assert stack.count() == 4


def test_changing_the_loss_starts_the_plot_again(open_example, qtbot):
    from tests.gui.training.helpers import shown_epoch, train_epochs

    window = open_example("xor")
    train_epochs(qtbot, window, 3)
    window.document.set_loss("binary_cross_entropy")
    assert shown_epoch(window) == 0
    assert window.training.training_dock.loss_plot.curve_values("train_loss").size == 0
