"""Every edit through the document is undone and redone exactly, and the scene follows."""

import copy
import random

import pytest

from playground.gui.canvas.scene import NetworkScene
from playground.gui.document import Document
from playground.model.connection import Connection
from playground.model.errors import NetworkEditError
from playground.model.network import Network
from playground.model.neuron import Neuron
from playground.model.vocabulary import ACTIVATIONS, ROLES
from tests.gui.helpers import assert_network_valid, assert_scene_matches


@pytest.fixture
def document(qtbot, two_two_two):
    return Document(two_two_two)


@pytest.fixture
def scene(document):
    return NetworkScene(document)


EDITS = {
    "add input": lambda d: d.add_neuron("input", -100.0, 50.0),
    "add hidden": lambda d: d.add_neuron("hidden", 300.0, 300.0),
    "add output": lambda d: d.add_neuron("output", 500.0, 300.0),
    "connect": lambda d: d.connect_neurons("i1", "o1", 0.75),
    "connect with initialisation": lambda d: d.connect_neurons("i2", "o2"),
    "delete neuron": lambda d: d.remove_items(["h1"], []),
    "delete connection": lambda d: d.remove_items([], [("h2", "o1")]),
    "delete mixed": lambda d: d.remove_items(["i2", "o2"], [("i1", "h1"), ("h1", "o1")]),
    "set weight": lambda d: d.set_weight("h1", "o2", -1.25),
    "set bias": lambda d: d.set_bias("h2", 0.125),
    "set bias of many": lambda d: d.set_bias(["h1", "o2"], -2.0),
    "set activation": lambda d: d.set_activation("h1", "relu"),
    "set activation of many": lambda d: d.set_activation(["h1", "h2", "o1"], "swish"),
    "set label": lambda d: d.set_label("h1", "hidden one"),
    "make hidden an output": lambda d: d.set_role("h2", "output"),
    "make an output hidden": lambda d: d.set_role("o1", "hidden"),
    "make an input hidden": lambda d: d.set_role("i1", "hidden"),
    "move": lambda d: d.move_neurons({"h1": (210.5, -20.0), "o2": (420.0, 130.0)}),
    "parameter change": lambda d: d.push_parameter_change(
        "Train", {("i1", "h1"): 0.5, ("h2", "o2"): -0.5}, {"o1": 0.1}
    ),
    "connect fully": lambda d: d.connect_fully(["i1", "i2"], ["o1", "o2"]),
    "add items": lambda d: d.add_items(
        [Neuron("h9", "hidden", "elu", 0.5, 10.0, 10.0)],
        [Connection("i1", "h9", 0.3), Connection("h9", "o1", -0.3)],
        "Paste h9",
    ),
}


@pytest.mark.parametrize("name", list(EDITS))
def test_every_edit_is_undone_and_redone_exactly(document, scene, name):
    before = document.network.copy()
    EDITS[name](document)
    after = document.network.copy()
    assert after != before
    assert document.is_dirty
    assert_scene_matches(scene, document.network)
    document.undo_stack.undo()
    assert document.network == before
    assert [c.key for c in document.network.connections] == [c.key for c in before.connections]
    assert not document.is_dirty
    assert_scene_matches(scene, document.network)
    document.undo_stack.redo()
    assert document.network == after
    assert_scene_matches(scene, document.network)


def test_a_neuron_without_inputs_becomes_an_input_and_back(document, scene):
    document.remove_items([], [("i1", "h1"), ("i2", "h1")])
    before = document.network.copy()
    document.set_role("h1", "input")
    assert document.network.neuron("h1").activation is None
    assert scene.neuron_items["h1"].role == "input"
    document.undo_stack.undo()
    assert document.network == before
    assert document.network.neuron("h1").bias == 0.35
    assert_scene_matches(scene, document.network)


def test_commands_name_the_action(document):
    document.connect_neurons("i1", "o1", 0.5)
    assert document.undo_stack.undoText() == "Add Connection i1 → o1"
    document.remove_items(["h1"], [])
    assert document.undo_stack.undoText() == "Delete Neuron h1"
    document.move_neurons({"h2": (1.0, 2.0), "o1": (3.0, 4.0)})
    assert document.undo_stack.undoText() == "Move 2 Neurons"


def test_a_removed_neuron_takes_its_connections_and_undo_brings_all_back(document, scene):
    document.remove_items(["h1"], [])
    keys = [c.key for c in document.network.connections]
    assert keys == [("i1", "h2"), ("i2", "h2"), ("h2", "o1"), ("h2", "o2")]
    assert "h1" not in scene.neuron_items and ("i1", "h1") not in scene.connection_items
    document.undo_stack.undo()
    assert len(scene.connection_items) == 8
    assert document.network.connection("i2", "h1").weight == 0.20


@pytest.mark.parametrize(
    "source, target, reason",
    [
        ("h1", "h1", "itself"),
        ("h1", "i1", "input"),
        ("i1", "h1", "exists already"),
        ("o1", "h1", "cycle"),
    ],
)
def test_refused_connections_change_nothing(document, source, target, reason):
    before = document.network.copy()
    with pytest.raises(NetworkEditError, match=reason):
        document.connect_neurons(source, target)
    assert document.network == before
    assert document.undo_stack.count() == 0


def test_bad_values_are_refused_before_anything_is_pushed(document):
    with pytest.raises(NetworkEditError):
        document.set_weight("i1", "h1", float("nan"))
    with pytest.raises(NetworkEditError):
        document.set_bias("i1", 1.0)
    with pytest.raises(NetworkEditError):
        document.set_activation("h1", "sigmod")
    with pytest.raises(NetworkEditError):
        document.set_role("h1", "input")  # h1 has incoming connections
    assert document.undo_stack.count() == 0


def test_a_bulk_change_is_one_signal_not_one_per_item(qtbot, document, scene):
    for k in range(300):
        document.network.add_neuron(Neuron(f"x{k}", "hidden", "tanh", 0.0))
    document.network_replaced.emit()  # the scene rebuilds with the added neurons
    changed = []
    document.neuron_changed.connect(changed.append)
    with qtbot.waitSignal(document.all_parameters_changed):
        document.push_parameter_change("Zero", {}, {f"x{k}": 1.0 for k in range(300)})
    assert changed == []
    assert scene.neuron_items["x7"].bias_text == "b 1"


def _random_edit(rng: random.Random, document: Document) -> None:
    network = document.network
    ids = [n.id for n in network.neurons]
    non_inputs = [n.id for n in network.neurons if not n.is_input]
    keys = [c.key for c in network.connections]
    kind = rng.choice(
        [
            "add",
            "add",
            "connect",
            "connect",
            "connect",
            "remove",
            "weight",
            "bias",
            "activation",
            "label",
            "role",
            "move",
            "bulk",
        ]
    )
    if kind == "add" or not ids:
        document.add_neuron(rng.choice(ROLES), rng.uniform(-300, 300), rng.uniform(-300, 300))
    elif kind == "connect":
        source, target = rng.choice(ids), rng.choice(ids)
        if network.connection_refusal(source, target) is None:
            document.connect_neurons(source, target, rng.uniform(-2, 2))
        else:
            with pytest.raises(NetworkEditError):
                document.connect_neurons(source, target)
    elif kind == "remove":
        document.remove_items(
            rng.sample(ids, min(len(ids), rng.randint(0, 2))),
            rng.sample(keys, min(len(keys), rng.randint(0, 2))),
        )
    elif kind == "weight" and keys:
        document.set_weight(*rng.choice(keys), rng.uniform(-3, 3))
    elif kind == "bias" and non_inputs:
        document.set_bias(rng.choice(non_inputs), rng.uniform(-1, 1))
    elif kind == "activation" and non_inputs:
        document.set_activation(rng.choice(non_inputs), rng.choice(ACTIVATIONS))
    elif kind == "label":
        document.set_label(rng.choice(ids), rng.choice([None, "a", "neuron b"]))
    elif kind == "role":
        neuron_id, role = rng.choice(ids), rng.choice(ROLES)
        try:
            document.set_role(neuron_id, role)
        except NetworkEditError:
            assert role == "input" and network.incoming(neuron_id)
    elif kind == "move":
        chosen = rng.sample(ids, min(len(ids), 3))
        document.move_neurons({n: (rng.uniform(-300, 300), rng.uniform(-300, 300)) for n in chosen})
    elif kind == "bulk" and keys:
        document.push_parameter_change(
            "Bulk",
            {k: rng.uniform(-1, 1) for k in keys},
            {n: rng.uniform(-1, 1) for n in non_inputs},
        )


def test_random_walk_of_edits_undos_and_redos_keeps_model_scene_and_history_in_step(
    document, scene
):
    rng = random.Random(20240611)
    stack = document.undo_stack
    # states[k] is the network after the first k commands of the stack.
    states = [document.network.copy()]
    for _ in range(500):
        roll = rng.random()
        if roll < 0.2 and stack.canUndo():
            stack.undo()
        elif roll < 0.3 and stack.canRedo():
            stack.redo()
        else:
            count = stack.count()
            index = stack.index()
            _random_edit(rng, document)
            if stack.count() != count or stack.index() != index:
                del states[index + 1 :]
                states.append(document.network.copy())
        assert_network_valid(document.network)
        assert_scene_matches(scene, document.network)
        assert document.network == states[stack.index()]
        assert document.is_dirty == (stack.index() != 0)
    assert stack.count() > 100


def test_adding_connections_asks_the_model_and_never_copies_the_network(document, monkeypatch):
    network = document.network

    def no_copy(self):
        raise AssertionError("the document copied the network to check an edit")

    monkeypatch.setattr(Network, "copy", no_copy)
    monkeypatch.setattr(copy, "deepcopy", lambda *a, **k: no_copy(None))
    document.add_neuron("hidden", 100.0, 200.0)
    added = document.connect_columns([["i1", "i2"], ["h3"], ["o1", "o2"]])
    assert added == 4
    assert network.has_connection("i2", "h3") and network.has_connection("h3", "o2")
    # A batch that would make a cycle is refused by the model's rule, whole.
    with pytest.raises(NetworkEditError, match="would make a cycle"):
        document.add_items([], [Connection("o1", "h1", 0.5)], "Add")
    assert document.connect_columns([["o1"], ["h1"]]) == 0
