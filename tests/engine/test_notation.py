"""The layer-relative notation: neurons named by level from the neuron explained (j−1, j, j+1)."""

from playground.engine.backward_stepper import trace_sample
from playground.engine.compiled_network import CompiledNetwork
from playground.engine.formatting import neuron_names
from playground.engine.notation import (
    LAYER_RELATIVE,
    NEURON_NAMES,
    layer_relative_names,
    names_in,
    neuron_levels,
)
from playground.engine.trace_description import TraceDescriber
from playground.engine.written import plain
from playground.model.examples import example_path
from playground.model.network import Network
from playground.model.network_file import load_network
from playground.model.neuron import Neuron


def example(name: str) -> Network:
    return load_network(example_path(name))


def chain_with_skip() -> Network:
    """i1 → h1 → o1, and i1 → o1 straight: at o1, i1 is two levels below."""
    network = Network()
    network.add_neuron(Neuron("i1", "input"))
    network.add_neuron(Neuron("h1", "hidden", "sigmoid", 0.1))
    network.add_neuron(Neuron("o1", "output", "sigmoid", 0.2))
    network.connect("i1", "h1", 0.5)
    network.connect("h1", "o1", -0.3)
    network.connect("i1", "o1", 0.7)
    return network


def test_on_2_2_2_around_h1_the_levels_are_j_minus_1_j_and_j_plus_1_numbered_in_file_order():
    names = layer_relative_names(example("two_two_two"), "h1")
    assert names == {
        "i1": "(j−1)₁",
        "i2": "(j−1)₂",
        "h1": "j",
        "h2": "j₂",
        "o1": "(j+1)₁",
        "o2": "(j+1)₂",
    }


def test_around_h2_the_other_neuron_of_its_level_is_numbered_and_h2_is_j():
    names = layer_relative_names(example("two_two_two"), "h2")
    assert names["h2"] == "j" and names["h1"] == "j₁"
    assert names["i1"] == "(j−1)₁" and names["o2"] == "(j+1)₂"


def test_a_skip_connection_reaches_two_levels_below_and_a_lone_neuron_has_no_number():
    network = chain_with_skip()
    assert layer_relative_names(network, "o1") == {"i1": "j−2", "h1": "j−1", "o1": "j"}
    assert layer_relative_names(network, "i1") == {"i1": "j", "h1": "j+1", "o1": "j+2"}


def test_levels_are_the_compiled_networks_on_every_example():
    for name in ("two_two_two", "skip_connection", "xor", "circle", "spiral", "sine"):
        network = example(name)
        compiled = CompiledNetwork(network)
        assert neuron_levels(network) == {i: level for i, (level, _) in compiled.location.items()}


def test_the_skip_connection_example_names_o2_two_levels_above_an_input():
    network = example("skip_connection")
    names = layer_relative_names(network, "i1")
    assert names["i1"] == "j" and names["i2"] == "j₂"
    assert names["o2"] == "j+2"  # reads h1…h3 and o1, all one level above the inputs
    assert {names[h] for h in ("h1", "h2", "h3", "o1")} == {"(j+1)₁", "(j+1)₂", "(j+1)₃", "(j+1)₄"}


def test_the_weight_into_the_neuron_explained_reads_w_j_minus_1_j():
    network = chain_with_skip()
    trace = trace_sample(network, [1.0], [0.0])
    step = next(s for s in trace.steps if s.neuron == "o1")
    described = TraceDescriber(network, layer_relative_names(network, "o1")).neuron(step)
    lefts = [plain(d.left, 4) for d in described.weights]
    assert lefts == ["∂L/∂w_j−1,j", "∂L/∂w_j−2,j"]
    # The numbers are the same as under the neurons' names: only the subscripts differ.
    by_name = TraceDescriber(network).neuron(step)
    assert [d.result.value for d in described.weights] == [d.result.value for d in by_name.weights]
    assert [plain(d.left, 4) for d in by_name.weights] == ["∂L/∂w_h1,o1", "∂L/∂w_i1,o1"]


def test_without_a_neuron_to_be_relative_to_the_notation_keeps_the_names():
    network = example("two_two_two")
    assert names_in(network, LAYER_RELATIVE, None) == neuron_names(network)
    assert names_in(network, NEURON_NAMES, "h1") == neuron_names(network)
    assert names_in(network, LAYER_RELATIVE, "h1") == layer_relative_names(network, "h1")
