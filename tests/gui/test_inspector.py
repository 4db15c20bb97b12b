"""The Inspector: one neuron, one connection, several neurons; each change one undo step."""

import numpy as np
import pytest
from PySide6.QtCore import Qt

from tests.gui.helpers import assert_scene_matches, click

POS = {"i1": (0, 0), "h1": (200, 0), "h2": (200, 120), "o1": (400, 0)}


def type_into(qtbot, field, text):
    field.selectAll()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def choose(qtbot, combo, text):
    """Pick an entry as a user does: open the list with the keyboard and move to it."""
    combo.setFocus()
    index = combo.findText(text)
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def test_a_selected_neuron_shows_its_fields(qtbot, window):
    click(qtbot, window.view, *POS["h1"])
    inspector = window.inspector
    assert inspector.pages.currentIndex() == 1
    assert inspector.id_label.text() == "h1"
    assert inspector.role_combo.currentText() == "hidden"
    assert inspector.activation_combo.currentText() == "sigmoid"
    assert inspector.bias_edit.text() == "0.35"
    assert inspector.plot.activation == "sigmoid"


def test_editing_the_bias_is_one_undo_step(qtbot, window):
    click(qtbot, window.view, *POS["h1"])
    type_into(qtbot, window.inspector.bias_edit, "-0.8")
    assert window.document.network.neuron("h1").bias == -0.8
    assert window.scene.neuron_items["h1"].bias_text == "b −0.8"
    assert window.action_by_name["undo"].text() == "Undo Set Bias of h1 to -0.8"
    window.action_by_name["undo"].trigger()
    assert window.document.network.neuron("h1").bias == 0.35
    assert window.inspector.bias_edit.text() == "0.35"


def test_choosing_an_activation_changes_the_neuron_and_the_picture(qtbot, window):
    click(qtbot, window.view, *POS["h1"])
    choose(qtbot, window.inspector.activation_combo, "relu")
    assert window.document.network.neuron("h1").activation == "relu"
    assert window.inspector.plot.activation == "relu"
    z, f, df = window.inspector.plot.curves()
    # relu by hand: max(0, z), and its slope 0 left of zero, 1 right of it.
    assert np.array_equal(f, np.maximum(z, 0.0))
    assert np.array_equal(df[z < 0], np.zeros((z < 0).sum()))
    assert np.array_equal(df[z > 0], np.ones((z > 0).sum()))
    window.action_by_name["undo"].trigger()
    assert window.document.network.neuron("h1").activation == "sigmoid"


def test_the_sigmoid_picture_has_the_textbook_values(qtbot, window):
    click(qtbot, window.view, *POS["h1"])
    z, f, df = window.inspector.plot.curves()
    middle = len(z) // 2
    assert z[middle] == 0.0
    assert f[middle] == pytest.approx(0.5) and df[middle] == pytest.approx(0.25)
    assert f[-1] == pytest.approx(1 / (1 + np.exp(-4)))


def test_editing_the_label_and_role(qtbot, window):
    click(qtbot, window.view, *POS["o1"])
    type_into(qtbot, window.inspector.label_edit, "yes")
    assert window.document.network.neuron("o1").label == "yes"
    choose(qtbot, window.inspector.role_combo, "hidden")
    assert window.document.network.neuron("o1").role == "hidden"
    assert window.scene.neuron_items["o1"].role == "hidden"
    assert window.document.undo_stack.count() == 2


def test_an_input_cannot_get_incoming_connections_by_a_role_change(qtbot, window):
    click(qtbot, window.view, *POS["h1"])
    choose(qtbot, window.inspector.role_combo, "input")
    assert window.document.network.neuron("h1").role == "hidden"
    assert window.inspector.role_combo.currentText() == "hidden"
    assert "incoming connections" in window.statusBar().currentMessage()


def test_an_input_neuron_has_no_bias_or_activation_to_edit(qtbot, window):
    click(qtbot, window.view, *POS["i1"])
    assert not window.inspector.bias_edit.isEnabled()
    assert not window.inspector.activation_combo.isEnabled()


def test_a_selected_connection_shows_and_edits_its_weight(qtbot, window):
    click(qtbot, window.view, 300, 0)  # middle of h1 → o1
    inspector = window.inspector
    assert inspector.pages.currentIndex() == 2
    assert inspector.connection_label.text() == "h1 → o1"
    assert inspector.weight_edit.text() == "0.4"
    # The typographic minus the canvas shows is accepted too (QTest types ASCII only).
    inspector.weight_edit.setText("−2")
    qtbot.keyClick(inspector.weight_edit, Qt.Key.Key_Return)
    assert window.document.network.connection("h1", "o1").weight == -2.0
    assert window.scene.connection_items[("h1", "o1")].style < 0  # drawn orange


def test_several_neurons_get_one_activation_and_bias_in_one_step_each(qtbot, window):
    click(qtbot, window.view, *POS["h1"])
    click(qtbot, window.view, *POS["h2"], Qt.KeyboardModifier.ControlModifier)
    click(qtbot, window.view, *POS["i1"], Qt.KeyboardModifier.ControlModifier)
    inspector = window.inspector
    assert inspector.pages.currentIndex() == 3
    assert "3 neurons selected (1 inputs" in inspector.many_label.text()
    assert inspector.many_bias.text() == "0.35"
    choose(qtbot, inspector.many_activation, "tanh")
    type_into(qtbot, inspector.many_bias, "0.5")
    network = window.document.network
    assert [network.neuron(n).activation for n in ("h1", "h2")] == ["tanh", "tanh"]
    assert [network.neuron(n).bias for n in ("h1", "h2")] == [0.5, 0.5]
    assert network.neuron("i1").bias is None
    assert window.document.undo_stack.count() == 2
    window.action_by_name["undo"].trigger()
    window.action_by_name["undo"].trigger()
    assert [network.neuron(n).activation for n in ("h1", "h2")] == ["sigmoid", "sigmoid"]
    assert_scene_matches(window.scene, network)


def test_text_that_is_no_number_for_several_biases_is_refused_in_plain_words(qtbot, window):
    click(qtbot, window.view, *POS["h1"])
    click(qtbot, window.view, *POS["h2"], Qt.KeyboardModifier.ControlModifier)
    inspector = window.inspector
    assert inspector.pages.currentIndex() == 3
    type_into(qtbot, inspector.many_bias, "abc")
    assert window.statusBar().currentMessage() == "'abc' is not a number; nothing changed."
    network = window.document.network
    assert [network.neuron(n).bias for n in ("h1", "h2")] == [0.35, 0.35]
    assert window.document.undo_stack.count() == 0


def test_under_cross_entropy_an_output_cannot_be_made_linear_and_the_status_says_why(qtbot, window):
    window.document.set_loss("binary_cross_entropy")  # 2-2-2's outputs are sigmoid
    click(qtbot, window.view, *POS["o1"])
    choose(qtbot, window.inspector.activation_combo, "linear")
    assert window.document.network.neuron("o1").activation == "sigmoid"
    assert window.inspector.activation_combo.currentText() == "sigmoid"
    message = window.statusBar().currentMessage()
    assert "needs sigmoid output neurons" in message and "o1 is linear" in message
