"""The formula panel says in words why each part of a step is what it is (issue 12's lecture points).

Gather: ∂L/∂z of the later neurons is already known, and the sum is the multivariable chain
rule (every path from z_j to L). Derivative: f′(z) is cheap, z and y come from the forward
pass. Gradients: ∂L/∂w is a byproduct, y_i · ∂L/∂z_j.
"""

from PySide6.QtCore import Qt

LEFT = Qt.MouseButton.LeftButton

KNOWN = "already known: the backward pass reached those later neurons first"
PATHS = "By the multivariable chain rule every path from"
CHEAP = "were already computed in the forward pass"
BYPRODUCT = "come as a byproduct"


def step_to(backward, qtbot, label: str) -> str:
    """Click ▶ Step until the dock names `label`; the panel's text there."""
    for _ in range(len(backward.session.frames)):
        if backward.session.label() == label:
            return backward.panel.formula.toPlainText()
        qtbot.mouseClick(backward.panel.step_button, LEFT)
    raise AssertionError(f"never reached {label!r}")


def test_a_hidden_neuron_explains_each_part_as_it_comes(backward, trace_window, qtbot):
    backward.panel.detailed.click()
    network = trace_window.document.network
    fed = [c.target for c in network.connections if c.source == "h1"]
    assert len(fed) > 1  # a sum of several paths to explain

    gather = step_to(backward, qtbot, "step 3 of 5: neuron h1 — part 1 of 3: gather ∂L/∂y")
    assert f"h1 feeds {', '.join(fed)}; each sends back w · ∂L/∂z" in gather
    assert KNOWN in gather
    assert PATHS in gather
    assert CHEAP not in gather and BYPRODUCT not in gather  # not reached yet

    qtbot.mouseClick(backward.panel.step_button, LEFT)
    derivative = backward.panel.formula.toPlainText()
    assert "Back through the activation (sigmoid): multiply by its slope at" in derivative
    assert CHEAP in derivative
    assert BYPRODUCT not in derivative

    qtbot.mouseClick(backward.panel.step_button, LEFT)
    gradients = backward.panel.formula.toPlainText()
    assert BYPRODUCT in gradients
    assert "from the forward pass" in gradients


def test_an_output_neuron_starts_at_the_loss_without_a_sum_to_explain(backward, qtbot):
    backward.panel.detailed.click()
    gather = step_to(backward, qtbot, "step 1 of 5: neuron o1 — part 1 of 3: gather ∂L/∂y")
    assert "o1 is an output: the gradient starts at the loss" in gather
    assert "and the target" in gather
    # o1 feeds nothing: no later neuron to wait for, no paths to add up.
    assert KNOWN not in gather
    assert PATHS not in gather


def test_the_whole_step_has_every_explanation_at_once(backward, qtbot):
    whole = step_to(backward, qtbot, "step 3 of 5: neuron h1")
    for words in (KNOWN, PATHS, CHEAP, BYPRODUCT):
        assert words in whole
