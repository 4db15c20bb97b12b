"""The one description of a trace: written forms that compute what f, f' and the loss compute.

Each written form, with every digit of its numbers put in, is read back as
arithmetic (× is *, σ is the logistic function, …) and evaluated: it must give
the engine's own value. So a written formula that says something else fails.
"""

import math
import re

import pytest

from playground.engine.activations import ACTIVATION_FUNCTIONS
from playground.engine.backward_stepper import forward_order, forward_step, trace_sample
from playground.engine.losses import LOSS_FUNCTIONS
from playground.engine.minibatch import trace_minibatch
from playground.engine.trace_description import TraceDescriber
from playground.engine.written import Num, plain
from playground.model.network import Network
from playground.model.neuron import Neuron
from playground.model.training_settings import TrainingSettings

FULL = 17  # digits: every digit of a float, so the written form evaluates to the value itself


def _sigmoid(z: float) -> float:
    return 1 / (1 + math.exp(-z))


def evaluate(text: str) -> float:
    """A written formula with numbers, read back as Python arithmetic."""
    python = text.replace("−", "-").replace("×", "*").replace("·", "*").replace("²", "**2")
    python = python.replace("[", "(").replace("]", ")").replace("½", "0.5")
    python = re.sub(r"e\^(\([^()]*\)|[\d.]+)", r"exp(\1)", python)
    python = re.sub(r"\bln ([\d.]+|\([^()]*\))", r"log(\1)", python)
    python = python.replace("ln(", "log(")
    names = {
        "sigma": _sigmoid,
        "exp": math.exp,
        "log": math.log,
        "tanh": math.tanh,
        "cos": math.cos,
        "sin": math.sin,
        "max": max,
        "elu": lambda z: z if z > 0 else math.expm1(z),
    }
    return float(eval(python.replace("σ(", "sigma("), names))


def one_neuron(activation: str, loss: str = "squared_error", bias: float = 0.0) -> Network:
    network = Network(name="one", loss=loss, training=TrainingSettings(learning_rate=0.5))
    network.add_neuron(Neuron("i1", "input"))
    network.add_neuron(Neuron("o1", "output", activation, bias))
    network.connect("i1", "o1", 1.0)
    return network


@pytest.mark.parametrize("activation", sorted(ACTIVATION_FUNCTIONS))
@pytest.mark.parametrize("z", [-0.7, 0.45])
def test_each_activation_writes_f_and_f_prime_that_compute_its_values(activation, z):
    network = one_neuron(activation)
    trace = trace_sample(network, [z], [0.2])
    describer = TraceDescriber(network)
    forward = describer.forward(forward_step(network, trace.forward, "o1"))
    f_rows = [plain(row.expr, FULL) for row in forward.activation.rows]
    assert f_rows[0] == ACTIVATION_FUNCTIONS[activation].symbol.replace("z", "z_o1")
    assert evaluate(f_rows[-2] if activation != "linear" else f_rows[-1]) == pytest.approx(
        trace.forward["o1"].y, rel=1e-12, abs=1e-15
    )
    (step,) = trace.steps
    slope = describer.neuron(step).slope
    rows = [plain(row.expr, FULL) for row in slope.rows]
    assert rows[0] == ACTIVATION_FUNCTIONS[activation].derivative
    # f' with its numbers; a piecewise f' has them only on a side whose piece is not a constant.
    piecewise = ACTIVATION_FUNCTIONS[activation].piecewise
    worked = rows[1] if len(rows) == 3 else piecewise.piece(step.z)  # type: ignore[union-attr]
    assert evaluate(worked) == pytest.approx(step.dy_dz, rel=1e-12, abs=1e-15)
    assert slope.result.value == step.dy_dz


@pytest.mark.parametrize(
    "activation, above, below",
    [("relu", "1", "0"), ("leaky_relu", "1", "0.01"), ("elu", "1", "e^z")],
)
def test_a_piecewise_f_prime_says_which_side_of_its_kink_z_fell_on(activation, above, below):
    assert ACTIVATION_FUNCTIONS[activation].derivative == f"{above} if z > 0, else {below}"
    for z, is_above in ((0.3, True), (-0.3, False), (0.0, False)):
        network = one_neuron(activation)
        (step,) = trace_sample(network, [z], [0.0]).steps
        slope = TraceDescriber(network).neuron(step).slope
        assert slope.kink is not None
        assert slope.kink.above is is_above
        assert slope.kink.z.value == step.z and slope.kink.kink == 0.0
        piece = above if is_above else below
        # The shown rows: f' written, the piece with its number when it has one, the value.
        shown = [plain(row.expr, 4) for row in slope.shown(4)]
        expected_value = {"1": 1.0, "0": 0.0, "0.01": 0.01}.get(piece, math.exp(z))
        assert step.dy_dz == pytest.approx(expected_value)
        assert shown[0] == f"{above} if z > 0, else {below}"
        if piece == "e^z":
            assert shown[1] == f"e^{'(−0.3)' if z else '0'}"


@pytest.mark.parametrize("activation", ["linear", "sigmoid", "tanh", "softplus", "swish", "sin"])
def test_a_smooth_activation_has_no_kink(activation):
    network = one_neuron(activation)
    (step,) = trace_sample(network, [0.3], [0.0]).steps
    assert TraceDescriber(network).neuron(step).slope.kink is None
    assert ACTIVATION_FUNCTIONS[activation].piecewise is None


@pytest.mark.parametrize("loss", sorted(LOSS_FUNCTIONS))
@pytest.mark.parametrize("x, t", [(0.8, 1.0), (-1.3, 0.0), (0.2, 0.25)])
def test_each_loss_writes_its_value_and_gradient_that_compute_them(loss, x, t):
    network = one_neuron("sigmoid", loss)
    trace = trace_sample(network, [x], [t])
    describer = TraceDescriber(network)
    described = describer.loss(trace)
    assert plain(described.formula, 4) == LOSS_FUNCTIONS[loss].formula.removeprefix("L = ")
    (share,) = described.shares
    assert evaluate(plain(share.rows[0].expr, FULL)) == pytest.approx(trace.loss, rel=1e-12)
    assert evaluate(plain(described.together, FULL)) == pytest.approx(trace.loss, rel=1e-12)
    assert described.total.value == trace.loss
    (step,) = trace.steps
    gradient = describer.neuron(step).loss_gradient
    assert gradient is not None
    written, numbers, value = (plain(row.expr, FULL) for row in gradient.rows)
    assert written == LOSS_FUNCTIONS[loss].derivative
    y = trace.forward["o1"].y
    by_hand = y - t if loss == "squared_error" else (y - t) / (y * (1 - y))
    assert evaluate(numbers) == pytest.approx(by_hand, rel=1e-9)
    assert float(value.replace("−", "-")) == step.loss_derivative
    assert gradient.result.value == step.loss_derivative
    # Each number is named by what it is, never guessed from its value: y and t stay apart
    # even when they are equal.
    names = {token.name for row in gradient.rows for token in row.expr if isinstance(token, Num)}
    assert names == {"y_o1", "t_o1", "∂L/∂y_o1 from the loss"}


def test_the_loss_of_two_outputs_is_written_per_output_and_summed():
    network = one_neuron("sigmoid")
    network.add_neuron(Neuron("o2", "output", "tanh", 0.1))
    network.connect("i1", "o2", -2.0)
    trace = trace_sample(network, [0.5], [0.3, -0.4])
    described = TraceDescriber(network).loss(trace)
    shares = [evaluate(plain(s.rows[0].expr, FULL)) for s in described.shares]
    assert sum(shares) == pytest.approx(trace.loss, rel=1e-12)
    assert evaluate(plain(described.together, FULL)) == pytest.approx(trace.loss, rel=1e-12)
    assert plain(described.sum_of_shares.expr, 4).count(" + ") == 1


def two_two_two() -> Network:
    from playground.model.examples import example_path
    from playground.model.network_file import load_network

    return load_network(example_path("two_two_two"))


def test_values_in_the_description_are_the_traces_own_numbers():
    network = two_two_two()
    trace = trace_sample(network, [0.05, 0.1], [0.01, 0.99])
    describer = TraceDescriber(network)
    for step in trace.steps:
        described = describer.neuron(step)
        assert described.gather.result.value == step.dL_dy
        assert described.slope.result.value == step.dy_dz
        assert described.chain.result.value == step.dL_dz
        assert described.bias.result.value == step.dL_db
        assert [d.result.value for d in described.weights] == [g.dL_dw for g in step.weight_grads]
        numbers = [t for row in described.gather.rows for term in row.terms for t in term]
        values = {t.value for t in numbers if isinstance(t, Num)}
        assert {term.weight for term in step.terms} <= values
        assert {term.dL_dz for term in step.terms} <= values
    for neuron_id in forward_order(network):
        forward = describer.forward(forward_step(network, trace.forward, neuron_id))
        assert forward.weighted_sum.result.value == trace.forward[neuron_id].z
        assert forward.activation.result.value == trace.forward[neuron_id].y
    update = describer.sample_update(trace, trace.update)
    assert [row.after.value for row in update.rows] == [w.after for w in trace.update.weights] + [
        b.after for b in trace.update.biases
    ]
    for row in update.rows:
        # after = before − η × (gradient + regularisation), from the description's own numbers.
        regular = sum(evaluate(plain(term, FULL)) for term in row.regularisation)
        gradient = row.gradient.value + regular
        expected = row.before.value if row.fixed else row.before.value - row.rate.value * gradient
        assert row.after.value == pytest.approx(expected, abs=1e-15)


def test_l2_is_a_regularisation_term_of_each_weights_row():
    network = two_two_two()
    network.training = TrainingSettings(learning_rate=0.5, l2=0.1)
    trace = trace_sample(network, [0.05, 0.1], [0.01, 0.99])
    update = TraceDescriber(network).sample_update(trace, trace.update)
    assert plain(update.weight_rule, 4) == "w ← w − η · (∂L/∂w + λ · w)"
    weights = [row for row in update.rows if row.parameter.letter == "w"]
    assert all(len(row.regularisation) == 1 for row in weights)
    first = weights[0]
    assert plain(first.step_gradient, 4).endswith(" + 0.1 × 0.15)")  # λ × w_i1,h1 before
    assert all(not row.regularisation for row in update.rows if row.parameter.letter == "b")


def test_the_minibatch_means_are_the_samples_gradients_averaged():
    network = two_two_two()
    batch = trace_minibatch(network, [[0.05, 0.1], [0.5, -0.2]], [[0.01, 0.99], [1.0, 0.0]])
    describer = TraceDescriber(network)
    rows = describer.means(batch)
    assert len(rows) == len(network.connections) + 4
    for row in rows:
        assert len(row.values) == 2
        assert row.mean.value == pytest.approx(sum(row.values) / 2, abs=1e-17)
    loss = describer.batch_loss(batch)
    assert loss.values == tuple(one.loss for one in batch.samples)
    assert loss.mean.value == batch.loss
