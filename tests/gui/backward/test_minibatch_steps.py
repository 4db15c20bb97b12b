"""Stepping a minibatch "1,3,5" frame by frame: the means in the panel and on the canvas, the update.

Two networks: the 2-2-2 example given five training rows, and the skip-connection
example with its hidden layer made relu. The field is typed into and every frame
stepped with the Backward menu's real Step action. At the mean frame the panel's
table must hold, for every weight and bias, the mean of the per-sample gradients
`playground trace --json --samples 0,2,4` prints per sample (averaged here), and
the central difference of the batch's mean loss taken here by nudging a copy of
the network; the canvas must carry the same means. The update frame's new weights
must be w − η·mean.
"""

import json
import math

import pytest

from playground.engine.backward_stepper import forward_values, sample_loss
from playground.engine.formatting import format_number, neuron_names
from playground.gui.backward.frames import MEAN, UPDATE
from playground.model.examples import example_path
from playground.model.network import Network
from tests.gui.backward.helpers import cli_trace, overlay_tags, panel_numbers, tag_on
from tests.gui.backward.test_minibatch_trace import choose_minibatch

ROWS = [0, 2, 4]  # "1,3,5" as the picker counts; "0,2,4" as the command line does
H = 1e-6


def two_two_two_with_five_rows(folder) -> str:
    """Mazur's 2-2-2 with four more training rows, saved as a file the app opens."""
    document = json.loads(example_path("two_two_two").read_text(encoding="utf-8"))
    train = document["data"]["train"]
    train["x"] += [[0.9, 0.2], [-0.4, 0.7], [0.3, -0.8], [1.2, 0.5]]
    train["y"] += [[0.2, 0.7], [0.95, 0.05], [0.4, 0.6], [0.1, 0.9]]
    path = folder / "two_two_two_five.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def skip_connection_with_relu(folder) -> str:
    """The skip-connection example with every hidden neuron relu."""
    document = json.loads(example_path("skip_connection").read_text(encoding="utf-8"))
    for neuron in document["neurons"]:
        if neuron.get("role") == "hidden":
            neuron["activation"] = "relu"
    path = folder / "skip_connection_relu.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def mean_loss(network: Network, xs, ts) -> float:
    return sum(
        sample_loss(network, forward_values(network, list(x)), list(t)) for x, t in zip(xs, ts)
    ) / len(xs)


def finite_difference(network: Network, xs, ts, key) -> float:
    """The slope of the batch's mean loss along one weight or bias, nudging a copy up and down."""
    losses = []
    for sign in (1, -1):
        nudged = network.copy()
        if isinstance(key, tuple):
            nudged.set_weight(*key, network.connection(*key).weight + sign * H)
        else:
            nudged.set_bias(key, network.neuron(key).bias + sign * H)
        losses.append(mean_loss(nudged, xs, ts))
    return (losses[0] - losses[1]) / (2 * H)


def cli_means(network: Network, document: dict) -> dict:
    """Each weight's and bias's gradient averaged here over the CLI's per-sample traces."""
    total: dict = {}
    for one in document["samples"]:
        for step in one["steps"]:
            total[step["neuron"]] = total.get(step["neuron"], 0.0) + step["dL_db"]
            for g in step["weight_grads"]:
                key = (g["source"], g["target"])
                total[key] = total.get(key, 0.0) + g["dL_dw"]
    return {key: value / len(document["samples"]) for key, value in total.items()}


def panel_name(names: dict, key) -> str:
    if isinstance(key, tuple):
        return f"∂L/∂w_{names[key[0]]},{names[key[1]]}"
    return f"∂L/∂b_{names[key]}"


@pytest.mark.parametrize("make_file", [two_two_two_with_five_rows, skip_connection_with_relu])
def test_stepping_a_minibatch_to_its_mean_and_update(
    trace_window, qtbot, capsys, tmp_path, make_file
):
    path = make_file(tmp_path)
    window = trace_window
    window.document.open(path, remember_path=False)
    window.document.undo_stack.setClean()
    backward = window.backward
    backward.panel.forward_steps.click()  # the forward pass neuron by neuron too
    assert backward.session.forward_steps
    choose_minibatch(backward, qtbot, "1,3,5")
    session = backward.session
    network = window.document.network
    assert session.sample.batch == tuple(ROWS)
    xs = [network.data.train_x[k] for k in ROWS]
    ts = [network.data.train_y[k] for k in ROWS]
    if make_file is skip_connection_with_relu:
        # A nudge of H must not carry any relu across its kink, or the difference means nothing.
        for x in xs:
            values = forward_values(network, list(x))
            hidden = [n.id for n in network.neurons if n.role == "hidden"]
            assert min(abs(values[h].z) for h in hidden) > 1e-3

    # Every frame, one press of the real Step action at a time, to the mean.
    step = backward.actions["step"]
    visited = [session.frame]
    while session.frame.kind != MEAN:
        assert step.isEnabled()
        step.trigger()
        visited.append(session.frame)
    assert visited == session.frames[: len(visited)]
    assert {f.sample for f in visited[:-1]} == {0, 1, 2}
    assert "minibatch of 3 · mean gradients" in session.label()

    names = neuron_names(network)
    shown = {name: value for name, value, _ in panel_numbers(backward.panel.formula)}
    document = cli_trace(capsys, path, "--samples", ",".join(map(str, ROWS)))
    expected = cli_means(network, document)
    assert len(expected) == len(network.connections) + len(
        [n for n in network.neurons if not n.is_input]
    )
    for key, mean in expected.items():
        value = shown[panel_name(names, key)]
        assert math.isclose(value, mean, rel_tol=1e-12, abs_tol=1e-15), key
        numeric = finite_difference(network, xs, ts, key)
        assert value == pytest.approx(numeric, rel=1e-6, abs=1e-8), key
    assert shown["L mean"] == pytest.approx(mean_loss(network, xs, ts), rel=1e-12)

    # The canvas carries the same means: on every connection, and at every bias.
    text = lambda value: format_number(value, session.digits)
    for c in network.connections:
        tag = tag_on(window, *c.key)
        assert tag is not None, c.key
        assert f"= {text(expected[c.key])}" in tag.text
    bias_tags = [t.text for t in overlay_tags(window.scene) if "∂L/∂b" in t.text]
    for neuron in network.neurons:
        if not neuron.is_input:
            wanted = f"mean ∂L/∂b_{names[neuron.id]} {text(expected[neuron.id])}"
            assert wanted in bias_tags, wanted
    assert not [t for t in overlay_tags(window.scene) if " → " in t.text]  # no update yet

    # The update: each weight w − η·mean, each bias b − η·mean.
    step.trigger()
    assert session.frame.kind == UPDATE
    shown = {name: value for name, value, _ in panel_numbers(backward.panel.formula)}
    rate = network.training.learning_rate
    for c in network.connections:
        i, j = names[c.source], names[c.target]
        assert shown[f"w_{i},{j} after"] == pytest.approx(
            c.weight - rate * expected[c.key], rel=1e-12, abs=1e-15
        )
    for neuron in network.neurons:
        if not neuron.is_input:
            assert shown[f"b_{names[neuron.id]} after"] == pytest.approx(
                neuron.bias - rate * expected[neuron.id], rel=1e-12, abs=1e-15
            )
    step.trigger()  # applies it
    assert session.applied
    for c in network.connections:
        assert c.weight == pytest.approx(shown[f"w_{names[c.source]},{names[c.target]} after"])
