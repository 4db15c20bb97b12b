"""The terminal, the formula panel and the canvas write the same numbers for the same step.

All three render one description of the trace (`engine.trace_description`);
here each neuron of a trace is stepped to with the real Step button, and every
result of the chain rule the panel shows is looked for, as written, in
`playground trace`'s line for it and in the canvas's labels.
"""

import re

import numpy as np
import pytest
from PySide6.QtCore import Qt

from playground.cli import main as cli_main
from playground.engine.formatting import neuron_names
from playground.model.dataset import Dataset
from playground.model.network import Network
from playground.model.network_file import save_network
from playground.model.neuron import Neuron
from playground.model.training_settings import TrainingSettings
from tests.gui.backward.helpers import panel_numbers, tag_on, tag_texts

LEFT = Qt.MouseButton.LeftButton


def relu_network(x: float, t: float) -> Network:
    """A 1-2-1 network whose relu neurons land on both sides of the kink; its one sample is (x, t)."""
    network = Network(name="relu", training=TrainingSettings(learning_rate=0.5))
    # Laid out as a user would draw it, so every label has room on the canvas.
    network.add_neuron(Neuron("i1", "input", x=0.0, y=0.0))
    network.add_neuron(Neuron("h1", "hidden", "relu", 0.1, x=200.0, y=-100.0))
    network.add_neuron(Neuron("h2", "hidden", "relu", -0.2, x=200.0, y=100.0))
    network.add_neuron(Neuron("o1", "output", "linear", 0.05, x=400.0, y=0.0))
    network.connect("i1", "h1", 0.5)
    network.connect("i1", "h2", -0.3)
    network.connect("h1", "o1", 2.0)
    network.connect("h2", "o1", 1.5)
    network.data = Dataset(train_x=np.array([[x]]), train_y=np.array([[t]]))
    return network


def terminal_blocks(capsys, path, x, t) -> dict[str, list[str]]:
    """`playground trace`'s backward pass, the lines of each neuron's block by neuron id."""
    capsys.readouterr()
    assert cli_main(["trace", str(path), f"--x={x}", f"--y={t}"]) == 0
    text = capsys.readouterr().out
    backward = text[text.index("BACKWARD PASS") : text.index("SGD UPDATE")]
    blocks: dict[str, list[str]] = {}
    current = None
    for line in backward.splitlines()[1:]:
        match = re.match(r"  (\S+) ", line)
        if match and not line.startswith("    "):
            current = match[1]
            blocks[current] = []
        elif current is not None and line.strip():
            blocks[current].append(line.strip())
    return blocks


def compare_each_neuron(window, qtbot, capsys, path) -> int:
    """Steps through every neuron; returns how many numbers were found in all three places."""
    backward = window.backward
    window.document.open(path)
    backward.open()
    qtbot.waitUntil(backward.is_showing)
    trace = backward.session.trace
    # The terminal traces the sample the app shows (the first training sample).
    blocks = terminal_blocks(
        capsys, path, ",".join(map(str, trace.x)), ",".join(map(str, trace.targets))
    )
    names = neuron_names(window.document.network)
    compared = 0
    for step in backward.session.trace.steps:
        qtbot.mouseClick(backward.panel.step_button, LEFT)
        assert backward.session.frame.kind == "neuron"
        j = names[step.neuron]
        lines = blocks[step.neuron]
        shown = {name: text for name, _, text in panel_numbers(backward.panel.formula)}
        canvas = tag_texts(window.scene)
        for name in (f"∂L/∂y_{j}", f"∂y_{j}/∂z_{j}", f"∂L/∂z_{j}", f"∂L/∂b_{j}"):
            line = next(line for line in lines if line.startswith(f"{name} = "))
            assert re.search(f"= {re.escape(shown[name])}($|    )", line), (name, line)
            compared += 1
        for g in step.weight_grads:
            i = names[g.source]
            name = f"∂L/∂w_{i},{j}"
            line = next(line for line in lines if line.startswith(f"{name} = "))
            # The terminal's "y_i × ∂L/∂z_j = value" is the canvas label's middle and last line.
            worked = line.split(" = ")[2:]
            tag = tag_on(window, g.source, g.target)
            assert tag is not None, name
            assert tag.text == f"{name}\n{worked[0]}\n= {shown[name]}"
            assert worked[1] == shown[name]
            compared += 1
        if step.loss_derivative is not None and not step.terms:
            line = next(line for line in lines if line.startswith(f"∂L/∂y_{j} = "))
            _, written, worked, value = line.split(" = ")
            assert written == "y − t"  # both examples use the squared error
            assert f"∂L/∂y_{j} from the loss\n{worked}\n= {value}" in canvas
            compared += 1
        kink = next((line for line in lines if line.endswith(" 0)")), None)
        if kink is not None:
            z, side = re.search(r"\(z = (\S+) ([>≤]) 0\)$", kink).groups()
            assert f"since z{j} = {z} {side} 0" in backward.panel.formula.toPlainText()
            compared += 1
    return compared


def test_the_2_2_2_example_reads_the_same_on_the_terminal_the_panel_and_the_canvas(
    window, qtbot, capsys, tmp_path, two_two_two
):
    path = tmp_path / "two_two_two.json"
    save_network(two_two_two, path)
    assert compare_each_neuron(window, qtbot, capsys, path) >= 20


@pytest.mark.parametrize("x", [1.0, -1.0])
def test_a_relu_network_reads_the_same_on_both_sides_of_the_kink(
    window, qtbot, capsys, tmp_path, x
):
    path = tmp_path / "relu.json"
    save_network(relu_network(x, 0.3), path)
    compared = compare_each_neuron(window, qtbot, capsys, path)
    assert compared >= 12
