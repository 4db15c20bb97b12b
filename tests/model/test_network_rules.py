"""The rules of a network live in the model: every way in is refused with the same reason."""

import dataclasses
import itertools
import random

import pytest

from playground.model.connection import Connection
from playground.model.errors import NetworkEditError
from playground.model.network import AdditionRefused, Network
from playground.model.neuron import Neuron
from playground.model.training_settings import MAX_WHOLE, SettingsError, TrainingSettings
from playground.model.vocabulary import ACTIVATIONS

SIGMOID_ONLY = "binary cross-entropy needs sigmoid output neurons"


def two_one(output_activation: str = "sigmoid", loss: str = "squared_error") -> Network:
    network = Network(loss=loss)
    network.add_neuron(Neuron("i1", "input"))
    network.add_neuron(Neuron("h1", "hidden", "tanh", 0.0))
    network.add_neuron(Neuron("o1", "output", output_activation, 0.0))
    network.connect("i1", "h1", 0.5)
    network.connect("h1", "o1", -0.5)
    return network


# ----------------------------------------------------------------- the loss and the outputs


@pytest.mark.parametrize("activation", [a for a in ACTIVATIONS if a != "sigmoid"])
def test_cross_entropy_is_refused_while_an_output_is_not_sigmoid(activation):
    network = two_one(activation)
    with pytest.raises(NetworkEditError, match=SIGMOID_ONLY):
        network.set_loss("binary_cross_entropy")
    assert network.loss == "squared_error"
    assert network.outputs_unfit_for("binary_cross_entropy") == ["o1"]


@pytest.mark.parametrize("activation", [a for a in ACTIVATIONS if a != "sigmoid"])
def test_under_cross_entropy_an_output_cannot_leave_sigmoid(activation):
    network = two_one("sigmoid", "binary_cross_entropy")
    with pytest.raises(NetworkEditError, match=SIGMOID_ONLY):
        network.set_activation("o1", activation)
    assert network.neuron("o1").activation == "sigmoid"
    # A hidden neuron may take any activation: the loss reads only the outputs.
    network.set_activation("h1", activation)


def test_under_cross_entropy_a_non_sigmoid_neuron_cannot_become_or_join_as_an_output():
    network = two_one("sigmoid", "binary_cross_entropy")
    with pytest.raises(NetworkEditError, match=SIGMOID_ONLY):
        network.set_role("h1", "output")
    assert network.neuron("h1").role == "hidden"
    with pytest.raises(NetworkEditError, match=SIGMOID_ONLY):
        network.add_neuron(Neuron("o2", "output", "linear", 0.0))
    assert not network.has_neuron("o2")
    network.add_neuron(Neuron("o2", "output", "sigmoid", 0.0))


def test_squared_error_takes_every_output_activation():
    for activation in ACTIVATIONS:
        network = two_one(activation)
        assert network.loss_refusal("squared_error") is None


# ----------------------------------------------------------------- training settings


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("learning_rate", 0.0),
        ("learning_rate", -0.1),
        ("learning_rate", float("nan")),
        ("learning_rate", float("inf")),
        ("batch_size", 0),
        ("batch_size", MAX_WHOLE + 1),
        ("batch_size", 2.5),
        ("batch_size", True),
        ("momentum", 1.0),
        ("momentum", -0.01),
        ("momentum", float("nan")),
        ("l2", -1.0),
        ("l2", float("inf")),
        ("seed", -1),
        ("seed", MAX_WHOLE + 1),
    ],
)
def test_training_settings_refuse_what_they_cannot_hold(field, value):
    with pytest.raises(SettingsError) as refused:
        dataclasses.replace(TrainingSettings(), **{field: value})
    assert refused.value.field == field


def test_training_settings_cannot_be_changed_behind_the_rules():
    settings = TrainingSettings()
    with pytest.raises(dataclasses.FrozenInstanceError):
        settings.batch_size = 0  # type: ignore[misc]


def test_the_largest_whole_numbers_are_held():
    settings = TrainingSettings(batch_size=MAX_WHOLE, seed=MAX_WHOLE)
    assert (settings.batch_size, settings.seed) == (MAX_WHOLE, MAX_WHOLE)


# ----------------------------------------------------------------- additions in a batch


def chain(length: int) -> Network:
    network = Network()
    network.add_neuron(Neuron("i1", "input"))
    for k in range(1, length + 1):
        network.add_neuron(Neuron(f"h{k}", "hidden", "tanh", 0.0))
    return network


def test_a_batch_that_closes_a_cycle_is_refused_whole_naming_the_cycle():
    network = chain(3)
    network.connect("i1", "h1", 1.0)
    before = network.copy()
    batch = [Connection("h1", "h2", 1.0), Connection("h2", "h3", 1.0), Connection("h3", "h1", 1.0)]
    with pytest.raises(AdditionRefused) as refused:
        network.add_connections(batch)
    assert str(refused.value) == "the connections make a cycle: h1 → h2 → h3 → h1"
    assert refused.value.index is None
    assert network == before


def test_one_connection_that_closes_a_cycle_with_existing_ones_is_named():
    network = chain(3)
    network.connect("h1", "h2", 1.0)
    network.connect("h2", "h3", 1.0)
    batch = [Connection("i1", "h1", 1.0), Connection("h3", "h1", 1.0)]
    with pytest.raises(AdditionRefused) as refused:
        network.add_connections(batch)
    assert refused.value.index == 1
    # The same words as connecting it alone.
    assert str(refused.value) == network.connection_refusal("h3", "h1")


@pytest.mark.parametrize(
    ("batch", "index", "words"),
    [
        ([Connection("i1", "h1", 1.0), Connection("i1", "h1", 2.0)], 1, "exists already"),
        ([Connection("h1", "h1", 1.0)], 0, "cannot connect to itself"),
        ([Connection("h1", "i1", 1.0)], 0, "nothing can connect into an input"),
        ([Connection("i1", "nobody", 1.0)], 0, "there is no neuron 'nobody'"),
        ([Connection("i1", "h1", float("nan"))], 0, "a weight must be a finite number"),
    ],
)
def test_a_batch_names_the_connection_at_fault(batch, index, words):
    network = chain(2)
    with pytest.raises(AdditionRefused, match=words) as refused:
        network.add_connections(batch)
    assert refused.value.index == index
    assert network.connections == ()


def test_a_batch_agrees_with_connecting_one_by_one_on_random_graphs():
    rng = random.Random(4)
    for _ in range(200):
        network = chain(6)
        pairs = [(a, b) for a, b in itertools.permutations([n.id for n in network.neurons], 2)]
        batch = [Connection(a, b, 1.0) for a, b in rng.sample(pairs, rng.randint(1, 10))]
        one_by_one = network.copy()
        try:
            for c in batch:
                one_by_one.connect(c.source, c.target, c.weight)
            expected = True
        except NetworkEditError:
            expected = False
        try:
            network.add_connections(batch)
            accepted = True
        except AdditionRefused:
            accepted = False
        assert accepted == expected, batch
        if accepted:
            assert network == one_by_one
