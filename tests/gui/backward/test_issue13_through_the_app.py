"""Issue 13's test list, through the real widgets, where other tests reach the same numbers another way.

- Every example stepped forward (the forward pass neuron by neuron, on as by default), then
  backward, through the update, and then with Back all the way to the first step again:
  every number the panel shows on the way is `playground trace --json`'s.
- A minibatch typed into the picker: its mean step's gradients are the central finite
  difference of the minibatch's mean loss, computed here from the model alone.
- Mazur's 2-2-2 with "Update biases" unticked in the Training dock: the loss after one
  step, read from the panel, is his (computed here by hand, the way his post does it).
"""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import QPoint, Qt

from playground.engine.formatting import neuron_names
from playground.gui.backward.frames import APPLIED, FORWARD_STEP, NEURON, UPDATE
from playground.model.examples import example_names, example_path
from tests.engine.test_minibatch import finite_differences, mean_loss
from tests.gui.backward.helpers import cli_trace, panel_numbers
from tests.gui.backward.test_consistency_with_cli import check_frame, step_results
from tests.gui.backward.test_forward_steps import forward_numbers
from tests.gui.backward.test_minibatch_trace import choose_minibatch, open_example, step_to_mean

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def forward_steps_off():
    """Overrides the package's autouse fixture: the forward steps keep their default (on)."""


def open_trace(window, qtbot):
    window.backward.open()
    qtbot.waitUntil(window.backward.is_showing)
    return window.backward


# ----------------------------------------------------------------- forward, then backward


@pytest.mark.parametrize("name", example_names())
def test_every_example_stepped_forward_then_backward_and_back_shows_the_json_s_numbers(
    qtbot, window, capsys, name
):
    path = example_path(name)
    window.document.open(path)
    backward = open_trace(window, qtbot)
    session, panel = backward.session, backward.panel
    assert session.forward_steps  # on by default
    network = window.document.network
    document = cli_trace(capsys, path)
    numbers = forward_numbers(network, document)
    names = neuron_names(network)
    digits = session.digits
    frames = list(session.frames)
    kinds = [frame.kind for frame in frames]
    forward_count = len(document["forward"]) - len(network.input_ids())
    assert kinds == [FORWARD_STEP] * forward_count + [NEURON] * len(document["steps"]) + [UPDATE]

    seen: dict[tuple[str, int], set[str]] = {}
    for frame in frames:  # on with the Step button, forward pass first
        assert session.frame == frame
        seen[(frame.kind, frame.step)] = check_frame(panel.formula, numbers, digits)
        qtbot.mouseClick(panel.step_button, LEFT)
    assert session.frame.kind == APPLIED
    assert {"L before", "L after", "ΔL"} <= check_frame(panel.formula, numbers, digits)
    # Each forward step showed its neuron's z and y, each backward step its chain rule's results.
    for k, neuron_id in enumerate(session.forward_order):
        j = names[neuron_id]
        assert {f"z_{j}", f"y_{j}", f"b_{j}"} <= seen[(FORWARD_STEP, k)], neuron_id
    for k, step in enumerate(document["steps"]):
        missing = step_results(network, step) - seen[(NEURON, k)]
        assert not missing, f"{step['neuron']}: {missing} never shown"

    for frame in reversed(frames):  # and back with the Back button, across the boundary
        qtbot.mouseClick(panel.back_button, LEFT)
        assert session.frame == frame
        assert check_frame(panel.formula, numbers, digits) == seen[(frame.kind, frame.step)]
    assert not panel.back_button.isEnabled()
    # Taking the update back left the network as the file has it.
    for w in document["update"]["weights"]:
        assert network.connection(w["source"], w["target"]).weight == w["before"]


# ----------------------------------------------------------------- the minibatch's finite difference


def test_the_minibatch_mean_step_is_the_finite_difference_of_the_mean_loss(window, qtbot):
    backward = open_example(window, qtbot, "xor")
    choose_minibatch(backward, qtbot, "1,2,4")
    step_to_mean(backward, qtbot)
    network = window.document.network
    names = neuron_names(network)
    shown = {name: value for name, value, _ in panel_numbers(backward.panel.formula)}
    x, t = network.data.split("train")
    rows = [0, 1, 3]
    differences = finite_differences(network, x[rows], t[rows])
    assert len(differences) == len(network.connections) + 3
    for key, difference in differences.items():
        if isinstance(key, tuple):
            name = f"∂L/∂w_{names[key[0]]},{names[key[1]]}"
        else:
            name = f"∂L/∂b_{names[key]}"
        assert shown[name] == pytest.approx(difference, rel=1e-6, abs=1e-9), name
    assert shown["L mean"] == pytest.approx(mean_loss(network, x[rows], t[rows]), rel=1e-12)


# ----------------------------------------------------------------- Mazur's numbers


def sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z))


def mazur_loss_after_one_step_with_biases_fixed() -> float:
    """Mazur's walkthrough by hand: forward, the deltas, w ← w − η ∂L/∂w (biases kept), forward again."""
    x, t, rate = (0.05, 0.1), (0.01, 0.99), 0.5
    w_ih = [[0.15, 0.2], [0.25, 0.3]]  # w_ih[h][i]: into h1 from i1, i2; into h2
    w_ho = [[0.4, 0.45], [0.5, 0.55]]  # w_ho[o][h]: into o1 from h1, h2; into o2
    b_h, b_o = 0.35, 0.6

    def forward(w_ih, w_ho):
        h = [sigmoid(b_h + sum(w * xi for w, xi in zip(row, x))) for row in w_ih]
        o = [sigmoid(b_o + sum(w * hi for w, hi in zip(row, h))) for row in w_ho]
        return h, o

    h, o = forward(w_ih, w_ho)
    delta_o = [(o[k] - t[k]) * o[k] * (1 - o[k]) for k in range(2)]
    delta_h = [h[m] * (1 - h[m]) * sum(delta_o[k] * w_ho[k][m] for k in range(2)) for m in range(2)]
    new_ho = [[w_ho[k][m] - rate * delta_o[k] * h[m] for m in range(2)] for k in range(2)]
    new_ih = [[w_ih[m][i] - rate * delta_h[m] * x[i] for i in range(2)] for m in range(2)]
    _, o = forward(new_ih, new_ho)
    return sum(0.5 * (o[k] - t[k]) ** 2 for k in range(2))


def test_mazurs_example_with_biases_fixed_gives_his_loss_after_one_step(window, qtbot):
    """0.291027924 in his post; his own printed weights give 0.291027774, the same to six digits."""
    box = window.training.training_dock.update_biases
    assert box.isChecked()
    qtbot.mouseClick(box, LEFT, pos=QPoint(8, box.height() // 2))  # on the box's square
    assert window.document.network.training.update_biases is False
    backward = open_trace(window, qtbot)
    panel = backward.panel
    while not backward.session.applied:  # Step to the end and once more: the update is applied
        assert panel.step_button.isEnabled()
        qtbot.mouseClick(panel.step_button, LEFT)
    after = {name: value for name, value, _ in panel_numbers(panel.formula)}["L after"]
    expected = mazur_loss_after_one_step_with_biases_fixed()
    assert after == pytest.approx(expected, rel=1e-12)
    assert after == pytest.approx(0.291027924, abs=2e-7)  # his published number, to 6 digits
    assert f"{after:.6g}" == f"{0.291027924:.6g}" == "0.291028"
    assert "0.2984 → 0.2910" in panel.formula.toPlainText()  # as the panel writes it
    network = window.document.network
    assert [n.bias for n in network.neurons if not n.is_input] == [0.35, 0.35, 0.6, 0.6]
