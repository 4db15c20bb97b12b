"""The batched engine against central differences, and the stepper against the batched engine."""

import numpy as np
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from playground.engine.backward_stepper import forward_values, trace_sample
from playground.engine.compiled_network import CompiledNetwork
from playground.engine.gradient_check import check_gradients
from playground.model.dataset import Dataset
from tests.engine.random_networks import away_from_kinks, random_networks, samples

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(st.data())
def test_engine_gradients_match_central_differences(data):
    network = data.draw(random_networks())
    x, t = data.draw(samples(network, count=4))
    assume(away_from_kinks(network, x, margin=2e-2))
    check = check_gradients(network, Dataset(train_x=x, train_y=t))
    assert check.max_relative_error < 1e-6, check.worst


@SETTINGS
@given(st.data())
def test_engine_forward_matches_the_plain_neuron_by_neuron_forward(data):
    network = data.draw(random_networks())
    x, _ = data.draw(samples(network, count=3))
    compiled = CompiledNetwork(network)
    run = compiled.forward(x)
    for row, sample in enumerate(x):
        values = forward_values(network, list(sample))
        for neuron_id, (level, column) in compiled.location.items():
            assert run.y[level][row, column] == np.float64(values[neuron_id].y) or np.isclose(
                run.y[level][row, column], values[neuron_id].y, rtol=1e-13, atol=1e-15
            )


@SETTINGS
@given(st.data())
def test_stepper_equals_the_batched_engine(data):
    network = data.draw(random_networks())
    x, t = data.draw(samples(network, count=1))
    trace = trace_sample(network, x[0], t[0])
    compiled = CompiledNetwork(network)
    run = compiled.forward(x)
    gradients = compiled.backward(run, t)

    assert np.isclose(trace.loss, compiled.sample_losses(run, t)[0], rtol=1e-12, atol=1e-15)
    stepper_dw = {(g.source, g.target): g.dL_dw for s in trace.steps for g in s.weight_grads}
    stepper_db = {s.neuron: s.dL_db for s in trace.steps}
    for k, level in enumerate(compiled.levels[1:], start=1):
        for key, row, col in zip(
            level.connection_keys, level.connection_rows, level.connection_cols
        ):
            assert np.isclose(
                stepper_dw[key], gradients.weights[k][row, col], rtol=1e-12, atol=1e-15
            )
        for col, neuron_id in enumerate(level.ids):
            assert np.isclose(
                stepper_db[neuron_id], gradients.biases[k][col], rtol=1e-12, atol=1e-15
            )


@SETTINGS
@given(st.data())
def test_each_step_follows_the_chain_rule(data):
    """Every record's numbers relate as the chain rule says, in a valid backward order."""
    network = data.draw(random_networks())
    x, t = data.draw(samples(network, count=1))
    trace = trace_sample(network, x[0], t[0])
    visited = [step.neuron for step in trace.steps]
    assert sorted(visited) == sorted(n.id for n in network.neurons if not n.is_input)
    position = {neuron_id: k for k, neuron_id in enumerate(visited)}
    dL_dz = {step.neuron: step.dL_dz for step in trace.steps}
    for step in trace.steps:
        for c in network.outgoing(step.neuron):
            assert position[c.target] < position[step.neuron]  # j comes after every neuron it feeds
        assert [term.target for term in step.terms] == [
            c.target for c in network.outgoing(step.neuron)
        ]
        for term in step.terms:
            assert term.dL_dz == dL_dz[term.target]
            assert term.product == term.weight * term.dL_dz
        expected = sum(term.product for term in step.terms) + (step.loss_derivative or 0.0)
        assert step.dL_dy == expected
        assert step.dL_dz == step.dy_dz * step.dL_dy
        assert step.dL_db == step.dL_dz
        for g in step.weight_grads:
            assert g.dL_dw == g.y_source * step.dL_dz


def test_a_neuron_that_reaches_no_output_gets_zero_gradient():
    from playground.model.network import Network
    from playground.model.neuron import Neuron

    network = Network()
    network.add_neuron(Neuron("i1", "input"))
    network.add_neuron(Neuron("h1", "hidden", "tanh", 0.1))
    network.add_neuron(Neuron("o1", "output", "linear", 0.0))
    network.connect("i1", "h1", 0.5)
    network.connect("i1", "o1", 2.0)
    trace = trace_sample(network, [1.0], [0.0])
    dead = next(step for step in trace.steps if step.neuron == "h1")
    assert dead.dL_dz == 0.0 and dead.weight_grads[0].dL_dw == 0.0
    compiled = CompiledNetwork(network)
    gradients = compiled.backward(compiled.forward(np.array([[1.0]])), np.array([[0.0]]))
    level, column = compiled.location["h1"]
    assert gradients.biases[level][column] == 0.0
