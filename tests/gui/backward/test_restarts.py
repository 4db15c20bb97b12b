"""Any change to what the trace depends on starts it again, so stale numbers are never on screen."""

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt

from playground.engine.backward_stepper import trace_sample
from tests.gui.backward.helpers import panel_numbers, tag_texts

LEFT = Qt.MouseButton.LeftButton


def at_h1(backward, qtbot):
    for _ in range(3):
        qtbot.mouseClick(backward.panel.step_button, LEFT)
    assert backward.session.label() == "step 3 of 5: neuron h1"


def assert_fresh(window, backward):
    """The panel and the canvas show a trace of the network as it is now, from the forward pass."""
    network = window.document.network
    fresh = trace_sample(network, backward.session.trace.x, backward.session.trace.targets)
    assert backward.session.trace == fresh
    assert backward.session.label().startswith("forward pass")
    shown = {name: value for name, value, _ in panel_numbers(backward.panel.formula)}
    assert shown["L"] == fresh.loss
    loss_tags = [t for t in tag_texts(window.scene) if t.startswith("loss\n")]
    assert loss_tags == [f"loss\nL = {_fmt(fresh.loss, backward.session.digits)}"]


def _fmt(value, digits):
    from playground.engine.formatting import format_number

    return format_number(value, digits)


EDITS = {
    "a weight": lambda d: d.set_weight("h1", "o1", -1.25),
    "a bias": lambda d: d.set_bias("h2", 0.0),
    "an activation": lambda d: d.set_activation("h1", "tanh"),
    "a new connection": lambda d: d.connect_neurons("i1", "o2", 0.3),
    "a removed neuron": lambda d: d.remove_items(["h2"], []),
    "the loss": lambda d: d.set_loss("binary_cross_entropy"),
}
# The training settings and the labels keep the place: tests/gui/backward/test_keep_place.py.


@pytest.mark.parametrize("edit", list(EDITS))
def test_an_edit_during_a_trace_restarts_it(backward, trace_window, qtbot, edit):
    at_h1(backward, qtbot)
    old_trace = backward.session.trace
    EDITS[edit](trace_window.document)
    assert_fresh(trace_window, backward)
    assert backward.session.trace != old_trace
    assert "started again" in trace_window.statusBar().currentMessage()


def test_undo_and_redo_of_an_edit_restart_it_too(backward, trace_window, qtbot):
    trace_window.document.set_weight("h1", "o1", 2.0)
    at_h1(backward, qtbot)
    trace_window.document.undo_stack.undo()
    assert_fresh(trace_window, backward)
    assert backward.session.trace.update.weights[4].before == 0.4
    at_h1(backward, qtbot)
    trace_window.document.undo_stack.redo()
    assert_fresh(trace_window, backward)
    assert backward.session.trace.update.weights[4].before == 2.0


def test_moving_a_neuron_does_not_restart_the_trace(backward, trace_window, qtbot):
    at_h1(backward, qtbot)
    trace_window.document.move_neurons({"h2": (230.0, 160.0)})
    assert backward.session.label() == "step 3 of 5: neuron h1"


def test_a_change_of_the_training_settings_made_outside_the_undo_stack_is_caught_before_the_next_step(
    backward,
    trace_window,
    qtbot,
):
    at_h1(backward, qtbot)
    network = trace_window.document.network
    network.training = replace(network.training, learning_rate=0.01)
    qtbot.mouseClick(backward.panel.step_button, LEFT)
    # Only the update depends on η: the step goes on from where it was, with the new η.
    assert backward.session.label() == "step 4 of 5: neuron h2"
    assert backward.session.trace.update.learning_rate == 0.01


def test_a_change_of_sample_restarts_the_trace(backward, trace_window, qtbot):
    from playground.model.examples import example_path

    trace_window.document.open(example_path("xor"))
    backward.open()
    at_h1_xor = backward.session.frames[2]
    backward.step()
    backward.step()
    assert backward.session.frame == at_h1_xor
    backward.panel.show_picker(True)
    backward.panel.picker.index.setValue(3)
    assert backward.session.sample.index == 2
    assert_fresh(trace_window, backward)
    data = trace_window.document.network.data
    assert backward.session.trace.x == list(data.train_x[2])


def test_opening_another_network_restarts_on_its_first_sample(backward, trace_window, qtbot):
    from playground.model.examples import example_path

    at_h1(backward, qtbot)
    trace_window.document.open(example_path("sine"))
    network = trace_window.document.network
    assert backward.session.trace.x == list(network.data.train_x[0])
    assert_fresh(trace_window, backward)
    assert not any("h1 → o1" in t for t in tag_texts(trace_window.scene))


def test_a_network_with_nothing_to_trace_says_why(backward, trace_window):
    trace_window.document.remove_items(["o1", "o2"], [])
    assert backward.session.trace is None
    assert "no output neuron" in backward.panel.formula.toPlainText()
    assert not backward.panel.step_button.isEnabled()
    assert tag_texts(trace_window.scene) == []
    trace_window.document.undo_stack.undo()
    assert backward.session.trace is not None


def test_new_data_restarts_the_trace_on_the_new_rows(backward, trace_window, qtbot):
    import numpy as np

    from playground.model.dataset import Dataset

    at_h1(backward, qtbot)
    data = Dataset(
        np.array([[0.9, -0.3]]), np.array([[1.0, 0.0]]), np.zeros((0, 2)), np.zeros((0, 2))
    )
    trace_window.document.set_data(data, "Use New Data")
    assert backward.session.trace.x == [0.9, -0.3]
    assert backward.session.trace.targets == [1.0, 0.0]
    assert_fresh(trace_window, backward)
