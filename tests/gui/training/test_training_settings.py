"""The training settings in the dock: each change one undo step, shown again after undo."""

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from playground.gui.training.number_controls import LEARNING_RATES, plain_number
from playground.model.network_file import save_network
from playground.model.training_settings import MAX_WHOLE


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


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("0", "Learning rate: must be a number above 0"),
        ("-1", "Learning rate: must be a number above 0"),
        ("fast", "Learning rate: 'fast' is not a number."),
    ],
)
def test_a_learning_rate_the_model_refuses_is_refused_with_its_reason(
    open_example, qtbot, text, reason
):
    window = open_example("circle")
    dock = window.training.training_dock
    type_into(qtbot, dock.learning_rate.box, text)
    assert window.document.network.training.learning_rate == 0.03
    assert dock.learning_rate.box.currentText() == "0.03"
    assert reason in dock.status.text()
    assert window.document.undo_stack.count() == 0


def test_a_learning_rate_beyond_the_presets_is_taken_as_the_file_format_allows(open_example, qtbot):
    window = open_example("circle")
    dock = window.training.training_dock
    type_into(qtbot, dock.learning_rate.box, "20")
    assert window.document.network.training.learning_rate == 20.0
    assert dock.learning_rate.box.currentText() == "20"


def test_the_boxes_show_every_whole_number_the_file_format_allows(open_example, qtbot, tmp_path):
    window = open_example("circle")
    network = window.document.network.copy()
    network.training = replace(network.training, batch_size=MAX_WHOLE, seed=MAX_WHOLE)
    path = tmp_path / "big.json"
    save_network(network, path)
    window.files.open_path(str(path), ask=False)
    dock = window.training.training_dock
    assert (dock.batch_size.value(), dock.seed.value()) == (MAX_WHOLE, MAX_WHOLE)


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
    stack = window.document.undo_stack
    assert stack.count() == 3


def choose_loss(qtbot, dock, loss: str, answer: str | None = None) -> list[str]:
    """Pick `loss` in the dock's box as a user does; answer the question it may ask with the
    button named `answer`. Returns the texts of the questions asked."""
    asked = []

    def respond():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            asked.append(box.text())
            button = next(b for b in box.buttons() if b.text().replace("&", "") == answer)
            button.click()

    QTimer.singleShot(0, respond)
    dock.loss.setCurrentIndex(dock.loss.findData(loss))
    dock.loss.activated.emit(dock.loss.currentIndex())
    return asked


def test_a_loss_the_outputs_allow_is_one_undo_step(open_example, qtbot):
    window = open_example("xor")  # sigmoid output
    dock = window.training.training_dock
    assert choose_loss(qtbot, dock, "binary_cross_entropy") == []
    assert window.document.network.loss == "binary_cross_entropy"
    stack = window.document.undo_stack
    assert stack.undoText() == "Set Loss to binary cross entropy"
    stack.undo()
    assert window.document.network.loss == "squared_error"
    assert dock.loss.currentData() == "squared_error"


def test_cross_entropy_on_tanh_outputs_is_explained_and_can_make_them_sigmoid(open_example, qtbot):
    window = open_example("circle")  # tanh output o1
    dock = window.training.training_dock
    tip = dock.loss.itemData(
        dock.loss.findData("binary_cross_entropy"), Qt.ItemDataRole.ToolTipRole
    )
    assert "needs sigmoid output neurons" in tip and "o1 is tanh" in tip
    asked = choose_loss(qtbot, dock, "binary_cross_entropy", "Make Outputs Sigmoid")
    assert len(asked) == 1 and "o1 is tanh" in asked[0]
    network = window.document.network
    assert network.loss == "binary_cross_entropy"
    assert network.neuron("o1").activation == "sigmoid"
    assert dock.loss.currentData() == "binary_cross_entropy"
    stack = window.document.undo_stack
    stack.undo()  # one step puts back both
    assert (network.loss, network.neuron("o1").activation) == ("squared_error", "tanh")


def test_declining_leaves_the_loss_and_says_why(open_example, qtbot):
    window = open_example("circle")
    dock = window.training.training_dock
    asked = choose_loss(qtbot, dock, "binary_cross_entropy", "Cancel")
    assert len(asked) == 1
    assert window.document.network.loss == "squared_error"
    assert dock.loss.currentData() == "squared_error"
    assert "Loss not changed" in dock.status.text() and "o1 is tanh" in dock.status.text()
    assert window.document.undo_stack.count() == 0


def test_changing_the_loss_starts_the_plot_again(open_example, qtbot):
    from tests.gui.training.helpers import shown_epoch, train_epochs

    window = open_example("xor")
    train_epochs(qtbot, window, 3)
    window.document.set_loss("binary_cross_entropy")
    assert shown_epoch(window) == 0
    assert window.training.training_dock.loss_plot.curve_values("train_loss").size == 0


def test_the_preset_list_marks_only_the_value_in_force(open_example, qtbot):
    window = open_example("circle")
    box = window.training.training_dock.learning_rate.box
    box.setCurrentIndex(box.findText("1"))
    box.activated.emit(box.currentIndex())
    assert window.document.network.training.learning_rate == 1.0
    type_into(qtbot, box, "0.05")
    assert window.document.network.training.learning_rate == 0.05
    # 0.05 is no preset: no row of the list is marked, and "1" least of all.
    assert box.currentIndex() == -1 and box.currentText() == "0.05"
    box.showPopup()
    assert box.view().selectionModel().selectedIndexes() == []
    box.hidePopup()
    # Back on a preset (the learning-rate edits merge into one undo step): that row is marked.
    window.action_by_name["undo"].trigger()
    assert window.document.network.training.learning_rate == 0.03
    assert box.currentIndex() == box.findText("0.03")


def test_enter_hands_the_keys_back_to_the_canvas(window, qtbot):
    window.backward.open()
    qtbot.waitUntil(window.backward.is_showing)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    box = window.training.training_dock.learning_rate.box
    box.lineEdit().setFocus()
    type_into(qtbot, box, "0.05")
    assert window.document.network.training.learning_rate == 0.05
    assert QApplication.focusWidget() is window.view
    # → now steps the pass on the canvas rather than moving the box's cursor.
    before = window.backward.session.label()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Right)
    assert window.backward.session.label() != before


def test_ctrl_z_in_a_box_showing_the_value_in_force_undoes_in_the_app(open_example, qtbot):
    window = open_example("circle")
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    control = window.training.training_dock.learning_rate
    type_into(qtbot, control.box, "0.05")
    assert window.document.network.training.learning_rate == 0.05
    # The user clicks back into the box and presses Ctrl+Z without typing anything.
    control.box.lineEdit().setFocus()
    qtbot.keyClick(control.box.lineEdit(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.document.network.training.learning_rate == 0.03
    assert control.box.currentText() == "0.03"
    # While a new number is being typed, Ctrl+Z takes back the typing, in the box.
    qtbot.keyClicks(control.box.lineEdit(), "7")
    assert control.box.currentText() == "0.037"
    qtbot.keyClick(control.box.lineEdit(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert control.box.currentText() == "0.03"
    assert window.document.network.training.learning_rate == 0.03
    assert window.document.undo_stack.index() == 0
