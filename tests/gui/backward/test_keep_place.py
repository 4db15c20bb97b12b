"""A new η or a new name keeps the trace's place: the passes' numbers do not depend on them."""

from PySide6.QtCore import Qt

from tests.gui.backward.helpers import panel_numbers
from tests.gui.helpers import click

LEFT = Qt.MouseButton.LeftButton


def step_to_h1(backward, qtbot):
    for _ in range(3):
        qtbot.mouseClick(backward.panel.step_button, LEFT)
    assert backward.session.label() == "step 3 of 5: neuron h1"


def type_into(qtbot, field, text):
    field.selectAll()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def test_a_new_learning_rate_keeps_the_step_and_the_update_uses_it(backward, trace_window, qtbot):
    step_to_h1(backward, qtbot)
    shown_at_h1 = panel_numbers(backward.panel.formula)
    box = trace_window.training.training_dock.learning_rate.box
    box.lineEdit().clear()
    qtbot.keyClicks(box.lineEdit(), "0.2")
    qtbot.keyClick(box.lineEdit(), "\r")
    assert trace_window.document.network.training.learning_rate == 0.2

    assert backward.session.label() == "step 3 of 5: neuron h1"
    assert trace_window.backward.panel.step_label.text() == "step 3 of 5: neuron h1"
    assert panel_numbers(backward.panel.formula) == shown_at_h1
    assert "started again" not in trace_window.statusBar().currentMessage()

    gradients = {}
    for _ in range(2):  # h2, then the update
        qtbot.mouseClick(backward.panel.step_button, LEFT)
        gradients |= {n: v for n, v, _ in panel_numbers(backward.panel.formula)}
    gradients |= {n: v for n, v, _ in shown_at_h1}
    assert backward.session.label() == "step 5 of 5: SGD update"
    shown = {name: value for name, value, _ in panel_numbers(backward.panel.formula)}
    assert shown["η"] == 0.2
    # w ← w − η · ∂L/∂w, with the gradient the backward steps showed and the file's weights.
    for (i, j), before in {("i1", "h1"): 0.15, ("i2", "h2"): 0.30}.items():
        assert shown[f"w_{i},{j} before"] == before
        expected = before - 0.2 * gradients[f"∂L/∂w_{i},{j}"]
        assert abs(shown[f"w_{i},{j} after"] - expected) < 1e-12


def test_renaming_a_neuron_keeps_the_step_and_shows_the_new_name(backward, trace_window, qtbot):
    step_to_h1(backward, qtbot)
    click(qtbot, trace_window.view, 200, 0)  # h1, in the Inspector
    assert trace_window.inspector.id_label.text() == "h1"
    type_into(qtbot, trace_window.inspector.label_edit, "left")
    assert trace_window.document.network.neuron("h1").label == "left"

    assert backward.session.label() == "step 3 of 5: neuron left"
    assert backward.panel.step_label.text() == "step 3 of 5: neuron left"
    assert "Neuron left" in backward.panel.formula.toPlainText()
    assert "started again" not in trace_window.statusBar().currentMessage()


def test_a_weight_still_restarts_after_a_rename(backward, trace_window, qtbot):
    step_to_h1(backward, qtbot)
    trace_window.document.set_label("h1", "left")
    trace_window.document.set_weight("h1", "o1", 1.0)
    assert backward.session.label().startswith("forward pass")


def test_a_learning_rate_changed_while_the_panel_is_hidden_keeps_the_step(
    backward, trace_window, qtbot
):
    step_to_h1(backward, qtbot)
    backward.dock.hide()
    trace_window.training.training_dock.learning_rate.slider.setValue(4)
    rate = trace_window.document.network.training.learning_rate
    assert rate != 0.5
    backward.open()
    qtbot.waitUntil(backward.is_showing)
    assert backward.session.label() == "step 3 of 5: neuron h1"
    assert backward.session.trace.update.learning_rate == rate
