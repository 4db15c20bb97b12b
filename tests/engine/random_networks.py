"""Hypothesis strategies for random networks: any DAG, skip connections, outputs that
feed other neurons, neurons that reach no output, every activation, both losses."""

import numpy as np
from hypothesis import strategies as st

from playground.engine.activations import ACTIVATION_FUNCTIONS, kinks
from playground.engine.backward_stepper import forward_values
from playground.model.network import Network
from playground.model.neuron import Neuron

ACTIVATION_NAMES = sorted(ACTIVATION_FUNCTIONS)


@st.composite
def random_networks(draw, max_hidden: int = 5, max_outputs: int = 3) -> Network:
    loss = draw(st.sampled_from(["squared_error", "binary_cross_entropy"]))
    inputs = draw(st.integers(1, 3))
    hidden = draw(st.integers(0, max_hidden))
    outputs = draw(st.integers(1, max_outputs))
    network = Network(name="random", loss=loss)
    for k in range(inputs):
        network.add_neuron(Neuron(f"i{k + 1}", "input", x=0.0, y=100.0 * k))
    # Hidden and output neurons in a random topological order, so outputs may feed others.
    roles = ["hidden"] * hidden + ["output"] * outputs
    roles = draw(st.permutations(roles))
    counts = {"hidden": 0, "output": 0}
    for role in roles:
        counts[role] += 1
        activation = (
            "sigmoid"
            if role == "output" and loss == "binary_cross_entropy"
            else draw(st.sampled_from(ACTIVATION_NAMES))
        )
        bias = draw(st.floats(-1.0, 1.0))
        network.add_neuron(Neuron(f"{role[0]}{counts[role]}", role, activation, bias))
    ids = [n.id for n in network.neurons]
    for t_index in range(inputs, len(ids)):
        for s_index in range(t_index):
            if draw(st.booleans()):
                network.connect(ids[s_index], ids[t_index], draw(st.floats(-1.5, 1.5)))
    return network


@st.composite
def samples(draw, network: Network, count: int) -> tuple[np.ndarray, np.ndarray]:
    """Inputs in [−1, 1]; targets in (0, 1) for cross-entropy, [−1, 1] otherwise."""
    n_in, n_out = len(network.input_ids()), len(network.output_ids())
    x = draw(st.lists(st.floats(-1.0, 1.0), min_size=count * n_in, max_size=count * n_in))
    low, high = (0.05, 0.95) if network.loss == "binary_cross_entropy" else (-1.0, 1.0)
    t = draw(st.lists(st.floats(low, high), min_size=count * n_out, max_size=count * n_out))
    return np.reshape(x, (count, n_in)), np.reshape(t, (count, n_out))


def away_from_kinks(network: Network, x: np.ndarray, margin: float = 1e-2) -> bool:
    """True when no neuron's z lies within `margin` of a point where its f' jumps."""
    for row in x:
        values = forward_values(network, list(row))
        for neuron in network.neurons:
            if neuron.is_input:
                continue
            if any(abs(values[neuron.id].z - k) < margin for k in kinks(neuron.activation)):
                return False
    return True
