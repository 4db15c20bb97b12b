"""Detailed sub-steps, and the last step: the SGD update applied to the network as one undo step."""

import math

from PySide6.QtCore import Qt

from playground.engine.backward_stepper import trace_sample
from tests.gui.backward.helpers import panel_numbers, tag_texts

LEFT = Qt.MouseButton.LeftButton


def shown_names(panel) -> set[str]:
    return {name for name, _, _ in panel_numbers(panel)}


def section_titles(panel) -> list[str]:
    return [
        line for line in panel.toPlainText().splitlines() if line[:4] in ("1 · ", "2 · ", "3 · ")
    ]


def test_detailed_mode_splits_each_neuron_into_three_parts(backward, trace_window, qtbot):
    backward.panel.detailed.click()
    assert backward.session.detailed
    assert len(backward.session.frames) == 1 + 4 * 3 + 1
    panel, scene = backward.panel.formula, trace_window.scene
    qtbot.mouseClick(backward.panel.step_button, LEFT)
    assert backward.session.label() == "step 1 of 5: neuron o1 — part 1 of 3: gather ∂L/∂y"
    assert section_titles(panel) == ["1 · Gather ∂L/∂y"]
    assert "∂L/∂y_o1" in shown_names(panel)
    assert "∂L/∂z_o1" not in shown_names(panel)
    assert "∂L/∂z_o1 0.1385" not in tag_texts(scene)  # not computed yet

    qtbot.mouseClick(backward.panel.step_button, LEFT)
    assert backward.session.label().endswith("part 2 of 3: ∂L/∂z = f′(z) · ∂L/∂y")
    assert section_titles(panel) == ["1 · Gather ∂L/∂y", "2 · Through the activation"]
    assert "∂L/∂z_o1 0.1385" in tag_texts(scene)
    assert "∂L/∂w_h1,o1" not in shown_names(panel)
    assert not any(t.startswith("∂L/∂w_h1,o1") for t in tag_texts(scene))

    qtbot.mouseClick(backward.panel.step_button, LEFT)
    assert backward.session.label().endswith("part 3 of 3: ∂L/∂w and ∂L/∂b")
    assert len(section_titles(panel)) == 3
    assert {"∂L/∂w_h1,o1", "∂L/∂w_h2,o1", "∂L/∂b_o1"} <= shown_names(panel)
    assert "∂L/∂w_h1,o1\n0.5933 × 0.1385\n= 0.08217" in tag_texts(scene)

    qtbot.mouseClick(backward.panel.step_button, LEFT)
    assert backward.session.label() == "step 2 of 5: neuron o2 — part 1 of 3: gather ∂L/∂y"


def test_turning_detailed_mode_on_and_off_keeps_the_neuron(backward, qtbot):
    for _ in range(3):
        qtbot.mouseClick(backward.panel.step_button, LEFT)
    assert backward.session.label() == "step 3 of 5: neuron h1"
    backward.panel.detailed.click()
    assert backward.session.label() == "step 3 of 5: neuron h1 — part 1 of 3: gather ∂L/∂y"
    qtbot.mouseClick(backward.panel.step_button, LEFT)
    backward.panel.detailed.click()
    assert backward.session.label() == "step 3 of 5: neuron h1"


def test_applying_the_update_changes_the_weights_as_the_stepper_says_and_one_undo_restores_them(
    backward,
    trace_window,
    qtbot,
):
    document = trace_window.document
    before = document.network.copy()
    expected = trace_sample(before, [0.05, 0.1], [0.01, 0.99])
    qtbot.mouseClick(backward.panel.end_button, LEFT)
    assert document.network == before  # showing the update changes nothing yet
    qtbot.mouseClick(backward.panel.apply_button, LEFT)
    assert backward.session.applied
    for w in expected.update.weights:
        assert document.network.connection(w.source, w.target).weight == w.after
    for b in expected.update.biases:
        assert document.network.neuron(b.neuron).bias == b.after
    # By hand: w_h1,o1 = 0.4 − 0.5 × 0.082167 = 0.358916, b_o1 = 0.6 − 0.5 × 0.138499 = 0.530751.
    assert math.isclose(document.network.connection("h1", "o1").weight, 0.358916, abs_tol=1e-6)
    assert math.isclose(document.network.neuron("o1").bias, 0.530751, abs_tol=1e-6)
    assert document.undo_stack.undoText() == "SGD Step on train sample 1 of 1"
    text = backward.panel.formula.toPlainText()
    assert "0.2984 → 0.2805" in text  # the sample's new loss
    assert "loss\nL = 0.2805\nwas 0.2984" in tag_texts(trace_window.scene)
    assert backward.session.label() == "step 5 of 5: SGD update applied"

    document.undo_stack.undo()
    assert document.network == before
    assert document.network.parameters_equal(before)
    # The undo changed the network behind the trace's back: it starts again, from the forward pass.
    assert backward.session.label() == "forward pass — step 0 of 5"
    assert not backward.session.applied


def test_the_step_key_applies_the_update_and_back_takes_it_back(backward, trace_window, qtbot):
    document = trace_window.document
    before = document.network.copy()
    backward.to_end()
    backward.step()
    assert backward.session.applied
    assert document.network != before
    assert not backward.panel.step_button.isEnabled()
    backward.back()
    assert document.network == before
    assert backward.session.label() == "step 5 of 5: SGD update"
    assert not document.undo_stack.canUndo()


def test_restart_after_the_update_traces_the_sample_again_with_the_new_weights(
    backward, trace_window
):
    backward.to_end()
    backward.apply_update()
    backward.restart()
    assert backward.session.label() == "forward pass — step 0 of 5"
    assert math.isclose(backward.session.trace.loss, 0.2804714, abs_tol=1e-6)  # the old loss after
    assert "loss\nL = 0.2805" in tag_texts(trace_window.scene)


def test_next_sample_traces_the_following_row(backward, trace_window, qtbot):
    from playground.model.examples import example_path

    trace_window.document.open(example_path("xor"))
    backward.open()
    data = trace_window.document.network.data
    assert backward.panel.next_button.isEnabled()
    qtbot.mouseClick(backward.panel.next_button, LEFT)
    assert backward.session.sample.index == 1
    assert backward.session.trace.x == list(data.train_x[1])
    assert backward.session.trace.targets == list(data.train_y[1])
    assert backward.session.label().startswith("forward pass")
    assert "train sample 2 of 4" in backward.panel.sample_summary.text()
    for _ in range(3):
        backward.next_sample()
    assert backward.session.sample.index == 0  # after the last, the first again
