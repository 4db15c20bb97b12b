"""Every number the formula panel shows equals the one `playground trace --json` prints.

For every bundled example, the panel is stepped through every frame with the
real Step button, and each number on screen (read from the panel's document,
where each carries its name and full value) is looked up in the command
line's JSON for the same file and sample.
"""

import json

import pytest
from PySide6.QtCore import Qt

from playground.engine.formatting import format_number, neuron_names
from playground.gui.backward.summary_html import MORE_ROWS
from playground.model.examples import example_names, example_path
from playground.model.network_file import load_network
from tests.gui.backward.helpers import cli_trace, click_link, named_numbers, panel_numbers

LEFT = Qt.MouseButton.LeftButton


def check_frame(panel, numbers: dict[str, float], digits: int) -> set[str]:
    """Every number shown is the JSON's, rounded as the command line rounds; returns the names seen."""
    shown = panel_numbers(panel)
    assert shown, "the panel shows no numbers"
    for name, value, text in shown:
        assert name in numbers, f"{name} is shown but the trace has no such number"
        assert value == numbers[name], name
        assert text == format_number(numbers[name], digits), name
    return {name for name, _, _ in shown}


def step_results(network, step: dict) -> set[str]:
    """The names every neuron frame must show: each result of the chain rule at that neuron."""
    name = neuron_names(network)
    j = name[step["neuron"]]
    wanted = {f"∂L/∂y_{j}", f"∂y_{j}/∂z_{j}", f"∂L/∂z_{j}", f"∂L/∂b_{j}", f"z_{j}", f"y_{j}"}
    wanted |= {f"∂L/∂w_{name[g['source']]},{j}" for g in step["weight_grads"]}
    wanted |= {f"w_{j},{name[t['target']]}" for t in step["terms"]}
    if step["loss_derivative"] is not None:
        wanted.add(f"t_{j}")
    return wanted


def walk_and_compare(qtbot, window, path, capsys, detailed=False):
    backward = window.backward
    window.document.open(path)
    backward.open()
    qtbot.waitUntil(backward.is_showing)
    if backward.session.detailed != detailed:
        backward.panel.detailed.click()
    document = cli_trace(capsys, path)
    numbers = named_numbers(window.document.network, document)
    panel = backward.panel.formula
    digits = backward.session.digits
    seen_per_step: dict[int, set[str]] = {}
    for frame in list(backward.session.frames):
        assert backward.session.frame == frame
        names = check_frame(panel, numbers, digits)
        if frame.kind == "neuron":
            seen_per_step.setdefault(frame.step, set()).update(names)
        if frame.kind == "update":
            # A long table lists its first rows; its link lists the rest.
            if click_link(qtbot, panel, MORE_ROWS):
                check_frame(panel, numbers, digits)
            for w in document["update"]["weights"]:
                assert any(
                    n.endswith(" after") and v == w["after"] for n, v, _ in panel_numbers(panel)
                )
        qtbot.mouseClick(backward.panel.step_button, LEFT)
    for k, step in enumerate(document["steps"]):
        missing = step_results(window.document.network, step) - seen_per_step[k]
        assert not missing, f"{step['neuron']}: {missing} never shown"
    # The last click applied the update: the applied frame shows the loss after it.
    assert backward.session.applied
    names = check_frame(panel, numbers, digits)
    assert {"L before", "L after", "ΔL"} <= names


@pytest.mark.parametrize("name", example_names())
def test_every_number_in_the_panel_equals_the_command_line_json(qtbot, window, capsys, name):
    walk_and_compare(qtbot, window, example_path(name), capsys)


def test_the_detailed_sub_steps_show_the_command_line_numbers_too(qtbot, window, capsys):
    walk_and_compare(qtbot, window, example_path("two_two_two"), capsys, detailed=True)


def _unusual_network(path):
    """Every activation, cross-entropy, L2 and momentum, a dead-end hidden neuron, an output feeding an output."""
    neurons = [
        {"id": "i1", "role": "input", "x": 0, "y": 0},
        {"id": "i2", "role": "input", "x": 0, "y": 150},
    ]
    activations = ["relu", "tanh", "leaky_relu", "elu", "softplus", "swish", "sin", "linear"]
    connections = []
    for k, activation in enumerate(activations):
        neurons.append(
            {
                "id": f"h{k + 1}",
                "role": "hidden",
                "activation": activation,
                "bias": -0.3 + 0.1 * k,
                "x": 200,
                "y": 60 * k,
            }
        )
        connections += [
            {"source": "i1", "target": f"h{k + 1}", "weight": 0.7 - 0.2 * k},
            {"source": "i2", "target": f"h{k + 1}", "weight": -0.4 + 0.15 * k},
        ]
    neurons += [
        {"id": "o1", "role": "output", "activation": "sigmoid", "bias": 0.1, "x": 400, "y": 60},
        {"id": "o2", "role": "output", "activation": "sigmoid", "bias": -0.2, "x": 600, "y": 200},
        {"id": "h9", "role": "hidden", "activation": "tanh", "bias": 0.5, "x": 200, "y": 600},
    ]
    for k in range(len(activations)):
        connections.append(
            {
                "source": f"h{k + 1}",
                "target": "o1" if k % 2 else "o2",
                "weight": 0.3 * (-1) ** k + 0.05 * k,
            }
        )
    connections += [
        {"source": "o1", "target": "o2", "weight": -0.8},
        {"source": "i1", "target": "h9", "weight": 0.9},  # h9 feeds nothing: ∂L/∂y = 0
    ]
    document = {
        "format": "nn-playground",
        "version": 1,
        "name": "every activation",
        "neurons": neurons,
        "connections": connections,
        "loss": "binary_cross_entropy",
        "training": {"learning_rate": 0.3, "batch_size": 1, "momentum": 0.9, "l2": 0.01, "seed": 0},
        "data": {"train": {"x": [[-0.7, 1.3]], "y": [[1.0, 0.0]]}, "test": {"x": [], "y": []}},
    }
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def test_every_activation_cross_entropy_and_l2_agree_with_the_command_line(
    qtbot, window, capsys, tmp_path
):
    path = _unusual_network(tmp_path / "unusual.json")
    load_network(path)  # the file is valid
    walk_and_compare(qtbot, window, path, capsys, detailed=True)
    text = window.backward.panel.formula.toPlainText()
    assert "SGD update applied" in text


def test_the_worked_example_reads_as_on_the_blackboard(trace_window, qtbot):
    """Hand-worked numbers of the 2-2-2 example (Mazur's), not produced by the code under test."""
    backward = trace_window.backward
    for _ in range(3):
        qtbot.mouseClick(backward.panel.step_button, LEFT)
    assert backward.session.label() == "step 3 of 5: neuron h1"
    # Table cells read one to a line: the symbolic line, then the numbers, then the result.
    lines = [line.strip() for line in backward.panel.formula.toPlainText().splitlines()]
    gather = lines.index("Σk wh1,k · ∂L/∂zk")
    assert lines[gather - 2 : gather] == ["∂L/∂yh1", "="]
    assert "0.4 × 0.1385 + 0.5 × (−0.03810)" in lines[gather:]
    assert lines.index("0.05540 + (−0.01905)") < lines.index("0.03635")
    assert "0.5933 × (1 − 0.5933)" in lines
    assert lines.index("0.2413 × 0.03635") < lines.index("0.008771")
    assert lines.index("0.05 × 0.008771") < lines.index("0.0004386")
