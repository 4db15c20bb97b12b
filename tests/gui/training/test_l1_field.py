"""The dock's "L1" field: a typed value is one undo step, a bad one refused with the model's reason."""

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt

from playground.engine.trainer import Trainer

LEFT = Qt.MouseButton.LeftButton


def type_into(qtbot, box, text: str) -> None:
    box.lineEdit().clear()
    qtbot.keyClicks(box.lineEdit(), text)
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Return)


def test_a_typed_l1_is_one_undo_step_and_undo_shows_the_old_value(open_example, qtbot):
    window = open_example("circle")
    box = window.training.training_dock.l1
    document, stack = window.document, window.document.undo_stack
    assert box.currentText() == "0"
    with qtbot.waitSignal(document.settings_changed):
        type_into(qtbot, box, "0.002")
    assert document.network.training.l1 == 0.002
    assert document.network.training.l2 == 0.0  # L2 is a setting of its own
    assert stack.count() == 1
    assert stack.undoText() == "Set L1 to 0.002"

    stack.undo()
    assert document.network.training.l1 == 0.0
    assert box.currentText() == "0"
    stack.redo()
    assert document.network.training.l1 == 0.002
    assert box.currentText() == "0.002"


def test_the_down_arrow_steps_to_the_next_preset(open_example, qtbot):
    window = open_example("circle")
    box = window.training.training_dock.l1
    type_into(qtbot, box, "0.003")
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Down)
    assert window.document.network.training.l1 == 0.01
    assert box.currentText() == "0.01"
    # Two edits of L1 in a row merge into one undo step, as L2's do.
    assert window.document.undo_stack.count() == 1
    assert window.document.undo_stack.undoText() == "Set L1 to 0.01"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("-0.1", "L1: must be a number of 0 or more"),
        ("lots", "L1: 'lots' is not a number."),
        ("inf", "L1: 'inf' is not a number."),
    ],
)
def test_a_value_the_model_refuses_is_refused_with_its_reason(open_example, qtbot, text, reason):
    window = open_example("circle")
    dock = window.training.training_dock
    type_into(qtbot, dock.l1, text)
    assert window.document.network.training.l1 == 0.0
    assert dock.l1.currentText() == "0"
    assert reason in dock.status.text()
    assert window.document.undo_stack.count() == 0


def test_the_field_shows_the_files_l1_and_explains_itself(open_example, qtbot):
    window = open_example("circle")
    document = window.document
    document.set_training(replace(document.network.training, l1=0.0003))
    assert window.training.training_dock.l1.currentText() == "0.0003"
    assert "sign(w)" in window.training.training_dock.l1.toolTip()


def test_an_epoch_in_the_app_with_l1_is_the_trainers(open_example, qtbot):
    window = open_example("xor")
    dock = window.training.training_dock
    type_into(qtbot, dock.l1, "0.03")
    network = window.document.network
    expected = Trainer(network.copy())
    expected.run(until_epoch=1)
    without = Trainer(network.copy(), settings=replace(network.training, l1=0.0))
    without.run(until_epoch=1)
    weights = {c.key: c.weight for c in network.connections}
    qtbot.mouseClick(dock.step_epoch_button, LEFT)
    qtbot.waitUntil(lambda: not window.training.session.running)
    qtbot.waitUntil(lambda: {c.key: c.weight for c in network.connections} != weights)
    for key, weight in expected.compiled.weights_by_key().items():
        assert network.connection(*key).weight == pytest.approx(weight, rel=1e-12)
    # And l1 made a difference: without it the epoch ends elsewhere.
    assert expected.compiled.weights_by_key() != without.compiled.weights_by_key()


def test_a_new_l1_applies_without_stopping_the_run(open_example, qtbot):
    window = open_example("circle")
    dock, session = window.training.training_dock, window.training.session
    dock.stop_after.setChecked(False)
    qtbot.mouseClick(dock.train_button, LEFT)
    qtbot.waitUntil(lambda: session.progress.epoch >= 1, timeout=10000)
    type_into(qtbot, dock.l1, "0.001")
    assert window.document.network.training.l1 == 0.001
    assert session.running
    assert session.trainer.settings.l1 == 0.001
    session.pause()
