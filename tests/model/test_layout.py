"""Layered network construction, topological columns and crossing reduction."""

import pytest

from playground.model.errors import NetworkEditError
from playground.model.layout import (
    auto_arrange,
    count_crossings,
    layered_network,
    parse_layer_sizes,
    topological_levels,
)
from playground.model.network import Network
from playground.model.neuron import Neuron


@pytest.mark.parametrize(
    "text, sizes",
    [("2-4-4-1", [2, 4, 4, 1]), ("3, 1", [3, 1]), (" 2 5 1 ", [2, 5, 1]), ("1x1", [1, 1])],
)
def test_layer_sizes_are_read_in_the_usual_spellings(text, sizes):
    assert parse_layer_sizes(text) == sizes


@pytest.mark.parametrize("text", ["", "4", "2-0-1", "2-a-1", "2-3.5-1"])
def test_bad_layer_sizes_are_refused_with_the_text_named(text):
    with pytest.raises(NetworkEditError) as error:
        parse_layer_sizes(text)
    assert repr(text) in str(error.value) or "layer size" in str(error.value)


def test_layered_network_is_fully_connected_between_neighbouring_columns():
    network = layered_network([2, 3, 1], "relu", "sigmoid")
    assert network.input_ids() == ["i1", "i2"]
    assert network.ids_with_role("hidden") == ["h1", "h2", "h3"]
    assert network.output_ids() == ["o1"]
    assert len(network.connections) == 2 * 3 + 3 * 1
    assert {c.key for c in network.connections} == {
        (i, h) for i in ("i1", "i2") for h in ("h1", "h2", "h3")
    } | {(h, "o1") for h in ("h1", "h2", "h3")}
    assert network.neuron("h2").activation == "relu"
    assert network.neuron("o1").activation == "sigmoid"
    assert network.neuron("i1").activation is None and network.neuron("i1").bias is None
    # Columns 200 apart, rows 90 apart, each column centred on y = 0.
    assert [(n.x, n.y) for n in network.neurons] == [
        (0, -45),
        (0, 45),
        (200, -90),
        (200, 0),
        (200, 90),
        (400, 0),
    ]


def test_layered_network_refuses_an_unknown_activation():
    with pytest.raises(NetworkEditError):
        layered_network([2, 1], "sigmod", "sigmoid")


def _network(neurons, connections):
    network = Network()
    for neuron_id, role in neurons:
        activation, bias = (None, None) if role == "input" else ("tanh", 0.0)
        network.add_neuron(Neuron(neuron_id, role, activation, bias))
    for source, target in connections:
        network.connect(source, target, 1.0)
    return network


def test_levels_follow_the_longest_path_and_outputs_share_the_last_column():
    # i1 → h1 → h2 → o1, with a skip i1 → o2: o2 would sit in column 1, but outputs line up.
    network = _network(
        [("i1", "input"), ("h1", "hidden"), ("h2", "hidden"), ("o1", "output"), ("o2", "output")],
        [("i1", "h1"), ("h1", "h2"), ("h2", "o1"), ("i1", "o2"), ("i1", "h2")],
    )
    assert topological_levels(network) == {"i1": 0, "h1": 1, "h2": 2, "o1": 3, "o2": 3}


def test_crossings_are_counted_by_hand():
    network = _network(
        [("a", "input"), ("b", "input"), ("c", "output"), ("d", "output")],
        [("a", "d"), ("b", "c"), ("a", "c")],
    )
    # a above b, c above d: a→d and b→c cross once; a→c crosses nothing.
    positions = {"a": (0, 0), "b": (0, 1), "c": (1, 0), "d": (1, 1)}
    assert count_crossings(network, positions) == 1
    positions["c"], positions["d"] = (1, 1), (1, 0)
    # With c and d swapped: a→d is 0→0, a→c is 0→1, b→c is 1→1; no pair crosses.
    assert count_crossings(network, positions) == 0


def test_auto_arrange_untangles_a_twisted_ladder():
    # Four rungs wired in reverse: file order draws every pair crossing (6 crossings).
    names = ["i1", "i2", "i3", "i4", "o1", "o2", "o3", "o4"]
    network = _network(
        [(n, "input" if n[0] == "i" else "output") for n in names],
        [("i1", "o4"), ("i2", "o3"), ("i3", "o2"), ("i4", "o1")],
    )
    in_file_order = {n: (0 if n[0] == "i" else 200, 90 * (int(n[1]) - 1)) for n in names}
    assert count_crossings(network, in_file_order) == 6
    positions = auto_arrange(network)
    assert count_crossings(network, positions) == 0
    assert {positions[n][0] for n in names[:4]} == {0}
    assert {positions[n][0] for n in names[4:]} == {200}
    # Each column's rows are 90 apart and centred on 0.
    assert sorted(positions[n][1] for n in names[:4]) == [-135, -45, 45, 135]


def test_auto_arrange_places_every_neuron_once_in_distinct_places():
    network = layered_network([3, 5, 4, 2])
    positions = auto_arrange(network)
    assert set(positions) == {n.id for n in network.neurons}
    assert len(set(positions.values())) == len(positions)
    assert count_crossings(network, positions) <= count_crossings(
        network, {n.id: (n.x, n.y) for n in network.neurons}
    )
