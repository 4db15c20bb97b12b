"""Networks too big to label everything: the largest gradients get the labels, the update table is cut short."""

import itertools
import re

import numpy as np

from playground.gui.backward.summary_html import MORE_ROWS, SummaryFormulas
from playground.model.dataset import Dataset
from playground.model.network import Network
from playground.model.neuron import Neuron
from tests.gui.backward.helpers import click_link, panel_numbers, zoom_in_to_read


def fan_in_network(inputs: int) -> Network:
    """`inputs` inputs, all feeding one linear output; input k carries the value (k + 1) / 10."""
    network = Network(name="fan in")
    for k in range(inputs):
        network.add_neuron(Neuron(f"i{k + 1}", "input", x=0.0, y=40.0 * k))
    network.add_neuron(Neuron("o1", "output", "linear", 0.0, 300.0, 20.0 * inputs))
    for k in range(inputs):
        network.connect(f"i{k + 1}", "o1", 0.01)
    x = np.array([[(k + 1) / 10 for k in range(inputs)]])
    network.data = Dataset(x, np.array([[0.0]]), np.zeros((0, inputs)), np.zeros((0, 1)))
    return network


def layered_network(sizes: list[int]) -> Network:
    network = Network(name="layers")
    layers = []
    for depth, size in enumerate(sizes):
        role = "input" if depth == 0 else "output" if depth == len(sizes) - 1 else "hidden"
        ids = []
        for k in range(size):
            neuron_id = network.fresh_id(role)
            if role == "input":
                network.add_neuron(Neuron(neuron_id, role, x=200.0 * depth, y=40.0 * k))
            else:
                network.add_neuron(Neuron(neuron_id, role, "tanh", 0.1, 200.0 * depth, 40.0 * k))
            ids.append(neuron_id)
        layers.append(ids)
    rng = np.random.default_rng(1)
    for left, right in itertools.pairwise(layers):
        for target in right:
            for source in left:
                network.connect(source, target, float(rng.normal(0, 0.5)))
    network.data = Dataset(
        np.array([[0.5, -0.5]]), np.array([[1.0]]), np.zeros((0, 2)), np.zeros((0, 1))
    )
    return network


def test_a_neuron_with_forty_inputs_labels_its_twenty_four_largest_gradients(
    backward, trace_window, qtbot
):
    trace_window.document.replace(fan_in_network(40))
    backward.open()
    zoom_in_to_read(qtbot, trace_window)
    backward.step()
    labelled = {key for key in backward.overlay.labels if key != "loss"}
    # ∂L/∂w_k = x_k · ∂L/∂z_o1 grows with x_k = (k + 1)/10: the last 24 inputs have the largest.
    assert labelled == {(f"i{k}", "o1") for k in range(17, 41)}
    # Forty labels would be unreadable at full length: the result only.
    assert all(backward.overlay.labels[key].text.startswith("= ") for key in labelled)


def test_the_update_table_of_a_big_network_is_cut_short_in_the_panel_but_not_in_the_export(
    backward, trace_window, qtbot
):
    network = layered_network([2, 20, 20, 1])
    parameters = len(network.connections) + 41
    trace_window.document.replace(network)
    backward.open()
    backward.to_end()
    # The first rows at once; the link under them lists 250.
    assert click_link(qtbot, backward.panel.formula, MORE_ROWS)
    shown = [
        name for name, _, _ in panel_numbers(backward.panel.formula) if name.endswith(" after")
    ]
    assert len(shown) == 250
    assert (
        f"… and {parameters - 250} more weights and biases" in backward.panel.formula.toPlainText()
    )
    # The export writes the table the panel cut short in full (written as the export writes it).
    session = backward.session
    table = SummaryFormulas(session.network, session.trace, session.digits, all_rows=True).update(
        False, loss_after=True
    )
    assert len(re.findall(r'title="[wb]_[^"]* after = ', table)) == parameters
    assert "more weights and biases" not in table
