"""The trace's text rendering: numbers, labels, and the less usual shapes of a network."""

import math

import pytest

from playground.cli_trace_text import format_number, neuron_names, operand_format, trace_text
from playground.engine.backward_stepper import trace_sample
from playground.model.network import Network
from playground.model.neuron import Neuron
from playground.model.training_settings import TrainingSettings


@pytest.mark.parametrize(
    "value, digits, text",
    [
        (0.4, 4, "0.4"),  # exact: written as it is
        (0.05, 4, "0.05"),
        (-0.03809823651655622, 4, "−0.03810"),  # rounded: trailing zero kept
        (0.5932699921071872, 4, "0.5933"),
        (0.5932699921071872, 7, "0.5932700"),
        (1.1059059670597702, 4, "1.106"),
        (0.0, 4, "0"),
        (-0.0, 4, "0"),
        (12.0, 4, "12"),
        (1234567.0, 4, "1.235×10⁶"),
        (-0.000012345, 4, "−1.234×10⁻⁵"),  # 1.2345 rounds half to even in binary: 1.234
        (0.00043856773447434685, 4, "0.0004386"),
        (math.inf, 4, "∞"),
        (-math.inf, 4, "−∞"),
    ],
)
def test_format_number(value, digits, text):
    assert format_number(value, digits) == text


def test_operand_format_puts_negative_numbers_in_parentheses():
    operand = operand_format(lambda v: format_number(v, 4))
    assert operand(-0.5) == "(−0.5)"
    assert operand(0.5) == "0.5"


def _network(loss="squared_error", output_activation="sigmoid", training=None) -> Network:
    network = Network(
        name="small", loss=loss, training=training or TrainingSettings(learning_rate=0.5)
    )
    network.add_neuron(Neuron("i1", "input", label="x₁"))
    network.add_neuron(Neuron("h1", "hidden", "relu", 0.1, label="detector"))
    network.add_neuron(Neuron("h2", "hidden", "tanh", 0.0))  # feeds nothing: no gradient
    network.add_neuron(Neuron("o1", "output", "linear", 0.0, label="first output"))
    network.add_neuron(Neuron("o2", "output", output_activation, 0.0))
    network.connect("i1", "h1", 0.5)
    network.connect("i1", "h2", -0.3)
    network.connect("h1", "o1", 2.0)
    network.connect("o1", "o2", -1.5)  # an output that feeds another neuron
    network.connect("i1", "o2", 0.25)  # a skip connection
    return network


def _text(network: Network, x, t, digits=4) -> str:
    return trace_text(network, trace_sample(network, x, t), "heading", digits)


def test_labels_name_neurons_when_short_and_unambiguous():
    names = neuron_names(_network())
    # "first output" has a space, so o1 keeps its id in formulas.
    assert names == {"i1": "x₁", "h1": "detector", "h2": "h2", "o1": "o1", "o2": "o2"}


def test_an_output_that_feeds_another_adds_both_parts_of_dL_dy():
    network = _network()
    text = _text(network, [1.0], [0.5, 1.0])
    # By hand: z_h1 = 0.1 + 0.5 = 0.6, y_h1 = 0.6; y_o1 = 2 × 0.6 = 1.2;
    # z_o2 = −1.5 × 1.2 + 0.25 × 1 = −1.55, y_o2 = σ(−1.55).
    y_o2 = 1 / (1 + math.exp(1.55))
    dL_dz_o2 = (y_o2 - 1.0) * y_o2 * (1 - y_o2)
    dL_dy_o1 = -1.5 * dL_dz_o2 + (1.2 - 0.5)
    expected = (
        f"∂L/∂y_o1 = Σ_k w_o1,k · ∂L/∂z_k + (y − t) = −1.5 × ({format_number(dL_dz_o2)}) "
        f"+ (1.2 − 0.5) = {format_number(dL_dy_o1)}"
    )
    assert expected in text


def test_a_neuron_that_reaches_no_output_gets_zero_with_a_reason():
    text = _text(_network(), [1.0], [0.5, 1.0])
    assert "∂L/∂y_h2 = 0    (h2 feeds no other neuron and is not an output" in text


def test_piecewise_derivative_says_which_piece_z_fell_in():
    text = _text(_network(), [1.0], [0.5, 1.0])
    assert "∂y_detector/∂z_detector = 1 if z > 0, else 0 = 1    (z = 0.6 > 0)" in text
    text = _text(_network(), [-1.0], [0.5, 1.0])
    assert "= 1 if z > 0, else 0 = 0    (z = −0.4 ≤ 0)" in text


def test_labels_appear_in_headings_and_formulas():
    text = _text(_network(), [1.0], [0.5, 1.0])
    assert "h1 “detector” (hidden, relu)" in text
    assert "o1 “first output” (output, linear)" in text
    assert "∂L/∂w_x₁,detector = y_x₁ · ∂L/∂z_detector" in text


def test_binary_cross_entropy_loss_is_written_with_its_numbers():
    network = Network(
        name="bce", loss="binary_cross_entropy", training=TrainingSettings(learning_rate=0.1)
    )
    network.add_neuron(Neuron("i1", "input"))
    network.add_neuron(Neuron("o1", "output", "sigmoid", 0.0))
    network.connect("i1", "o1", 1.0)
    text = _text(network, [0.0], [1.0])
    # y = σ(0) = 0.5, L = −ln 0.5 = 0.6931, ∂L/∂y = (0.5 − 1) / (0.5 × 0.5) = −2.
    assert "L = −[1 × ln 0.5 + (1 − 1) × ln(1 − 0.5)] = 0.6931" in text
    assert "∂L/∂y_o1 = (y − t) / (y(1 − y)) = (0.5 − 1) / (0.5 × (1 − 0.5)) = −2" in text


def test_l2_and_momentum_are_written_into_the_update():
    network = _network(training=TrainingSettings(learning_rate=0.5, momentum=0.9, l2=0.01))
    text = _text(network, [1.0], [0.5, 1.0])
    assert "w ← w − η · (∂L/∂w + λ · w)" in text and "λ = 0.01" in text
    assert "momentum 0.9 adds nothing to a first step" in text
    # w_x₁,h2 gets no gradient; only weight decay moves it: −0.3 − 0.5 × (0 + 0.01 × (−0.3)) = −0.2985
    assert "w_x₁,h2" in text and "= −0.3 − 0.5 × (0 + 0.01 × (−0.3))" in text and "−0.2985" in text


def test_every_activation_writes_its_applied_form():
    for activation in (
        "linear",
        "sigmoid",
        "tanh",
        "relu",
        "leaky_relu",
        "elu",
        "softplus",
        "swish",
        "sin",
    ):
        network = Network(name=activation)
        network.add_neuron(Neuron("i1", "input"))
        network.add_neuron(Neuron("o1", "output", activation, 0.0))
        network.connect("i1", "o1", 1.0)
        text = _text(network, [-0.5], [0.0])
        assert "y_o1 = " in text and "∂y_o1/∂z_o1 = " in text, activation
        assert "{" not in text and "-" not in text.replace("−", ""), activation
