"""The dock's "Update biases" box: one undo step per toggle, shown again after undo, and used."""

from dataclasses import replace

from PySide6.QtCore import QPoint, Qt

LEFT = Qt.MouseButton.LeftButton


def click_box(qtbot, box) -> None:
    """A click on the box's square (the middle of a wide check box is empty space)."""
    qtbot.mouseClick(box, LEFT, pos=QPoint(8, box.height() // 2))


def test_the_box_shows_the_setting_and_a_click_is_one_undo_step(open_example, qtbot):
    window = open_example("two_two_two")
    box = window.training.training_dock.update_biases
    document, stack = window.document, window.document.undo_stack
    assert box.isChecked()
    assert "Mazur" in box.toolTip()

    click_box(qtbot, box)
    assert document.network.training.update_biases is False
    assert not box.isChecked()
    assert stack.count() == 1
    assert stack.undoText() == "Keep Biases Fixed"

    stack.undo()
    assert document.network.training.update_biases is True
    assert box.isChecked()
    stack.redo()
    assert document.network.training.update_biases is False
    assert not box.isChecked()


def test_two_toggles_are_two_undo_steps(open_example, qtbot):
    window = open_example("two_two_two")
    box = window.training.training_dock.update_biases
    stack = window.document.undo_stack
    click_box(qtbot, box)
    click_box(qtbot, box)
    assert window.document.network.training.update_biases is True
    assert stack.count() == 2
    assert stack.undoText() == "Update Biases"
    stack.undo()
    assert window.document.network.training.update_biases is False
    assert not box.isChecked()


def test_the_box_follows_a_file_that_keeps_biases_fixed(open_example, qtbot):
    window = open_example("two_two_two")
    document = window.document
    document.set_training(replace(document.network.training, update_biases=False))
    assert not window.training.training_dock.update_biases.isChecked()


def test_training_in_the_app_keeps_the_biases_when_the_box_is_off(open_example, qtbot):
    window = open_example("xor")
    before = {n.id: n.bias for n in window.document.network.neurons if not n.is_input}
    weights = {c.key: c.weight for c in window.document.network.connections}
    click_box(qtbot, window.training.training_dock.update_biases)
    qtbot.mouseClick(window.training.training_dock.step_epoch_button, LEFT)
    qtbot.waitUntil(lambda: not window.training.session.running)
    network = window.document.network
    qtbot.waitUntil(lambda: {c.key: c.weight for c in network.connections} != weights)
    assert {n.id: n.bias for n in network.neurons if not n.is_input} == before
